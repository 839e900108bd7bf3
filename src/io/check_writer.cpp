// SPDX-License-Identifier: MIT
#include "io/check_writer.hpp"

#include "core/error.hpp"
#include "io/file_util.hpp"
#include "io/gdal.hpp"

namespace zoning::io {

namespace {
/// QGIS wants one geometry type per layer: polygons become one-part multipolygons.
/// Null for empty WKB (no overlap geometry), which leaves the feature without one.
OGRGeometry* multipolygon_from_wkb(const std::string& wkb) {
    OGRGeometryUniquePtr g = ogr_from_wkb(wkb);
    return g ? OGRGeometryFactory::forceToMultiPolygon(g.release()) : nullptr;
}
}  // namespace

void write_check_results(const std::filesystem::path& path, const std::vector<core::SitingResult>& results,
                         const std::vector<CheckRowText>& texts, const std::string& work_crs) {
    AtomicFile out(path);
    {
        GdalErrorScope scope;  // before the dataset: errors while it closes on the way out are ours too
        GDALDatasetUniquePtr ds = create_dataset("GPKG", out.temp_path(), path.string());
        OGRSpatialReference srs = work_srs(work_crs);
        const char* opts[] = {"GEOMETRY_NAME=geom", "FID=fid", nullptr};
        ds->StartTransaction();
        OGRLayer* res = ds->CreateLayer("check_results", &srs, wkbMultiPolygon, const_cast<char**>(opts));
        OGRLayer* ovl = ds->CreateLayer("check_overlaps", &srs, wkbMultiPolygon, const_cast<char**>(opts));
        if (!res || !ovl) throw core::output_error(path.string(), "cannot create layers: " + scope.message());
        for (const char* f : {"proposal_id", "name", "landuse", "verdict", "rules", "reasons", "control_lines", "indicators"}) {
            OGRFieldDefn fd(f, OFTString);
            res->CreateField(&fd);
        }
        OGRFieldDefn ec("exit_code", OFTInteger), area("area_m2", OFTReal);
        res->CreateField(&ec);
        res->CreateField(&area);
        for (const char* f : {"proposal_id", "rule", "severity", "with_layer", "with_id", "with_name", "reason"}) {
            OGRFieldDefn fd(f, OFTString);
            ovl->CreateField(&fd);
        }
        OGRFieldDefn om2("overlap_m2", OFTReal);
        ovl->CreateField(&om2);
        for (std::size_t i = 0; i < results.size(); ++i) {
            const auto& r = results[i];
            OGRFeature f(res->GetLayerDefn());
            std::string rules, text;
            for (auto& c : r.conflicts) rules += (rules.empty() ? "" : "; ") + c.rule;
            for (auto& s : texts[i].reasons) text += (text.empty() ? "" : " | ") + s;
            f.SetField("proposal_id", r.proposal.id.c_str());
            f.SetField("name", r.proposal.name.c_str());
            f.SetField("landuse", r.proposal.landuse.c_str());
            const bool error = !r.proposal.error.empty();  // a batch row that could not be checked: no geometry, the reason
            f.SetField("verdict", error ? "error" : core::to_string(r.verdict));
            f.SetField("rules", rules.c_str());
            f.SetField("reasons", text.c_str());
            f.SetField("control_lines", texts[i].control_lines.c_str());
            f.SetField("indicators", texts[i].indicators.c_str());
            f.SetField("exit_code", error ? 3 : static_cast<int>(r.verdict));
            f.SetField("area_m2", r.area_m2);
            f.SetGeometryDirectly(multipolygon_from_wkb(r.proposal.wkb));
            if (res->CreateFeature(&f) != OGRERR_NONE) throw core::output_error(path.string(), "cannot write: " + scope.message());
            for (auto& c : r.conflicts) {
                OGRFeature o(ovl->GetLayerDefn());
                o.SetField("proposal_id", r.proposal.id.c_str());
                o.SetField("rule", c.rule.c_str());
                o.SetField("severity", c.severity.c_str());
                if (c.features.size() > 1) {
                    o.SetField("with_layer", c.features[1].layer.c_str());
                    o.SetField("with_id", c.features[1].id.c_str());
                    o.SetField("with_name", c.features[1].name.c_str());
                }
                o.SetField("reason", c.reason_zh.c_str());
                o.SetField("overlap_m2", c.overlap_m2);
                o.SetGeometryDirectly(multipolygon_from_wkb(c.overlap_wkb));
                if (ovl->CreateFeature(&o) != OGRERR_NONE) throw core::output_error(path.string(), "cannot write: " + scope.message());
            }
        }
        if (ds->CommitTransaction() != OGRERR_NONE) throw core::output_error(path.string(), "cannot commit: " + scope.message());
        close_or_throw(ds, path.string());
    }
    out.commit();
}

}  // namespace zoning::io
