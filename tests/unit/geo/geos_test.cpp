// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <thread>

#include "geo/geos.hpp"

using namespace zoning::geo;

TEST(Geos, WktRoundTripAndArea) {
    GeosContext ctx;
    GeomPtr g = from_wkt(ctx, "POLYGON((0 0, 100 0, 100 50, 0 50, 0 0))");
    EXPECT_DOUBLE_EQ(area(ctx, g.get()), 5000.0);
    GeomPtr back = from_wkb(ctx, to_wkb(ctx, g.get()));
    EXPECT_DOUBLE_EQ(area(ctx, back.get()), 5000.0);
    EXPECT_EQ(type_name(ctx, back.get()), "Polygon");
}

TEST(Geos, BadWktRaisesWithGeosMessage) {
    GeosContext ctx;
    try {
        from_wkt(ctx, "POLYGON((0 0, 1 1");
        FAIL() << "expected GeosError";
    } catch (const GeosError& e) {
        EXPECT_NE(std::string(e.what()).find("WKT read"), std::string::npos);
        EXPECT_FALSE(ctx.last_error().empty());
    }
}

TEST(Geos, BowTieIsInvalidAndMakeValidKeepsBothTriangles) {
    GeosContext ctx;
    GeomPtr bowtie = from_wkt(ctx, "POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))");
    std::string reason = invalid_reason(ctx, bowtie.get());
    EXPECT_NE(reason.find("Self-intersection"), std::string::npos) << reason;
    EXPECT_NE(reason.find("at (5.000 5.000)"), std::string::npos) << reason;
    GeomPtr fixed = extract_dimension(ctx, make_valid(ctx, bowtie.get()).get(), 2);
    EXPECT_TRUE(invalid_reason(ctx, fixed.get()).empty());
    EXPECT_EQ(num_geometries(ctx, fixed.get()), 2);
    EXPECT_NEAR(area(ctx, fixed.get()), 50.0, 1e-9);  // two triangles of 25 m²
}

TEST(Geos, PreparedPredicates) {
    GeosContext ctx;
    PreparedGeom big(ctx, from_wkt(ctx, "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"));
    GeomPtr inner = from_wkt(ctx, "POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))");
    GeomPtr edge = from_wkt(ctx, "POLYGON((0 0, 20 0, 20 20, 0 20, 0 0))");
    GeomPtr outside = from_wkt(ctx, "POLYGON((200 200, 210 200, 210 210, 200 210, 200 200))");
    EXPECT_TRUE(big.contains_properly(inner.get()));
    EXPECT_FALSE(big.contains_properly(edge.get()));
    EXPECT_TRUE(big.covers(edge.get()));
    EXPECT_FALSE(big.intersects(outside.get()));
}

TEST(Geos, StrTreeReturnsSortedCandidates) {
    GeosContext ctx;
    std::vector<GeomPtr> boxes;
    for (int i = 0; i < 100; ++i) {
        std::string wkt = "POLYGON((" + std::to_string(i * 10) + " 0, " + std::to_string(i * 10 + 10) + " 0, " +
                          std::to_string(i * 10 + 10) + " 10, " + std::to_string(i * 10) + " 10, " + std::to_string(i * 10) + " 0))";
        boxes.push_back(from_wkt(ctx, wkt));
    }
    StrTree tree(ctx);
    for (std::size_t i = 0; i < boxes.size(); ++i) tree.insert(boxes[i].get(), i);
    tree.build();
    GeomPtr probe = from_wkt(ctx, "POLYGON((255 2, 275 2, 275 8, 255 8, 255 2))");
    EXPECT_EQ(tree.query(probe.get()), (std::vector<std::size_t>{25, 26, 27}));
}

TEST(Geos, TransformXYAbortsOnNonFinite) {
    GeosContext ctx;
    GeomPtr g = from_wkt(ctx, "LINESTRING(0 0, 1 1)");
    bool aborted = false;
    GeomPtr moved = transform_xy(ctx, g.get(), [](double& x, double& y) { x += 10; y += 20; return true; }, aborted);
    ASSERT_FALSE(aborted);
    EXPECT_EQ(to_wkt(ctx, moved.get(), 0), "LINESTRING (10 20, 11 21)");
    GeomPtr none = transform_xy(ctx, g.get(), [](double&, double&) { return false; }, aborted);
    EXPECT_TRUE(aborted);
    EXPECT_EQ(none, nullptr);
}

TEST(Geos, ContextsAreIndependentAcrossThreads) {
    // Each thread owns its context and geometries (the thread rule in geos.hpp).
    std::vector<double> areas(4);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([t, &areas] {
            GeosContext ctx;
            double sum = 0;
            for (int i = 0; i < 200; ++i) {
                GeomPtr g = buffer(ctx, from_wkt(ctx, "POINT(0 0)").get(), 10.0 + t, 16);
                sum += area(ctx, g.get());
            }
            areas[static_cast<std::size_t>(t)] = sum / 200;
        });
    for (auto& th : threads) th.join();
    for (int t = 0; t < 4; ++t) EXPECT_NEAR(areas[static_cast<std::size_t>(t)], 3.14159 * (10 + t) * (10 + t), 2.0);
}
