// SPDX-License-Identifier: MIT
#include "core/plan_rules.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

using namespace zoning;

namespace {

/// The message of the bad_input that `parse` throws, or "" when it throws none.
template <class Parse>
std::string error_of(const Parse& parse) {
    try {
        parse();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::bad_input);
        return e.what();
    }
    ADD_FAILURE() << "no error";
    return {};
}

std::string rule_error(const std::string& text) {
    return error_of([&] { core::parse_rules(text, "my.toml"); });
}

const std::string kHead = "[[rule]]\nid = \"A\"\ntitle = \"t\"\nclause = \"c\"\n";

}  // namespace

TEST(PlanRules, MalformedRulesNameTheFileAndLine) {
    EXPECT_NE(rule_error("\n\n[[rule]\nid = 1\n").find("my.toml: line 3"), std::string::npos);
    EXPECT_NE(rule_error(kHead + "kind = \"overlap_frame\"\nframe_layer = \"x\"\nmin_overlap_m2 = \"big\"\n")
                  .find("my.toml: line 7: 'min_overlap_m2' must be a number"),
              std::string::npos);
    EXPECT_NE(rule_error("[[rule]]\nid = \"A\"\ntitle = \"t\"\nkind = \"overlap_frame\"\n").find("my.toml: line 1: missing 'clause'"),
              std::string::npos);
    EXPECT_NE(rule_error(kHead + "kind = \"k\"\nseverity = \"fatal\"\n").find("my.toml: line 1: severity must be"), std::string::npos);
    EXPECT_NE(rule_error(kHead + "kind = \"k\"\n" + kHead + "kind = \"k\"\n").find("rule id 'A' used twice (first at line 1)"),
              std::string::npos);
    EXPECT_NE(rule_error("title = \"no rules\"\n").find("no [[rule]] entries"), std::string::npos);
}

TEST(PlanRules, CommonKeysAreReadWithTheirDefaultsAndTheFileIsRemembered) {
    auto rules = core::parse_rules("\n" + kHead + "kind = \"whatever\"\n", "my.toml");
    ASSERT_EQ(rules.size(), 1u);
    const core::Rule& r = rules[0];
    EXPECT_EQ(r.origin, "my.toml");
    EXPECT_EQ(r.line, 2);
    EXPECT_EQ(r.kind, "whatever");  // kinds are the analysis' to check
    EXPECT_EQ(r.title_en, "t");
    EXPECT_EQ(r.severity, "conflict");
    EXPECT_EQ(r.subject, "projects");
    EXPECT_TRUE(r.frame_layer.empty());
    EXPECT_DOUBLE_EQ(r.min_overlap_m2, 1.0);
    EXPECT_DOUBLE_EQ(r.min_overlap_share, 0.0);
    EXPECT_FALSE(r.construction_only);
}

TEST(PlanRules, KindSpecificKeysAreKeptForTheKind) {
    auto rules =
        core::parse_rules(kHead + "kind = \"k\"\nlimit = 3.5\nnames = [\"a\", \"b\"]\n[rule.table]\nx = [\"1\"]\ny = 2\n", "my.toml");
    const core::RuleKeys& k = rules.at(0).keys;
    EXPECT_TRUE(k.has("limit"));
    EXPECT_FALSE(k.has("absent"));
    EXPECT_DOUBLE_EQ(k.number("limit", std::nullopt), 3.5);
    EXPECT_DOUBLE_EQ(k.number("absent", 7.0), 7.0);
    EXPECT_EQ(k.strings("names"), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(k.text("absent", false, "d"), "d");
    EXPECT_FALSE(k.string_lists("absent").has_value());
    EXPECT_NE(error_of([&] { k.string_lists("table"); }).find("my.toml: line 10: table.y must be a list"), std::string::npos);
    EXPECT_NE(error_of([&] { k.text("absent", true); }).find("my.toml: line 1: missing 'absent'"), std::string::npos);
    EXPECT_NE(error_of([&] { k.fail("custom"); }).find("my.toml: line 1: custom"), std::string::npos);
    // Copies share the keys.
    core::Rule copy = rules[0];
    EXPECT_DOUBLE_EQ(copy.keys.number("limit", std::nullopt), 3.5);
}

TEST(PlanRules, TargetsRememberTheirFile) {
    auto t = core::parse_targets("[[target]]\nid = \"X\"\nname = \"n\"\ntarget = 1\nsource = \"s\"\n", "my-targets.toml");
    ASSERT_EQ(t.size(), 1u);
    EXPECT_EQ(t[0].origin, "my-targets.toml");
    EXPECT_EQ(t[0].line, 1);
    EXPECT_NE(error_of([] {
                  core::parse_targets("[[target]]\nid = \"X\"\n", "my-targets.toml");
              }).find("my-targets.toml: line 1: missing 'name'"),
              std::string::npos);
}

TEST(PlanRules, TargetsStatedInWordsAreKept) {
    auto t = core::parse_targets(
        "[[target]]\nid = \"X\"\nname = \"单位生产总值能耗降低\"\ntarget_text = \"按市定\"\nsource = \"专栏2-1 第13项\"\n", "t.toml");
    ASSERT_EQ(t.size(), 1u);
    EXPECT_EQ(t[0].target_text, "按市定");
    EXPECT_FALSE(t[0].measurable);
    EXPECT_THROW(core::parse_targets("[[target]]\nid = \"X\"\nname = \"n\"\ntarget_text = \"按市定\"\nsource = \"s\"\nmeasurable = true\n",
                                     "t.toml"),
                 core::Error);
    EXPECT_THROW(core::parse_targets("[[target]]\nid = \"X\"\nname = \"n\"\nsource = \"s\"\n", "t.toml"), core::Error);  // no target at all
}
