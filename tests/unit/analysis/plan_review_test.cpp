// SPDX-License-Identifier: MIT
// One zone's review on the mini fixture (tests/fixtures/mini/ANSWERS.md): a conflict
// belongs to the zone when its overlap lies in it.
#include "analysis/plan_review.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/error.hpp"
#include "fixtures.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

analysis::PlanReview review_of(const std::string& zone) {
    const core::Dataset& mini = test::mini_dataset();
    auto targets = core::parse_targets(test::read_file(test::fixture("mini/targets.toml")), "targets.toml");
    auto rules = core::parse_rules(test::read_file(test::fixture("mini/rules.toml")), "rules.toml");
    analysis::PlanReviewOptions o;
    o.zone = zone;
    return analysis::plan_review(mini, test::bundled_catalog(), targets, rules, o);
}

std::vector<std::string> rule_ids(const analysis::PlanReview& r) {
    std::vector<std::string> out;
    for (auto& c : r.conflicts.conflicts) out.push_back(c.rule);
    return out;
}

}  // namespace

TEST(PlanReview, TheWholeDistrictKeepsEveryFrameAndConflict) {
    analysis::PlanReview r = review_of("");
    EXPECT_EQ(r.overlay.coverage.size(), 6u);  // the district, two zones, 物流园, 测试湿地, 测试绿廊
    EXPECT_EQ(r.overlay.reconciliation.size(), 1u);
    EXPECT_EQ(r.progress.size(), 5u);
    EXPECT_EQ(rule_ids(r), (std::vector<std::string>{"ECO-CORE", "PROJECT-OVERLAP", "LOGISTICS-SITE", "ZONE-LANDUSE", "REDEV-CORE"}));
    EXPECT_TRUE(r.robustness_notes().empty());
}

TEST(PlanReview, AZoneKeepsTheConflictsWhoseOverlapLiesInItAndDropsTheOthers) {
    // 测试湿地 K (700–900²): P2 × K and R2 × K lie in it; P1 × P3 (200–300²), P4 (x 600–700,
    // y 100–200) and P3 in 西区 lie outside it.
    analysis::PlanReview k = review_of("测试湿地");
    ASSERT_EQ(k.overlay.coverage.size(), 1u);
    EXPECT_EQ(k.overlay.coverage[0].id, "K");
    EXPECT_DOUBLE_EQ(k.overlay.coverage[0].area_m2, 40000);
    EXPECT_TRUE(k.overlay.reconciliation.empty());  // a zone does not tile the district
    EXPECT_EQ(rule_ids(k), (std::vector<std::string>{"ECO-CORE", "REDEV-CORE"}));

    // 西区 (x 0–500): P1 × P3 and P3's land use lie in it; P4 and K lie in 东区. Its target T1 is kept.
    analysis::PlanReview west = review_of("西区");
    EXPECT_EQ(rule_ids(west), (std::vector<std::string>{"PROJECT-OVERLAP", "ZONE-LANDUSE"}));
    ASSERT_EQ(west.progress.size(), 1u);
    EXPECT_EQ(west.progress[0].target.id, "T1");
    EXPECT_DOUBLE_EQ(*west.progress[0].measured, 80000);
}

TEST(PlanReview, AZonePlacesAFindingByItsGeometryEvenForAFormatThatDrawsNone) {
    // The core K (东区) stands wholly on 1001: with 05 allowed, a parcel_landuse finding naming K and a
    // parcel, neither of them a zone, placed in 东区 by its geometry (the union of those parcels).
    const core::Dataset& mini = test::mini_dataset();
    auto rules = core::parse_rules("[[rule]]\nid = \"QC\"\nkind = \"parcel_landuse\"\ntitle = \"t\"\nclause = \"数据质检\"\n"
                                   "severity = \"review\"\nsubject = \"eco_structure\"\nsubject_kinds = [\"核\"]\nallowed_landuse = [\"05\"]\n",
                                   "qc.toml");
    for (bool drawn : {true, false}) {
        analysis::PlanReviewOptions o;
        o.zone = "东区";
        o.conflict_geometry = drawn;
        analysis::PlanReview r = analysis::plan_review(mini, test::bundled_catalog(), {}, rules, o);
        ASSERT_EQ(r.conflicts.conflicts.size(), 1u) << drawn;
        EXPECT_EQ(r.conflicts.conflicts[0].features[0].id, "K");
        EXPECT_FALSE(r.conflicts.conflicts[0].overlap_wkb.empty()) << drawn;
        o.zone = "西区";
        EXPECT_TRUE(analysis::plan_review(mini, test::bundled_catalog(), {}, rules, o).conflicts.conflicts.empty()) << drawn;
    }
    // The whole district for a format that draws none: the finding, its figures, no union made.
    analysis::PlanReviewOptions bare;
    bare.conflict_geometry = false;
    analysis::PlanReview r = analysis::plan_review(mini, test::bundled_catalog(), {}, rules, bare);
    ASSERT_EQ(r.conflicts.conflicts.size(), 1u);
    EXPECT_TRUE(r.conflicts.conflicts[0].overlap_wkb.empty());
    EXPECT_NEAR(r.conflicts.conflicts[0].overlap_m2, 40000, 1e-6);
}

TEST(PlanReview, AZoneIsFoundByIdAsByName) {
    EXPECT_EQ(rule_ids(review_of("K")), rule_ids(review_of("测试湿地")));
}

TEST(PlanReview, AnUnknownZoneIsBadInputNamingIt) {
    try {
        review_of("不存在");
        FAIL() << "no error for an unknown zone";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::bad_input);
        EXPECT_NE(std::string(e.what()).find("--zone '不存在' matches no zone"), std::string::npos) << e.what();
    }
}
