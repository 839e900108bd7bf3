// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/finding.hpp"

using namespace zoning::core;

TEST(Finding, OneLineWithLocation) {
    Finding f{Severity::warning, "outside-district", FeatureRef{"s.gpkg", "roads", 3, "R3"}, "lies partly outside", 0, "(1.0 2.0)"};
    EXPECT_EQ(f.line(), "warning: s.gpkg: layer 'roads': fid 3 (id 'R3'): lies partly outside at (1.0 2.0)");
}

TEST(Finding, LineWithoutPlaceOrLocation) {
    Finding f{Severity::info, "note", FeatureRef{}, "nothing to say", 0, {}};
    EXPECT_EQ(f.line(), "info: nothing to say");
}

TEST(Finding, SeverityWords) {
    EXPECT_STREQ(to_string(Severity::error), "error");
    EXPECT_STREQ(to_string(Severity::warning), "warning");
    EXPECT_STREQ(to_string(Severity::info), "info");
}

TEST(Finding, HasErrorsIgnoresWarningsAndInfo) {
    std::vector<Finding> fs;
    EXPECT_FALSE(has_errors(fs));
    fs.push_back(Finding{Severity::warning, "w", {}, "w", 0, {}});
    fs.push_back(Finding{Severity::info, "i", {}, "i", 0, {}});
    EXPECT_FALSE(has_errors(fs));
    fs.push_back(Finding{Severity::error, "e", {}, "e", 0, {}});
    EXPECT_TRUE(has_errors(fs));
}
