// SPDX-License-Identifier: MIT
// The mini fixture's answers are worked out by hand in tests/fixtures/mini/ANSWERS.md.
#include <gtest/gtest.h>

#include <sstream>

#include "analysis/conflicts.hpp"
#include "analysis/overlay.hpp"
#include "analysis/progress.hpp"
#include "core/error.hpp"
#include "fixtures.hpp"
#include "report/report.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

const core::Catalog& catalog() { return test::bundled_catalog(); }
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

TEST(Overlay, ZoneFilterKeepsOneFrameAndUnknownZoneIsBadInput) {
    analysis::OverlayOptions o;
    o.only_frame = "测试湿地";
    core::OverlayResult r = analysis::overlay(mini(), o);
    ASSERT_EQ(r.coverage.size(), 1u);
    EXPECT_EQ(r.coverage[0].id, "K");
    o.only_frame = "不存在";
    EXPECT_THROW(analysis::overlay(mini(), o), core::Error);
}

TEST(Overlay, BundledZonesReconcileWithTheDistrictWithin0Point01Percent) {
    core::Dataset d = test::load_dataset(test::source_dir() / "data/xinhua");
    core::OverlayResult r = analysis::overlay(d, {});
    ASSERT_EQ(r.reconciliation.size(), 1u);
    EXPECT_LT(r.reconciliation[0].relative_difference, 1e-4);
    EXPECT_NEAR(r.reconciliation[0].parcels_in_district_m2, r.district_area_m2, r.district_area_m2 * 1e-4);
}

TEST(Progress, EachMeasureOnTheMiniFixture) {
    auto targets = core::parse_targets(test::read_file(test::fixture("mini/targets.toml")), "targets.toml");
    auto rows = analysis::measure_progress(mini(), targets, analysis::overlay(mini(), {}));
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_DOUBLE_EQ(*rows[0].measured, 80000);
    EXPECT_EQ(rows[0].status, "behind");
    EXPECT_EQ(rows[0].series, (std::vector<std::pair<int, double>>{{2021, 0}, {2022, 0}, {2023, 80000}, {2024, 80000}, {2025, 80000}}));
    EXPECT_DOUBLE_EQ(*rows[1].measured, 0.25);
    EXPECT_EQ(rows[1].status, "behind");
    EXPECT_NEAR(*rows[2].measured, 60.0, 1e-9);
    EXPECT_EQ(rows[2].status, "met");
    EXPECT_DOUBLE_EQ(*rows[3].measured, 500);
    EXPECT_EQ(rows[3].status, "met");
    EXPECT_FALSE(rows[4].measured.has_value());
    EXPECT_EQ(rows[4].status, "not_measurable");
    report::Lang zh = report::Lang::zh;
    EXPECT_EQ(report::progress_text(rows[0], zh), "8万 / 10万 m² (80.0%)");
    EXPECT_EQ(report::progress_text(rows[0], report::Lang::en), "80,000 / 100,000 m² (80.0%)");
    EXPECT_EQ(report::progress_text(rows[1], zh), "25.0% / 30.0% (83.3%)");
    EXPECT_EQ(report::progress_text(rows[4], zh), "— / ≥ 10 亿元");
}

TEST(Report, JsonIsIdenticalWithOneTwoAndEightThreadsOnTheBundledData) {
    core::Dataset d = test::load_dataset(test::source_dir() / "data/xinhua");
    auto targets = core::parse_targets(d.files.at("targets.toml"), "targets.toml");
    auto rules = core::parse_rules(d.files.at("rules.toml"), "rules.toml");
    std::vector<std::string> outputs;
    for (unsigned threads : {1u, 2u, 8u}) {
        report::ReportData r;
        r.dataset = &d;
        r.catalog = &catalog();
        analysis::OverlayOptions o;
        o.threads = threads;
        r.overlay = analysis::overlay(d, o);
        r.progress = analysis::measure_progress(d, targets, r.overlay);
        analysis::ConflictOptions co;
        co.threads = threads;
        r.conflicts = analysis::find_conflicts(d, catalog(), rules, co).conflicts;
        std::ostringstream out;
        report::write_json(out, r, report::Lang::zh);
        outputs.push_back(out.str());
    }
    EXPECT_EQ(outputs[0], outputs[1]);
    EXPECT_EQ(outputs[0], outputs[2]);
}

TEST(PlanRules, TargetsStatedInWordsAreKeptAndNeverMeasured) {
    auto t = core::parse_targets("[[target]]\nid = \"X\"\nname = \"单位生产总值能耗降低\"\ntarget_text = \"按市定\"\nsource = \"专栏2-1 第13项\"\n", "t.toml");
    ASSERT_EQ(t.size(), 1u);
    EXPECT_EQ(t[0].target_text, "按市定");
    auto rows = analysis::measure_progress(mini(), t, analysis::overlay(mini(), {}));
    EXPECT_EQ(rows[0].status, "not_measurable");
    EXPECT_EQ(report::progress_text(rows[0], report::Lang::zh), "— / 按市定");
    EXPECT_THROW(core::parse_targets("[[target]]\nid = \"X\"\nname = \"n\"\ntarget_text = \"按市定\"\nsource = \"s\"\nmeasurable = true\n", "t.toml"),
                 core::Error);
    EXPECT_THROW(core::parse_targets("[[target]]\nid = \"X\"\nname = \"n\"\nsource = \"s\"\n", "t.toml"), core::Error);  // no target at all
}
