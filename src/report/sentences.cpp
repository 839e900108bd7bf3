// SPDX-License-Identifier: MIT
// The sentences renderers share: a target's progress, the honesty footer.
#include <cmath>
#include <cstdio>
#include <map>
#include <utility>

#include "core/number_format.hpp"
#include "report/report.hpp"

namespace zoning::report {

namespace {
/// `v` as the plan writes it; `in_wan`: a figure beside a target the plan states in 万, so in 万 too.
std::string amount(double v, const std::string& unit, Lang lang, bool in_wan, bool plans_own = false) {
    // The plan's figure with the plan's digits (36%, 99%, not 36.0%); a measured one to one decimal.
    if (unit == "ratio") return plans_own ? core::plan_number(v * 100.0, 2) + "%" : core::percent(v, 1);
    if (unit == "m²" || unit == "m") return lang == Lang::en ? core::grouped(v) : in_wan ? core::in_wan(v) : core::wan(v);
    return core::plan_number(v, unit == "亩" ? 1 : 2);  // 391.9 亿元, 60 亩: as the plan writes them
}
}  // namespace

std::string progress_text(const core::ProgressRow& row, Lang lang) {
    const auto& t = row.target;
    if (!t.target_text.empty()) return "— / " + t.target_text;
    const bool in_wan = std::fabs(t.target) >= 10000.0;  // one unit on both sides: never "8596 / 10万 m²"
    std::string target = amount(t.target, t.unit, lang, in_wan, true) + unit_word(t.unit, lang);
    if (!row.measured) {
        std::string prefix = t.comparison == ">=" ? "≥ " : t.comparison == "<=" ? "≤ " : "≈ ";
        return "— / " + prefix + target;
    }
    std::string measured = amount(*row.measured, t.unit, lang, in_wan);
    std::string out = measured + " / " + target;
    if (row.ratio) out += " (" + core::percent(*row.ratio, 1) + ")";
    return out;
}

std::string quote_text(const std::optional<core::Quote>& quote, Lang lang) {
    if (!quote) return {};
    if (lang == Lang::zh) return "原文（第" + std::to_string(quote->line) + "行）：「" + quote->text + "」";
    return "Plan text (line " + std::to_string(quote->line) + "): 「" + quote->text + "」";
}

std::string rule_reading_text(const core::Conflict& c, Lang lang) {
    const std::string& reading = lang == Lang::zh ? c.reading : c.reading_en;
    if (reading.empty()) return {};
    return (lang == Lang::zh ? "口径：" : "Reading: ") + reading;
}

std::string reading_text(const core::ProgressRow& row, Lang lang) {
    const auto& t = row.target;
    std::string out = lang == Lang::zh ? t.reading : t.reading_en;
    auto add = [&](const std::string& s) { out += (out.empty() ? "" : (lang == Lang::zh ? "；" : "; ")) + s; };
    if (row.land_area_m2)
        add(lang == Lang::zh ? "计入项目在区内的用地面积 " + core::area_text(*row.land_area_m2, true)
                             : "land area of the counted projects inside it: " + core::area_text(*row.land_area_m2, false));
    if (!row.excluded.empty()) {
        std::string ids;
        for (auto& e : row.excluded) ids += (ids.empty() ? "" : (lang == Lang::zh ? "、" : ", ")) + e.name;
        add(lang == Lang::zh ? "规划仅要求“谋划”的项目不计：" + ids : "left out, the plan only asks to prepare them (谋划): " + ids);
    }
    return out;
}

std::string evaluation_year_text(const std::vector<core::ProgressRow>& rows, Lang lang) {
    for (const auto& r : rows) {
        if (!r.target.deadline) continue;
        const bool given = r.evaluation_year_from == "dataset", asked = r.evaluation_year_from == "option";
        const std::string y = std::to_string(r.evaluation_year);
        // 逾期 without quotation marks: in the report they hold the plan's own words, and this is ours.
        if (lang == Lang::zh)
            return "有期限的指标按 " + y + " 年评估（" + (asked ? "报告指定的评估年份" : given ? "数据集给定的评估年份" : "数据中最新的建成年份") +
                   "）：期限已过而未达成的即为逾期。";
        return "Targets with a deadline are judged at " + y + " (" +
               (asked ? "the year asked for" : given ? "the dataset's evaluation year" : "the newest completion year in the data") +
               "): past the deadline and unmet is overdue.";
    }
    return {};
}

std::string certainty_note(const core::Dataset& d, Lang lang) {
    // Only the dataset can say how its geometry was drawn or where its targets come from: a generic
    // sentence claims nothing more than "not surveyed".
    const std::string own = lang == Lang::zh ? d.meta("certainty_note") : d.meta("certainty_note_en");
    if (!own.empty()) return own;
    if (lang == Lang::en && !d.meta("certainty_note").empty()) return d.meta("certainty_note");
    if (!d.illustrative()) return {};
    return lang == Lang::zh ? "并非测绘或统计数据。" : "not surveyed or reported figures.";
}

std::string dataset_notes(const core::Dataset& d, Lang lang) {
    if (lang == Lang::en && !d.meta("notes_en").empty()) return d.meta("notes_en");
    return d.meta("notes");
}

std::string footer(const ReportData& r, Lang lang) {
    const core::Dataset& d = *r.dataset;
    std::string name = lang == Lang::zh ? d.meta("name") : d.meta("name_en");
    const std::string note = certainty_note(d, lang);
    if (d.illustrative()) {
        if (lang == Lang::zh) return "数据：" + name + "。本数据为示意数据：" + note;
        return "Data: " + name + ". ILLUSTRATIVE: " + note + " Store built " + d.meta("built_at") + ".";
    }
    // The build time (an ISO timestamp) is in the technical appendix of the Chinese report.
    if (lang == Lang::zh) return "数据：" + name + "（实测数据）。" + note;
    return "Data: " + name + " (surveyed)." + (note.empty() ? "" : " " + note) + " Store built " + d.meta("built_at") + ".";
}

std::vector<std::string> robustness_notes(const ReportData& r) {
    std::vector<std::string> out = r.overlay.robustness_notes;
    out.insert(out.end(), r.analysis_notes.begin(), r.analysis_notes.end());
    return out;
}

void label_progress_layer(std::vector<core::Layer>& analysis_layers, const std::vector<core::ProgressRow>& progress) {
    for (auto& l : analysis_layers) {
        if (l.name() != "progress") continue;
        const int text = l.spec->field_index("text");
        if (text < 0) continue;
        for (std::size_t i = 0; i < l.features.size() && i < progress.size(); ++i)
            l.features[i].values[static_cast<std::size_t>(text)] = progress_text(progress[i], Lang::zh);
    }
}

}  // namespace zoning::report

namespace zoning::report {

std::string level_word(const std::string& level, Lang lang) {
    static const std::map<std::string, std::pair<std::string, std::string>> words = {
        {"achieved", {"达成", "achieved"}},         {"on_track", {"正常", "on track"}},
        {"behind", {"滞后", "behind"}},             {"severely_behind", {"严重滞后", "severely behind"}},
        {"overdue", {"逾期", "overdue"}},
    };
    auto it = words.find(level);
    if (it == words.end()) return level.empty() ? "—" : level;
    return lang == Lang::zh ? it->second.first : it->second.second;
}

std::string path_text(const core::ProgressRow& row, Lang lang) {
    const auto& t = row.target;
    if (!row.expected || !t.baseline || !t.baseline_year) return {};
    const bool zh = lang == Lang::zh;
    const std::string unit = unit_word(t.unit, lang);
    const bool in_wan = std::fabs(t.target) >= 10000.0;  // one unit all along the path, as progress_text
    // A statistical value is judged in its own year: the expected value shown is that year's.
    const int judged = row.measured_year.value_or(row.evaluation_year);
    const std::string by = std::to_string(*t.baseline_year), ey = std::to_string(judged), ty = std::to_string(t.year);
    std::string measured = row.measured ? amount(*row.measured, t.unit, lang, in_wan) : (zh ? "无法测算" : "not measured");
    if (row.measured_year) measured = zh ? measured + "（" + ey + "年统计值）" : measured + " (statistic for " + ey + ")";
    // From the target year on the path expects the target itself: said once.
    const bool before_target = judged < t.year;
    // The baseline, the target and the interim are the plan's figures, written with its digits.
    std::string out = zh ? by + "年 " + amount(*t.baseline, t.unit, lang, in_wan, true) + " → 现状 " + measured +
                               (before_target ? " → " + ey + "年应达 " + amount(*row.expected, t.unit, lang, in_wan) : "") + " → " + ty + "年目标 " +
                               amount(t.target, t.unit, lang, in_wan, true) + unit
                         : by + " " + amount(*t.baseline, t.unit, lang, in_wan, true) + " → measured " + measured +
                               (before_target ? " → expected in " + ey + " " + amount(*row.expected, t.unit, lang, in_wan) : "") + " → target " + ty +
                               " " + amount(t.target, t.unit, lang, in_wan, true) + unit;
    std::string how;
    const std::string rate = t.rate ? core::plan_number(*t.rate * 100.0, 2) + "%" : "";
    if (t.path == "compound" && t.rate) how = zh ? "按年均增长 " + rate : "at " + rate + " a year";
    else if (t.interim) how = zh ? "按线性进程，经 " + std::to_string(t.interim->year) + "年 " + amount(t.interim->value, t.unit, lang, in_wan, true)
                                 : "linear, through " + amount(t.interim->value, t.unit, lang, in_wan, true) + " in " + std::to_string(t.interim->year);
    else how = zh ? "按线性进程" : "linear";
    return out + (zh ? "（" + how + "）" : " (" + how + ")");
}

}  // namespace zoning::report
