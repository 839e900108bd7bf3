// SPDX-License-Identifier: MIT
// The bundled targets and rules rest on the plan's own words: every quote is found, character for
// character, on its line of the plan text the dataset ships; no target measures a feature against
// the number it was drawn to; statuses never go beyond what the plan asks of a project.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "analysis/conflicts.hpp"
#include "analysis/progress.hpp"
#include "analysis/overlay.hpp"
#include "core/plan_rules.hpp"
#include "geo/geos.hpp"
#include "io/source_reader.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

std::filesystem::path xinhua() { return test::source_dir() / "data" / "xinhua"; }

/// The plan text's lines, numbered from 1 as the quotes cite them.
const std::vector<std::string>& plan_lines() {
    static const std::vector<std::string> lines = [] {
        std::vector<std::string> out{""};
        std::string text = test::read_file(xinhua() / "plan" / "plan.txt"), cur;
        for (char c : text) {
            if (c == '\n') out.push_back(std::move(cur)), cur.clear();
            else cur += c;
        }
        out.push_back(cur);
        return out;
    }();
    return lines;
}

/// "" when the quote is on its line, else what is wrong.
std::string check_quote(const core::Quote& q) {
    const auto& lines = plan_lines();
    if (q.line < 1 || static_cast<std::size_t>(q.line) >= lines.size()) return "line " + std::to_string(q.line) + " is not in the plan text";
    if (lines[static_cast<std::size_t>(q.line)].find(q.text) == std::string::npos) {
        for (std::size_t n = 1; n < lines.size(); ++n)
            if (lines[n].find(q.text) != std::string::npos) return "found on line " + std::to_string(n) + ", not " + std::to_string(q.line);
        return "not in the plan text: " + q.text;
    }
    return {};
}

std::vector<core::Target> targets() { return core::parse_targets(test::read_file(xinhua() / "targets.toml"), "targets.toml"); }
std::vector<core::Rule> rules() { return core::parse_rules(test::read_file(xinhua() / "rules.toml"), "rules.toml"); }

struct Bundled {
    core::Catalog catalog = core::Catalog::load(test::source_dir() / "layers");
    io::DatasetReadResult read = io::read_dataset(catalog, core::DatasetConfig::load(xinhua()));
    const core::Dataset& d() const { return read.dataset; }
};

const Bundled& bundled() {
    static Bundled b;
    return b;
}

}  // namespace

TEST(XinhuaPlan, ThePlanTextIsShippedWithTheData) {
    ASSERT_GT(plan_lines().size(), 600u);
    EXPECT_NE(plan_lines()[351].find("“五区四圈两带一楼宇”"), std::string::npos);
    EXPECT_NE(plan_lines()[516].find("“一带一区、三核五廊”"), std::string::npos);
}

TEST(XinhuaPlan, TheQuoteCheckCanFail) {
    EXPECT_EQ(check_quote({"“一带”即北部山林生态带", 516}), "");
    EXPECT_NE(check_quote({"“一带”即北部山林生态带", 515}), "");
    EXPECT_NE(check_quote({"“一带”即北部山林生态 带", 516}), "");  // one character off
    EXPECT_NE(check_quote({"第七章第二节 用地界线", 447}), "");
}

TEST(XinhuaPlan, EveryTargetQuotesThePlanVerbatimAtItsLine) {
    for (const auto& t : targets()) {
        ASSERT_TRUE(t.quote.has_value()) << t.id << " has no quote";
        EXPECT_EQ(check_quote(*t.quote), "") << t.id;
    }
}

TEST(XinhuaPlan, BaselinesAndRatesQuote专栏2_1AtTheirCells) {
    // Every 2020 value and yearly rate of 专栏2-1 the targets carry is cited at its own cell's line.
    std::size_t baselines = 0, rates = 0;
    for (const auto& t : targets()) {
        if (t.baseline_year) {
            ASSERT_TRUE(t.baseline_quote.has_value()) << t.id << " has a baseline year but no baseline_quote";
            EXPECT_EQ(check_quote(*t.baseline_quote), "") << t.id;
            EXPECT_EQ(*t.baseline_year, 2020) << t.id;
            ++baselines;
        }
        if (t.rate_quote) {
            EXPECT_EQ(check_quote(*t.rate_quote), "") << t.id;
            ++rates;
        }
        if (t.path == "compound") { EXPECT_TRUE(t.rate_quote.has_value()) << t.id << ": a compound path's rate must be the plan's"; }
    }
    EXPECT_EQ(baselines, 13u);
    EXPECT_EQ(rates, 4u);
}

TEST(XinhuaPlan, EveryPlanRuleQuotesThePlanAndOnlyQualityChecksDoNot) {
    std::set<std::string> quality;
    for (const auto& r : rules()) {
        if (r.quote) { EXPECT_EQ(check_quote(*r.quote), "") << r.id; }
        else quality.insert(r.id);
        // A conflict must rest on words the plan contains.
        if (r.severity == "conflict") { EXPECT_TRUE(r.quote.has_value()) << r.id << " is a conflict rule without a plan sentence"; }
    }
    EXPECT_EQ(quality, (std::set<std::string>{"PROJECT-OVERLAP", "BUILDING-LANDUSE"}));
}

TEST(XinhuaPlan, NoMeasurableTargetComparesAFeatureWithItsOwnDrawnSize) {
    // The scale the plan gives projects (专栏9-1: 长约6000米, 约1098.5亩; floor areas, seats, units) is
    // what the data was drawn or filled to: a target equal to one project's own figure, or a target
    // measuring one named feature's size, could only confirm itself.
    const core::Dataset& d = bundled().d();
    const core::Layer& projects = *d.find("projects");
    std::vector<std::pair<std::string, double>> scales;
    for (const char* field : {"length_m", "area_mu", "built_floor_m2", "seats", "units", "investment_wan"}) {
        const int i = projects.spec->field_index(field);
        ASSERT_GE(i, 0) << field;
        for (const auto& f : projects.features) {
            const core::Value& v = f.values[static_cast<std::size_t>(i)];
            if (auto* x = std::get_if<double>(&v)) scales.emplace_back(projects.id_of(f) + "." + field, *x);
            if (auto* n = std::get_if<std::int64_t>(&v)) scales.emplace_back(projects.id_of(f) + "." + field, static_cast<double>(*n));
        }
    }
    ASSERT_FALSE(scales.empty());
    for (const auto& t : targets()) {
        if (!t.measurable) continue;
        EXPECT_NE(t.measure, "feature_area") << t.id << " measures one feature's drawn area";
        EXPECT_NE(t.measure, "axis_length") << t.id << " measures one feature's drawn length";
        for (const auto& [what, v] : scales) {
            const bool same = std::fabs(v - t.target) <= 0.01 * std::fabs(t.target);
            // A sum over several projects may equal one project's figure only by chance; a target the
            // size of one project's own figure is that project's scale.
            EXPECT_FALSE(same && t.measure != "landuse_share") << t.id << " (" << t.target << ") equals " << what;
        }
    }
    // The projects keep the plan's scale as attributes, with their status.
    bool gully = false, wetland = false;
    for (const auto& f : projects.features) {
        if (projects.text(f, "name") == "香山沟综合整治") gully = projects.text(f, "length_m") == "6000";
        if (projects.text(f, "name") == "新新湿地综合治理") wetland = projects.text(f, "area_mu") == "1098.5";
    }
    EXPECT_TRUE(gully);
    EXPECT_TRUE(wetland);
}

TEST(XinhuaPlan, NoIllustrativeStatusGoesBeyondThePlansVerb) {
    const core::Layer& projects = *bundled().d().find("projects");
    const std::set<std::string> verbs = {"谋划", "推进", "开工", "建成", "完成征迁"};
    for (const auto& f : projects.features) {
        const std::string id = projects.id_of(f), verb = projects.text(f, "plan_verb"), status = projects.text(f, "status");
        EXPECT_TRUE(verbs.count(verb)) << id << ": plan_verb '" << verb << "'";
        const std::string line = projects.text(f, "plan_line");
        ASSERT_FALSE(line.empty()) << id;
        const std::size_t n = std::stoul(line);
        ASSERT_LT(n, plan_lines().size()) << id;
        // The verb is the plan's word on that line (推进 may be written 加快…建设, 重点做好, 打造, 培育;
        // 建成 may be 完成…建设; 完成征迁 is 完成…征迁任务).
        const std::string& text = plan_lines()[n];
        if (verb == "建成") { EXPECT_TRUE(text.find("建成") != std::string::npos || text.find("完成") != std::string::npos) << id << " line " << n; }
        else if (verb != "推进") { EXPECT_NE(text.find(verb == "完成征迁" ? "征迁" : verb), std::string::npos) << id << " line " << n; }
        if (verb == "谋划") { EXPECT_EQ(status, "planned") << id << ": the plan only asks to prepare it"; }
        if (verb == "完成征迁") { EXPECT_NE(status, "completed") << id << ": the plan only asks to clear its land"; }
        // 开工 is a start: the plan commits to nothing past it within the period. No 开工 project's
        // `notes` (the one field that could say why) gives a reason to be further on, so none is.
        if (verb == "开工") { EXPECT_NE(status, "completed") << id << ": the plan only asks to start it"; }
    }
}

TEST(XinhuaPlan, FourUrbanRegionsOfChapterSevenAreDrawnWithTheirLines) {
    const core::Layer* l = bundled().d().find("urban_regions");
    ASSERT_NE(l, nullptr);
    std::vector<std::string> names;
    for (const auto& f : l->features) {
        names.push_back(l->text(f, "name"));
        const std::size_t n = std::stoul(l->text(f, "plan_line"));
        EXPECT_NE(plan_lines()[n].find(l->text(f, "name")), std::string::npos) << l->text(f, "name") << " not on line " << n;
    }
    EXPECT_EQ(names, (std::vector<std::string>{"中兴路、凌云路片区", "新老城区之间片区", "西环路北段区域", "大香山片区"}));
}

TEST(XinhuaPlan, AliasesThePlanUsesAreOnTheFeatures) {
    const core::Layer& s = *bundled().d().find("service_layout");
    for (const auto& f : s.features)
        if (s.text(f, "name") == "生态智慧城区") {
            EXPECT_EQ(s.text(f, "alias"), "生态智慧社区");
            EXPECT_NE(plan_lines()[351].find("生态智慧社区"), std::string::npos);
        }
}

TEST(XinhuaPlan, TheDataNoLongerContradictsItself) {
    // Office buildings stand on 商务金融 land, and 华耀城 (construction land) is outside 田园综合区.
    const core::Dataset& d = bundled().d();
    std::vector<core::Rule> checks;
    for (auto& r : rules())
        if (r.id == "BUILDING-LANDUSE" || r.id == "ECO-PASTORAL") checks.push_back(r);
    ASSERT_EQ(checks.size(), 2u);
    EXPECT_TRUE(analysis::find_conflicts(d, bundled().catalog, checks).conflicts.empty());
}
