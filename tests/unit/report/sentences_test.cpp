// SPDX-License-Identifier: MIT
// The composed sentences: a target's progress, the honesty footer, the retry notes.
#include <gtest/gtest.h>

#include "core/plan_rules.hpp"
#include "fixtures.hpp"
#include "report/report.hpp"

using namespace zoning;

namespace {

core::ProgressRow row(const std::string& unit, double target, std::optional<double> measured, const std::string& comparison = ">=") {
    core::ProgressRow r;
    r.target.unit = unit;
    r.target.target = target;
    r.target.comparison = comparison;
    r.measured = measured;
    if (measured) r.ratio = *measured / target;
    return r;
}

report::ReportData data_with(core::Dataset& d, const std::string& certainty) {
    d.metadata = {{"name", "测试区"}, {"name_en", "Test district"}, {"certainty", certainty}, {"built_at", "2024-05-01"}};
    report::ReportData r;
    r.dataset = &d;
    r.catalog = &test::bundled_catalog();
    return r;
}

}  // namespace

TEST(Sentences, ProgressTextPerUnitInBothLanguages) {
    EXPECT_EQ(report::progress_text(row("m²", 1300000, 842000), report::Lang::zh), "84.2万 / 130万 m² (64.8%)");
    EXPECT_EQ(report::progress_text(row("m²", 1300000, 842000), report::Lang::en), "842,000 / 1,300,000 m² (64.8%)");
    EXPECT_EQ(report::progress_text(row("亩", 60, 60.0), report::Lang::en), "60 / 60 mu (100.0%)");
    EXPECT_EQ(report::progress_text(row("ratio", 0.3, 0.25), report::Lang::zh), "25.0% / 30% (83.3%)");
}

TEST(Sentences, ATargetHasThePlansDigits) {
    // Plan line 86 writes 36%, 专栏2-1 writes 99: never 36.0% or 99.0%; the measured figure keeps one decimal.
    EXPECT_EQ(report::progress_text(row("ratio", 0.36, 0.291), report::Lang::zh), "29.1% / 36% (80.8%)");
    EXPECT_EQ(report::progress_text(row("ratio", 0.99, std::nullopt), report::Lang::zh), "— / ≥ 99%");
    EXPECT_EQ(report::progress_text(row("ratio", 0.355, std::nullopt), report::Lang::en), "— / ≥ 35.5%");
    EXPECT_EQ(report::progress_text(row("亿元", 391.9, std::nullopt), report::Lang::zh), "— / ≥ 391.9 亿元");
}

TEST(Sentences, ProgressTextWithoutAFigureShowsTheComparison) {
    EXPECT_EQ(report::progress_text(row("亿元", 10, std::nullopt), report::Lang::zh), "— / ≥ 10 亿元");
    EXPECT_EQ(report::progress_text(row("个", 3, std::nullopt, "<="), report::Lang::en), "— / ≤ 3 places");
    EXPECT_EQ(report::progress_text(row("个", 3, std::nullopt, "="), report::Lang::zh), "— / ≈ 3 个");
    core::ProgressRow words = row("", 0, std::nullopt);
    words.target.target_text = "按市定";
    EXPECT_EQ(report::progress_text(words, report::Lang::en), "— / 按市定");
}

TEST(Sentences, TheFooterSaysWhetherTheDataIsIllustrative) {
    core::Dataset d;
    report::ReportData r = data_with(d, "illustrative");
    const std::string zh = report::footer(r, report::Lang::zh), en = report::footer(r, report::Lang::en);
    EXPECT_EQ(zh.rfind("数据：测试区。本数据为示意数据", 0), 0u) << zh;
    EXPECT_EQ(zh.find("2024-05-01"), std::string::npos) << zh;  // the build time is in the technical appendix
    EXPECT_EQ(en.rfind("Data: Test district. ILLUSTRATIVE:", 0), 0u) << en;
    // Without its own note an illustrative dataset promises nothing about its geometry or targets.
    EXPECT_EQ(zh, "数据：测试区。本数据为示意数据：并非测绘或统计数据。");
    EXPECT_EQ(zh.find("规划原文数字"), std::string::npos);
    d.metadata["certainty_note"] = "几何为示意图形；目标值为规划原文数字。";
    d.metadata["certainty_note_en"] = "schematic geometry; targets are the plan's.";
    EXPECT_EQ(report::footer(r, report::Lang::zh), "数据：测试区。本数据为示意数据：几何为示意图形；目标值为规划原文数字。");
    EXPECT_EQ(report::footer(r, report::Lang::en), "Data: Test district. ILLUSTRATIVE: schematic geometry; targets are the plan's. Store built 2024-05-01.");
    EXPECT_EQ(report::certainty_note(d, report::Lang::zh), "几何为示意图形；目标值为规划原文数字。");

    r = data_with(d, "surveyed");
    EXPECT_EQ(report::footer(r, report::Lang::zh), "数据：测试区（实测数据）。");
    EXPECT_EQ(report::footer(r, report::Lang::en), "Data: Test district (surveyed). Store built 2024-05-01.");
}

TEST(Sentences, RetryNotesAreTheOverlaysThenTheConflicts) {
    core::Dataset d;
    report::ReportData r = data_with(d, "surveyed");
    EXPECT_TRUE(report::robustness_notes(r).empty());
    r.overlay.robustness_notes = {"parcel A × Z1: retried"};
    r.analysis_notes = {"P1 × K: retried"};
    EXPECT_EQ(report::robustness_notes(r), (std::vector<std::string>{"parcel A × Z1: retried", "P1 × K: retried"}));
}

TEST(Sentences, AMeasuredFigureIsInTheTargetsUnit) {
    EXPECT_EQ(report::progress_text(row("m²", 100000, 8596), report::Lang::zh), "0.86万 / 10万 m² (8.6%)");
    EXPECT_EQ(report::progress_text(row("m²", 5000, 4200), report::Lang::zh), "4200 / 5000 m² (84.0%)");
    EXPECT_EQ(report::progress_text(row("亿元", 391.9, 391.90), report::Lang::zh), "391.9 / 391.9 亿元 (100.0%)");
}

TEST(Sentences, ThePlansSentenceWithItsLine) {
    EXPECT_EQ(report::quote_text(core::Quote{"“一带”即北部山林生态带", 516}, report::Lang::zh), "原文（第516行）：「“一带”即北部山林生态带」");
    EXPECT_EQ(report::quote_text(core::Quote{"“一带”即北部山林生态带", 516}, report::Lang::en), "Plan text (line 516): 「“一带”即北部山林生态带」");
    EXPECT_EQ(report::quote_text(std::nullopt, report::Lang::zh), "");
}

TEST(Sentences, AReadingGivesTheOtherFigureAndWhatWasLeftOut) {
    core::ProgressRow r = row("m²", 1820000, 1704500);
    EXPECT_EQ(report::reading_text(r, report::Lang::zh), "");
    r.target.reading = "按建筑面积计";
    r.land_area_m2 = 1122266;
    r.excluded.push_back({"P10", "科技服务产业园", "谋划"});
    EXPECT_EQ(report::reading_text(r, report::Lang::zh), "按建筑面积计；计入项目在区内的用地面积 112.23 公顷；规划仅要求“谋划”的项目不计：科技服务产业园");
}

TEST(Sentences, TheEvaluationYearIsSaidOnlyWhenATargetHasADeadline) {
    core::ProgressRow r = row("套", 138, 69);
    r.evaluation_year = 2025;
    r.evaluation_year_from = "newest_completion";
    EXPECT_EQ(report::evaluation_year_text({r}, report::Lang::zh), "");
    r.target.deadline = 2022;
    EXPECT_EQ(report::evaluation_year_text({r}, report::Lang::zh), "有期限的指标按 2025 年评估（数据中最新的建成年份）：期限已过而未达成的即为逾期。");
    r.evaluation_year_from = "dataset";
    EXPECT_NE(report::evaluation_year_text({r}, report::Lang::en).find("the dataset's evaluation year"), std::string::npos);
}
