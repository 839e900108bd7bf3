// SPDX-License-Identifier: MIT
// The sentences renderers share: a target's progress, the honesty footer.
#include <cmath>
#include <cstdio>

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
        const bool given = r.evaluation_year_from == "dataset";
        const std::string y = std::to_string(r.evaluation_year);
        // 逾期 without quotation marks: in the report they hold the plan's own words, and this is ours.
        if (lang == Lang::zh)
            return "有期限的指标按 " + y + " 年评估（" + (given ? "数据集给定的评估年份" : "数据中最新的建成年份") + "）：期限已过而未达成的即为逾期。";
        return "Targets with a deadline are judged at " + y + " (" + (given ? "the dataset's evaluation year" : "the newest completion year in the data") +
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
