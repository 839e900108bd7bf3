// SPDX-License-Identifier: MIT
#include "io/layer_writer.hpp"

#include "core/error.hpp"

namespace zoning::io {

using core::FeatureRef;

namespace {

OGRFieldType ogr_type(core::FieldType t) {
    switch (t) {
        case core::FieldType::integer: return OFTInteger64;
        case core::FieldType::real: return OFTReal;
        default: return OFTString;
    }
}

}  // namespace

OGRLayer* write_feature_layer(GDALDataset& ds, const core::Layer& layer, const OGRSpatialReference& srs, const std::string& path,
                              const std::vector<std::string>& options, const std::map<std::string, std::string>& rename) {
    const core::LayerSpec& spec = *layer.spec;
    GdalErrorScope scope;
    CPLStringList opts;
    for (auto& o : options) opts.AddString(o.c_str());
    if (std::string(ds.GetDriverName()) == "GPKG") {
        opts.SetNameValue("IDENTIFIER", spec.title_zh.c_str());
        opts.SetNameValue("DESCRIPTION", spec.title_en.c_str());
    }
    OGRwkbGeometryType gt = spec.geometry == core::GeomKind::polygon ? wkbMultiPolygon
                            : spec.geometry == core::GeomKind::line  ? wkbMultiLineString
                                                                     : wkbNone;
    OGRLayer* l = ds.CreateLayer(spec.name.c_str(), gt == wkbNone ? nullptr : const_cast<OGRSpatialReference*>(&srs), gt, opts.List());
    if (!l) throw core::output_error(path, "cannot create layer " + spec.name + ": " + scope.message());
    for (auto& fs : spec.fields) {
        auto renamed = rename.find(fs.name);
        OGRFieldDefn fd(renamed == rename.end() ? fs.name.c_str() : renamed->second.c_str(), ogr_type(fs.type));
        if (l->CreateField(&fd) != OGRERR_NONE) throw core::output_error(path, "cannot create field " + spec.name + "." + fs.name);
    }
    // One transaction per layer, begun after the layer exists: GDAL's GeoPackage driver then
    // defers the R-tree and fills it in bulk at commit, several times faster than per insert.
    const bool transaction = ds.TestCapability(ODsCTransactions) && ds.StartTransaction() == OGRERR_NONE;
    OGRFeatureDefn* defn = l->GetLayerDefn();
    for (const auto& feat : layer.features) {
        OGRFeature f(defn);
        f.SetFID(feat.fid);
        for (std::size_t i = 0; i < feat.values.size(); ++i) {
            const auto& v = feat.values[i];
            int idx = static_cast<int>(i);
            if (auto* s = std::get_if<std::string>(&v)) f.SetField(idx, s->c_str());
            else if (auto* n = std::get_if<std::int64_t>(&v)) f.SetField(idx, static_cast<GIntBig>(*n));
            else if (auto* d = std::get_if<double>(&v)) f.SetField(idx, *d);
            else f.SetFieldNull(idx);
        }
        if (gt != wkbNone) {
            OGRGeometryUniquePtr g = ogr_from_wkb(feat.wkb);
            if (!g) throw core::Error(core::ExitCode::internal, FeatureRef{path, spec.name, feat.fid, {}}, "bad WKB in memory");
            f.SetGeometryDirectly(g.release());
        }
        if (l->CreateFeature(&f) != OGRERR_NONE)
            throw core::output_error(path, "cannot write " + spec.name + " fid " + std::to_string(feat.fid) + ": " + scope.message());
    }
    if (transaction && ds.CommitTransaction() != OGRERR_NONE)
        throw core::output_error(path, "cannot commit " + spec.name + ": " + scope.message_or("disk full?"));
    return l;
}

OGRLayer* create_attribute_table(GDALDataset& ds, const char* name, const std::vector<std::pair<const char*, OGRFieldType>>& fields,
                                 const std::string& path) {
    GdalErrorScope scope;
    const char* opts[] = {"FID=fid", nullptr};
    OGRLayer* l = ds.CreateLayer(name, nullptr, wkbNone, const_cast<char**>(opts));
    if (!l) throw core::output_error(path, std::string("cannot create table ") + name + ": " + scope.message());
    for (auto& [fname, ftype] : fields) {
        OGRFieldDefn fd(fname, ftype);
        if (l->CreateField(&fd) != OGRERR_NONE) throw core::output_error(path, std::string("cannot create field ") + fname);
    }
    return l;
}

void add_row(OGRLayer* l, const std::vector<std::string>& values, const std::string& path) {
    OGRFeature f(l->GetLayerDefn());
    for (std::size_t i = 0; i < values.size(); ++i) f.SetField(static_cast<int>(i), values[i].c_str());
    if (l->CreateFeature(&f) != OGRERR_NONE) throw core::output_error(path, std::string("cannot write to ") + l->GetName());
}

}  // namespace zoning::io
