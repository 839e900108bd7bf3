// SPDX-License-Identifier: MIT
// Operations GEOS refuses are retried, and the retry is noted: a self-intersecting
// bow-tie makes the plain intersection throw; repaired, it is two triangles.
#include "analysis/robust.hpp"

#include <gtest/gtest.h>

using namespace zoning;

namespace {
// (0 0)-(10 10)-(10 0)-(0 10): two triangles of 25 m² meeting at (5 5), drawn as one ring.
constexpr const char* kBowTie = "POLYGON((0 0,10 10,10 0,0 10,0 0))";
constexpr const char* kSquare = "POLYGON((0 0,10 0,10 10,0 10,0 0))";
}  // namespace

TEST(Robust, APlainIntersectionIsNotNoted) {
    geo::GeosContext ctx;
    geo::GeomPtr a = geo::from_wkt(ctx, kSquare), b = geo::from_wkt(ctx, "POLYGON((5 0,15 0,15 10,5 10,5 0))");
    analysis::RobustnessLog log;
    geo::GeomPtr r = analysis::robust_intersection(ctx, a.get(), b.get(), "a × b", log);
    EXPECT_DOUBLE_EQ(geo::area(ctx, r.get()), 50);
    EXPECT_TRUE(log.notes.empty());
}

TEST(Robust, ABowTieIsRetriedOnRepairedInputAndNoted) {
    geo::GeosContext ctx;
    geo::GeomPtr bow = geo::from_wkt(ctx, kBowTie), square = geo::from_wkt(ctx, kSquare);
    ASSERT_THROW(geo::intersection(ctx, square.get(), bow.get()), geo::GeosError);  // what the retry is for
    analysis::RobustnessLog log;
    geo::GeomPtr r = analysis::robust_intersection(ctx, square.get(), bow.get(), "parcel X × Z1", log);
    EXPECT_NEAR(geo::area(ctx, r.get()), 50, 1e-9);  // both triangles, inside the square
    ASSERT_EQ(log.notes.size(), 1u);
    EXPECT_EQ(log.notes[0].rfind("parcel X × Z1: retried on repaired input after ", 0), 0u) << log.notes[0];
}

TEST(Robust, AUnionCountsOverlapsOnceAndIsNotNoted) {
    geo::GeosContext ctx;
    std::vector<geo::GeomPtr> parts;
    parts.push_back(geo::from_wkt(ctx, kSquare));
    parts.push_back(geo::from_wkt(ctx, "POLYGON((5 0,15 0,15 10,5 10,5 0))"));
    analysis::RobustnessLog log;
    geo::GeomPtr u = analysis::robust_union(ctx, std::move(parts), "union in Z1", log);
    EXPECT_DOUBLE_EQ(geo::area(ctx, u.get()), 150);
    EXPECT_TRUE(log.notes.empty());
}
