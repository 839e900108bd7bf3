// SPDX-License-Identifier: MIT
#include "io/source_reader.hpp"

#include <cmath>
#include <map>
#include <optional>
#include <unordered_map>

#include "core/field_value.hpp"
#include "core/parallel.hpp"
#include "geo/geos.hpp"
#include "geo/proj.hpp"
#include "io/file_util.hpp"
#include "io/gdal.hpp"
#include "io/work_crs.hpp"

// read_layer, step by step: choose the layer, resolve its CRS, map the catalog's fields
// to the source's, read each feature (values parsed by core, geometry checked as read),
// then transform and repair the geometry on all cores.

namespace zoning::io {

using core::FeatureRef;
using core::Finding;
using core::Severity;

namespace {

// Choose layer ---------------------------------------------------------------

/// The layer the user names, else the only one, else the one named like the catalog layer.
OGRLayer& choose_layer(GDALDataset& ds, const core::LayerSpec& spec, const core::LayerSource& src, const std::string& source) {
    if (!src.source_layer.empty()) {
        OGRLayer* named = ds.GetLayerByName(src.source_layer.c_str());
        if (!named) throw core::bad_input(FeatureRef{source, src.source_layer, {}, {}}, "no such layer in the source");
        return *named;
    }
    if (ds.GetLayerCount() == 1) return *ds.GetLayer(0);
    OGRLayer* same_name = ds.GetLayerByName(spec.name.c_str());
    if (!same_name) {
        std::string names;
        for (auto* l : ds.GetLayers()) names += (names.empty() ? "" : ", ") + std::string(l->GetName());
        throw core::bad_input(FeatureRef{source, spec.name, {}, {}},
                              "the source has several layers (" + names + "); name one with layer = \"...\"");
    }
    return *same_name;
}

// Resolve CRS ----------------------------------------------------------------

/// The source's own CRS as WKT, else the one the user names; never guessed.
std::string resolve_crs(OGRLayer& layer, const core::LayerSpec& spec, const core::LayerSource& src, const FeatureRef& layer_ref) {
    const OGRSpatialReference* srs = src.force_crs ? nullptr : layer.GetSpatialRef();
    std::string crs = srs ? srs_wkt(*srs) : std::string();
    if (!crs.empty()) return crs;
    if (src.crs.empty())
        throw core::bad_input(layer_ref, "the source has no CRS; name the one it is in with crs = \"EPSG:...\" in [layers." + spec.name +
                                             "] of dataset.toml");
    return src.crs;
}

/// The source CRS, checked once on the main thread so a bad one fails the layer, not each feature.
class DeclaredCrs {
public:
    DeclaredCrs(const std::string& definition, const std::string& work_crs, const core::LayerSpec& spec, const FeatureRef& layer_ref,
                const CrsAdvice& advice)
        : m_definition(definition), m_layer(spec.name), m_ref(layer_ref), m_advice(advice) {
        try {
            m_name = geo::Transformer(m_proj, definition, work_crs).source_name();
        } catch (const geo::ProjError& e) {
            throw core::bad_input(layer_ref, std::string("CRS: ") + e.what());
        }
        m_geographic = geo::crs_is_geographic(m_proj, definition);
    }
    const std::string& definition() const noexcept { return m_definition; }
    const std::string& name() const noexcept { return m_name; }

    /// Coordinates that are plainly metres under a lon/lat CRS (or the reverse) mean the
    /// declared CRS is wrong: say which, once, rather than fail every feature.
    void check_extent(const OGREnvelope& extent) const {
        const geo::CoordinateFit fit = geo::coordinate_fit(m_geographic, extent.MinX, extent.MinY, extent.MaxX, extent.MaxY);
        if (fit == geo::CoordinateFit::plausible) return;
        const bool lonlat_declared = fit == geo::CoordinateFit::metres_declared_lonlat;
        const std::string example = lonlat_declared ? "EPSG:..." : "EPSG:4326";
        const std::string remedy = m_advice.option.empty()
                                       ? "name the right CRS with crs = \"" + example + "\" and force_crs = true in [layers." + m_layer + "]"
                                       : "give the CRS they are in with " + m_advice.option + ", e.g. " + m_advice.option + " " + example;
        throw core::bad_input(m_ref, geo::coordinate_fit_text(fit, extent.MinX, extent.MinY, extent.MaxX, extent.MaxY) +
                                         ", but the source declares " + m_name + (lonlat_declared ? " (lon/lat)" : " (metres)") + "; " + remedy);
    }

private:
    geo::ProjContext m_proj;
    std::string m_definition, m_name, m_layer;
    FeatureRef m_ref;
    CrsAdvice m_advice;
    bool m_geographic = false;
};

// Map fields -----------------------------------------------------------------

struct SourceField {
    int index = -1;  // in the OGR layer defn
    OGRFieldType type = OFTString;
};

/// Each catalog field to a source field: by the [layers.X.fields] mapping, else by its own name.
std::vector<SourceField> map_fields(OGRLayer& layer, const core::LayerSpec& spec, const core::LayerSource& src,
                                    const FeatureRef& layer_ref) {
    OGRFeatureDefn* defn = layer.GetLayerDefn();
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
    return mapped;
}

// Parse values ---------------------------------------------------------------

std::string field_as_text(OGRFeature& f, const SourceField& sf) {
    if (sf.index < 0 || !f.IsFieldSetAndNotNull(sf.index)) return {};
    if (sf.type == OFTReal)
        if (auto whole = core::whole_number_text(f.GetFieldAsDouble(sf.index))) return *whole;
    return f.GetFieldAsString(sf.index);
}

// Check geometry as read -----------------------------------------------------

std::string geometry_family(OGRwkbGeometryType t) {
    switch (wkbFlatten(t)) {
        case wkbPolygon:
        case wkbMultiPolygon:
        case wkbCurvePolygon:
        case wkbMultiSurface:
            return "polygon";
        case wkbLineString:
        case wkbMultiLineString:
        case wkbCircularString:
        case wkbCompoundCurve:
        case wkbMultiCurve:
            return "line";
        case wkbPoint:
        case wkbMultiPoint:
            return "point";
        default:
            return "other";
    }
}

bool all_finite(const OGRGeometry* g) {
    switch (wkbFlatten(g->getGeometryType())) {
        case wkbPoint: {
            auto* p = g->toPoint();
            return std::isfinite(p->getX()) && std::isfinite(p->getY());
        }
        case wkbLineString:
        case wkbLinearRing:
        case wkbCircularString: {
            auto* c = g->toSimpleCurve();
            for (int i = 0; i < c->getNumPoints(); ++i)
                if (!std::isfinite(c->getX(i)) || !std::isfinite(c->getY(i))) return false;
            return true;
        }
        case wkbPolygon:
        case wkbCurvePolygon: {
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

/// Reads the features of one layer in order, on the calling thread (GDAL's rule): values
/// through core::parse_field_value, ids checked for reuse, geometry checked for kind and
/// finite coordinates and kept as WKB in the source CRS. Problems become findings.
class FeatureReader {
public:
    FeatureReader(const core::Catalog& catalog, const core::LayerSpec& spec, const core::LayerSource& src, std::string source,
                  std::vector<SourceField> fields, const DeclaredCrs& crs, bool extent_checked, std::vector<Finding>& findings)
        : m_catalog(catalog),
          m_spec(spec),
          m_src(src),
          m_source(std::move(source)),
          m_fields(std::move(fields)),
          m_crs(crs),
          m_extent_checked(extent_checked),
          m_findings(findings),
          m_want(core::to_string(spec.geometry)) {}

    std::vector<SourceFeature> read_all(OGRLayer& layer) {
        std::vector<SourceFeature> out;
        layer.ResetReading();
        for (auto& f : layer) {
            ++m_sequence;
            std::int64_t fid = f->GetFID() == OGRNullFID ? m_sequence : f->GetFID();
            SourceFeature sf{core::Feature{}, FeatureRef{m_source, m_spec.name, fid, {}}};
            sf.feature.fid = fid;
            bool ok = parse_values(*f, sf);
            ok = check_id(sf.ref) && ok;
            std::optional<std::string> wkb = source_wkb(f->GetGeometryRef(), sf.ref);
            if (ok && wkb) {
                sf.feature.wkb = std::move(*wkb);
                out.push_back(std::move(sf));
            }
        }
        return out;
    }
    std::int64_t count() const noexcept { return m_sequence; }

private:
    void problem(const FeatureRef& ref, const std::string& check, const std::string& msg) {
        m_findings.push_back(Finding{Severity::error, check, ref, msg, 0, {}});
    }

    /// Every field, so the user sees all of a feature's problems at once. The first field is the id.
    bool parse_values(OGRFeature& f, SourceFeature& sf) {
        static const std::map<std::string, std::string> no_mapping;
        sf.feature.values.resize(m_spec.fields.size());
        bool ok = true;
        for (std::size_t i = 0; i < m_spec.fields.size(); ++i) {
            const auto& fs = m_spec.fields[i];
            auto mapping = m_src.values.find(fs.name);
            core::FieldValue v = core::parse_field_value(fs, field_as_text(f, m_fields[i]),
                                                         mapping == m_src.values.end() ? no_mapping : mapping->second, m_catalog.landuse());
            if (i == 0) sf.ref.id = v.text;
            if (!v.ok()) {
                problem(sf.ref, v.check, v.problem);
                ok = false;
            }
            sf.feature.values[i] = std::move(v.value);
        }
        return ok;
    }

    bool check_id(const FeatureRef& ref) {
        if (ref.id.empty()) return true;
        auto [it, inserted] = m_seen_ids.emplace(ref.id, *ref.fid);
        if (inserted) return true;
        problem(ref, "duplicate-id", "id '" + ref.id + "' is used again (first at fid " + std::to_string(it->second) + ")");
        return false;
    }

    /// The geometry as linear 2D ISO WKB in the source CRS; nullopt (and a finding) when unusable.
    std::optional<std::string> source_wkb(const OGRGeometry* g, const FeatureRef& ref) {
        if (!g || g->IsEmpty()) {
            problem(ref, "geometry-missing", "feature has no geometry");
            return std::nullopt;
        }
        if (geometry_family(g->getGeometryType()) != m_want) {
            problem(ref, "geometry-type",
                    std::string("a ") + OGRGeometryTypeToName(g->getGeometryType()) + " where a " + m_want + " belongs");
            return std::nullopt;
        }
        if (!all_finite(g)) {
            problem(ref, "coordinates", "NaN or infinite coordinate in the geometry");
            return std::nullopt;
        }
        OGRGeometryUniquePtr linear;
        if (g->hasCurveGeometry()) {
            linear.reset(g->getLinearGeometry());
            g = linear.get();
        }
        if (!m_extent_checked) {
            OGREnvelope first;
            g->getEnvelope(&first);
            m_crs.check_extent(first);  // the first feature stands for the layer when its extent is not known cheaply
            m_extent_checked = true;
        }
        std::string wkb(static_cast<std::size_t>(g->WkbSize()), '\0');
        g->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()), wkbVariantIso);
        return wkb;
    }

    const core::Catalog& m_catalog;
    const core::LayerSpec& m_spec;
    const core::LayerSource& m_src;
    const std::string m_source;
    const std::vector<SourceField> m_fields;
    const DeclaredCrs& m_crs;
    bool m_extent_checked;
    std::vector<Finding>& m_findings;
    const std::string m_want;
    std::unordered_map<std::string, std::int64_t> m_seen_ids;
    std::int64_t m_sequence = 0;
};

// Transform, check and repair geometry --------------------------------------

struct Outcome {
    std::string wkb;
    std::optional<Finding> problem, warning;
    std::optional<core::Repair> repair;
};

/// Each worker has its own GEOS and PROJ contexts (neither may cross threads).
struct Worker {
    geo::ProjContext proj;
    geo::Transformer transformer;
    Worker(const std::string& from, const std::string& to) : proj(), transformer(proj, from, to) {}
};

/// One feature: to the work CRS, repaired with MakeValid when invalid (recorded), reduced to
/// the layer's dimension, and a polygon must keep some area.
Outcome transform_and_repair_one(Worker& w, const geo::GeosContext& geos, const SourceFeature& in, const core::LayerSpec& spec) {
    const int want_dim = spec.geometry == core::GeomKind::polygon ? 2 : 1;
    const FeatureRef& ref = in.ref;
    Outcome o;
    auto problem = [&](const std::string& check, const std::string& msg) {
        o.problem = Finding{Severity::error, check, ref, msg, 0, {}};
        return std::move(o);
    };
    try {
        geo::GeomPtr geom = geo::from_wkb(geos, in.feature.wkb);
        bool aborted = false;
        geo::GeomPtr moved = geo::transform_xy(
            geos, geom.get(), [&](double& x, double& y) { return w.transformer.transform(x, y); }, aborted);
        if (aborted || !moved)
            return problem("coordinates", "NaN, infinite or untransformable coordinate (from " + w.transformer.source_name() + ")");
        std::string reason = geo::invalid_reason(geos, moved.get());
        if (!reason.empty()) {
            double before = want_dim == 2 ? geo::area(geos, moved.get()) : 0.0;
            geo::GeomPtr fixed = geo::extract_dimension(geos, geo::make_valid(geos, moved.get()).get(), want_dim);
            if (geo::is_empty(geos, fixed.get())) return problem("geometry-invalid", "invalid geometry that cannot be repaired: " + reason);
            double after = want_dim == 2 ? geo::area(geos, fixed.get()) : 0.0;
            o.repair = core::Repair{spec.name, *ref.fid, ref.id, reason, before, after};
            o.warning =
                Finding{Severity::warning, "geometry-repaired", ref, "invalid geometry repaired with GEOS MakeValid: " + reason, 0, {}};
            moved = std::move(fixed);
        } else {
            moved = geo::extract_dimension(geos, moved.get(), want_dim);
        }
        if (want_dim == 2 && geo::area(geos, moved.get()) <= 0.0) return problem("geometry-empty", "polygon has zero area");
        o.wkb = geo::to_wkb(geos, moved.get());
    } catch (const geo::GeosError& e) {
        return problem("geometry", std::string("unreadable geometry: ") + e.what());
    }
    return o;
}

ReadResult empty_layer(const core::LayerSpec& spec, const std::string& source, const FeatureRef& layer_ref) {
    ReadResult empty;
    empty.layer.spec = &spec;
    empty.layer.source = source;
    empty.findings.push_back(Finding{Severity::error, "empty-layer", layer_ref, "layer has no features", 0, {}});
    return empty;
}

}  // namespace

void transform_and_repair(ReadResult& into, std::vector<SourceFeature> features, const std::string& source_crs,
                          const std::string& work_crs, unsigned threads) {
    const core::LayerSpec& spec = *into.layer.spec;
    auto outcomes = core::parallel_chunks_with<std::vector<Outcome>, Worker>(
        features.size(), threads, [&](const geo::GeosContext&) { return std::make_unique<Worker>(source_crs, work_crs); },
        [&](Worker& w, const geo::GeosContext& geos, std::size_t begin, std::size_t end) {
            std::vector<Outcome> out;
            out.reserve(end - begin);
            for (std::size_t i = begin; i < end; ++i) out.push_back(transform_and_repair_one(w, geos, features[i], spec));
            return out;
        });
    core::Layer& layer = into.layer;
    std::size_t i = 0;
    layer.features.reserve(layer.features.size() + features.size());
    for (auto& chunk : outcomes)
        for (auto& o : chunk) {
            SourceFeature& f = features[i++];
            if (o.problem) {
                into.findings.push_back(std::move(*o.problem));
                continue;
            }
            if (o.repair) layer.repairs.push_back(std::move(*o.repair));
            if (o.warning) into.findings.push_back(std::move(*o.warning));
            f.feature.wkb = std::move(o.wkb);
            layer.features.push_back(std::move(f.feature));
        }
}

ReadResult read_ogr_layer(const core::Catalog& catalog, const core::LayerSpec& spec, const core::LayerSource& src, OGRLayer& ogr_layer,
                          const std::string& work_crs, const std::string& source, unsigned threads, const CrsAdvice& advice) {
    const FeatureRef layer_ref{source, spec.name, {}, {}};
    const DeclaredCrs crs(resolve_crs(ogr_layer, spec, src, layer_ref), work_crs, spec, layer_ref, advice);

    // Not forced: a forced count or extent would parse a GeoJSON sequence once more each.
    if (ogr_layer.GetFeatureCount(FALSE) == 0) return empty_layer(spec, source, layer_ref);
    OGREnvelope extent;
    const bool extent_known = ogr_layer.GetExtent(&extent, FALSE) == OGRERR_NONE;
    if (extent_known) crs.check_extent(extent);

    std::vector<SourceField> fields = map_fields(ogr_layer, spec, src, layer_ref);
    ReadResult result;
    result.layer.spec = &spec;
    result.layer.source = source;
    result.layer.source_crs = crs.name();
    FeatureReader reader(catalog, spec, src, source, std::move(fields), crs, extent_known, result.findings);
    std::vector<SourceFeature> read = reader.read_all(ogr_layer);
    if (reader.count() == 0) result.findings.push_back(Finding{Severity::error, "empty-layer", layer_ref, "layer has no features", 0, {}});
    transform_and_repair(result, std::move(read), crs.definition(), work_crs, threads);
    return result;
}

ReadResult read_layer(const core::Catalog& catalog, const core::LayerSpec& spec, const core::LayerSource& src, const std::string& work_crs,
                      const std::filesystem::path& base_dir, unsigned threads, const CrsAdvice& advice) {
    const std::string source = is_connection(src.source) ? src.source : (base_dir / src.source).lexically_normal().string();
    GDALDatasetUniquePtr ds = open_vector(source, src.encoding);
    return read_ogr_layer(catalog, spec, src, choose_layer(*ds, spec, src, source), work_crs, source, threads, advice);
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
    d.files["dataset.toml"] = read_text_file(config.file);
    for (auto& name : config.attached_files) d.files[name] = read_text_file(config.dir() / name);

    for (const auto& ls : config.layers)
        if (!catalog.find(ls.layer))
            throw core::bad_input(FeatureRef{config.file.string(), ls.layer, {}, {}},
                                  "unknown layer: the catalog has no layer of that name");
    const WorkCrs work = resolve_work_crs(catalog, config, threads);
    d.metadata["crs"] = work.name;
    d.metadata["crs_wkt"] = work.wkt;
    d.metadata["crs_reason"] = work.reason;
    d.metadata["area"] = config.area;
    for (const auto& spec : catalog.layers()) {
        const core::LayerSource* src = nullptr;
        for (auto& ls : config.layers)
            if (ls.layer == spec.name) src = &ls;
        if (!src) {
            Severity sev = spec.name == "boundary" ? Severity::error : Severity::warning;
            out.findings.push_back(Finding{sev,
                                           "layer-missing",
                                           FeatureRef{config.file.string(), spec.name, {}, {}},
                                           "the dataset does not provide this catalog layer",
                                           0,
                                           {}});
            continue;
        }
        ReadResult r = read_layer(catalog, spec, *src, work.definition, config.dir(), threads);
        d.metadata["source_crs." + spec.name] = r.layer.source_crs;
        out.findings.insert(out.findings.end(), r.findings.begin(), r.findings.end());
        d.layers.push_back(std::move(r.layer));
    }
    return out;
}

}  // namespace zoning::io
