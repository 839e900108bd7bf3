// SPDX-License-Identifier: MIT
#include "io/exporter.hpp"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "core/error.hpp"
#include "geo/geos.hpp"
#include "io/file_util.hpp"
#include "io/gdal.hpp"
#include "io/layer_writer.hpp"
#include "io/qgis_style.hpp"
#include "io/store.hpp"

namespace zoning::io {

namespace {

std::vector<std::string> present_values(const core::Layer& l) {
    const auto& st = l.spec->style;
    std::set<std::string> values;
    if (st.renderer == "landuse")
        for (auto& f : l.features) values.insert(l.text(f, st.attribute));
    return {values.begin(), values.end()};
}

void write_layer_styles(GDALDataset& ds, const std::vector<const core::Layer*>& layers, const core::Catalog& catalog, const std::string& shown) {
    GdalErrorScope scope;
    const char* opts[] = {"FID=id", nullptr};
    OGRLayer* t = ds.CreateLayer("layer_styles", nullptr, wkbNone, const_cast<char**>(opts));
    if (!t) throw core::output_error(shown, "cannot create layer_styles: " + scope.message());
    auto field = [&](const char* name, OGRFieldType type, int width = 0, OGRFieldSubType sub = OFSTNone) {
        OGRFieldDefn fd(name, type);
        if (width) fd.SetWidth(width);
        if (sub != OFSTNone) fd.SetSubType(sub);
        if (std::string(name) == "update_time") fd.SetDefault("CURRENT_TIMESTAMP");
        t->CreateField(&fd);
    };
    // The columns QGIS 3.22 reads and writes itself (../shared/CLIENTS.md, verified byte for byte).
    field("f_table_catalog", OFTString, 256);
    field("f_table_schema", OFTString, 256);
    field("f_table_name", OFTString, 256);
    field("f_geometry_column", OFTString, 256);
    field("styleName", OFTString, 30);
    field("styleQML", OFTString);
    field("styleSLD", OFTString);
    field("useAsDefault", OFTInteger, 0, OFSTBoolean);
    field("description", OFTString);
    field("owner", OFTString, 30);
    field("ui", OFTString, 30);
    field("update_time", OFTDateTime);
    for (const core::Layer* l : layers) {
        if (l->spec->geometry == core::GeomKind::none) continue;
        OGRFeature f(t->GetLayerDefn());
        auto values = present_values(*l);
        f.SetField("f_table_catalog", "");
        f.SetField("f_table_schema", "");  // '' not NULL: QGIS filters on f_table_schema = ''
        f.SetField("f_table_name", l->spec->name.c_str());
        f.SetField("f_geometry_column", "geom");
        f.SetField("styleName", l->spec->name.c_str());
        f.SetField("styleQML", qgis_qml(*l->spec, catalog.landuse(), values).c_str());
        f.SetField("styleSLD", sld(*l->spec, catalog.landuse(), values).c_str());
        f.SetField("useAsDefault", 1);
        f.SetField("description", (l->spec->title_zh + " / " + l->spec->title_en).c_str());
        f.SetField("owner", "");
        if (t->CreateFeature(&f) != OGRERR_NONE) throw core::output_error(shown, "cannot write layer_styles: " + scope.message());
    }
}

void copy_tables(GDALDataset& ds, const core::Dataset& store, const core::Catalog& catalog, const std::string& shown) {
    OGRLayer* meta = create_attribute_table(ds, kMetadataTable, {{"key", OFTString}, {"value", OFTString}}, shown);
    for (auto& [k, v] : store.metadata) add_row(meta, {k, v}, shown);
    OGRLayer* lu = create_attribute_table(ds, kLanduseTable, {{"code", OFTString}, {"name_zh", OFTString}, {"name_en", OFTString}, {"color", OFTString}}, shown);
    for (auto& c : catalog.landuse().classes()) add_row(lu, {c.code, c.name_zh, c.name_en, c.color}, shown);
}

geo::Envelope extent_of(const core::Layer& l) {
    geo::GeosContext ctx;
    geo::Envelope e{0, 0, 0, 0};
    bool first = true;
    for (auto& f : l.features) {
        if (f.wkb.empty()) continue;
        geo::Envelope fe = geo::envelope(ctx, geo::from_wkb(ctx, f.wkb).get());
        if (first) e = fe;
        e.minx = std::min(e.minx, fe.minx), e.miny = std::min(e.miny, fe.miny), e.maxx = std::max(e.maxx, fe.maxx), e.maxy = std::max(e.maxy, fe.maxy);
        first = false;
    }
    return e;
}

}  // namespace

std::string dbf_field_name(const core::FieldSpec& f) { return f.dbf_name.empty() ? f.name : f.dbf_name; }

ExportSummary export_layers(const std::filesystem::path& dir, const core::Dataset& store, const std::vector<core::Layer>& analysis,
                            const core::Catalog& catalog, const ExportOptions& opt) {
    std::vector<const core::Layer*> layers;
    for (auto& l : store.layers) layers.push_back(&l);
    for (auto& l : analysis) layers.push_back(&l);
    AtomicDir out(dir, opt.force);
    ExportSummary summary;
    summary.layers = layers.size();
    OGRSpatialReference srs = work_srs();

    if (opt.format == "qgis" || opt.format == "gpkg") {
        const std::string file = opt.name + ".gpkg";
        const std::string shown = (dir / file).string();
        GDALDatasetUniquePtr ds = create_dataset("GPKG", out.temp() / file, shown);
        for (auto* l : layers) write_feature_layer(*ds, *l, srs, shown, {"GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES"});
        ds->StartTransaction();
        copy_tables(*ds, store, catalog, shown);
        if (opt.format == "qgis") {
            write_layer_styles(*ds, layers, catalog, shown);
            summary.styles = layers.size();
        }
        if (ds->CommitTransaction() != OGRERR_NONE) throw core::output_error(shown, "cannot commit (disk full?)");
        close_or_throw(ds, shown);
        summary.files.push_back(file);
        if (opt.format == "qgis") {
            // Legend groups; drawing order: the boundary on top, then lines, then polygons, parcels at the bottom.
            const std::vector<std::string> groups = {"规划分区", "五区四圈两带一楼宇", "一带一区三核五廊", "项目", "分析结果", "用地", "基础地理"};
            const std::vector<std::string> order = {"boundary", "roads", "axes", "conflicts", "projects", "redevelopment_areas", "service_layout",
                                                    "eco_structure", "industrial_parks", "functional_zones", "water", "project_coverage",
                                                    "overlay_landuse", "parcels", "progress"};
            std::vector<QgsLayer> q;
            for (auto& name : order)
                for (auto* l : layers)
                    if (l->spec->name == name) {
                        QgsLayer ql;
                        // QGIS replaces ids it does not take for its own (e.g. bare "boundary"): make them unmistakable.
                        ql.id = "zoning_" + name;
                        ql.name = l->spec->title_zh;
                        ql.table = name;
                        ql.group = l->spec->group == "基础地理" || l->spec->group == "用地" || std::find(groups.begin(), groups.end(), l->spec->group) != groups.end()
                                       ? l->spec->group
                                       : "分析结果";
                        ql.spec = l->spec;
                        ql.present_values = present_values(*l);
                        // Analysis pieces repeat what the frames show: off until asked for.
                        ql.visible = name != "overlay_landuse" && name != "project_coverage";
                        geo::Envelope e = extent_of(*l);
                        ql.xmin = e.minx, ql.ymin = e.miny, ql.xmax = e.maxx, ql.ymax = e.maxy;
                        q.push_back(std::move(ql));
                    }
            const std::string qgs = opt.name + ".qgs";
            std::ofstream f(out.temp() / qgs, std::ios::binary);
            f << qgs_project(store.metadata.count("name") ? store.metadata.at("name") : opt.name, file, groups, q, catalog.landuse());
            if (!f) throw core::output_error((dir / qgs).string(), "cannot write");
            summary.files.push_back(qgs);
        }
    } else if (opt.format == "shp" || opt.format == "geojson") {
        for (auto* l : layers) {
            const bool shp = opt.format == "shp";
            const std::string file = l->spec->name + (shp ? (l->spec->geometry == core::GeomKind::none ? ".dbf" : ".shp") : ".geojson");
            const std::string shown = (dir / file).string();
            GDALDatasetUniquePtr ds = create_dataset(shp ? "ESRI Shapefile" : "GeoJSON", out.temp() / file, shown);
            std::map<std::string, std::string> rename;
            std::vector<std::string> options;
            if (shp) {
                std::set<std::string> used;
                for (auto& fs : l->spec->fields) {
                    std::string n = dbf_field_name(fs);
                    // A DBF name is 10 bytes; truncating would collide (built_floor_m2 / built_floor_...).
                    if (n.size() > 10 || !used.insert(n).second)
                        throw core::Error(core::ExitCode::internal, core::FeatureRef{l->spec->file.string(), l->spec->name, {}, {}},
                                          "field '" + fs.name + "' needs a unique dbf_name of at most 10 characters");
                    if (n != fs.name) rename[fs.name] = n;
                }
                options.push_back(std::string("ENCODING=") + (opt.encoding == "GBK" ? "CP936" : "UTF-8"));
            } else {
                options = {"RFC7946=YES", "WRITE_NAME=NO"};  // RFC 7946: GDAL writes lon/lat (EPSG:4326)
            }
            write_feature_layer(*ds, *l, srs, shown, options, rename);
            close_or_throw(ds, shown);
            summary.files.push_back(file);
        }
    } else {
        throw core::bad_input(core::FeatureRef{}, "unknown export format '" + opt.format + "' (qgis, gpkg, shp, geojson)");
    }
    out.commit();
    return summary;
}

}  // namespace zoning::io
