// SPDX-License-Identifier: MIT
#include "core/number_format.hpp"
#include "report/diff_render.hpp"
#include "report/internal.hpp"

namespace zoning::report {

using namespace detail;

namespace {
std::string md(const std::string& s) { return md_escape(s); }

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

/// Data-quality checks (rules without a plan sentence), apart from the plan's conflicts.
void quality_section(std::ostream& out, const ReportData& r, Lang lang) {
    const auto checks = of_category(r.conflicts, "quality");
    if (checks.empty()) return;
    out << "\n## " << tr("quality_checks", lang) << " (" << checks.size() << ")\n\n" << tr("quality_note", lang) << "\n\n";
    for (const core::Conflict* c : checks) {
        out << "- **" << md(c->rule) << " " << md(lang == Lang::zh ? c->title : c->title_en) << "**: " << md(lang == Lang::zh ? c->reason_zh : c->reason)
            << " " << tr("features", lang) << ": ";
        for (std::size_t i = 0; i < c->features.size(); ++i)
            out << (i ? ", " : "") << c->features[i].layer << "/" << md(c->features[i].id) << " " << md(c->features[i].name);
        out << "\n";
    }
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
    out << "# " << md(lang == Lang::zh ? d.meta("name") : d.meta("name_en")) << " — " << tr("title", lang) << "\n\n";
    if (d.illustrative())
        out << "> " << (lang == Lang::zh ? "**示意数据**：几何为示意，项目状态为示意值；规划指标为原文数字。"
                                         : "**Illustrative data**: schematic geometry, illustrative statuses; targets are the plan's own numbers.")
            << "\n\n";
    if (!r.zone.empty()) out << tr("zone_only", lang) << ": " << md(r.zone) << "\n\n";
    if (r.since) out << "> " << md(since_summary(*r.since, lang)) << "\n\n";

    out << "## 1. " << tr("coverage", lang) << "\n\n";
    for (const auto& layer : frame_layers(r)) {
        out << "### " << tr(layer, lang) << "\n\n";
        out << "| " << tr("name", lang) << " | " << tr("area", lang) << " | " << tr("landuse", lang) << " | " << tr("projects", lang)
            << " | " << tr("by_status", lang) << " | " << tr("redevelopment", lang) << " |\n|---|---:|---|---:|---|---:|\n";
        for (const auto& c : r.overlay.coverage) {
            if (c.layer != layer) continue;
            std::string top;
            for (auto& s : top_landuse(c, *r.catalog, lang, 3)) top += (top.empty() ? "" : "; ") + s;
            auto st = [&](const char* s) {
                auto it = c.projects_by_status_m2.find(s);
                return area(it == c.projects_by_status_m2.end() ? 0.0 : it->second, lang);
            };
            out << "| " << md(frame_label(c, lang)) << (c.kind.empty() || c.layer == "functional_zones" ? "" : " (" + md(c.kind) + ")") << " | "
                << area(c.area_m2, lang) << " | " << md(top) << " | " << area(c.projects_m2, lang) << " ("
                << core::percent(c.area_m2 > 0 ? c.projects_m2 / c.area_m2 : 0) << ") | " << st("completed") << " / "
                << st("under_construction") << " / " << st("planned") << " | " << area(c.redevelopment_m2, lang) << " |\n";
        }
        out << "\n";
    }
    for (auto& rc : r.overlay.reconciliation)
        out << tr("reconciliation", lang) << ": " << tr(rc.layer, lang) << " Σ " << core::grouped(rc.frames_landuse_m2) << " m² vs "
            << tr("district_total", lang) << " " << core::grouped(rc.parcels_in_district_m2) << " m² ("
            << core::percent(rc.relative_difference, 4) << ")\n\n";

    out << "## 2. " << tr("progress", lang) << "\n\n";
    out << "| " << tr("target", lang) << " | " << tr("measured", lang) << " | " << tr("status", lang) << " | " << tr("source", lang)
        << " |\n|---|---|---|---|\n";
    for (const auto& p : r.progress)
        out << "| " << md(lang == Lang::zh ? p.target.name : p.target.name_en) << " | " << progress_text(p, lang) << " | "
            << tr(p.status, lang) << " | " << md(p.target.source) << " |\n";
    out << "\n";
    path_lines(out, r, lang);
    plan_words(out, r, lang);

    const auto plan_conflicts = of_category(r.conflicts, "plan");
    out << "## 3. " << tr("conflicts", lang) << " (" << plan_conflicts.size() << ")\n\n";
    if (plan_conflicts.empty()) out << tr("none", lang) << "\n\n";
    for (const core::Conflict* cp : plan_conflicts) {
        const core::Conflict& c = *cp;
        out << "- **[" << tr(c.severity, lang) << "] " << md(c.rule) << " " << md(lang == Lang::zh ? c.title : c.title_en) << "**: "
            << md(lang == Lang::zh ? c.reason_zh : c.reason) << " " << tr("features", lang) << ": ";
        for (std::size_t i = 0; i < c.features.size(); ++i)
            out << (i ? ", " : "") << c.features[i].layer << "/" << md(c.features[i].id) << " " << md(c.features[i].name);
        out << ". " << tr("clause", lang) << ": " << md(c.clause) << "\n";
        if (c.quote) out << "  " << md(quote_text(c.quote, lang)) << "\n";
    }
    quality_section(out, r, lang);
    if (const auto notes = robustness_notes(r); !notes.empty()) {
        out << "\n" << tr("robustness", lang) << ":\n";
        for (auto& n : notes) out << "- " << n << "\n";
    }
    out << "\n---\n\n" << footer(r, lang) << "\n";
}

}  // namespace zoning::report
