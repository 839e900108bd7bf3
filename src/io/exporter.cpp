// SPDX-License-Identifier: MIT
#include "io/exporter.hpp"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <future>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "core/error.hpp"
#include "geo/geos.hpp"
#include "io/file_util.hpp"
#include "io/gdal.hpp"
#include "io/layer_writer.hpp"
#include "io/qgis_style.hpp"
#include "io/store.hpp"

namespace zoning::io {

std::vector<std::string> present_values(const core::Layer& l) {
    const auto& st = l.spec->style;
    std::set<std::string> values;
    if (st.renderer != "single")  // land-use codes, and categorized values the catalog may not list
        for (auto& f : l.features) values.insert(l.text(f, st.attribute));
    return {values.begin(), values.end()};
}

const std::vector<std::string>& qgis_layer_order() {
    static const std::vector<std::string> order = {"boundary", "roads", "axes", "conflicts", "projects", "redevelopment_areas", "service_layout",
                                                   "eco_structure", "industrial_parks", "functional_zones", "water", "project_coverage",
                                                   "overlay_landuse", "parcels", "progress"};
    return order;
}

/// Legend groups, each once, in the order of their first layer in `layers` (the catalog's order,
/// then the analysis), except that the groups of the base layers (land use, then base geography:
/// those of parcels, roads, water) come last, below the plan's frames, projects and analysis.
/// The names are the catalog's or the dataset's (dataset.toml [groups]).
std::vector<std::string> group_order(const std::vector<const core::Layer*>& layers) {
    auto group_of = [](const core::Layer* l) { return l->spec->group.empty() ? std::string(kUngrouped) : l->spec->group; };
    std::vector<std::string> base, out;
    for (const char* name : {"parcels", "roads", "water"})
        for (const core::Layer* l : layers)
            if (l->spec->name == name && std::find(base.begin(), base.end(), group_of(l)) == base.end()) base.push_back(group_of(l));
    for (const core::Layer* l : layers)
        if (std::find(base.begin(), base.end(), group_of(l)) == base.end() && std::find(out.begin(), out.end(), group_of(l)) == out.end())
            out.push_back(group_of(l));
    out.insert(out.end(), base.begin(), base.end());
    return out;
}

namespace {

/// The table QGIS keeps its styles in, empty: made with the other layers, so it stands where QGIS's own would.
OGRLayer* create_layer_styles(GDALDataset& ds, const std::string& shown) {
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
    // GDAL makes a table at its first row or at close; made now, it stands where it stood when
    // written with its rows in this session, before the feature layers, and its count is known (0).
    if (t->SyncToDisk() != OGRERR_NONE) throw core::output_error(shown, "cannot create layer_styles: " + scope.message());
    return t;
}

/// One style per layer with geometry into layer_styles; `values[i]` is present_values(*layers[i]).
void write_layer_styles(OGRLayer* t, const std::vector<const core::Layer*>& layers, const std::vector<std::vector<std::string>>& values,
                        const core::Catalog& catalog, const std::string& shown) {
    GdalErrorScope scope;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const core::Layer* l = layers[i];
        if (l->spec->geometry == core::GeomKind::none) continue;
        OGRFeature f(t->GetLayerDefn());
        const std::vector<std::string>& present = values[i];
        f.SetField("f_table_catalog", "");
        f.SetField("f_table_schema", "");  // '' not NULL: QGIS filters on f_table_schema = ''
        f.SetField("f_table_name", l->spec->name.c_str());
        f.SetField("f_geometry_column", "geom");
        f.SetField("styleName", l->spec->name.c_str());
        f.SetField("styleQML", qgis_qml(*l->spec, catalog.landuse(), present).c_str());
        f.SetField("styleSLD", sld(*l->spec, catalog.landuse(), present).c_str());
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

constexpr std::size_t kDbfNameBytes = 10;   // a DBF field name
constexpr std::size_t kDbfTextBytes = 254;  // a DBF text value

/// `s` cut to at most `n` bytes without splitting a UTF-8 character.
std::string utf8_prefix(const std::string& s, std::size_t n) {
    if (s.size() <= n) return s;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

std::string upper_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

/// The DBF field names of a Shapefile layer, as renames for write_feature_layer. A name over
/// 10 bytes, or two fields with one DBF name (DBF names ignore case), is an error naming the
/// layer file and the field: GDAL would truncate and rename on its own, and the export's
/// columns would no longer be the documented ones.
std::map<std::string, std::string> dbf_renames(const core::LayerSpec& spec) {
    const core::FeatureRef where{spec.file.string(), spec.name, {}, {}};
    std::map<std::string, std::string> rename, used;  // upper-cased DBF name -> field
    for (auto& fs : spec.fields) {
        const std::string n = dbf_field_name(fs);
        if (n.size() > kDbfNameBytes) {
            std::string suggestion = utf8_prefix(fs.name, kDbfNameBytes);
            for (int i = 2; used.count(upper_ascii(suggestion)); ++i)
                suggestion = utf8_prefix(fs.name, kDbfNameBytes - 1 - std::to_string(i).size()) + "_" + std::to_string(i);
            const std::string what = fs.dbf_name.empty() ? "field '" + fs.name + "'" : "dbf_name '" + n + "' of field '" + fs.name + "'";
            throw core::bad_input(where, what + " is " + std::to_string(n.size()) + " bytes, more than the " + std::to_string(kDbfNameBytes) +
                                             " a Shapefile (DBF) field name holds: give the field dbf_name = \"" + suggestion + "\" in " +
                                             spec.file.filename().string() + ", or export --format gpkg or geojson");
        }
        auto [it, fresh] = used.emplace(upper_ascii(n), fs.name);
        if (!fresh)
            throw core::bad_input(where, "fields '" + it->second + "' and '" + fs.name + "' would both be DBF field '" + n +
                                             "' (DBF names ignore case): give one of them another dbf_name");
        if (n != fs.name) rename[fs.name] = n;
    }
    return rename;
}

/// `utf8` in CP936 (GBK), or nullopt when GBK lacks one of its characters.
std::optional<std::string> to_gbk(const std::string& utf8) {
    GdalErrorScope quiet;  // GDAL warns once per process about characters it could not convert
    CplString gbk(CPLRecode(utf8.c_str(), CPL_ENC_UTF8, "CP936"));
    CplString back(CPLRecode(gbk.get(), "CP936", CPL_ENC_UTF8));
    if (!gbk || !back || utf8 != back.get()) return std::nullopt;
    return std::string(gbk.get());
}

/// The first character of `utf8` GBK lacks, as "'😀' (U+1F600)".
std::string first_non_gbk(const std::string& utf8) {
    for (std::size_t i = 0; i < utf8.size();) {
        const unsigned char c = static_cast<unsigned char>(utf8[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        const std::string ch = utf8.substr(i, len);
        if (!to_gbk(ch)) {
            std::uint32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
            for (std::size_t k = 1; k < ch.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(ch[k]) & 0x3F);
            char hex[16];
            std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
            return "'" + ch + "' (" + hex + ")";
        }
        i += len;
    }
    return "a character";
}

/// m² and m³ in GBK: GBK has no superscript digits; Chinese GIS tables write m2 and m3.
bool gbk_spelling(std::string& s) {
    bool changed = false;
    for (auto [from, to] : {std::pair{"\u00B2", "2"}, std::pair{"\u00B3", "3"}})
        for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at)) {
            s.replace(at, std::string(from).size(), to);
            changed = true;
        }
    return changed;
}

/// Every text value of the layers checked against what a DBF holds, before anything is
/// written: a value over 254 bytes (in the export's encoding) would be cut, and a character
/// GBK lacks would become '?'. Either is an error naming layer, fid, field and the problem
/// (the first one, and how many in all). With GBK, m² and m³ are spelt m2 and m3: `spelt`
/// gets the layers that changed so, by index.
void check_dbf_text(const std::vector<const core::Layer*>& layers, bool gbk, std::map<std::size_t, core::Layer>& spelt) {
    std::optional<core::Error> first;
    std::size_t problems = 0;
    for (std::size_t li = 0; li < layers.size(); ++li) {
        const core::Layer& l = *layers[li];
        for (std::size_t fi = 0; fi < l.features.size(); ++fi) {
            const core::Feature& f = l.features[fi];
            for (std::size_t vi = 0; vi < f.values.size() && vi < l.spec->fields.size(); ++vi) {
                const auto* text = std::get_if<std::string>(&f.values[vi]);
                if (!text) continue;
                std::string value = *text;
                if (gbk && gbk_spelling(value)) {
                    auto [it, fresh] = spelt.try_emplace(li, l);
                    std::get<std::string>(it->second.features[fi].values[vi]) = value;
                }
                std::string problem;
                std::size_t bytes = value.size();
                if (gbk) {
                    auto encoded = to_gbk(value);
                    if (encoded) bytes = encoded->size();
                    else problem = "GBK has no " + first_non_gbk(value) + ": a Shapefile in GBK would lose it; export with --encoding UTF-8";
                }
                if (problem.empty() && bytes > kDbfTextBytes)
                    problem = std::to_string(bytes) + " bytes in " + (gbk ? "GBK" : "UTF-8") + ", more than the " + std::to_string(kDbfTextBytes) +
                              " a Shapefile (DBF) text field holds: a Shapefile would cut it; export --format gpkg or geojson, or shorten it";
                if (problem.empty()) continue;
                if (!problems++)
                    first = core::bad_input(core::FeatureRef{l.source, l.spec->name, f.fid, l.id_of(f)},
                                            "field '" + l.spec->fields[vi].name + "': " + problem);
            }
        }
    }
    if (!first) return;
    if (problems == 1) throw *first;
    throw core::Error(first->code(), first->where(),
                      first->detail() + " (" + std::to_string(problems) + " values in all cannot be written to a Shapefile as they are)");
}

}  // namespace

struct GeopackageExport::Impl {
    std::filesystem::path dir;
    const core::Dataset& store;
    std::vector<const core::LayerSpec*> analysis;
    const core::Catalog& catalog;
    ExportOptions opt;
    std::string file, shown;
    std::optional<AtomicDir> out;
    // The store's layers' present values and extents, worked out while the analysis is
    // (the project needs every geometry parsed once more: a million parcels).
    std::vector<std::vector<std::string>> values;
    std::vector<geo::Envelope> extents;

    Impl(const std::filesystem::path& d, const core::Dataset& s, const std::vector<const core::LayerSpec*>& a, const core::Catalog& c,
         const ExportOptions& o)
        : dir(d), store(s), analysis(a), catalog(c), opt(o), file(o.name + ".gpkg"), shown((d / file).string()) {}
};

GeopackageExport::GeopackageExport(const std::filesystem::path& dir, const core::Dataset& store, const std::vector<const core::LayerSpec*>& analysis,
                                   const core::Catalog& catalog, const ExportOptions& opt)
    : m_impl(std::make_unique<Impl>(dir, store, analysis, catalog, opt)) {
    Impl& m = *m_impl;
    if (opt.format != "qgis" && opt.format != "gpkg") throw core::Error(core::ExitCode::internal, "GeopackageExport of format " + opt.format);
    GdalErrorScope scope;  // before the datasets: what GDAL says while they close on the way out is ours too
    m.out.emplace(dir, opt.force);
    OGRSpatialReference srs = work_srs(store.work_crs());
    GDALDatasetUniquePtr ds = create_dataset("GPKG", m.out->temp() / m.file, m.shown);
    // GDAL makes the layers, empty, and the small tables; the features go in after it closes the
    // file, in bulk as in the store (fill_geopackage_layers): OGR's inserts and the R-trees GDAL
    // builds at close were a third of a million-parcel export.
    for (const core::Layer& l : store.layers) create_feature_layer(*ds, *l.spec, srs, m.shown, {"GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES"});
    for (const core::LayerSpec* spec : analysis) create_feature_layer(*ds, *spec, srs, m.shown, {"GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES"});
    if (ds->StartTransaction() != OGRERR_NONE) throw core::output_error(m.shown, "cannot write: " + scope.message_or("cannot start a transaction"));
    copy_tables(*ds, store, catalog, m.shown);
    // The styles need the analysis' values (finish() writes them): the table is made here, where QGIS's own would stand.
    if (opt.format == "qgis") create_layer_styles(*ds, m.shown);
    if (ds->CommitTransaction() != OGRERR_NONE) throw core::output_error(m.shown, "cannot commit: " + scope.message_or("disk full?"));
    close_or_throw(ds, m.shown);
    std::vector<const core::Layer*> layers;
    for (const core::Layer& l : store.layers) layers.push_back(&l);
    fill_geopackage_layers(m.out->temp() / m.file, layers, m.shown);
    if (opt.format == "qgis")
        for (const core::Layer* l : layers) {
            m.values.push_back(present_values(*l));
            m.extents.push_back(extent_of(*l));
        }
}

GeopackageExport::~GeopackageExport() = default;

ExportSummary GeopackageExport::finish(const std::vector<core::Layer>& analysis) {
    Impl& m = *m_impl;
    bool same = analysis.size() == m.analysis.size();
    for (std::size_t i = 0; same && i < analysis.size(); ++i) same = analysis[i].spec->name == m.analysis[i]->name;
    if (!same) throw core::Error(core::ExitCode::internal, "GeopackageExport::finish: not the analysis layers it was made for");
    std::vector<const core::Layer*> layers, added;
    for (const core::Layer& l : m.store.layers) layers.push_back(&l);
    for (const core::Layer& l : analysis) layers.push_back(&l), added.push_back(&l);
    ExportSummary summary;
    summary.layers = layers.size();
    fill_geopackage_layers(m.out->temp() / m.file, added, m.shown);
    summary.files.push_back(m.file);
    if (m.opt.format == "qgis") {
        for (const core::Layer* l : added) {
            m.values.push_back(present_values(*l));
            m.extents.push_back(extent_of(*l));
        }
        {
            GdalErrorScope scope;
            const std::string path = (m.out->temp() / m.file).string();
            GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
            if (!ds) throw core::output_error(m.shown, "cannot open to add the styles: " + scope.message());
            OGRLayer* t = ds->GetLayerByName("layer_styles");
            if (!t) throw core::output_error(m.shown, "has no layer_styles");
            // Counted (none) before the rows go in, so that GDAL keeps the count it leaves in gpkg_ogr_contents.
            t->GetFeatureCount();
            if (ds->StartTransaction() != OGRERR_NONE) throw core::output_error(m.shown, "cannot write: " + scope.message_or("cannot start a transaction"));
            write_layer_styles(t, layers, m.values, m.catalog, m.shown);
            if (ds->CommitTransaction() != OGRERR_NONE) throw core::output_error(m.shown, "cannot commit: " + scope.message_or("disk full?"));
            close_or_throw(ds, m.shown);
        }
        summary.styles = layers.size();
        // Drawing order: the boundary on top, then lines, then polygons, parcels at the bottom.
        const std::vector<std::string>& order = qgis_layer_order();
        std::vector<QgsLayer> q;
        for (auto& name : order)
            for (std::size_t i = 0; i < layers.size(); ++i)
                if (const core::Layer* l = layers[i]; l->spec->name == name) {
                    QgsLayer ql;
                    // QGIS replaces ids it does not take for its own (e.g. bare "boundary"): make them unmistakable.
                    ql.id = "zoning_" + name;
                    ql.name = l->spec->title_zh;
                    ql.table = name;
                    ql.group = l->spec->group.empty() ? kUngrouped : l->spec->group;
                    ql.spec = l->spec;
                    ql.present_values = m.values[i];
                    // Analysis pieces repeat what the frames show: off until asked for.
                    ql.visible = name != "overlay_landuse" && name != "project_coverage";
                    const geo::Envelope& e = m.extents[i];
                    ql.xmin = e.minx, ql.ymin = e.miny, ql.xmax = e.maxx, ql.ymax = e.maxy;
                    q.push_back(std::move(ql));
                }
        const std::vector<std::string> groups = group_order(layers);
        const std::string qgs = m.opt.name + ".qgs";
        std::ofstream f(m.out->temp() / qgs, std::ios::binary);
        f << qgs_project(m.store.metadata.count("name") ? m.store.metadata.at("name") : m.opt.name, m.file, groups, q, m.catalog.landuse(),
                         m.store.work_crs());
        if (!f) throw core::output_error((m.dir / qgs).string(), "cannot write");
        summary.files.push_back(qgs);
    }
    m.out->commit();
    return summary;
}

std::string dbf_field_name(const core::FieldSpec& f) { return f.dbf_name.empty() ? f.name : f.dbf_name; }

ExportSummary export_layers(const std::filesystem::path& dir, const core::Dataset& store, const std::vector<core::Layer>& analysis,
                            const core::Catalog& catalog, const ExportOptions& opt) {
    if (opt.format == "qgis" || opt.format == "gpkg") {
        std::vector<const core::LayerSpec*> specs;
        for (const core::Layer& l : analysis) specs.push_back(l.spec);
        GeopackageExport gpkg(dir, store, specs, catalog, opt);
        return gpkg.finish(analysis);
    }
    std::vector<const core::Layer*> layers;
    for (auto& l : store.layers) layers.push_back(&l);
    for (auto& l : analysis) layers.push_back(&l);
    // A Shapefile's limits are checked before anything is written: never a silent cut.
    std::vector<std::map<std::string, std::string>> dbf_names;
    std::map<std::size_t, core::Layer> spelt;
    if (opt.format == "shp") {
        for (auto* l : layers) dbf_names.push_back(dbf_renames(*l->spec));
        check_dbf_text(layers, opt.encoding == "GBK", spelt);
        for (auto& [i, l] : spelt) layers[i] = &l;
    }
    GdalErrorScope scope;  // before the datasets: what GDAL says while they close on the way out is ours too
    AtomicDir out(dir, opt.force);
    ExportSummary summary;
    summary.layers = layers.size();
    OGRSpatialReference srs = work_srs(store.work_crs());

    if (opt.format == "shp" || opt.format == "geojson") {
        for (std::size_t i = 0; i < layers.size(); ++i) {
            const core::Layer* l = layers[i];
            const bool shp = opt.format == "shp";
            const std::string file = l->spec->name + (shp ? (l->spec->geometry == core::GeomKind::none ? ".dbf" : ".shp") : ".geojson");
            const std::string shown = (dir / file).string();
            GDALDatasetUniquePtr ds = create_dataset(shp ? "ESRI Shapefile" : "GeoJSON", out.temp() / file, shown);
            std::map<std::string, std::string> rename;
            std::vector<std::string> options;
            if (shp) {
                rename = dbf_names[i];
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
