// SPDX-License-Identifier: MIT
// The mini fixture's answers are worked out by hand in tests/fixtures/mini/ANSWERS.md.
#include "analysis/progress.hpp"

#include <gtest/gtest.h>

#include "analysis/overlay.hpp"
#include "core/error.hpp"
#include "fixtures.hpp"
#include "support.hpp"

using namespace zoning;

namespace {
const core::Dataset& mini() { return test::mini_dataset(); }
}  // namespace

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
}

TEST(Progress, TargetsStatedInWordsAreNeverMeasured) {
    auto t = core::parse_targets(
        "[[target]]\nid = \"X\"\nname = \"单位生产总值能耗降低\"\ntarget_text = \"按市定\"\nsource = \"专栏2-1 第13项\"\n", "t.toml");
    auto rows = analysis::measure_progress(mini(), t, analysis::overlay(mini(), {}));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].status, "not_measurable");
    EXPECT_FALSE(rows[0].measured.has_value());
}

TEST(Progress, AMissingLayerIsNamedWithTheTargetsFileItCameFrom) {
    auto t = core::parse_targets(
        "[[target]]\nid = \"X\"\nname = \"n\"\ntarget = 1\nsource = \"s\"\nmeasurable = true\n"
        "measure = \"feature_area\"\nfeature_layer = \"water\"\nfeature_name = \"湖\"\n",
        "my-targets.toml");
    try {
        analysis::measure_progress(mini(), t, analysis::overlay(mini(), {}));
        ADD_FAILURE() << "no error";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::bad_input);
        EXPECT_NE(std::string(e.what()).find("my-targets.toml"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("target X (line 1)"), std::string::npos) << e.what();
    }
}

// ---- The plan's definitions, verbs and deadlines (issue 11) ----

namespace {

/// The mini fixture with one feature's field set: the fixture's files stay as they are.
core::Dataset mini_with(const std::string& layer, const std::string& id, const std::string& field, core::Value value) {
    core::Dataset d = mini();
    core::Layer* l = d.find(layer);
    const int i = l->spec->field_index(field);
    EXPECT_GE(i, 0) << layer << "." << field;
    for (auto& f : l->features)
        if (l->id_of(f) == id) f.values[static_cast<std::size_t>(i)] = std::move(value);
    return d;
}

std::vector<core::Target> one_target(const std::string& body) {
    return core::parse_targets("[[target]]\nid = \"X\"\nname = \"n\"\nsource = \"s\"\n" + body, "t.toml");
}

}  // namespace

TEST(Progress, ForestCoverCountsOnlyTheCodesOfItsDefinition) {
    // Parcel A (250,000 m² of 0701) recoded as 0304 其他林地: all of 03 is then half the district,
    // forest cover by definition (0301 乔木林地 + 0302 竹林地) still parcel C alone, a quarter.
    core::Dataset d = mini_with("parcels", "A", "landuse", std::string("0304"));
    const auto ov = analysis::overlay(d, {});
    auto all03 = analysis::measure_progress(d, one_target("target = 0.36\nunit = \"ratio\"\nmeasurable = true\nmeasure = \"landuse_share\"\nlanduse_prefix = \"03\"\n"), ov);
    EXPECT_DOUBLE_EQ(*all03[0].measured, 0.5);
    auto forest = analysis::measure_progress(
        d, one_target("target = 0.36\nbaseline = 0.35\nunit = \"ratio\"\nmeasurable = true\nmeasure = \"landuse_share\"\nlanduse_codes = [\"0301\", \"0302\"]\n"
                      "reading = \"乔木林地与竹林地\"\n"),
        ov);
    EXPECT_DOUBLE_EQ(*forest[0].measured, 0.25);
    EXPECT_EQ(forest[0].status, "behind");
    EXPECT_EQ(forest[0].target.reading, "乔木林地与竹林地");
    EXPECT_EQ(*forest[0].target.baseline, 0.35);
    EXPECT_NE(forest[0].basis.find("0301, 0302"), std::string::npos) << forest[0].basis;
}

TEST(Progress, LandUseCodesAndPrefixTogetherAreRefused) {
    EXPECT_THROW(one_target("target = 0.3\nmeasurable = true\nmeasure = \"landuse_share\"\nlanduse_prefix = \"03\"\nlanduse_codes = [\"0301\"]\n"),
                 core::Error);
}

TEST(Progress, BuiltAreaGivesFloorAreaAndTheLandOfTheCountedProjects) {
    auto targets = core::parse_targets(test::read_file(test::fixture("mini/targets.toml")), "targets.toml");
    auto rows = analysis::measure_progress(mini(), targets, analysis::overlay(mini(), {}));
    // P1 (100–300², completed, 80,000 m² floor) is the one completed project in 西区.
    EXPECT_DOUBLE_EQ(*rows[0].measured, 80000);
    ASSERT_TRUE(rows[0].land_area_m2.has_value());
    EXPECT_NEAR(*rows[0].land_area_m2, 40000, 1e-6);
    EXPECT_FALSE(rows[1].land_area_m2.has_value());  // only built_floor has a second reading
}

TEST(Progress, ACompletedProjectThePlanOnlyAsksToPrepareIsNotCounted) {
    auto targets = core::parse_targets(test::read_file(test::fixture("mini/targets.toml")), "targets.toml");
    for (const char* verb : {"推进", "建成", "开工"}) {
        core::Dataset d = mini_with("projects", "P1", "plan_verb", std::string(verb));
        auto rows = analysis::measure_progress(d, targets, analysis::overlay(d, {}));
        EXPECT_DOUBLE_EQ(*rows[0].measured, 80000) << verb;
        EXPECT_TRUE(rows[0].excluded.empty()) << verb;
    }
    core::Dataset d = mini_with("projects", "P1", "plan_verb", std::string("谋划"));
    auto rows = analysis::measure_progress(d, targets, analysis::overlay(d, {}));
    EXPECT_DOUBLE_EQ(*rows[0].measured, 0);
    EXPECT_DOUBLE_EQ(*rows[0].land_area_m2, 0);
    EXPECT_EQ(rows[0].status, "behind");
    EXPECT_TRUE(rows[0].counted_ids.empty());
    ASSERT_EQ(rows[0].excluded.size(), 1u);
    EXPECT_EQ(rows[0].excluded[0].id, "P1");
    EXPECT_EQ(rows[0].excluded[0].plan_verb, "谋划");
    // The same rule for sums over projects: the school P8 (500 seats) left out when only 谋划.
    core::Dataset s = mini_with("projects", "P8", "plan_verb", std::string("谋划"));
    auto seats = analysis::measure_progress(s, targets, analysis::overlay(s, {}));
    EXPECT_DOUBLE_EQ(*seats[3].measured, 0);
    EXPECT_EQ(seats[3].status, "behind");
}

TEST(Progress, PastItsDeadlineAndUnmetATargetIsOverdueNotBehind) {
    // Seats of completed 教育 projects: P8, 500 (completed 2024, the newest completion in the mini data).
    const std::string seats = "target = 1000\nunit = \"个\"\nmeasurable = true\nmeasure = \"project_sum\"\nfield = \"seats\"\ncategory = \"教育\"\n";
    const auto ov = analysis::overlay(mini(), {});
    auto no_deadline = analysis::measure_progress(mini(), one_target(seats), ov);
    EXPECT_EQ(no_deadline[0].status, "behind");
    EXPECT_EQ(no_deadline[0].evaluation_year, 2024);
    EXPECT_EQ(no_deadline[0].evaluation_year_from, "newest_completion");
    EXPECT_EQ(analysis::measure_progress(mini(), one_target(seats + "deadline = 2023\n"), ov)[0].status, "overdue");
    EXPECT_EQ(analysis::measure_progress(mini(), one_target(seats + "deadline = 2024\n"), ov)[0].status, "behind");  // due this year
    // Met is met, deadline or not.
    EXPECT_EQ(analysis::measure_progress(mini(), one_target("target = 400\nunit = \"个\"\nmeasurable = true\nmeasure = \"project_sum\"\n"
                                                            "field = \"seats\"\ncategory = \"教育\"\ndeadline = 2022\n"), ov)[0].status,
              "met");
    // The dataset's own evaluation year wins over the data's newest completion.
    core::Dataset d = mini();
    d.metadata["evaluation_year"] = "2022";
    auto given = analysis::measure_progress(d, one_target(seats + "deadline = 2023\n"), ov);
    EXPECT_EQ(given[0].status, "behind");
    EXPECT_EQ(given[0].evaluation_year, 2022);
    EXPECT_EQ(given[0].evaluation_year_from, "dataset");
    d.metadata["evaluation_year"] = "next year";
    EXPECT_THROW(analysis::measure_progress(d, one_target(seats), ov), core::Error);
}

TEST(Progress, QuoteAndDeadlineAreReadStrictly) {
    auto t = one_target("target = 1\nquote = { text = \"到2022年底建成教师周转房138套。\", line = 572 }\ndeadline = 2022\n");
    ASSERT_TRUE(t[0].quote.has_value());
    EXPECT_EQ(t[0].quote->text, "到2022年底建成教师周转房138套。");
    EXPECT_EQ(t[0].quote->line, 572);
    EXPECT_EQ(*t[0].deadline, 2022);
    EXPECT_THROW(one_target("target = 1\nquote = \"just text\"\n"), core::Error);
    EXPECT_THROW(one_target("target = 1\nquote = { text = \"x\" }\n"), core::Error);
    EXPECT_THROW(one_target("target = 1\nquote = { text = \"x\", line = 0 }\n"), core::Error);
    EXPECT_THROW(one_target("target = 1\nquote = { text = \"x\", line = 3, page = 2 }\n"), core::Error);
    EXPECT_THROW(one_target("target = 1\ndeadline = 2022.5\n"), core::Error);
}
