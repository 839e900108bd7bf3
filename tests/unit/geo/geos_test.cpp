// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cstring>
#include <optional>
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

// The wrappers report/, cli/ and analysis/ use instead of the C API.

TEST(Geos, PointXYOfAPointAndRaiseForAPolygon) {
    GeosContext ctx;
    XY p = point_xy(ctx, from_wkt(ctx, "POINT(430123.5 3740456.25)").get());
    EXPECT_EQ(p.x, 430123.5);
    EXPECT_EQ(p.y, 3740456.25);
    // The representative point of a 100 x 50 rectangle lies inside it.
    XY inside = point_xy(ctx, point_on_surface(ctx, from_wkt(ctx, "POLYGON((0 0, 100 0, 100 50, 0 50, 0 0))").get()).get());
    EXPECT_GT(inside.x, 0);
    EXPECT_LT(inside.x, 100);
    EXPECT_GT(inside.y, 0);
    EXPECT_LT(inside.y, 50);
    EXPECT_THROW(point_xy(ctx, from_wkt(ctx, "POLYGON((0 0, 1 0, 1 1, 0 0))").get()), GeosError);
}

TEST(Geos, SetPrecisionSnapsToTheGridAndKeepsArea) {
    GeosContext ctx;
    GeomPtr g = from_wkt(ctx, "POLYGON((0.004 0.003, 100.002 0, 100 49.996, 0 50.001, 0.004 0.003))");
    GeomPtr snapped = set_precision(ctx, g.get(), 0.01);
    Envelope e = envelope(ctx, snapped.get());
    EXPECT_EQ(e.minx, 0);
    EXPECT_EQ(e.miny, 0);
    EXPECT_EQ(e.maxx, 100);
    EXPECT_EQ(e.maxy, 50);
    EXPECT_DOUBLE_EQ(area(ctx, snapped.get()), 5000.0);
    // A sliver thinner than the grid collapses rather than staying invalid.
    GeomPtr sliver = from_wkt(ctx, "POLYGON((0 0, 10 0, 10 0.001, 0 0.001, 0 0))");
    EXPECT_TRUE(is_empty(ctx, set_precision(ctx, sliver.get(), 0.1).get()));
}

TEST(Geos, GeoJsonGeometryText) {
    GeosContext ctx;
    EXPECT_EQ(to_geojson(ctx, from_wkt(ctx, "POINT(1.5 2)").get()), R"({"type":"Point","coordinates":[1.5,2.0]})");
    EXPECT_EQ(to_geojson(ctx, from_wkt(ctx, "POLYGON((0 0, 2 0, 2 1, 0 1, 0 0))").get()),
              R"({"type":"Polygon","coordinates":[[[0.0,0.0],[2.0,0.0],[2.0,1.0],[0.0,1.0],[0.0,0.0]]]})");
}

TEST(Geos, WkbIsTwoDimensionalLittleEndianIso) {
    GeosContext ctx;
    std::string wkb = to_wkb(ctx, from_wkt(ctx, "POINT Z (1 2 3)").get());
    ASSERT_EQ(wkb.size(), 21u);  // byte order + type + two doubles: Z dropped
    EXPECT_EQ(wkb[0], '\x01');   // NDR
    EXPECT_EQ(wkb[1], '\x01');   // type 1: Point, not 1001
    EXPECT_THROW(from_wkb(ctx, std::string("\x01\x01\x00", 3)), GeosError);
}

TEST(Geos, CollectExtractAndMeasure) {
    GeosContext ctx;
    std::vector<GeomPtr> parts;
    parts.push_back(from_wkt(ctx, "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))"));
    parts.push_back(from_wkt(ctx, "POLYGON((20 0, 30 0, 30 5, 20 5, 20 0))"));
    GeomPtr multi = collect(ctx, GEOS_MULTIPOLYGON, std::move(parts));
    EXPECT_EQ(type_name(ctx, multi.get()), "MultiPolygon");
    EXPECT_DOUBLE_EQ(area(ctx, multi.get()), 150.0);
    EXPECT_DOUBLE_EQ(length(ctx, multi.get()), 40.0 + 30.0);
    Envelope e = envelope(ctx, multi.get());
    EXPECT_EQ(e.minx, 0);
    EXPECT_EQ(e.maxx, 30);
    EXPECT_EQ(e.maxy, 10);
    // A collection of a polygon and a line keeps only the part of the asked dimension.
    GeomPtr mixed = from_wkt(ctx, "GEOMETRYCOLLECTION(POLYGON((0 0, 4 0, 4 4, 0 4, 0 0)), LINESTRING(0 0, 7 0))");
    EXPECT_DOUBLE_EQ(area(ctx, extract_dimension(ctx, mixed.get(), 2).get()), 16.0);
    EXPECT_DOUBLE_EQ(length(ctx, extract_dimension(ctx, mixed.get(), 1).get()), 7.0);
    EXPECT_EQ(location_text(ctx, from_wkt(ctx, "POINT(12.34 56.78)").get()), "(12.3 56.8)");
    EXPECT_EQ(location_text(ctx, from_wkt(ctx, "POLYGON EMPTY").get()), "(empty)");
}

TEST(Geos, OverlayOfRectanglesHasExactAreas) {
    GeosContext ctx;
    GeomPtr a = from_wkt(ctx, "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))");
    GeomPtr b = from_wkt(ctx, "POLYGON((60 0, 160 0, 160 50, 60 50, 60 0))");
    EXPECT_DOUBLE_EQ(area(ctx, intersection(ctx, a.get(), b.get()).get()), 2000.0);
    EXPECT_DOUBLE_EQ(area(ctx, difference(ctx, a.get(), b.get()).get()), 8000.0);
    EXPECT_DOUBLE_EQ(area(ctx, unary_union(ctx, collect(ctx, GEOS_GEOMETRYCOLLECTION, [&] {
                                                std::vector<GeomPtr> v;
                                                v.push_back(clone(ctx, a.get()));
                                                v.push_back(clone(ctx, b.get()));
                                                return v;
                                            }()).get()).get()),
                     13000.0);
    EXPECT_DOUBLE_EQ(distance(ctx, a.get(), from_wkt(ctx, "POINT(103 104)").get()), 5.0);
    EXPECT_TRUE(intersects(ctx, a.get(), b.get()));
    XY c = point_xy(ctx, centroid(ctx, b.get()).get());
    EXPECT_DOUBLE_EQ(c.x, 110.0);
    EXPECT_DOUBLE_EQ(c.y, 25.0);
}

TEST(Geos, PathsListEveryRing) {
    GeosContext ctx;
    auto rings = paths(ctx, from_wkt(ctx, "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 2))").get());
    ASSERT_EQ(rings.size(), 2u);
    EXPECT_EQ(rings[0].size(), 5u);
    EXPECT_EQ(rings[1].size(), 4u);
    EXPECT_EQ(rings[1][1].x, 3);
    EXPECT_TRUE(paths(ctx, from_wkt(ctx, "POINT(1 1)").get()).empty());
}

TEST(Geos, WkbEnvelopeIsTheBoxGeosGivesReadOffTheBytes) {
    GeosContext ctx;
    for (const char* wkt : {"POLYGON((10 20, 110 20, 110 70, 10 70, 10 20), (30 30, 40 30, 40 40, 30 30))",
                            "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((-5 7, -4 7, -4 9.5, -5 7)))", "POLYGON((-3.25 -1e6, 2 -1e6, 2 4e6, -3.25 -1e6))"}) {
        GeomPtr g = from_wkt(ctx, wkt);
        const std::optional<Envelope> box = wkb_envelope(to_wkb(ctx, g.get()));
        ASSERT_TRUE(box.has_value()) << wkt;
        const Envelope e = envelope(ctx, g.get());
        EXPECT_EQ(box->minx, e.minx) << wkt;
        EXPECT_EQ(box->miny, e.miny) << wkt;
        EXPECT_EQ(box->maxx, e.maxx) << wkt;
        EXPECT_EQ(box->maxy, e.maxy) << wkt;
    }
    // Big-endian (XDR): POLYGON((1 2, 3 2, 3 5, 1 2)).
    std::string xdr("\x00\x00\x00\x00\x03\x00\x00\x00\x01\x00\x00\x00\x04", 13);
    for (double v : {1.0, 2.0, 3.0, 2.0, 3.0, 5.0, 1.0, 2.0}) {
        unsigned char b[8];
        std::memcpy(b, &v, 8);
        for (int i = 7; i >= 0; --i) xdr += static_cast<char>(b[i]);  // the test host is little-endian, as zoning requires
    }
    const std::optional<Envelope> box = wkb_envelope(xdr);
    ASSERT_TRUE(box.has_value());
    EXPECT_EQ(box->minx, 1.0);
    EXPECT_EQ(box->miny, 2.0);
    EXPECT_EQ(box->maxx, 3.0);
    EXPECT_EQ(box->maxy, 5.0);
    EXPECT_EQ(area(ctx, from_wkb(ctx, xdr).get()), 3.0);  // and GEOS reads the same bytes as that triangle
    // What it does not read, the caller parses: another type, an empty polygon, bytes that end early.
    EXPECT_FALSE(wkb_envelope(to_wkb(ctx, from_wkt(ctx, "POINT(1 2)").get())).has_value());
    EXPECT_FALSE(wkb_envelope(to_wkb(ctx, from_wkt(ctx, "LINESTRING(1 2, 3 4)").get())).has_value());
    EXPECT_FALSE(wkb_envelope(std::string("\x01\x03\x00\x00\x00\x00\x00\x00\x00", 9)).has_value());
    const std::string whole = to_wkb(ctx, from_wkt(ctx, "POLYGON((0 0, 1 0, 1 1, 0 0))").get());
    EXPECT_FALSE(wkb_envelope(std::string_view(whole).substr(0, whole.size() - 1)).has_value());
    EXPECT_FALSE(wkb_envelope("").has_value());
    EXPECT_FALSE(wkb_envelope(std::string("\x01\xe3\x03\x00\x00", 5)).has_value());  // type 1003: Polygon Z
}
