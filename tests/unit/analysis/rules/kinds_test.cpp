// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "analysis/rules/rule_kind.hpp"
#include "support.hpp"

using namespace zoning;

TEST(RuleKinds, EveryKindAndItsKeysAreDocumented) {
    const std::string docs = test::read_file(test::source_dir() / "docs/rules.md");
    ASSERT_FALSE(docs.empty());
    for (const analysis::RuleKind* k : analysis::rule_kinds()) {
        EXPECT_NE(docs.find("### `" + k->name + "`"), std::string::npos) << k->name << " has no section in docs/rules.md";
        for (const std::string& key : k->keys) {
            std::string name = key.substr(0, key.find(' '));
            EXPECT_NE(docs.find("`" + name + "`"), std::string::npos) << k->name << ": key " << name << " undocumented";
        }
        EXPECT_FALSE(k->summary.empty());
        EXPECT_NE(k->check, nullptr);
        EXPECT_NE(k->evaluate, nullptr);
    }
}

TEST(RuleKinds, KindNamesAreUnique) {
    const auto& kinds = analysis::rule_kinds();
    for (std::size_t i = 0; i < kinds.size(); ++i)
        for (std::size_t j = i + 1; j < kinds.size(); ++j) EXPECT_NE(kinds[i]->name, kinds[j]->name);
}
