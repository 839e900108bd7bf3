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
