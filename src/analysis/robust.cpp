// SPDX-License-Identifier: MIT
#include "analysis/robust.hpp"

#include <algorithm>
#include <cmath>

namespace zoning::analysis {

namespace {
// 1 mm grid: far below any planning tolerance, enough to clear near-coincident edges.
constexpr double kSnapGrid = 0.001;

geo::GeomPtr snapped(const geo::GeosContext& ctx, const GEOSGeometry* g) {
    return geo::set_precision(ctx, g, kSnapGrid);
}

// Below this many parts one cascaded union is cheap, and its output stays exactly what it was.
constexpr std::size_t kGroupFrom = 64;
// A coverage union's area against the parts' sum: the sums differ in the last bits only (summation
// order), an overlap or a gap left by unmatched edges by far more.
constexpr double kCoverageAreaTolerance = 1e-9;

/// Parts linked by meeting envelopes, transitively; groups ordered by their first part, parts ascending.
std::vector<std::vector<std::size_t>> envelope_groups(const geo::GeosContext& ctx, const std::vector<geo::GeomPtr>& parts) {
    geo::StrTree tree(ctx);
    for (std::size_t i = 0; i < parts.size(); ++i) tree.insert(parts[i].get(), i);
    tree.build();
    std::vector<std::size_t> parent(parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) parent[i] = i;
    auto root = [&](std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    for (std::size_t i = 0; i < parts.size(); ++i)
        for (std::size_t j : tree.query(parts[i].get())) {
            std::size_t a = root(i), b = root(j);
            if (a != b) parent[std::max(a, b)] = std::min(a, b);
        }
    std::vector<std::vector<std::size_t>> groups;
    std::vector<std::size_t> group_of(parts.size(), parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
        std::size_t r = root(i);
        if (group_of[r] == parts.size()) {
            group_of[r] = groups.size();
            groups.emplace_back();
        }
        groups[group_of[r]].push_back(i);
    }
    return groups;
}

/// Where a union GEOS refuses is noted, when it is retried group by group (the coverage method)
/// rather than whole by robust_union.
struct SnapRetry {
    const std::string& what;
    RobustnessLog& log;
};

/// The cascaded union of `coll`; with `retry`, a union GEOS refuses is done again on its members
/// snapped to 1 mm, taken from `coll` itself, so the parts need no copy kept beforehand.
geo::GeomPtr dissolve(const geo::GeosContext& ctx, const GEOSGeometry* coll, const SnapRetry* retry) {
    if (!retry) return geo::unary_union(ctx, coll);
    try {
        return geo::unary_union(ctx, coll);
    } catch (const geo::GeosError& first) {
        std::vector<geo::GeomPtr> again;
        for (int i = 0, n = geo::num_geometries(ctx, coll); i < n; ++i) again.push_back(snapped(ctx, geo::geometry_n(ctx, coll, i)));
        retry->log.notes.push_back(retry->what + ": union retried on input snapped to 1 mm after " + first.what());
        geo::GeomPtr snapped_coll = geo::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(again));
        return geo::unary_union(ctx, snapped_coll.get());
    }
}

/// The union of a group of meeting parts. Parcels of a clean store tile their frame, and such a
/// coverage dissolves through GEOSCoverageUnion by dropping the edges two parts share, without the
/// overlay's noding of every level of the cascade (half of a million-parcel export). Coverage union
/// trusts its input, so its result is kept only when it is valid and its area is the parts' summed
/// area: overlapping parts make the union smaller than the sum, and parts whose common edges do not
/// share their vertices leave those edges in, which makes the MultiPolygon invalid. Anything else
/// (parts cut by a frame's edge that do not meet exactly, an unclean store) takes the overlay union.
geo::GeomPtr group_union(const geo::GeosContext& ctx, std::vector<geo::GeomPtr> members, UnionMethod method, const SnapRetry* retry) {
    if (method == UnionMethod::overlay) {
        geo::GeomPtr coll = geo::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(members));
        return geo::unary_union(ctx, coll.get());
    }
    double summed = 0;
    for (const auto& m : members) summed += geo::area(ctx, m.get());
    geo::GeomPtr coll = geo::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(members));
    try {
        geo::GeomPtr u = geo::extract_dimension(ctx, geo::coverage_union(ctx, coll.get()).get(), 2);
        if (std::abs(geo::area(ctx, u.get()) - summed) <= kCoverageAreaTolerance * summed && geo::invalid_reason(ctx, u.get()).empty()) return u;
    } catch (const geo::GeosError&) {  // not a coverage: GEOS says so for some inputs
    }
    return dissolve(ctx, coll.get(), retry);
}

/// The union as a MultiPolygon. GEOS's cascaded union merges pairs up a tree, and every merge
/// re-nodes both sides whole: parts that never meet (100,000 slivers strewn over a zone) make each
/// level as costly as the whole, and the union far worse than linear. Parts whose envelopes do not
/// meet cannot share a point, so each group of meeting ones is unioned alone and the disjoint
/// results are only gathered.
geo::GeomPtr grouped_union(const geo::GeosContext& ctx, std::vector<geo::GeomPtr> parts, UnionMethod method, const SnapRetry* retry = nullptr) {
    if (parts.size() < kGroupFrom) {
        geo::GeomPtr coll = geo::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(parts));
        return geo::extract_dimension(ctx, dissolve(ctx, coll.get(), retry).get(), 2);
    }
    std::vector<geo::GeomPtr> unions;
    for (const auto& group : envelope_groups(ctx, parts)) {
        if (group.size() == 1) {  // alone, a polygonal part is its own union: no overlay for it
            unions.push_back(std::move(parts[group[0]]));
            continue;
        }
        std::vector<geo::GeomPtr> members;
        for (std::size_t i : group) members.push_back(std::move(parts[i]));
        unions.push_back(group_union(ctx, std::move(members), method, retry));
    }
    geo::GeomPtr all = geo::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(unions));
    return geo::extract_dimension(ctx, all.get(), 2);
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
                          RobustnessLog& log, UnionMethod method) {
    if (method == UnionMethod::coverage) {
        // Retried group by group: a copy of a million parts kept for a whole retry was 8 % of an export.
        const SnapRetry retry{what, log};
        return grouped_union(ctx, std::move(parts), method, &retry);
    }
    std::vector<std::string> wkbs;  // kept to retry: collect() consumes the parts
    for (auto& p : parts) wkbs.push_back(geo::to_wkb(ctx, p.get()));
    try {
        return grouped_union(ctx, std::move(parts), method);
    } catch (const geo::GeosError& first) {
        std::vector<geo::GeomPtr> again;
        for (auto& w : wkbs) again.push_back(snapped(ctx, geo::from_wkb(ctx, w).get()));
        log.notes.push_back(what + ": union retried on input snapped to 1 mm after " + first.what());
        return grouped_union(ctx, std::move(again), method);
    }
}

}  // namespace zoning::analysis
