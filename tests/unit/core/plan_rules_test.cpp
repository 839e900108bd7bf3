// SPDX-License-Identifier: MIT
#include "core/plan_rules.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "support.hpp"

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

TEST(PlanRules, RulesAreReadStrictly) {
    const std::string frame = kHead + "kind = \"overlap_frame\"\nframe_layer = \"x\"\n";  // lines 1-6
    // A misspelt common key is refused at its own line once the kind is known (analysis::check_rules),
    // and a stray top-level key at once.
    auto rules = core::parse_rules(frame + "construction_onyl = true\n", "my.toml");
    EXPECT_NE(error_of([&] { rules[0].keys.refuse_unknown({}); }).find("my.toml: line 7: unknown key 'construction_onyl' in [[rule]]"),
              std::string::npos);
    EXPECT_NO_THROW(rules[0].keys.refuse_unknown({"construction_onyl"}));
    EXPECT_NE(rule_error("version = 2\n" + frame).find("my.toml: line 1: unknown key 'version' in rules.toml"), std::string::npos);
    EXPECT_NE(rule_error(frame + "construction_only = \"yes\"\n").find("line 7: 'construction_only' must be true or false"), std::string::npos);
    EXPECT_NE(rule_error(frame + "min_overlap_share = 5\n").find("line 7: 'min_overlap_share' must be a share between 0 and 1, not 5"),
              std::string::npos);
    EXPECT_NE(rule_error(frame + "min_overlap_share = -0.1\n").find("'min_overlap_share' must be a share"), std::string::npos);
    for (const char* v : {"-1.0", "-1e300", "nan", "inf", "1e300"})
        EXPECT_NE(rule_error(frame + "min_overlap_m2 = " + v + "\n").find("line 7: 'min_overlap_m2' must be an area in m² from 0 to 1e10"),
                  std::string::npos)
            << v;
    EXPECT_EQ(core::parse_rules(frame + "min_overlap_m2 = 0\nmin_overlap_share = 1\n", "my.toml")[0].min_overlap_share, 1.0);
    EXPECT_NE(rule_error(frame + "frame_kinds = [1]\n").find("'frame_kinds' must be a list of strings"), std::string::npos);
}

TEST(PlanRules, TargetsAreReadStrictly) {
    const std::string head = "[[target]]\nid = \"X\"\nname = \"n\"\nsource = \"s\"\n";  // lines 1-4
    auto target_error = [](const std::string& text) { return error_of([&] { core::parse_targets(text, "t.toml"); }); };
    EXPECT_NE(target_error(head + "target = 0.0\n").find("t.toml: line 5: 'target' must be a number > 0"), std::string::npos);
    EXPECT_NE(target_error(head + "target = -5\n").find("t.toml: line 5: 'target' must be a number > 0"), std::string::npos);
    EXPECT_NE(target_error(head + "target = nan\n").find("'target' must be a number > 0"), std::string::npos);
    EXPECT_NE(target_error(head + "target = 1e300\n").find("'target' must be a number > 0"), std::string::npos);
    EXPECT_EQ(core::parse_targets(head + "target = 0\ncomparison = \"<=\"\n", "t.toml")[0].target, 0.0);  // at most 0: meaningful
    EXPECT_NE(target_error(head + "target = -1\ncomparison = \"<=\"\n").find("'target' must be a number >= 0"), std::string::npos);
    EXPECT_NE(target_error(head + "target = 1\nyear = 1e300\n").find("line 6: 'year' must be a year between 1900 and 2100"), std::string::npos);
    EXPECT_NE(target_error(head + "target = 1\nyear = 1800\n").find("'year' must be a year between 1900 and 2100"), std::string::npos);
    EXPECT_NE(target_error(head + "target = 1\nyear = 2025.5\n").find("line 6: 'year' must be a whole year"), std::string::npos);
    EXPECT_EQ(core::parse_targets(head + "target = 1\nyear = 2035\n", "t.toml")[0].year, 2035);
    EXPECT_NE(target_error(head + "target = 1\ntolerance = 2\n").find("'tolerance' must be a share between 0 and 1"), std::string::npos);
    EXPECT_NE(target_error(head + "target = 1\nbaseline = inf\n").find("'baseline' must be a finite number"), std::string::npos);
    EXPECT_NE(target_error(head + "target = 1\nyeer = 2030\n").find("line 6: unknown key 'yeer' in [[target]]"), std::string::npos);
    EXPECT_NE(target_error(head + "target = \"12\"\n").find("line 5: 'target' must be a number"), std::string::npos);
    EXPECT_NE(target_error(head + "target = 1\nmeasurable = \"yes\"\n").find("line 6: 'measurable' must be true or false"), std::string::npos);
    EXPECT_NE(target_error("[[targets]]\n").find("no [[target]] entries"), std::string::npos);
    EXPECT_NE(target_error("version = 2\n" + head + "target = 1\n").find("line 1: unknown key 'version' in targets.toml"), std::string::npos);
}

TEST(PlanRules, TheBundledAndFixtureFilesPassTheStrictParser) {
    for (const char* dir : {"data/xinhua", "tests/fixtures/mini"}) {
        const auto base = test::source_dir() / dir;
        EXPECT_NO_THROW(core::parse_targets(test::read_file(base / "targets.toml"), "targets.toml")) << dir;
        EXPECT_NO_THROW(core::parse_rules(test::read_file(base / "rules.toml"), "rules.toml")) << dir;
    }
}

TEST(Indicators, ReadWithBomCrlfAndQuotedFieldsAgainstTheTargets) {
    auto targets = core::parse_targets("[[target]]\nid = \"G\"\nname = \"GDP\"\nsource = \"s\"\ntarget = 391.9\nunit = \"亿元\"\n", "t.toml");
    auto v = core::parse_indicators("\xEF\xBB\xBFtarget_id,year,value,unit,source,certainty\r\nG,2020,272,亿元,\"专栏2-1, 第1项\",surveyed\r\n\r\n", "i.csv", targets);
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].year, 2020);
    EXPECT_DOUBLE_EQ(v[0].value, 272.0);
    EXPECT_EQ(v[0].source, "专栏2-1, 第1项");
    EXPECT_EQ(v[0].line, 2);
    const std::string header = "target_id,year,value,unit,source,certainty\n";
    for (const char* bad : {"G,2020.5,272,亿元,s,surveyed", "G,2020,272,亿元,s,guessed", "G,2020,nan,亿元,s,surveyed", "G,2020,272,亿元,s",
                            "G,2020,1e300,亿元,s,surveyed"})
        EXPECT_THROW(core::parse_indicators(header + bad + "\n", "i.csv", targets), core::Error) << bad;
    EXPECT_THROW(core::parse_indicators("id,year,value\n", "i.csv", targets), core::Error);
    EXPECT_THROW(core::parse_indicators("", "i.csv", targets), core::Error);
}

TEST(PlanRules, ARuleCarriesItsReadingStrictly) {
    // The dataset's own reading of an open plan sentence, shown under the quote; English falls back to Chinese.
    auto rules = core::parse_rules(kHead + "kind = \"k\"\nreading = \"本数据集的读法\"\nreading_en = \"our reading\"\n", "my.toml");
    EXPECT_EQ(rules[0].reading, "本数据集的读法");
    EXPECT_EQ(rules[0].reading_en, "our reading");
    EXPECT_EQ(core::parse_rules(kHead + "kind = \"k\"\nreading = \"读法\"\n", "my.toml")[0].reading_en, "读法");
    EXPECT_TRUE(core::parse_rules(kHead + "kind = \"k\"\n", "my.toml")[0].reading.empty());
    EXPECT_NE(rule_error(kHead + "kind = \"k\"\nreading = 3\n").find("my.toml: line 6: 'reading' must be a string"), std::string::npos);
    EXPECT_NE(rule_error(kHead + "kind = \"k\"\nreading_en = \"only English\"\n").find("'reading_en' needs 'reading'"), std::string::npos);
}
