// SPDX-License-Identifier: MIT
// The mini fixture's answers are worked out by hand in tests/fixtures/mini/ANSWERS.md.
#include <gtest/gtest.h>

#include "analysis/overlay.hpp"
#include "core/error.hpp"
#include "fixtures.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

const core::Dataset& mini() { return test::mini_dataset(); }
const core::CoverageRow& row(const core::OverlayResult& r, const std::string& name) {
    for (auto& c : r.coverage)
        if (c.name == name) return c;
    throw std::runtime_error("no row " + name);
}
double at(const std::map<std::string, double>& m, const std::string& k) {
    auto it = m.find(k);
    return it == m.end() ? 0.0 : it->second;
}

}  // namespace

TEST(Overlay, RectanglesAndAnLShapeHaveTheirHandComputedAreas) {
    core::OverlayResult r = analysis::overlay(mini(), {});
    const auto& west = row(r, "西区");
    EXPECT_DOUBLE_EQ(west.area_m2, 500000);
    EXPECT_DOUBLE_EQ(at(west.landuse_m2, "0701"), 250000);
    EXPECT_DOUBLE_EQ(at(west.landuse_m2, "0301"), 250000);
    EXPECT_DOUBLE_EQ(at(west.landuse_level1_m2, "07"), 250000);
    // P1 ∪ P3 (overlapping by 10,000: counted once) + the L-shape's 5,000 + the road's 4,000.
    EXPECT_DOUBLE_EQ(west.projects_m2, 79000);
    EXPECT_DOUBLE_EQ(at(west.projects_by_status_m2, "completed"), 40000);
    EXPECT_DOUBLE_EQ(at(west.projects_by_status_m2, "under_construction"), 44000);
    EXPECT_DOUBLE_EQ(at(west.projects_by_status_m2, "planned"), 5000);
    EXPECT_DOUBLE_EQ(west.redevelopment_m2, 10000);
    const auto& east = row(r, "东区");
    EXPECT_DOUBLE_EQ(east.projects_m2, 25400);
    EXPECT_DOUBLE_EQ(at(east.projects_by_status_m2, "planned"), 22500);  // includes the L-shape's 2,500
    EXPECT_DOUBLE_EQ(east.redevelopment_m2, 4900);
    const auto& corridor = row(r, "测试绿廊");
    for (const char* code : {"0701", "0901", "0301", "1001"}) EXPECT_DOUBLE_EQ(at(corridor.landuse_m2, code), 10000) << code;
    EXPECT_DOUBLE_EQ(corridor.projects_m2, 800);
    const auto& core_row = row(r, "测试湿地");
    EXPECT_DOUBLE_EQ(core_row.projects_m2, 10400);
    EXPECT_DOUBLE_EQ(core_row.redevelopment_m2, 400);
    EXPECT_DOUBLE_EQ(r.district_area_m2, 1e6);
    EXPECT_TRUE(r.robustness_notes.empty());
}

TEST(Overlay, OverlappingProjectsAreCountedOnceButListedEach) {
    core::OverlayResult r = analysis::overlay(mini(), {});
    const auto& west = row(r, "西区");
    double sum = 0;
    for (auto& p : west.projects) sum += p.area_m2;
    EXPECT_DOUBLE_EQ(sum, 89000);  // 40,000 + 40,000 + 5,000 + 4,000: the sum counts P1 ∩ P3 twice
    EXPECT_DOUBLE_EQ(west.projects_m2, 79000);
}

TEST(Overlay, TilingReconciles) {
    core::OverlayResult r = analysis::overlay(mini(), {});
    ASSERT_EQ(r.reconciliation.size(), 1u);
    EXPECT_DOUBLE_EQ(r.reconciliation[0].frames_landuse_m2, 1e6);
    EXPECT_DOUBLE_EQ(r.reconciliation[0].parcels_in_district_m2, 1e6);
}

TEST(Overlay, BundledZonesReconcileWithTheDistrictWithin0Point01Percent) {
    core::Dataset d = test::load_dataset(test::source_dir() / "data/xinhua");
    core::OverlayResult r = analysis::overlay(d, {});
    ASSERT_EQ(r.reconciliation.size(), 1u);
    EXPECT_LT(r.reconciliation[0].relative_difference, 1e-4);
    EXPECT_NEAR(r.reconciliation[0].parcels_in_district_m2, r.district_area_m2, r.district_area_m2 * 1e-4);
}
