// SPDX-License-Identifier: MIT
#include "io/source_reader.hpp"

#include <cstdio>
#include <cmath>
#include <optional>
#include <set>
#include <unordered_map>

#include "core/parallel.hpp"
#include "geo/geos.hpp"
#include "geo/proj.hpp"
#include "io/file_util.hpp"
#include "io/gdal.hpp"

namespace zoning::io {

using core::FeatureRef;
using core::Finding;
using core::Severity;

namespace {

bool is_connection(const std::string& s) {
    return s.rfind("PG:", 0) == 0 || s.rfind("/vsimem/", 0) == 0 || s.find("://") != std::string::npos;
}

std::string gdal_encoding(const std::string& enc) {
    // GDAL's Shapefile driver names GBK by its code page.
    if (enc == "GBK" || enc == "gbk" || enc == "GB2312" || enc == "GB18030") return "CP936";
    return enc;
}

}  // namespace

GDALDatasetUniquePtr open_vector(const std::string& source, const std::string& encoding) {
    FeatureRef where{source, {}, {}, {}};
    if (!is_connection(source) && !std::filesystem::exists(source)) throw core::bad_input(where, "file not found");
    GdalErrorScope scope;
    CPLStringList options;
    if (!encoding.empty()) options.SetNameValue("ENCODING", gdal_encoding(encoding).c_str());
    GDALDataset* ds = GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options.List(), nullptr);
    if (!ds) throw core::bad_input(where, "cannot open as a vector dataset: " + scope.message_or("not a recognised or an intact file"));
    return GDALDatasetUniquePtr(ds);
}

namespace {

struct SourceField {
    int index = -1;  // in the OGR layer defn
    OGRFieldType type = OFTString;
};

std::string field_as_text(OGRFeature& f, const SourceField& sf) {
    if (sf.index < 0 || !f.IsFieldSetAndNotNull(sf.index)) return {};
    if (sf.type == OFTReal) {
        double d = f.GetFieldAsDouble(sf.index);
        if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
    }
    return f.GetFieldAsString(sf.index);
}

/// Land-use codes read from numeric DBF columns lose their leading zero (701 for 0701).
std::string normalise_landuse(const std::string& code, const core::LanduseTable& table) {
    if (table.find(code)) return code;
    if (code.size() % 2 == 1) {
        std::string padded = "0" + code;
        if (table.find(padded)) return padded;
    }
    return code;
}

std::string geometry_family(OGRwkbGeometryType t) {
    switch (wkbFlatten(t)) {
        case wkbPolygon: case wkbMultiPolygon: case wkbCurvePolygon: case wkbMultiSurface: return "polygon";
        case wkbLineString: case wkbMultiLineString: case wkbCircularString: case wkbCompoundCurve: case wkbMultiCurve: return "line";
        case wkbPoint: case wkbMultiPoint: return "point";
        default: return "other";
    }
}

bool all_finite(const OGRGeometry* g) {
    switch (wkbFlatten(g->getGeometryType())) {
        case wkbPoint: {
            auto* p = g->toPoint();
            return std::isfinite(p->getX()) && std::isfinite(p->getY());
        }
        case wkbLineString: case wkbLinearRing: case wkbCircularString: {
            auto* c = g->toSimpleCurve();
            for (int i = 0; i < c->getNumPoints(); ++i)
                if (!std::isfinite(c->getX(i)) || !std::isfinite(c->getY(i))) return false;
            return true;
        }
        case wkbPolygon: case wkbCurvePolygon: {
            for (const auto* ring : *g->toCurvePolygon())
                if (!all_finite(ring)) return false;
            return true;
        }
        case wkbCompoundCurve: {
            for (const auto* c : *g->toCompoundCurve())
                if (!all_finite(c)) return false;
            return true;
        }
        default: {
            if (auto* coll = dynamic_cast<const OGRGeometryCollection*>(g)) {
                for (const auto* part : *coll)
                    if (!all_finite(part)) return false;
            }
            return true;
        }
    }
}

}  // namespace

ReadResult read_layer(const core::Catalog& catalog, const core::LayerSpec& spec, const core::LayerSource& src,
                      const std::filesystem::path& base_dir, unsigned threads) {
    if (threads == 0) threads = core::default_threads();
    std::string source = is_connection(src.source) ? src.source : (base_dir / src.source).lexically_normal().string();
    GDALDatasetUniquePtr ds = open_vector(source, src.encoding);
    FeatureRef layer_ref{source, spec.name, {}, {}};

    OGRLayer* ogr_layer = nullptr;
    if (!src.source_layer.empty()) {
        ogr_layer = ds->GetLayerByName(src.source_layer.c_str());
        if (!ogr_layer) throw core::bad_input(FeatureRef{source, src.source_layer, {}, {}}, "no such layer in the source");
    } else if (ds->GetLayerCount() == 1) {
        ogr_layer = ds->GetLayer(0);
    } else {
        ogr_layer = ds->GetLayerByName(spec.name.c_str());
        if (!ogr_layer) {
            std::string names;
            for (auto* l : ds->GetLayers()) names += (names.empty() ? "" : ", ") + std::string(l->GetName());
            throw core::bad_input(layer_ref, "the source has several layers (" + names + "); name one with layer = \"...\"");
        }
    }
    layer_ref.layer = spec.name;

    // CRS: the source's own, else the one the user names; never guessed.
    std::string source_crs;
    const OGRSpatialReference* srs = src.force_crs ? nullptr : ogr_layer->GetSpatialRef();
    if (srs) {
        char* wkt = nullptr;
        const char* opts[] = {"FORMAT=WKT2_2019", nullptr};
        srs->exportToWkt(&wkt, opts);
        source_crs = wkt ? wkt : "";
        CPLFree(wkt);
    }
    if (source_crs.empty()) {
        if (src.crs.empty())
            throw core::bad_input(layer_ref, "the source has no CRS; name the one it is in with crs = \"EPSG:...\" in [layers." +
                                                 spec.name + "] of dataset.toml");
        source_crs = src.crs;
    }
    geo::ProjContext proj;
    std::unique_ptr<geo::Transformer> transformer;
    try {
        transformer = std::make_unique<geo::Transformer>(proj, source_crs, core::kWorkCrs);
    } catch (const geo::ProjError& e) {
        throw core::bad_input(layer_ref, std::string("CRS: ") + e.what());
    }

    // Not forced: a forced count or extent would parse a GeoJSON sequence once more each.
    if (ogr_layer->GetFeatureCount(FALSE) == 0) {
        ReadResult empty;
        empty.layer.spec = &spec;
        empty.layer.source = source;
        empty.findings.push_back(Finding{Severity::error, "empty-layer", layer_ref, "layer has no features", 0, {}});
        return empty;
    }

    // Coordinates that are plainly metres under a lon/lat CRS (or the reverse) mean the
    // declared CRS is wrong: say which, once, rather than fail every feature.
    const bool geographic = geo::crs_is_geographic(proj, source_crs);
    auto check_extent = [&](const OGREnvelope& extent) {
        {
            const bool looks_degrees = std::fabs(extent.MinX) <= 180 && std::fabs(extent.MaxX) <= 180 && std::fabs(extent.MinY) <= 90 &&
                                       std::fabs(extent.MaxY) <= 90;
            char box[160];
            std::snprintf(box, sizeof box, "(%.10g %.10g, %.10g %.10g)", extent.MinX, extent.MinY, extent.MaxX, extent.MaxY);
            if (geographic && !looks_degrees)
                throw core::bad_input(layer_ref, std::string("coordinates ") + box + " are plainly projected metres, but the source declares " +
                                                     transformer->source_name() + " (lon/lat); name the right CRS with crs = \"EPSG:...\" and " +
                                                     "force_crs = true in [layers." + spec.name + "]");
            if (!geographic && looks_degrees && extent.MaxX - extent.MinX < 10 && extent.MaxY - extent.MinY < 10)
                throw core::bad_input(layer_ref, std::string("coordinates ") + box + " are plainly lon/lat degrees, but the source declares " +
                                                     transformer->source_name() + " (metres); name the right CRS with crs = \"EPSG:4326\" and " +
                                                     "force_crs = true in [layers." + spec.name + "]");
        }
    };
    bool extent_checked = false;
    {
        OGREnvelope extent;
        if (ogr_layer->GetExtent(&extent, FALSE) == OGRERR_NONE) {
            check_extent(extent);
            extent_checked = true;
        }
    }

    // Map each catalog field to a source field.
    OGRFeatureDefn* defn = ogr_layer->GetLayerDefn();
    std::vector<SourceField> mapped(spec.fields.size());
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
        const auto& fs = spec.fields[i];
        auto it = src.fields.find(fs.name);
        std::string name = it != src.fields.end() ? it->second : fs.name;
        int idx = defn->GetFieldIndex(name.c_str());  // case-insensitive in OGR
        if (idx < 0 && fs.required)
            throw core::bad_input(layer_ref, "missing required field '" + name + "'" +
                                                 (name != fs.name ? " (mapped from '" + fs.name + "')" : std::string()));
        mapped[i].index = idx;
        if (idx >= 0) mapped[i].type = defn->GetFieldDefn(idx)->GetType();
    }

    ReadResult result;
    core::Layer& layer = result.layer;
    layer.spec = &spec;
    layer.source = source;
    layer.source_crs = transformer->source_name();

    struct Pending {
        core::Feature feature;  // wkb: as read, in the source CRS
        FeatureRef ref;
    };
    std::vector<Pending> pending;
    std::unordered_map<std::string, std::int64_t> seen_ids;
    std::int64_t sequence = 0;
    const int want_dim = spec.geometry == core::GeomKind::polygon ? 2 : 1;
    const std::string want = core::to_string(spec.geometry);

    ogr_layer->ResetReading();
    for (auto& f : *ogr_layer) {
        ++sequence;
        std::int64_t fid = f->GetFID() == OGRNullFID ? sequence : f->GetFID();
        FeatureRef ref{source, spec.name, fid, {}};
        auto problem = [&](const std::string& check, const std::string& msg) {
            result.findings.push_back(Finding{Severity::error, check, ref, msg, 0, {}});
        };

        core::Feature feature;
        feature.fid = fid;
        feature.values.resize(spec.fields.size());
        bool ok = true;
        for (std::size_t i = 0; i < spec.fields.size(); ++i) {
            const auto& fs = spec.fields[i];
            std::string text = field_as_text(*f, mapped[i]);
            if (auto vm = src.values.find(fs.name); vm != src.values.end()) {
                if (auto to = vm->second.find(text); to != vm->second.end()) text = to->second;
            }
            if (fs.domain == "landuse" && !text.empty()) text = normalise_landuse(text, catalog.landuse());
            if (i == 0) ref.id = text;
            if (text.empty()) {
                if (fs.required) {
                    problem("missing-value", "required field '" + fs.name + "' is empty");
                    ok = false;
                }
                continue;
            }
            if (!fs.allowed.empty() && std::find(fs.allowed.begin(), fs.allowed.end(), text) == fs.allowed.end()) {
                std::string list;
                for (auto& a : fs.allowed) list += (list.empty() ? "" : ", ") + a;
                problem("value", "field '" + fs.name + "' is '" + text + "', not one of: " + list);
                ok = false;
                continue;
            }
            if (fs.domain == "landuse" && !catalog.landuse().find(text)) {
                problem("landuse-code", "unknown land-use code '" + text + "' in field '" + fs.name +
                                            "' (not a national 用地用海 code in layers/landuse.toml)");
                ok = false;
                continue;
            }
            try {
                switch (fs.type) {
                    case core::FieldType::string: feature.values[i] = text; break;
                    case core::FieldType::integer: {
                        std::size_t used = 0;
                        long long v = std::stoll(text, &used);
                        if (used != text.size()) throw std::invalid_argument("trailing text");
                        feature.values[i] = static_cast<std::int64_t>(v);
                        break;
                    }
                    case core::FieldType::real: {
                        std::size_t used = 0;
                        double v = std::stod(text, &used);
                        if (used != text.size() || !std::isfinite(v)) throw std::invalid_argument("not finite");
                        feature.values[i] = v;
                        break;
                    }
                }
            } catch (const std::exception&) {
                problem("value", "field '" + fs.name + "' is '" + text + "', not " +
                                     (fs.type == core::FieldType::integer ? "an integer" : "a number"));
                ok = false;
            }
        }

        if (!ref.id.empty()) {
            auto [it, inserted] = seen_ids.emplace(ref.id, fid);
            if (!inserted) {
                problem("duplicate-id", "id '" + ref.id + "' is used again (first at fid " + std::to_string(it->second) + ")");
                ok = false;
            }
        }

        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || g->IsEmpty()) {
            problem("geometry-missing", "feature has no geometry");
            continue;
        }
        std::string family = geometry_family(g->getGeometryType());
        if (family != want) {
            problem("geometry-type", std::string("a ") + OGRGeometryTypeToName(g->getGeometryType()) + " where a " + want +
                                         " belongs");
            continue;
        }
        if (!all_finite(g)) {
            problem("coordinates", "NaN or infinite coordinate in the geometry");
            continue;
        }
        std::unique_ptr<OGRGeometry> linear;
        if (g->hasCurveGeometry()) {
            linear.reset(g->getLinearGeometry());
            g = linear.get();
        }
        if (!extent_checked) {
            OGREnvelope first;
            g->getEnvelope(&first);
            check_extent(first);  // the first feature stands for the layer when its extent is not known cheaply
            extent_checked = true;
        }
        std::string wkb(static_cast<std::size_t>(g->WkbSize()), '\0');
        g->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()), wkbVariantIso);
        if (ok) {
            feature.wkb = std::move(wkb);
            pending.push_back(Pending{std::move(feature), ref});
        }
    }
    if (sequence == 0)
        result.findings.push_back(Finding{Severity::error, "empty-layer", layer_ref, "layer has no features", 0, {}});

    // Geometry work on all cores: each worker has its own GEOS and PROJ contexts.
    struct Worker {
        geo::ProjContext proj;
        geo::Transformer transformer;
        Worker(const std::string& from) : proj(), transformer(proj, from, core::kWorkCrs) {}
    };
    struct Outcome {
        std::string wkb;
        std::optional<Finding> problem, warning;
        std::optional<core::Repair> repair;
    };
    auto outcomes = core::parallel_chunks_with<std::vector<Outcome>, Worker>(
        pending.size(), threads, [&](const geo::GeosContext&) { return std::make_unique<Worker>(source_crs); },
        [&](Worker& w, const geo::GeosContext& geos, std::size_t begin, std::size_t end) {
            std::vector<Outcome> out(end - begin);
            for (std::size_t i = begin; i < end; ++i) {
                Outcome& o = out[i - begin];
                const FeatureRef& ref = pending[i].ref;
                auto problem = [&](const std::string& check, const std::string& msg) { o.problem = Finding{Severity::error, check, ref, msg, 0, {}}; };
                try {
                    geo::GeomPtr geom = geo::from_wkb(geos, pending[i].feature.wkb);
                    bool aborted = false;
                    geo::GeomPtr moved = geo::transform_xy(
                        geos, geom.get(), [&](double& x, double& y) { return w.transformer.transform(x, y); }, aborted);
                    if (aborted || !moved) {
                        problem("coordinates", "NaN, infinite or untransformable coordinate (from " + w.transformer.source_name() + ")");
                        continue;
                    }
                    std::string reason = geo::invalid_reason(geos, moved.get());
                    if (!reason.empty()) {
                        double before = want_dim == 2 ? geo::area(geos, moved.get()) : 0.0;
                        geo::GeomPtr fixed = geo::extract_dimension(geos, geo::make_valid(geos, moved.get()).get(), want_dim);
                        if (geo::is_empty(geos, fixed.get())) {
                            problem("geometry-invalid", "invalid geometry that cannot be repaired: " + reason);
                            continue;
                        }
                        double after = want_dim == 2 ? geo::area(geos, fixed.get()) : 0.0;
                        o.repair = core::Repair{spec.name, *ref.fid, ref.id, reason, before, after};
                        o.warning = Finding{Severity::warning, "geometry-repaired", ref, "invalid geometry repaired with GEOS MakeValid: " + reason, 0, {}};
                        moved = std::move(fixed);
                    } else {
                        moved = geo::extract_dimension(geos, moved.get(), want_dim);
                    }
                    if (want_dim == 2 && geo::area(geos, moved.get()) <= 0.0) {
                        problem("geometry-empty", "polygon has zero area");
                        continue;
                    }
                    o.wkb = geo::to_wkb(geos, moved.get());
                } catch (const geo::GeosError& e) {
                    problem("geometry", std::string("unreadable geometry: ") + e.what());
                }
            }
            return out;
        });
    std::size_t i = 0;
    layer.features.reserve(pending.size());
    for (auto& chunk : outcomes)
        for (auto& o : chunk) {
            Pending& p = pending[i++];
            if (o.problem) {
                result.findings.push_back(std::move(*o.problem));
                continue;
            }
            if (o.repair) layer.repairs.push_back(std::move(*o.repair));
            if (o.warning) result.findings.push_back(std::move(*o.warning));
            p.feature.wkb = std::move(o.wkb);
            layer.features.push_back(std::move(p.feature));
        }
    return result;
}

DatasetReadResult read_dataset(const core::Catalog& catalog, const core::DatasetConfig& config, unsigned threads) {
    DatasetReadResult out;
    core::Dataset& d = out.dataset;
    d.metadata["name"] = config.name;
    d.metadata["name_en"] = config.name_en;
    d.metadata["certainty"] = config.certainty;
    d.metadata["description"] = config.description;
    std::string sources, notes;
    for (auto& s : config.sources) sources += s + "\n";
    for (auto& n : config.notes) notes += n + "\n";
    d.metadata["sources"] = sources;
    d.metadata["notes"] = notes;
    d.metadata["crs"] = core::kWorkCrs;
    d.files["dataset.toml"] = read_text_file(config.file);
    for (auto& name : config.attached_files) d.files[name] = read_text_file(config.dir() / name);

    for (const auto& ls : config.layers)
        if (!catalog.find(ls.layer))
            throw core::bad_input(FeatureRef{config.file.string(), ls.layer, {}, {}},
                                  "unknown layer: the catalog has no layer of that name");
    for (const auto& spec : catalog.layers()) {
        const core::LayerSource* src = nullptr;
        for (auto& ls : config.layers)
            if (ls.layer == spec.name) src = &ls;
        if (!src) {
            Severity sev = spec.name == "boundary" ? Severity::error : Severity::warning;
            out.findings.push_back(Finding{sev, "layer-missing", FeatureRef{config.file.string(), spec.name, {}, {}},
                                           "the dataset does not provide this catalog layer", 0, {}});
            continue;
        }
        ReadResult r = read_layer(catalog, spec, *src, config.dir(), threads);
        out.findings.insert(out.findings.end(), r.findings.begin(), r.findings.end());
        d.layers.push_back(std::move(r.layer));
    }
    return out;
}

}  // namespace zoning::io
