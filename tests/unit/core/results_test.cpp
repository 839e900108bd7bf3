// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/results.hpp"

using namespace zoning;

// The verdict words are the JSON contract (docs/check-json.md) and the exit codes the CLI's.
TEST(Results, VerdictWordsAndOrderAreTheContract) {
    EXPECT_STREQ(core::to_string(core::Verdict::pass), "pass");
    EXPECT_STREQ(core::to_string(core::Verdict::needs_review), "needs_review");
    EXPECT_STREQ(core::to_string(core::Verdict::conflict), "conflict");
    EXPECT_EQ(static_cast<int>(core::Verdict::pass), 0);
    EXPECT_EQ(static_cast<int>(core::Verdict::needs_review), 1);
    EXPECT_EQ(static_cast<int>(core::Verdict::conflict), 2);
}

TEST(Results, ValidationIsOkUntilAnErrorIsFound) {
    core::ValidationReport r;
    EXPECT_TRUE(r.ok());
    r.findings.push_back(core::Finding{core::Severity::warning, "outside", {}, "sticks out", 2.0, {}});
    EXPECT_TRUE(r.ok());
    r.findings.push_back(core::Finding{core::Severity::error, "tiling-gap", {}, "gap", 5.0, {}});
    EXPECT_FALSE(r.ok());
}
