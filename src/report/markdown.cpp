// SPDX-License-Identifier: MIT
// The report as Markdown: the head a bureau signs, the body in the reader's language (in
// Chinese no rule id, layer name or feature id: those are in the technical appendix at the end).

#include "core/number_format.hpp"
#include "report/diff_render.hpp"
#include "report/internal.hpp"

namespace zoning::report {

using namespace detail;

namespace {
std::string md(const std::string& s) { return md_escape(s); }

void table(std::ostream& out, const CoverageTable& t) {
    out << "|";
    for (auto& h : t.header) out << " " << md(h) << " |";
    out << "\n|";
    for (bool n : t.numeric) out << (n ? "---:|" : "---|");
    out << "\n";
    for (auto& row : t.rows) {
        out << "|";
        for (auto& cell : row) out << " " << md(cell) << " |";
        out << "\n";
    }
    out << "\n";
}

void appendix(std::ostream& out, const ReportData& r, Lang lang) {
    const core::Dataset& d = *r.dataset;
    out << "## " << tr("appendix", lang) << "\n\n" << tr("appendix_intro", lang) << "\n\n";
    out << "- " << tr("work_crs", lang) << ": " << md(d.work_crs_name()) << "\n";
    out << "- " << tr("rules_origin", lang) << ": " << md(rules_origin(r, lang)) << "\n";
    out << "- " << tr("built_at", lang) << ": " << md(d.meta("built_at")) << "\n\n";
    if (!r.conflicts.empty()) {
        out << "### " << tr("conflict_refs", lang) << "\n\n| " << tr("number", lang) << " | " << tr("rule_id", lang) << " | "
            << tr("feature_refs", lang) << " |\n|---:|---|---|\n";
        for (std::size_t i = 0; i < r.conflicts.size(); ++i)
            out << "| " << i + 1 << " | " << md(r.conflicts[i].rule) << " | " << md(feature_refs(r.conflicts[i])) << " |\n";
        out << "\n";
    }
    for (const auto& list : appendix_lists(r, d, lang)) {
        out << "### " << list.title << "\n\n";
        if (!list.intro.empty()) out << md(list.intro) << "\n\n";
        for (const auto& item : list.items) out << "- " << md(item) << "\n";
        out << "\n";
    }
}

std::vector<const core::Conflict*> of_category(const std::vector<core::Conflict>& all, const std::string& category) {
    std::vector<const core::Conflict*> out;
    for (const auto& c : all)
        if (c.category == category) out.push_back(&c);
    return out;
}

/// Under the progress table: each measured target's reading and the plan's sentence (every
/// target's is in the JSON), and the evaluation year.
void plan_words(std::ostream& out, const ReportData& r, Lang lang) {
    bool any = false;
    for (const auto& p : r.progress) {
        const std::string reading = reading_text(p, lang);
        if (!p.target.measurable || (reading.empty() && !p.target.quote)) continue;
        any = true;
        const std::string colon = lang == Lang::zh ? "：" : ": ", gap = lang == Lang::zh ? "。" : ". ";
        out << "- " << md(lang == Lang::zh ? p.target.name : p.target.name_en) << (reading.empty() ? "" : colon + md(reading));
        if (p.target.quote) out << (reading.empty() ? colon : gap) << md(quote_text(p.target.quote, lang));
        out << "\n";
    }
    if (const std::string y = evaluation_year_text(r.progress, lang); !y.empty()) out << (any ? "\n" : "") << md(y) << "\n", any = true;
    if (any) out << "\n";
}

/// One conflict or data-quality finding, numbered as on the map: names in the body, the rule id
/// and the features' layer/id in the technical appendix.
void conflict_item(std::ostream& out, const ReportData& r, const core::Conflict& c, Lang lang) {
    const bool zh = lang == Lang::zh;
    const std::string colon = zh ? "：" : ": ";
    out << "- **(" << conflict_number(r, c) << ")** ";
    if (c.category == "plan") out << "[" << tr(c.severity, lang) << "] ";
    out << "**" << md(zh ? c.title : c.title_en) << "**" << colon << md(zh ? c.reason_zh : c.reason) << " " << tr("features", lang) << colon
        << md(feature_names(c, lang)) << (zh ? "。" : ".");
    if (c.category == "plan") out << (zh ? "" : " ") << tr("clause", lang) << colon << md(c.clause);
    out << "\n";
    if (c.quote) out << "  " << md(quote_text(c.quote, lang)) << "\n";
    if (const std::string reading = rule_reading_text(c, lang); !reading.empty()) out << "  " << md(reading) << "\n";
}

/// Data-quality checks (rules without a plan sentence), apart from the plan's conflicts.
void quality_section(std::ostream& out, const ReportData& r, Lang lang) {
    const auto checks = of_category(r.conflicts, "quality");
    if (checks.empty()) return;
    out << "\n## " << tr("quality_checks", lang) << " (" << checks.size() << ")\n\n" << tr("quality_note", lang) << "\n\n";
    for (const core::Conflict* c : checks) conflict_item(out, r, *c, lang);
}
/// Under the progress table: each target with an expected path, baseline → measured → expected →
/// target, and its level (达成 / 正常 / 滞后 / 严重滞后 / 逾期).
void path_lines(std::ostream& out, const ReportData& r, Lang lang) {
    bool any = false;
    for (const auto& p : r.progress) {
        const std::string path = path_text(p, lang);
        if (path.empty()) continue;
        if (!any) out << "### " << (lang == Lang::zh ? "预期进程" : "Expected path") << "\n\n";
        any = true;
        out << "- " << md(lang == Lang::zh ? p.target.name : p.target.name_en) << (lang == Lang::zh ? "：" : ": ") << md(path)
            << (lang == Lang::zh ? "；" : "; ") << "**" << level_word(p.level, lang) << "**\n";
    }
    if (any) out << "\n";
}

}  // namespace

void write_markdown(std::ostream& out, const ReportData& r, Lang lang) {
    const core::Dataset& d = *r.dataset;
    const bool zh = lang == Lang::zh;
    out << "# " << md(zh ? d.meta("name") : d.meta("name_en")) << " — " << tr("title", lang) << "\n\n";
    for (auto& [label, value] : head_items(r, lang)) out << "- **" << label << "**" << (zh ? "：" : ": ") << md(value) << "\n";
    out << "\n";
    if (!r.zone.empty()) out << tr("zone_only", lang) << (zh ? "：" : ": ") << md(r.zone) << "\n\n";
    if (r.since) out << "> " << md(since_summary(*r.since, lang)) << "\n\n";

    out << "## 1. " << tr("coverage", lang) << "\n\n";
    for (const auto& layer : frame_layers(r)) {
        out << "### " << md(layer_title(*r.catalog, layer, lang)) << "\n\n";
        table(out, coverage_table(r, layer, lang));
    }

    out << "## 2. " << tr("progress", lang) << "\n\n";
    // A header with no rows reads like a rendering fault; the blank line after it is the table's own.
    if (r.progress.empty()) out << tr("none", lang) << "\n";
    else out << "| " << tr("target", lang) << " | " << tr("measured", lang) << " | " << tr("status", lang) << " | " << tr("source", lang)
        << " |\n|---|---|---|---|\n";
    for (const auto& p : r.progress)
        out << "| " << md(zh ? p.target.name : p.target.name_en) << " | " << md(progress_text(p, lang)) << " | " << tr(p.status, lang) << " | "
            << md(p.target.source) << " |\n";
    out << "\n";
    path_lines(out, r, lang);
    plan_words(out, r, lang);

    const auto plan_conflicts = of_category(r.conflicts, "plan");
    out << "## 3. " << tr("conflicts_reviews", lang) << "\n\n" << conflict_counts(r.conflicts, lang) << "\n\n";
    if (plan_conflicts.empty()) out << tr("none", lang) << "\n\n";
    for (const core::Conflict* c : plan_conflicts) conflict_item(out, r, *c, lang);
    quality_section(out, r, lang);
    out << "\n";
    appendix(out, r, lang);
    out << "---\n\n" << footer(r, lang) << "\n";
}

}  // namespace zoning::report
