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

namespace {
std::string rect(double x0, double y0, double x1, double y1) {
    auto p = [](double x, double y) { return std::to_string(x) + " " + std::to_string(y); };
    return "POLYGON((" + p(x0, y0) + "," + p(x1, y0) + "," + p(x1, y1) + "," + p(x0, y1) + "," + p(x0, y0) + "))";
}
}  // namespace

// Many parts go through the grouped union (parts whose envelopes meet, unioned group by group):
// 200 slivers strewn apart stay 200 polygons; a chain of 100 overlapping squares whose first and
// last are far apart is still one polygon, its overlaps counted once.
TEST(Robust, ManyDisjointSliversStayApartAndAChainOfOverlapsBecomesOne) {
    geo::GeosContext ctx;
    std::vector<geo::GeomPtr> parts;
    for (int i = 0; i < 200; ++i) parts.push_back(geo::from_wkt(ctx, rect(100.0 * (i % 20), 10.0 * (i / 20), 100.0 * (i % 20) + 40, 10.0 * (i / 20) + 0.25)));
    // the chain: squares of 10 m, each 5 m right of the last, so consecutive ones overlap by half
    for (int i = 0; i < 100; ++i) parts.push_back(geo::from_wkt(ctx, rect(5.0 * i, 500, 5.0 * i + 10, 510)));
    analysis::RobustnessLog log;
    geo::GeomPtr u = analysis::robust_union(ctx, std::move(parts), "union in Z1", log);
    EXPECT_EQ(geo::type_id(ctx, u.get()), GEOS_MULTIPOLYGON);
    EXPECT_EQ(geo::num_geometries(ctx, u.get()), 201);
    EXPECT_NEAR(geo::area(ctx, u.get()), 200 * 40 * 0.25 + 505 * 10, 1e-6);
    EXPECT_EQ(geo::invalid_reason(ctx, u.get()), "");  // the gathered groups make a valid MultiPolygon
    EXPECT_TRUE(log.notes.empty());
}

// Parts that only touch edge to edge (a tiling, as parcels are) are one group and one polygon.
TEST(Robust, ManyTouchingPartsDissolveIntoOnePolygon) {
    geo::GeosContext ctx;
    std::vector<geo::GeomPtr> parts;
    for (int i = 0; i < 100; ++i) parts.push_back(geo::from_wkt(ctx, rect(10.0 * (i % 10), 10.0 * (i / 10), 10.0 * (i % 10) + 10, 10.0 * (i / 10) + 10)));
    analysis::RobustnessLog log;
    geo::GeomPtr u = analysis::robust_union(ctx, std::move(parts), "union in Z1", log);
    EXPECT_EQ(geo::num_geometries(ctx, u.get()), 1);
    EXPECT_NEAR(geo::area(ctx, u.get()), 10000, 1e-6);
}

// Through the checked coverage union (the export's overlay_landuse), a tiling: a tiling with a lot missing keeps it as a hole;
// tall lots beside square ones (their common edges do not share vertices, so not a coverage for
// GEOS) still dissolve into one valid polygon, through the overlay union.
TEST(Robust, ATilingWithAHoleKeepsItAndLotsMeetingAtTJunctionsStillDissolve) {
    geo::GeosContext ctx;
    {
        std::vector<geo::GeomPtr> parts;
        for (int i = 0; i < 100; ++i)
            if (i != 44) parts.push_back(geo::from_wkt(ctx, rect(10.0 * (i % 10), 10.0 * (i / 10), 10.0 * (i % 10) + 10, 10.0 * (i / 10) + 10)));
        analysis::RobustnessLog log;
        geo::GeomPtr u = analysis::robust_union(ctx, std::move(parts), "union in Z1", log, analysis::UnionMethod::coverage);
        ASSERT_EQ(geo::num_geometries(ctx, u.get()), 1);
        EXPECT_EQ(GEOSGetNumInteriorRings_r(ctx.handle(), geo::geometry_n(ctx, u.get(), 0)), 1);
        EXPECT_NEAR(geo::area(ctx, u.get()), 9900, 1e-6);
        EXPECT_EQ(geo::invalid_reason(ctx, u.get()), "");
    }
    {
        std::vector<geo::GeomPtr> parts;
        for (int j = 0; j < 5; ++j) parts.push_back(geo::from_wkt(ctx, rect(0, 20.0 * j, 10, 20.0 * j + 20)));  // column 0: 10 × 20 lots
        for (int i = 0; i < 100; ++i)
            if (i % 10 != 0) parts.push_back(geo::from_wkt(ctx, rect(10.0 * (i % 10), 10.0 * (i / 10), 10.0 * (i % 10) + 10, 10.0 * (i / 10) + 10)));
        analysis::RobustnessLog log;
        geo::GeomPtr u = analysis::robust_union(ctx, std::move(parts), "union in Z1", log, analysis::UnionMethod::coverage);
        EXPECT_EQ(geo::num_geometries(ctx, u.get()), 1);
        EXPECT_EQ(GEOSGetNumInteriorRings_r(ctx.handle(), geo::geometry_n(ctx, u.get(), 0)), 0);
        EXPECT_NEAR(geo::area(ctx, u.get()), 10000, 1e-6);
        EXPECT_EQ(geo::invalid_reason(ctx, u.get()), "");
        EXPECT_TRUE(log.notes.empty());
    }
}
