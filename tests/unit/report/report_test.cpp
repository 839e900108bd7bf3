// SPDX-License-Identifier: MIT
// Rendering the analysis (tests/fixtures/mini/ANSWERS.md has the mini fixture's figures).
#include "report/report.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "analysis/conflicts.hpp"
#include "analysis/overlay.hpp"
#include "analysis/progress.hpp"
#include "fixtures.hpp"
#include "report/internal.hpp"
#include "support.hpp"

using namespace zoning;

TEST(Report, ProgressTextInBothLanguages) {
    const core::Dataset& mini = test::mini_dataset();
    auto targets = core::parse_targets(test::read_file(test::fixture("mini/targets.toml")), "targets.toml");
    auto rows = analysis::measure_progress(mini, targets, analysis::overlay(mini, {}));
    ASSERT_EQ(rows.size(), 5u);
    report::Lang zh = report::Lang::zh;
    EXPECT_EQ(report::progress_text(rows[0], zh), "8万 / 10万 m² (80.0%)");
    EXPECT_EQ(report::progress_text(rows[0], report::Lang::en), "80,000 / 100,000 m² (80.0%)");
    EXPECT_EQ(report::progress_text(rows[1], zh), "25.0% / 30% (83.3%)");
    EXPECT_EQ(report::progress_text(rows[4], zh), "— / ≥ 10 亿元");
}

TEST(Report, TargetsStatedInWordsShowTheirWords) {
    auto t = core::parse_targets(
        "[[target]]\nid = \"X\"\nname = \"单位生产总值能耗降低\"\ntarget_text = \"按市定\"\nsource = \"专栏2-1 第13项\"\n", "t.toml");
    auto rows = analysis::measure_progress(test::mini_dataset(), t, analysis::overlay(test::mini_dataset(), {}));
    EXPECT_EQ(report::progress_text(rows.at(0), report::Lang::zh), "— / 按市定");
}

TEST(Report, JsonIsIdenticalWithOneTwoAndEightThreadsOnTheBundledData) {
    core::Dataset d = test::load_dataset(test::source_dir() / "data/xinhua");
    auto targets = core::parse_targets(d.files.at("targets.toml"), "targets.toml");
    auto rules = core::parse_rules(d.files.at("rules.toml"), "rules.toml");
    std::vector<std::string> outputs;
    for (unsigned threads : {1u, 2u, 8u}) {
        report::ReportData r;
        r.dataset = &d;
        r.catalog = &test::bundled_catalog();
        analysis::OverlayOptions o;
        o.threads = threads;
        r.overlay = analysis::overlay(d, o);
        r.progress = analysis::measure_progress(d, targets, r.overlay);
        analysis::ConflictOptions co;
        co.threads = threads;
        r.conflicts = analysis::find_conflicts(d, test::bundled_catalog(), rules, co).conflicts;
        std::ostringstream out;
        report::write_json(out, r, report::Lang::zh);
        outputs.push_back(out.str());
    }
    EXPECT_EQ(outputs[0], outputs[1]);
    EXPECT_EQ(outputs[0], outputs[2]);
}

TEST(Report, MarkdownEscapesNamesAsHtmlDoes) {
    using report::detail::md_escape;
    EXPECT_EQ(md_escape("西区"), "西区");
    EXPECT_EQ(md_escape("a|b"), "a\\|b");
    EXPECT_EQ(md_escape("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
    EXPECT_EQ(md_escape("*bold* _it_ `code` [link](u) # ~x~"), "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](u) \\# \\~x\\~");
    EXPECT_EQ(md_escape("two\nlines\x01"), "two lines");
}

TEST(Report, CsvCellsNeutraliseFormulas) {
    EXPECT_EQ(report::detail::csv_escape("=HYPERLINK(\"u\")"), "\"'=HYPERLINK(\"\"u\"\")\"");
    EXPECT_EQ(report::detail::csv_escape("@x"), "'@x");
}

namespace {
/// The mini fixture's report in Markdown or HTML, with the targets and findings the test gives.
std::string render(bool html, report::Lang lang, const std::vector<core::ProgressRow>& progress, const std::vector<core::Conflict>& conflicts) {
    const core::Dataset& mini = test::mini_dataset();
    report::ReportData r;
    r.dataset = &mini;
    r.catalog = &test::bundled_catalog();
    r.overlay = analysis::overlay(mini, {});
    r.progress = progress;
    r.conflicts = conflicts;
    std::ostringstream out;
    if (html) report::write_html(out, r, lang);
    else report::write_markdown(out, r, lang);
    return out.str();
}
}  // namespace

TEST(Report, ADistrictWithoutTargetsSaysNoneInsteadOfAnEmptyTable) {
    const std::string md = render(false, report::Lang::zh, {}, {}), en = render(false, report::Lang::en, {}, {});
    const std::string progress = md.substr(md.find("## 2. "), md.find("## 3. ") - md.find("## 2. "));
    EXPECT_NE(progress.find("\n无\n"), std::string::npos) << progress;
    EXPECT_EQ(progress.find("| 指标 |"), std::string::npos) << progress;
    const std::string progress_en = en.substr(en.find("## 2. "), en.find("## 3. ") - en.find("## 2. "));
    EXPECT_NE(progress_en.find("\nnone\n"), std::string::npos) << progress_en;
    const std::string html = render(true, report::Lang::zh, {}, {});
    const std::size_t at = html.find("<section id=\"progress\">");
    ASSERT_NE(at, std::string::npos);
    const std::string section = html.substr(at, html.find("</section>", at) - at);
    EXPECT_NE(section.find("<p>无</p>"), std::string::npos) << section;
    EXPECT_EQ(section.find("class=\"bars\""), std::string::npos) << section;
}

TEST(Report, ARulesReadingIsShownUnderItsQuote) {
    core::Conflict c;
    c.rule = "R";
    c.title = c.title_en = "占用绿廊";
    c.severity = "conflict";
    c.clause = "第九章";
    c.quote = core::Quote{"“五廊”即五条滨水绿廊", 516};
    c.reading = "本数据集读作五条河沟两侧的绿廊";
    c.reading_en = "read as the five streams";
    c.features = {{"projects", "P1", "甲"}};
    c.reason_zh = c.reason = "x";
    const std::string md = render(false, report::Lang::zh, {}, {c});
    EXPECT_NE(md.find("  原文（第516行）：「“五廊”即五条滨水绿廊」\n  口径：本数据集读作五条河沟两侧的绿廊\n"), std::string::npos) << md;
    EXPECT_NE(render(false, report::Lang::en, {}, {c}).find("  Reading: read as the five streams\n"), std::string::npos);
    EXPECT_NE(render(true, report::Lang::zh, {}, {c}).find("<br>口径：本数据集读作五条河沟两侧的绿廊"), std::string::npos);
    c.reading.clear();
    EXPECT_EQ(render(false, report::Lang::zh, {}, {c}).find("口径："), std::string::npos);
}
