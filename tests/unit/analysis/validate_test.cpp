// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "analysis/validate.hpp"
#include "geo/geos.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

const core::Catalog& catalog() {
    static core::Catalog c = core::Catalog::load(test::source_dir() / "layers");
    return c;
}

core::Layer layer_from_wkt(const std::string& name, const std::vector<std::pair<std::string, std::string>>& id_wkt) {
    geo::GeosContext ctx;
    core::Layer l;
    l.spec = &catalog().at(name);
    l.source = "fixture";
    l.source_crs = "EPSG:4547";
    std::int64_t fid = 0;
    for (auto& [id, wkt] : id_wkt) {
        core::Feature f;
        f.fid = ++fid;
        f.values.resize(l.spec->fields.size());
        f.values[0] = id;
        geo::GeomPtr g = geo::from_wkt(ctx, wkt);
        g = geo::extract_dimension(ctx, g.get(), l.spec->geometry == core::GeomKind::polygon ? 2 : 1);
        f.wkb = geo::to_wkb(ctx, g.get());
        l.features.push_back(std::move(f));
    }
    return l;
}

const char* kDistrict = "POLYGON((0 0,1000 0,1000 1000,0 1000,0 0))";

}  // namespace

TEST(Validate, ExactTilingPasses) {
    core::Dataset d;
    d.layers.push_back(layer_from_wkt("boundary", {{"D", kDistrict}}));
    d.layers.push_back(layer_from_wkt("functional_zones", {{"A", "POLYGON((0 0,500 0,500 1000,0 1000,0 0))"},
                                                           {"B", "POLYGON((500 0,1000 0,1000 1000,500 1000,500 0))"}}));
    core::ValidationReport r = analysis::validate(d, {});
    EXPECT_TRUE(r.ok());
    EXPECT_DOUBLE_EQ(r.tiling.gap_area_m2, 0.0);
    EXPECT_DOUBLE_EQ(r.tiling.overlap_area_m2, 0.0);
    EXPECT_DOUBLE_EQ(r.tiling.boundary_area_m2, 1e6);
}

TEST(Validate, PlantedGapAndOverlapAreFoundWithTheirAreas) {
    core::Dataset d;
    d.layers.push_back(layer_from_wkt("boundary", {{"D", kDistrict}}));
    // A reaches 10 m into B (10 x 1000 = 10,000 m² overlap); B has a 50 x 50 hole (2,500 m² gap).
    d.layers.push_back(layer_from_wkt(
        "functional_zones", {{"A", "POLYGON((0 0,510 0,510 1000,0 1000,0 0))"},
                             {"B", "POLYGON((500 0,1000 0,1000 1000,500 1000,500 0),(900 900,950 900,950 950,900 950,900 900))"}}));
    core::ValidationReport r = analysis::validate(d, {});
    EXPECT_FALSE(r.ok());
    EXPECT_NEAR(r.tiling.gap_area_m2, 2500.0, 1e-6);
    EXPECT_NEAR(r.tiling.overlap_area_m2, 10000.0, 1e-6);
    bool gap = false, overlap = false;
    for (auto& f : r.findings) {
        if (f.check == "tiling-gap") {
            gap = true;
            EXPECT_NEAR(f.area_m2, 2500.0, 1e-6);
            EXPECT_EQ(f.location.substr(0, 1), "(");
        }
        if (f.check == "tiling-overlap") {
            overlap = true;
            EXPECT_NEAR(f.area_m2, 10000.0, 1e-6);
            EXPECT_EQ(f.where.id, "A");
            EXPECT_NE(f.message.find("'B'"), std::string::npos);
        }
    }
    EXPECT_TRUE(gap);
    EXPECT_TRUE(overlap);
}

TEST(Validate, WhatSticksOutIsMeasured) {
    core::Dataset d;
    d.layers.push_back(layer_from_wkt("boundary", {{"D", kDistrict}}));
    d.layers.push_back(layer_from_wkt("projects", {{"IN", "POLYGON((10 10,20 10,20 20,10 20,10 10))"},
                                                   {"OUT", "POLYGON((900 100,1100 100,1100 200,900 200,900 100))"}}));
    d.layers.push_back(layer_from_wkt("roads", {{"R", "LINESTRING(500 500,1300 500)"}}));
    core::ValidationReport r = analysis::validate(d, {});
    EXPECT_TRUE(r.ok());  // sticking out is a warning
    std::vector<std::string> lines;
    for (auto& f : r.findings)
        if (f.check == "outside-district") lines.push_back(f.line());
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_NE(lines[0].find("(id 'OUT'): lies partly outside the district: 10000.0 m² of 20000.0 m² (50.0%)"), std::string::npos) << lines[0];
    EXPECT_NE(lines[1].find("(id 'R'): lies partly outside the district: 300.0 m of 800.0 m (37.5%)"), std::string::npos) << lines[1];
}

TEST(Validate, DuplicateIdsInAStoreAreErrors) {
    core::Dataset d;
    d.layers.push_back(layer_from_wkt("boundary", {{"D", kDistrict}}));
    d.layers.push_back(layer_from_wkt("projects", {{"P", "POLYGON((10 10,20 10,20 20,10 20,10 10))"},
                                                   {"P", "POLYGON((30 10,40 10,40 20,30 20,30 10))"}}));
    core::ValidationReport r = analysis::validate(d, {});
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.findings[0].check, "duplicate-id");
    EXPECT_EQ(*r.findings[0].where.fid, 2);
}

TEST(Validate, SameFindingsWithOneOrManyThreads) {
    core::Dataset d;
    d.layers.push_back(layer_from_wkt("boundary", {{"D", kDistrict}}));
    std::vector<std::pair<std::string, std::string>> many;
    for (int i = 0; i < 3000; ++i) {
        int x = (i % 60) * 20, y = (i / 60) * 20;  // some of them beyond x = 1000
        many.emplace_back("P" + std::to_string(i), "POLYGON((" + std::to_string(x) + " " + std::to_string(y) + "," + std::to_string(x + 15) +
                                                       " " + std::to_string(y) + "," + std::to_string(x + 15) + " " + std::to_string(y + 15) +
                                                       "," + std::to_string(x) + " " + std::to_string(y) + "))");
    }
    d.layers.push_back(layer_from_wkt("parcels", many));
    analysis::ValidationOptions one, four;
    one.threads = 1;
    four.threads = 4;
    auto a = analysis::validate(d, {}, one), b = analysis::validate(d, {}, four);
    ASSERT_EQ(a.findings.size(), b.findings.size());
    ASSERT_GT(a.findings.size(), 100u);
    for (std::size_t i = 0; i < a.findings.size(); ++i) EXPECT_EQ(a.findings[i].line(), b.findings[i].line());
}

// Zones that cover the district and run past it: no gap, no overlap, and yet they do not tile it
// (a frame in lon/lat read as another CRS does this). B sticks out 20 m east along its 1000 m
// edge and A 10 m south along 500 m: 20,000 + 5,000 m² outside, each zone named with its share.
TEST(Validate, ZonesStickingOutOfTheDistrictAreMeasuredAndNamed) {
    core::Dataset d;
    d.layers.push_back(layer_from_wkt("boundary", {{"D", kDistrict}}));
    d.layers.push_back(layer_from_wkt("functional_zones", {{"A", "POLYGON((0 -10,500 -10,500 1000,0 1000,0 -10))"},
                                                           {"B", "POLYGON((500 0,1020 0,1020 1000,500 1000,500 0))"}}));
    core::ValidationReport r = analysis::validate(d, {});
    EXPECT_FALSE(r.ok());
    EXPECT_DOUBLE_EQ(r.tiling.gap_area_m2, 0.0);
    EXPECT_DOUBLE_EQ(r.tiling.overlap_area_m2, 0.0);
    EXPECT_NEAR(r.tiling.outside_area_m2, 25000.0, 1e-6);
    bool outside = false;
    for (auto& f : r.findings)
        if (f.check == "tiling-outside") {
            outside = true;
            EXPECT_EQ(f.severity, core::Severity::error);
            EXPECT_NEAR(f.area_m2, 25000.0, 1e-6);
            EXPECT_NE(f.message.find("A 5000.00 m², B 20000.00 m²"), std::string::npos) << f.message;
        }
    EXPECT_TRUE(outside);

    // Below the tolerance it is only the tiling line's figure, not an error.
    core::Dataset tight;
    tight.layers.push_back(layer_from_wkt("boundary", {{"D", kDistrict}}));
    tight.layers.push_back(layer_from_wkt("functional_zones", {{"A", "POLYGON((0 0,1000 0,1000 1000.0005,0 1000.0005,0 0))"}}));
    core::ValidationReport ok = analysis::validate(tight, {});
    EXPECT_NEAR(ok.tiling.outside_area_m2, 0.5, 1e-6);
    for (auto& f : ok.findings) EXPECT_NE(f.check, "tiling-outside") << f.line();
}
