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

// ---- The expected path and levels (issue 14), hand-computed ----

namespace {
core::Target path_target(const std::string& body) { return one_target("target = 200\nbaseline = 100\nbaseline_year = 2020\n" + body)[0]; }
/// Seats of completed 教育 projects (P8: 500, completed 2024, the newest completion) against 1,000
/// from 0 in 2020, linear: 800 expected in 2024, so 500 / 800 = 0.625 of the path.
std::vector<core::Target> seats_on_path(const std::string& levels, const std::string& more = "") {
    return core::parse_targets(levels + "[[target]]\nid = \"S\"\nname = \"学位\"\nsource = \"s\"\ntarget = 1000\nunit = \"个\"\nmeasurable = true\n"
                               "measure = \"project_sum\"\nfield = \"seats\"\ncategory = \"教育\"\nbaseline = 0\nbaseline_year = 2020\n"
                               "path = \"linear\"\n" + more,
                               "t.toml");
}
}  // namespace

TEST(ExpectedPath, LinearCompoundAndInterimInAGivenYear) {
    const core::Target linear = path_target("path = \"linear\"\n");
    EXPECT_DOUBLE_EQ(*core::expected_value(linear, 2023), 160.0);  // 100 + 100 × 3/5
    EXPECT_DOUBLE_EQ(*core::expected_value(linear, 2019), 100.0);  // before the baseline: the baseline
    EXPECT_DOUBLE_EQ(*core::expected_value(linear, 2026), 200.0);  // after the target year: the target
    // GDP of 专栏2-1: 272 in 2020 at 7% a year: 272 × 1.07³ = 333.211696 in 2023.
    const core::Target gdp = one_target("target = 391.9\nbaseline = 272\nbaseline_year = 2020\npath = \"compound\"\nrate = 0.07\n")[0];
    EXPECT_NEAR(*core::expected_value(gdp, 2023), 333.211696, 1e-6);
    EXPECT_NEAR(*core::expected_value(gdp, 2021), 291.04, 1e-9);
    EXPECT_DOUBLE_EQ(*core::expected_value(gdp, 2025), 391.9);
    // Through a stated interim value: 100 → 150 (2022) → 200 (2025).
    const core::Target interim = path_target("path = \"linear\"\ninterim = { year = 2022, value = 150 }\n");
    EXPECT_DOUBLE_EQ(*core::expected_value(interim, 2021), 125.0);
    EXPECT_NEAR(*core::expected_value(interim, 2024), 183.333333, 1e-6);
    EXPECT_FALSE(core::expected_value(path_target(""), 2023).has_value());  // no path, no expectation
}

TEST(ExpectedPath, EachLevelAtItsBoundary) {
    const auto ov = analysis::overlay(mini(), {});
    auto level = [&](const std::string& levels, const std::string& more = "") {
        auto rows = analysis::measure_progress(mini(), seats_on_path(levels, more), ov);
        EXPECT_DOUBLE_EQ(*rows[0].expected, 800.0);
        return rows[0].level;
    };
    EXPECT_EQ(level(""), "severely_behind");  // 0.625 < 0.7 by default
    EXPECT_EQ(level("[levels]\nbehind_below = 0.625\nseverely_behind_below = 0.5\n"), "on_track");  // at the boundary: on track
    EXPECT_EQ(level("[levels]\nbehind_below = 0.626\nseverely_behind_below = 0.625\n"), "behind");
    EXPECT_EQ(level("[levels]\nbehind_below = 0.9\nseverely_behind_below = 0.626\n"), "severely_behind");
    EXPECT_EQ(level("", "deadline = 2023\n"), "overdue");
    auto met = analysis::measure_progress(mini(), core::parse_targets(
        "[[target]]\nid = \"S\"\nname = \"学位\"\nsource = \"s\"\ntarget = 400\nunit = \"个\"\nmeasurable = true\nmeasure = \"project_sum\"\n"
        "field = \"seats\"\ncategory = \"教育\"\nbaseline = 0\nbaseline_year = 2020\npath = \"linear\"\n", "t.toml"), ov);
    EXPECT_EQ(met[0].level, "achieved");
    // The dataset's evaluation year moves the expectation: 400 expected in 2022, 500 is on track.
    core::Dataset d = mini();
    d.metadata["evaluation_year"] = "2022";
    auto early = analysis::measure_progress(d, seats_on_path(""), ov);
    EXPECT_DOUBLE_EQ(*early[0].expected, 400.0);
    EXPECT_EQ(early[0].level, "on_track");
    // An upper limit is on track while under its path: expected / measured.
    auto limit = analysis::measure_progress(mini(), core::parse_targets(
        "[[target]]\nid = \"U\"\nname = \"u\"\nsource = \"s\"\ncomparison = \"<=\"\ntarget = 0.2\nunit = \"ratio\"\nmeasurable = true\n"
        "measure = \"landuse_share\"\nlanduse_prefix = \"03\"\nbaseline = 0.1\nbaseline_year = 2020\npath = \"linear\"\n", "t.toml"), ov);
    EXPECT_DOUBLE_EQ(*limit[0].measured, 0.25);
    EXPECT_NEAR(*limit[0].expected, 0.18, 1e-12);      // 0.1 + 0.1 × 4/5 in 2024
    EXPECT_EQ(limit[0].level, "behind");               // 0.18 / 0.25 = 0.72: below 0.9, not below 0.7
}

TEST(ExpectedPath, APathIsReadStrictly) {
    auto refused = [](const std::string& body, const std::string& words) {
        try {
            path_target(body);
        } catch (const core::Error& e) {
            EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find("t.toml"), std::string::npos) << e.what();
            return;
        }
        ADD_FAILURE() << "accepted: " << body;
    };
    refused("path = \"straight\"\n", "path must be");
    refused("path = \"compound\"\n", "needs rate");
    refused("rate = 0.07\n", "needs path");
    refused("path = \"linear\"\nrate = 0.07\n", "goes with path = \"compound\"");
    refused("path = \"linear\"\ninterim = { year = 2026, value = 1 }\n", "interim year");
    refused("path = \"linear\"\ninterim = { year = 2022, value = 1, note = \"x\" }\n", "unknown key 'note'");
    refused("path = \"linear\"\nrate = \"7%\"\n", "'rate' must be a number");
    refused("baseline_quote = \"272\"\n", "'baseline_quote' must be a table");
    EXPECT_THROW(one_target("target = 2\npath = \"linear\"\n"), core::Error);  // no baseline
    EXPECT_THROW(one_target("target = 2\nbaseline = 1\nbaseline_year = 2020.5\n"), core::Error);
    EXPECT_THROW(core::parse_targets("[levels]\nbehind = 0.9\n[[target]]\nid = \"X\"\nname = \"n\"\nsource = \"s\"\ntarget = 1\n", "t.toml"), core::Error);
    EXPECT_THROW(core::parse_targets("[levels]\nbehind_below = 0.5\nseverely_behind_below = 0.6\n[[target]]\nid = \"X\"\nname = \"n\"\nsource = \"s\"\ntarget = 1\n",
                                     "t.toml"),
                 core::Error);
}

TEST(ExpectedPath, AnEarlierYearCountsOnlyWhatWasCompletedByThen) {
    // P8 (500 seats) was completed in 2024: as of 2023 there are none; P1 (80,000 m² in 西区) in 2023.
    const auto ov = analysis::overlay(mini(), {});
    auto targets = core::parse_targets(test::read_file(test::fixture("mini/targets.toml")), "targets.toml");
    auto in2023 = analysis::measure_progress(mini(), targets, ov, nullptr, 2023);
    EXPECT_DOUBLE_EQ(*in2023[0].measured, 80000);
    EXPECT_DOUBLE_EQ(*in2023[3].measured, 0);
    EXPECT_EQ(in2023[3].status, "behind");
    EXPECT_EQ(in2023[3].evaluation_year, 2023);
    EXPECT_EQ(in2023[3].evaluation_year_from, "option");
    EXPECT_DOUBLE_EQ(*analysis::measure_progress(mini(), targets, ov, nullptr, 2022)[0].measured, 0);
    EXPECT_DOUBLE_EQ(*analysis::measure_progress(mini(), targets, ov, nullptr, 2024)[3].measured, 500);
    // The path is that year's: 1,000 seats from 0 in 2020 expect 600 in 2023.
    auto seats = analysis::measure_progress(mini(), seats_on_path(""), ov, nullptr, 2023);
    EXPECT_DOUBLE_EQ(*seats[0].expected, 600.0);
    EXPECT_EQ(seats[0].level, "severely_behind");
}
