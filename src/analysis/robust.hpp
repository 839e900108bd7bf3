// SPDX-License-Identifier: MIT
#pragma once
// Overlay operations that never abort a run: a TopologyException is retried on
// repaired, then snapped input, and the retry is recorded.
#include <string>
#include <vector>

#include "geo/geos.hpp"

namespace zoning::analysis {

/// Notes of retried operations, for the report ("pair X × Y retried on snapped input").
struct RobustnessLog {
    std::vector<std::string> notes;
};

/// Polygonal intersection of a and b (empty MultiPolygon when they only touch).
geo::GeomPtr robust_intersection(const geo::GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b,
                                 const std::string& what, RobustnessLog& log);
/// How robust_union dissolves a group of many meeting parts.
enum class UnionMethod {
    overlay,   ///< GEOS's cascaded union: the report's figures, which must not move in the last bits
    coverage,  ///< GEOSCoverageUnion where its result checks out (valid, area = the parts' sum), else overlay
};

/// Union of polygonal parts (consumed).
geo::GeomPtr robust_union(const geo::GeosContext& ctx, std::vector<geo::GeomPtr> parts, const std::string& what,
                          RobustnessLog& log, UnionMethod method = UnionMethod::overlay);

}  // namespace zoning::analysis
