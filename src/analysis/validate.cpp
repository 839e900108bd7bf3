// SPDX-License-Identifier: MIT
#include "analysis/validate.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "analysis/frame_index.hpp"
#include "analysis/parallel.hpp"
#include "geo/geos.hpp"

namespace zoning::analysis {

using core::LayerSummary;
using core::TilingResult;
using core::ValidationReport;

using core::FeatureRef;
using core::Finding;
using core::Severity;

namespace {

// Slivers below this are floating-point noise of a union, not a planner's gap.
constexpr double kNoiseArea = 1e-4;

std::string fmt(double v, int decimals = 2) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

geo::GeomPtr union_of_layer(const geo::GeosContext& ctx, const core::Layer& layer) {
    std::vector<geo::GeomPtr> parts;
    for (auto& f : layer.features) parts.push_back(geo::from_wkb(ctx, f.wkb));
    geo::GeomPtr coll = geo::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(parts));
    return geo::unary_union(ctx, coll.get());
}

void add_parts(const geo::GeosContext& ctx, const GEOSGeometry* g, Severity sev, const std::string& check,
               const FeatureRef& where, const std::string& what, std::vector<Finding>& out) {
    geo::GeomPtr polys = geo::extract_dimension(ctx, g, 2);
    int n = geo::num_geometries(ctx, polys.get());
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* part = geo::geometry_n(ctx, polys.get(), i);
        double a = geo::area(ctx, part);
        if (a < kNoiseArea) continue;
        out.push_back(Finding{sev, check, where, what + " of " + fmt(a) + " m²", a, geo::location_text(ctx, part)});
    }
}

TilingResult check_tiling(const geo::GeosContext& ctx, const core::Layer& zones, const GEOSGeometry* boundary,
                          const ValidationOptions& opt, std::vector<Finding>& findings, RobustnessLog& log) {
    TilingResult t;
    t.checked = true;
    t.boundary_area_m2 = geo::area(ctx, boundary);
    const FrameIndex index(ctx, &zones);
    for (std::size_t i = 0; i < index.size(); ++i) t.zones_area_m2 += geo::area(ctx, index.base(i));
    geo::GeomPtr zone_union = union_of_layer(ctx, zones);
    geo::GeomPtr gap = geo::difference(ctx, boundary, zone_union.get());
    t.gap_area_m2 = geo::area(ctx, gap.get());

    std::vector<Finding> overlaps;
    for (std::size_t i = 0; i < index.size(); ++i) {
        for (std::size_t j : index.query(index.base(i))) {
            if (j <= i) continue;
            // zone i ∩ zone j, as a polygon (retried, and noted, when GEOS fails)
            std::optional<Part> part = index.part(ctx, i, index.base(j), Inside::never,
                                                  "zones " + zones.id_of(zones.features[i]) + " × " + zones.id_of(zones.features[j]), log);
            if (!part) continue;
            const geo::GeomPtr& polys = part->piece;
            double a = geo::area(ctx, polys.get());
            if (a < kNoiseArea) continue;
            t.overlap_area_m2 += a;
            FeatureRef ref{zones.source, zones.name(), zones.features[i].fid, zones.id_of(zones.features[i])};
            overlaps.push_back(Finding{Severity::error, "tiling-overlap", ref,
                                       "overlaps '" + zones.id_of(zones.features[j]) + "' (fid " +
                                           std::to_string(zones.features[j].fid) + ") by " + fmt(a) + " m²",
                                       a, geo::location_text(ctx, polys.get())});
        }
    }
    // Zones that leave the district: a frame drawn in another CRS or shifted covers the district
    // with no gap or overlap and still counts land beyond it, so its own total is measured here.
    std::vector<std::pair<std::string, double>> outside_by_zone;
    for (std::size_t i = 0; i < index.size(); ++i) {
        geo::GeomPtr out = geo::difference(ctx, index.base(i), boundary);
        const double a = geo::area(ctx, out.get());
        if (a < kNoiseArea) continue;
        t.outside_area_m2 += a;
        outside_by_zone.emplace_back(zones.id_of(zones.features[i]), a);
    }
    const Severity gap_sev = t.gap_area_m2 > opt.tiling_tolerance_m2 ? Severity::error : Severity::info;
    const Severity ov_sev = t.overlap_area_m2 > opt.tiling_tolerance_m2 ? Severity::error : Severity::info;
    FeatureRef layer_ref{zones.source, zones.name(), {}, {}};
    if (gap_sev == Severity::error)
        add_parts(ctx, gap.get(), Severity::error, "tiling-gap", layer_ref, "gap between zones (not covered by any zone)", findings);
    for (auto& o : overlaps) {
        o.severity = ov_sev;
        if (ov_sev == Severity::error) findings.push_back(o);
    }
    const Severity out_sev = t.outside_area_m2 > opt.tiling_tolerance_m2 ? Severity::error : Severity::info;
    if (out_sev == Severity::error) {
        std::string ids;
        for (const auto& [id, a] : outside_by_zone) ids += (ids.empty() ? "" : ", ") + id + " " + fmt(a) + " m²";
        findings.push_back(Finding{Severity::error, "tiling-outside", layer_ref,
                                   "zones lie outside the district boundary by " + fmt(t.outside_area_m2) + " m² in total (" + ids +
                                       "): the zones do not tile the district; are the zones and boundary in the same CRS?",
                                   t.outside_area_m2, {}});
    }
    findings.push_back(Finding{gap_sev == Severity::error || ov_sev == Severity::error || out_sev == Severity::error ? Severity::error
                                                                                                                      : Severity::info,
                               "tiling", layer_ref,
                               "zones tile the district: gaps " + fmt(t.gap_area_m2, 3) + " m², overlaps " +
                                   fmt(t.overlap_area_m2, 3) + " m², outside the boundary " + fmt(t.outside_area_m2, 3) +
                                   " m² in total (tolerance " + fmt(opt.tiling_tolerance_m2) + " m²)",
                               t.gap_area_m2 + t.overlap_area_m2 + t.outside_area_m2, {}});
    return t;
}

std::vector<Finding> check_within(const core::Layer& layer, const std::string& boundary_wkb, const ValidationOptions& opt) {
    const bool polygons = layer.spec->geometry == core::GeomKind::polygon;
    // Each worker prepares the boundary once, in its own context (prepared geometries are not
    // shareable): prepared per chunk of 512 it was redone two thousand times for a million parcels.
    auto chunks = core::parallel_chunks_with<std::vector<Finding>, geo::PreparedGeom>(
        layer.features.size(), opt.threads,
        [&](const geo::GeosContext& ctx) { return std::make_unique<geo::PreparedGeom>(ctx, geo::from_wkb(ctx, boundary_wkb)); },
        [&](geo::PreparedGeom& district, const geo::GeosContext& ctx, std::size_t begin, std::size_t end) {
            std::vector<Finding> out;
            for (std::size_t i = begin; i < end; ++i) {
                const auto& f = layer.features[i];
                geo::GeomPtr g = geo::from_wkb(ctx, f.wkb);
                if (district.covers(g.get())) continue;
                // Wholly outside, the difference is the feature itself: no overlay, which would
                // clip the whole boundary (thousands of vertices) to each small parcel.
                geo::GeomPtr cut;
                const GEOSGeometry* outside = g.get();
                if (district.intersects(g.get())) {
                    cut = geo::difference(ctx, g.get(), district.base());
                    outside = cut.get();
                }
                double amount = polygons ? geo::area(ctx, outside) : geo::length(ctx, outside);
                double total = polygons ? geo::area(ctx, g.get()) : geo::length(ctx, g.get());
                double tol = polygons ? opt.outside_tolerance_m2 : opt.outside_tolerance_m;
                if (amount <= tol) continue;
                std::string unit = polygons ? " m²" : " m";
                out.push_back(Finding{Severity::warning, "outside-district", FeatureRef{layer.source, layer.name(), f.fid, layer.id_of(f)},
                                      "lies partly outside the district: " + fmt(amount, 1) + unit + " of " + fmt(total, 1) + unit +
                                          " (" + fmt(total > 0 ? 100.0 * amount / total : 0.0, 1) + "%)",
                                      polygons ? amount : 0.0, geo::location_text(ctx, outside)});
            }
            return out;
        });
    return flatten(std::move(chunks));
}

void check_duplicate_ids(const core::Layer& layer, std::vector<Finding>& findings) {
    std::unordered_map<std::string, std::int64_t> seen;
    for (auto& f : layer.features) {
        std::string id = layer.id_of(f);
        auto [it, inserted] = seen.emplace(id, f.fid);
        if (!inserted)
            findings.push_back(Finding{Severity::error, "duplicate-id", FeatureRef{layer.source, layer.name(), f.fid, id},
                                       "id '" + id + "' is used again (first at fid " + std::to_string(it->second) + ")", 0, {}});
    }
}

int severity_rank(Severity s) { return s == Severity::error ? 0 : s == Severity::warning ? 1 : 2; }

}  // namespace

ValidationReport validate(const core::Dataset& dataset, std::vector<Finding> read_findings, const ValidationOptions& opt) {
    ValidationReport rep;
    rep.findings = std::move(read_findings);
    geo::GeosContext ctx;
    RobustnessLog log;

    for (const auto& layer : dataset.layers) {
        LayerSummary s;
        s.layer = layer.name();
        s.title_zh = layer.spec->title_zh;
        s.count = layer.features.size();
        s.crs = layer.source_crs;
        s.repaired = layer.repairs.size();
        struct Part {
            std::map<int, std::size_t> types;  // by GEOS type id: named once per chunk, not per feature
            std::map<int, std::string> names;
            double amount = 0;
        };
        const bool polygons = layer.spec->geometry == core::GeomKind::polygon;
        auto parts = parallel_chunks<Part>(layer.features.size(), opt.threads, [&](const geo::GeosContext& c, std::size_t b, std::size_t e) {
            Part p;
            for (std::size_t i = b; i < e; ++i) {
                geo::GeomPtr g = geo::from_wkb(c, layer.features[i].wkb);
                const int id = geo::type_id(c, g.get());
                if (p.types[id]++ == 0) p.names[id] = geo::type_name(c, g.get());
                p.amount += polygons ? geo::area(c, g.get()) : geo::length(c, g.get());
            }
            return p;
        });
        for (auto& p : parts) {
            for (auto& [t, n] : p.types) s.geometry_types[p.names[t]] += n;
            (polygons ? s.total_area_m2 : s.total_length_m) += p.amount;
        }
        rep.layers.push_back(std::move(s));
        // A store read back has not been through the reader's id check.
        bool reader_checked = false;
        for (auto& f : rep.findings)
            if (f.where.layer == layer.name()) reader_checked = true;
        if (!reader_checked) check_duplicate_ids(layer, rep.findings);
    }

    const core::Layer* boundary = dataset.find("boundary");
    if (!boundary || boundary->features.empty()) {
        rep.findings.push_back(Finding{Severity::error, "boundary", FeatureRef{{}, "boundary", {}, {}},
                                       "no district boundary: the containment and tiling checks need one", 0, {}});
    } else {
        geo::GeomPtr district = union_of_layer(ctx, *boundary);
        std::string district_wkb = geo::to_wkb(ctx, district.get());
        if (const core::Layer* zones = dataset.find(opt.tiling_layer); zones && !zones->features.empty())
            rep.tiling = check_tiling(ctx, *zones, district.get(), opt, rep.findings, log);
        for (const auto& layer : dataset.layers) {
            if (layer.name() == "boundary") continue;
            auto out = check_within(layer, district_wkb, opt);
            rep.findings.insert(rep.findings.end(), out.begin(), out.end());
        }
    }
    rep.robustness_notes = std::move(log.notes);
    std::stable_sort(rep.findings.begin(), rep.findings.end(), [](const Finding& a, const Finding& b) {
        if (severity_rank(a.severity) != severity_rank(b.severity)) return severity_rank(a.severity) < severity_rank(b.severity);
        if (a.where.layer != b.where.layer) return a.where.layer < b.where.layer;
        return a.where.fid.value_or(-1) < b.where.fid.value_or(-1);
    });
    return rep;
}

}  // namespace zoning::analysis
