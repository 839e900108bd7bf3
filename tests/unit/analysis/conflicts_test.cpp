// SPDX-License-Identifier: MIT
// The mini fixture's answers are worked out by hand in tests/fixtures/mini/ANSWERS.md.
#include "analysis/conflicts.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "core/error.hpp"
#include "geo/geos.hpp"
#include "fixtures.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

const core::Catalog& catalog() { return test::bundled_catalog(); }
const core::Dataset& mini() { return test::mini_dataset(); }
std::string mini_text() { return test::read_file(test::fixture("mini/rules.toml")); }
std::vector<core::Rule> mini_rules() { return core::parse_rules(mini_text(), "rules.toml"); }
std::vector<core::Rule> only(const std::string& id, const std::function<void(core::Rule&)>& edit = {}) {
    std::vector<core::Rule> out;
    for (auto& r : mini_rules())
        if (r.id == id) {
            if (edit) edit(r);
            out.push_back(r);
        }
    return out;
}
std::vector<core::Conflict> find(const std::vector<core::Rule>& rules) {
    return analysis::find_conflicts(mini(), catalog(), rules).conflicts;
}

/// The error find_conflicts throws for `rules`, or "" when none.
std::string error_of(const std::vector<core::Rule>& rules) {
    try {
        find(rules);
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::bad_input);
        return e.what();
    }
    return {};
}

}  // namespace

TEST(Conflicts, EachRuleTriggeredWithItsOverlap) {
    core::ConflictSet set = analysis::find_conflicts(mini(), catalog(), mini_rules());
    std::vector<std::string> got;
    for (auto& c : set.conflicts)
        got.push_back(c.rule + ":" + c.features[0].id + "×" + c.features[1].id + "=" + std::to_string(static_cast<long>(c.overlap_m2)));
    EXPECT_EQ(got, (std::vector<std::string>{"ECO-CORE:P2×K=10000", "PROJECT-OVERLAP:P1×P3=10000", "LOGISTICS-SITE:P4×S1=10000",
                                             "ZONE-LANDUSE:P3×Z1=40000", "REDEV-CORE:R2×K=400"}));
    for (auto& c : set.conflicts) {
        EXPECT_FALSE(c.clause.empty());
        EXPECT_FALSE(c.overlap_wkb.empty());
        EXPECT_FALSE(c.reason_zh.empty());
        EXPECT_EQ(c.rule_origin, "rules.toml");
    }
    EXPECT_TRUE(set.robustness_notes.empty());
}

TEST(Conflicts, EnglishReasonsUseTheCatalogsWordsForKinds) {
    auto found = find(only("ECO-CORE"));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].reason.find("overlaps core '测试湿地' by"), std::string::npos) << found[0].reason;
}

TEST(Conflicts, ExemptionsAndTolerancesKeepRulesQuiet) {
    // The corridor rule exempts roads (P7): quiet; without the exemption it fires with the 800 m² crossing.
    EXPECT_TRUE(find(only("ECO-CORRIDOR")).empty());
    auto strict = find(only("ECO-CORRIDOR", [](core::Rule& r) { r.exempt_landuse.clear(); }));
    ASSERT_EQ(strict.size(), 1u);
    EXPECT_EQ(strict[0].features[0].id, "P7");
    EXPECT_DOUBLE_EQ(strict[0].overlap_m2, 800);
    // The core rule exempts green space (P5 inside K): only P2 fires.
    EXPECT_EQ(find(only("ECO-CORE")).size(), 1u);
    // Overlap tolerance: P1 ∩ P3 is 25% of the smaller; a 30% threshold keeps it quiet.
    EXPECT_TRUE(find(only("PROJECT-OVERLAP", [](core::Rule& r) { r.min_overlap_share = 0.30; })).empty());
    EXPECT_TRUE(find(only("PROJECT-OVERLAP", [](core::Rule& r) { r.min_overlap_m2 = 10001; })).empty());
    // A logistics park big enough for P4: quiet.
    EXPECT_TRUE(find(only("LOGISTICS-SITE", [](core::Rule& r) { r.categories = {"其他"}; })).empty());
    // Redevelopment only in corridors: R2 is in the core, not a corridor -> quiet.
    EXPECT_TRUE(find(only("REDEV-CORE", [](core::Rule& r) { r.frame_kinds = {"廊"}; })).empty());
}

TEST(Conflicts, ZoneCompatibilityReadsItsMatrixFromTheRulesFile) {
    // 0901 allowed in 西区 (only 1002 listed) -> quiet.
    std::string text = mini_text();
    const std::string listed = "\"西区\" = [\"0901\"]";
    ASSERT_NE(text.find(listed), std::string::npos);
    text.replace(text.find(listed), listed.size(), "\"西区\" = [\"1002\"]");
    std::vector<core::Rule> rules;
    for (auto& r : core::parse_rules(text, "rules.toml"))
        if (r.id == "ZONE-LANDUSE") rules.push_back(r);
    ASSERT_EQ(rules.size(), 1u);
    EXPECT_TRUE(find(rules).empty());
}

TEST(Conflicts, SameResultWithAnyThreadCount) {
    std::vector<std::vector<core::Conflict>> runs;
    for (unsigned threads : {1u, 2u, 8u}) {
        analysis::ConflictOptions o;
        o.threads = threads;
        runs.push_back(analysis::find_conflicts(mini(), catalog(), mini_rules(), o).conflicts);
    }
    for (auto& run : runs) {
        ASSERT_EQ(run.size(), runs[0].size());
        for (std::size_t i = 0; i < run.size(); ++i) {
            EXPECT_EQ(run[i].overlap_wkb, runs[0][i].overlap_wkb);
            EXPECT_EQ(run[i].reason, runs[0][i].reason);
        }
    }
}

TEST(Conflicts, ACustomRulesFileIsNamedInConflictsAndErrors) {
    auto rules = core::parse_rules(mini_text(), "my.toml");
    for (auto& c : find(rules)) EXPECT_EQ(c.rule_origin, "my.toml");
    // A layer the store lacks: the message names my.toml, the rule and its line.
    auto missing = core::parse_rules(
        "\n[[rule]]\nid = \"W\"\ntitle = \"t\"\nclause = \"c\"\nkind = \"overlap_frame\"\nframe_layer = \"water\"\n", "my.toml");
    std::string e = error_of(missing);
    EXPECT_NE(e.find("my.toml"), std::string::npos) << e;
    EXPECT_EQ(e.find("rules.toml"), std::string::npos) << e;
    EXPECT_NE(e.find("rule W (line 2) needs this layer"), std::string::npos) << e;
}

TEST(RuleKinds, UnknownKindsAndMissingKeysNameTheFileAndLine) {
    auto parse = [](const std::string& body) {
        return core::parse_rules("[[rule]]\nid = \"A\"\ntitle = \"t\"\nclause = \"c\"\n" + body, "my.toml");
    };
    EXPECT_NE(error_of(parse("kind = \"nonsense\"\n")).find("my.toml: line 1: unknown kind 'nonsense' (overlap_frame, project_overlap"),
              std::string::npos);
    EXPECT_NE(error_of(parse("kind = \"overlap_frame\"\n")).find("my.toml: line 1: missing 'frame_layer'"), std::string::npos);
    EXPECT_NE(error_of(parse("kind = \"designated_area\"\nframe_layer = \"service_layout\"\n")).find("designated_area needs categories"),
              std::string::npos);
    EXPECT_NE(
        error_of(parse("kind = \"zone_compatibility\"\n")).find("my.toml: line 1: zone_compatibility needs an [rule.incompatible] table"),
        std::string::npos);
    EXPECT_NE(error_of(parse("kind = \"zone_compatibility\"\n[rule.incompatible]\n\"西区\" = [1]\n"))
                  .find("my.toml: line 7: incompatible.西区 must be a list of strings"),
              std::string::npos);
    // Every rule is checked before any is applied: a bad last rule fails the whole file.
    auto rules = mini_rules();
    auto bad = parse("kind = \"nonsense\"\n");
    rules.push_back(bad[0]);
    EXPECT_NE(error_of(rules).find("unknown kind"), std::string::npos);
}

TEST(RuleKinds, UnknownKeysAndLayersThatCannotHoldAreasAreRefused) {
    auto parse = [](const std::string& body) {
        return core::parse_rules("[[rule]]\nid = \"A\"\ntitle = \"t\"\nclause = \"c\"\n" + body, "my.toml");
    };
    EXPECT_NE(error_of(parse("kind = \"overlap_frame\"\nframe_layer = \"eco_structure\"\nconstruction_onyl = true\n"))
                  .find("my.toml: line 7: unknown key 'construction_onyl'"),
              std::string::npos);
    // A kind's own keys are known to it only.
    EXPECT_NE(error_of(parse("kind = \"overlap_frame\"\nframe_layer = \"eco_structure\"\n[rule.incompatible]\n\"西区\" = [\"09\"]\n"))
                  .find("unknown key 'incompatible'"),
              std::string::npos);
    EXPECT_EQ(error_of(parse("kind = \"zone_compatibility\"\n[rule.incompatible]\n\"西区\" = [\"09\"]\n")), "");
    EXPECT_NE(error_of(parse("kind = \"overlap_frame\"\nframe_layer = \"eco_structure\"\nsubject = \"roads\"\n"))
                  .find("my.toml: line 1: subject 'roads' is a line layer"),
              std::string::npos);
    EXPECT_NE(error_of(parse("kind = \"overlap_frame\"\nframe_layer = \"roads\"\n")).find("frame_layer 'roads' is a line layer"), std::string::npos);
    EXPECT_NE(error_of(parse("kind = \"overlap_frame\"\nframe_layer = \"nowhere\"\n")).find("frame_layer 'nowhere' is not a layer of the catalog"),
              std::string::npos);
    EXPECT_NE(error_of(parse("kind = \"overlap_frame\"\nframe_layer = \"industrial_parks\"\n")).find("my.toml: layer 'industrial_parks': rule A (line 1) needs this layer"),
              std::string::npos);
}

// ---- Plan conflicts and data-quality checks (质检) ----

namespace {

std::vector<core::Rule> parcel_rule(const std::string& keys) {
    return core::parse_rules("[[rule]]\nid = \"QC\"\nkind = \"parcel_landuse\"\ntitle = \"t\"\nclause = \"数据质检\"\nseverity = \"review\"\n" + keys,
                             "qc.toml");
}

}  // namespace

TEST(Conflicts, ARuleWithAQuoteIsAPlanRuleWithoutOneAQualityCheck) {
    auto found = find(mini_rules());
    ASSERT_FALSE(found.empty());
    for (const auto& c : found) {
        if (c.rule == "PROJECT-OVERLAP") {
            EXPECT_EQ(c.category, "quality");
            EXPECT_FALSE(c.quote.has_value());
        } else {
            EXPECT_EQ(c.category, "plan") << c.rule;
            ASSERT_TRUE(c.quote.has_value()) << c.rule;
            EXPECT_EQ(c.quote->line, c.rule == "LOGISTICS-SITE" || c.rule == "ZONE-LANDUSE" ? (c.rule == "ZONE-LANDUSE" ? 347 : 351) : 516);
        }
    }
}

TEST(Conflicts, ParcelLandUseFindsAFeatureOnLandThatCannotCarryIt) {
    // 物流园 (service_layout 区, x 0–300 y 600–900, 90,000 m²) stands wholly on parcel C, 0301.
    auto on_logistics = analysis::find_conflicts(mini(), catalog(), parcel_rule("subject = \"service_layout\"\nallowed_landuse = [\"11\"]\n")).conflicts;
    ASSERT_EQ(on_logistics.size(), 1u);
    EXPECT_EQ(on_logistics[0].category, "quality");
    EXPECT_EQ(on_logistics[0].features[0].id, "S1");
    EXPECT_EQ(on_logistics[0].features[1].layer, "parcels");
    EXPECT_EQ(on_logistics[0].features[1].id, "C");
    EXPECT_NEAR(on_logistics[0].overlap_m2, 90000, 1e-6);
    EXPECT_NE(on_logistics[0].reason_zh.find("0301"), std::string::npos) << on_logistics[0].reason_zh;
    EXPECT_TRUE(analysis::find_conflicts(mini(), catalog(), parcel_rule("subject = \"service_layout\"\nallowed_landuse = [\"03\"]\n")).conflicts.empty());
}

TEST(Conflicts, ParcelLandUseWeighsTheShareOfAllowedLand) {
    // 测试绿廊 (廊, y 480–520) lies on 10,000 m² each of 0701, 0901, 0301 and 1001.
    const std::string corridor = "subject = \"eco_structure\"\nsubject_kinds = [\"廊\"]\n";
    // Half allowed: at the default minimum share (0.5), not a finding.
    EXPECT_TRUE(analysis::find_conflicts(mini(), catalog(), parcel_rule(corridor + "allowed_landuse = [\"07\", \"09\"]\n")).conflicts.empty());
    // A quarter allowed: a finding of the other three quarters.
    auto quarter = analysis::find_conflicts(mini(), catalog(), parcel_rule(corridor + "allowed_landuse = [\"07\"]\n")).conflicts;
    ASSERT_EQ(quarter.size(), 1u);
    EXPECT_EQ(quarter[0].features[0].id, "L");
    EXPECT_NEAR(quarter[0].overlap_m2, 30000, 1e-6);
    // ...unless the rule asks for no more than a quarter.
    EXPECT_TRUE(analysis::find_conflicts(mini(), catalog(), parcel_rule(corridor + "allowed_landuse = [\"07\"]\nmin_allowed_share = 0.25\n"))
                    .conflicts.empty());
    // Only subjects of the kinds listed: the core K (核, 40,000 m²) is wholly on 1001.
    EXPECT_TRUE(analysis::find_conflicts(mini(), catalog(), parcel_rule("subject = \"eco_structure\"\nsubject_kinds = [\"核\"]\nallowed_landuse = [\"10\"]\n"))
                    .conflicts.empty());
    auto cores = analysis::find_conflicts(mini(), catalog(), parcel_rule("subject = \"eco_structure\"\nsubject_kinds = [\"核\"]\nallowed_landuse = [\"05\"]\n")).conflicts;
    ASSERT_EQ(cores.size(), 1u);
    EXPECT_EQ(cores[0].features[0].id, "K");
    EXPECT_NEAR(cores[0].overlap_m2, 40000, 1e-6);
}

TEST(Conflicts, ParcelLandUseGeometryIsTheSameOnAnyThreadCountAndSkippedWhenNotAsked) {
    // With only 07 allowed, the corridor L (a quarter on 0701) and the core K (wholly on 1001) are findings,
    // each with the union of its non-carrying parcels' parts: the parcels tile, so it measures the finding's area.
    const auto rules = parcel_rule("subject = \"eco_structure\"\nallowed_landuse = [\"07\"]\n");
    analysis::ConflictOptions one;
    one.threads = 1;
    const auto serial = analysis::find_conflicts(mini(), catalog(), rules, one).conflicts;
    ASSERT_GE(serial.size(), 2u);
    geo::GeosContext ctx;
    for (const auto& c : serial) {
        ASSERT_FALSE(c.overlap_wkb.empty()) << c.features[0].id;
        EXPECT_NEAR(geo::area(ctx, geo::from_wkb(ctx, c.overlap_wkb).get()), c.overlap_m2, 1e-6) << c.features[0].id;
    }
    for (unsigned threads : {2u, 3u}) {
        analysis::ConflictOptions many;
        many.threads = threads;
        const auto parallel = analysis::find_conflicts(mini(), catalog(), rules, many).conflicts;
        ASSERT_EQ(parallel.size(), serial.size());
        for (std::size_t i = 0; i < serial.size(); ++i) EXPECT_EQ(parallel[i].overlap_wkb, serial[i].overlap_wkb) << threads;
    }
    // For an output that draws no conflict: the same findings, words and figures, without the union.
    analysis::ConflictOptions bare;
    bare.geometry = false;
    const auto without = analysis::find_conflicts(mini(), catalog(), rules, bare).conflicts;
    ASSERT_EQ(without.size(), serial.size());
    for (std::size_t i = 0; i < serial.size(); ++i) {
        EXPECT_TRUE(without[i].overlap_wkb.empty());
        EXPECT_EQ(without[i].overlap_m2, serial[i].overlap_m2);
        EXPECT_EQ(without[i].reason_zh, serial[i].reason_zh);
        EXPECT_EQ(without[i].features[1].id, serial[i].features[1].id);
    }
}

TEST(Conflicts, ParcelLandUseKeysAreChecked) {
    EXPECT_NE(error_of(parcel_rule("subject = \"service_layout\"\n")).find("allowed_landuse"), std::string::npos);
    EXPECT_NE(error_of(parcel_rule("subject = \"service_layout\"\nallowed_landuse = [\"09\"]\nmin_allowed_share = 0\n")).find("min_allowed_share"),
              std::string::npos);
    EXPECT_NE(error_of(parcel_rule("subject = \"service_layout\"\nallowed_landuse = [\"09\"]\nsubject_kind = [\"楼宇\"]\n")).find("unknown key"),
              std::string::npos);
}

TEST(Conflicts, AFindingOnAProjectThePlanOnlyAsksToClearSaysSo) {
    core::Dataset d = mini();
    core::Layer* p = d.find("projects");
    for (auto& f : p->features)
        if (p->id_of(f) == "P2") {
            f.values[static_cast<std::size_t>(p->spec->field_index("plan_verb"))] = std::string("完成征迁");
            f.values[static_cast<std::size_t>(p->spec->field_index("plan_line"))] = std::int64_t{451};
        }
    auto found = analysis::find_conflicts(d, catalog(), only("ECO-CORE")).conflicts;
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].reason_zh.find("仅要求完成征迁（原文第451行）"), std::string::npos) << found[0].reason_zh;
    EXPECT_EQ(find(only("ECO-CORE"))[0].reason_zh.find("完成征迁"), std::string::npos);
}
