// SPDX-License-Identifier: MIT
// Two in-memory versions of the mini fixture (tests/fixtures/mini/ANSWERS.md) compared:
// known area changes, matching by id, and a store in another CRS compared after transforming.
#include "analysis/diff.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "geo/geos.hpp"
#include "geo/proj.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

analysis::DiffSide side(const core::Dataset& d, const std::string& path) {
    return {&d, core::parse_targets(test::read_file(test::fixture("mini/targets.toml")), "targets.toml"),
            core::parse_rules(test::read_file(test::fixture("mini/rules.toml")), "rules.toml"), path};
}

core::Feature& feature(core::Dataset& d, const std::string& layer, const std::string& id) {
    core::Layer& l = *d.find(layer);
    for (auto& f : l.features)
        if (l.id_of(f) == id) return f;
    throw std::runtime_error("no " + id);
}

const core::LayerDiff& layer_diff(const core::DiffResult& r, const std::string& layer) {
    for (auto& l : r.layers)
        if (l.layer == layer) return l;
    throw std::runtime_error("no layer " + layer);
}

}  // namespace

TEST(Diff, AStoreAgainstItselfChangesNothing) {
    const core::Dataset& mini = test::mini_dataset();
    core::DiffResult r = analysis::diff_stores(side(mini, "a"), side(mini, "b"), test::bundled_catalog(), 1);
    for (auto& l : r.layers) EXPECT_TRUE(l.added.empty() && l.removed.empty() && l.changed.empty()) << l.layer;
    EXPECT_TRUE(r.conflicts_new.empty());
    EXPECT_TRUE(r.conflicts_resolved.empty());
    EXPECT_EQ(r.conflicts_open.size(), 5u);
    EXPECT_TRUE(r.same_dataset && r.same_rules && r.same_targets);
}

TEST(Diff, AShiftedProjectGainsAndLosesItsStrip) {
    core::Dataset next = test::mini_dataset();
    geo::GeosContext ctx;
    // P1 100–300² moved 50 m east: 150–350 × 100–300 gains and loses a 50 × 200 strip.
    feature(next, "projects", "P1").wkb =
        geo::to_wkb(ctx, geo::from_wkt(ctx, "MULTIPOLYGON(((430150 3740100,430350 3740100,430350 3740300,430150 3740300,430150 3740100)))").get());
    core::DiffResult r = analysis::diff_stores(side(test::mini_dataset(), "a"), side(next, "b"), test::bundled_catalog(), 1);
    const core::LayerDiff& p = layer_diff(r, "projects");
    ASSERT_EQ(p.changed.size(), 1u);
    EXPECT_EQ(p.changed[0].id, "P1");
    EXPECT_TRUE(p.changed[0].geometry_changed);
    EXPECT_TRUE(p.changed[0].attributes.empty());
    EXPECT_NEAR(p.changed[0].area_gained_m2, 10000.0, 1e-6);
    EXPECT_NEAR(p.changed[0].area_lost_m2, 10000.0, 1e-6);
    EXPECT_NEAR(p.changed[0].new_area_m2, 40000.0, 1e-6);
}

TEST(Diff, AStoreInAnotherCrsIsComparedAfterTransforming) {
    core::Dataset lonlat = test::mini_dataset();
    geo::GeosContext ctx;
    geo::ProjContext proj;
    geo::Transformer to_lonlat(proj, test::mini_dataset().work_crs(), "EPSG:4326");
    for (auto& l : lonlat.layers)
        for (auto& f : l.features) {
            bool aborted = false;
            geo::GeomPtr g = geo::transform_xy(ctx, geo::from_wkb(ctx, f.wkb).get(), [&](double& x, double& y) { return to_lonlat.transform(x, y); }, aborted);
            ASSERT_FALSE(aborted);
            f.wkb = geo::to_wkb(ctx, g.get());
        }
    lonlat.metadata["crs"] = "EPSG:4326";
    lonlat.metadata.erase("crs_wkt");  // the store's full definition wins over its short name
    // Conflicts and progress are each store's own review; only the features are compared here.
    analysis::DiffSide a = side(test::mini_dataset(), "a"), b = side(lonlat, "b");
    a.rules.clear();
    b.rules.clear();
    a.targets.clear();
    b.targets.clear();
    core::DiffResult r = analysis::diff_stores(a, b, test::bundled_catalog(), 1);
    EXPECT_EQ(r.old_crs, "EPSG:4547");
    EXPECT_EQ(r.new_crs, "EPSG:4326");
    for (auto& l : r.layers) EXPECT_TRUE(l.changed.empty()) << l.layer << ": a round trip through PROJ moved a feature";
}
