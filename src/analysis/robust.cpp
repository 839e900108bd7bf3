// SPDX-License-Identifier: MIT
#include "analysis/robust.hpp"

namespace zoning::analysis {

namespace {
// 1 mm grid: far below any planning tolerance, enough to clear near-coincident edges.
constexpr double kSnapGrid = 0.001;

geo::GeomPtr snapped(const geo::GeosContext& ctx, const GEOSGeometry* g) {
    return geo::set_precision(ctx, g, kSnapGrid);
}
}  // namespace

geo::GeomPtr robust_intersection(const geo::GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b,
                                 const std::string& what, RobustnessLog& log) {
    try {
        return geo::extract_dimension(ctx, geo::intersection(ctx, a, b).get(), 2);
    } catch (const geo::GeosError& first) {
        try {
            geo::GeomPtr va = geo::make_valid(ctx, a), vb = geo::make_valid(ctx, b);
            geo::GeomPtr r = geo::extract_dimension(ctx, geo::intersection(ctx, va.get(), vb.get()).get(), 2);
            log.notes.push_back(what + ": retried on repaired input after " + first.what());
            return r;
        } catch (const geo::GeosError&) {
            geo::GeomPtr sa = snapped(ctx, a), sb = snapped(ctx, b);
            geo::GeomPtr r = geo::extract_dimension(ctx, geo::intersection(ctx, sa.get(), sb.get()).get(), 2);
            log.notes.push_back(what + ": retried on input snapped to 1 mm after " + first.what());
            return r;
        }
    }
}

geo::GeomPtr robust_union(const geo::GeosContext& ctx, std::vector<geo::GeomPtr> parts, const std::string& what,
                          RobustnessLog& log) {
    std::vector<std::string> wkbs;  // kept to retry: collect() consumes the parts
    for (auto& p : parts) wkbs.push_back(geo::to_wkb(ctx, p.get()));
    try {
        geo::GeomPtr coll = geo::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(parts));
        return geo::extract_dimension(ctx, geo::unary_union(ctx, coll.get()).get(), 2);
    } catch (const geo::GeosError& first) {
        std::vector<geo::GeomPtr> again;
        for (auto& w : wkbs) again.push_back(snapped(ctx, geo::from_wkb(ctx, w).get()));
        geo::GeomPtr coll = geo::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(again));
        log.notes.push_back(what + ": union retried on input snapped to 1 mm after " + first.what());
        return geo::extract_dimension(ctx, geo::unary_union(ctx, coll.get()).get(), 2);
    }
}

}  // namespace zoning::analysis
