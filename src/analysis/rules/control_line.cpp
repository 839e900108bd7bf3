// SPDX-License-Identifier: MIT
// control_line: subjects intruding a control line's strip — a road's red line, water's blue-line
// setback, rail's protection strip (analysis/control_lines: widths from the catalog, a feature's
// own figure first). Whether an intrusion is a conflict or a review is the rule's severity.
#include <algorithm>
#include <cstdio>

#include "analysis/control_lines.hpp"
#include "analysis/rules/support.hpp"
#include "core/number_format.hpp"

namespace zoning::analysis {

namespace {

std::string line_of(const core::Rule& r) {
    std::string line = r.keys.text("line", true);
    const auto& kinds = core::control_line_kinds();
    if (std::find(kinds.begin(), kinds.end(), line) == kinds.end())
        r.keys.fail("line = '" + line + "' is none of road_red_line, water_blue_line, rail_protection");
    return line;
}

void check(const core::Rule& r) {
    line_of(r);
    r.keys.strings("statuses");
}

core::ConflictSet evaluate(const RuleRun& run) {
    const core::Rule& r = run.rule;
    const std::string line = line_of(r);
    const core::Layer& s = rules::need(run.dataset, r.subject, r);
    if (!r.frame_layer.empty()) {
        const core::Layer& frames = rules::need(run.dataset, r.frame_layer, r);
        const auto& lines = frames.spec->control_lines;
        if (std::none_of(lines.begin(), lines.end(), [&](const core::ControlLineSpec& c) { return c.line == line; }))
            r.keys.fail("frame_layer '" + r.frame_layer + "' declares no " + line + " in its layer file ([[control_lines]])");
    }
    std::vector<ControlStrips> all;
    {
        geo::GeosContext ctx;  // the strips are built once, as WKB every worker reads into its own context
        all = control_strips(ctx, run.dataset, line);
    }
    // A line matters to what is yet to be built: `statuses` keeps the check to subjects of those statuses.
    const std::vector<std::string> statuses = r.keys.strings("statuses");
    std::vector<std::size_t> subjects;
    for (std::size_t i : rules::subjects_of(s, run.options))
        if (statuses.empty() || std::find(statuses.begin(), statuses.end(), s.text(s.features[i], "status")) != statuses.end())
            subjects.push_back(i);
    core::ConflictSet out;
    for (const ControlStrips& strips : all) {
        if (!r.frame_layer.empty() && strips.layer.name() != r.frame_layer) continue;
        const core::Layer& f = strips.layer;
        core::ConflictSet found = rules::over_subjects(
            run, s, subjects, f, rules::all_features(f),
            [&](const FrameIndex& index, const geo::GeosContext& ctx, std::size_t i, std::vector<core::Conflict>& found_here, RobustnessLog& log) {
                geo::GeomPtr g = geo::from_wkb(ctx, s.features[i].wkb);
                double own = geo::area(ctx, g.get());
                for (std::size_t k : index.query(g.get())) {
                    std::optional<Part> part =
                        index.part(ctx, k, g.get(), Inside::touching, rules::retry_label(r, s.id_of(s.features[i]), f.id_of(f.features[k])), log);
                    if (!part) continue;
                    geo::GeomPtr piece = part->take(ctx, g.get());
                    double a = geo::area(ctx, piece.get());
                    if (a <= r.min_overlap_m2 || (own > 0 && a / own <= r.min_overlap_share)) continue;
                    core::Conflict c = rules::conflict_of(r);
                    c.features = {rules::ref(s, i), rules::ref(f, k)};
                    c.overlap_m2 = a;
                    c.overlap_wkb = geo::to_wkb(ctx, piece.get());
                    char width[32];
                    std::snprintf(width, sizeof width, "%g m", strips.width_m[k]);
                    const std::string name = f.text(f.features[k], "name");
                    const std::string kind = f.text(f.features[k], "kind");
                    const bool full = strips.kind == core::ControlLineHit::Kind::road_red_line;
                    c.reason_zh = rules::subject_words(s, i, run.catalog, true) + " 侵入" + kind + "「" + name + "」的" + control_line_words(strips.kind, true) +
                                  "（" + (full ? "红线宽度 " : "退让距离 ") + width + "）" + core::grouped(a) + " 平方米。";
                    c.reason = rules::subject_words(s, i, run.catalog, false) + " intrudes " + core::grouped(a) + " m² into the " +
                               control_line_words(strips.kind, false) + " of " + (kind.empty() ? "" : f.spec->word_en("kind", kind) + " ") + "'" + name + "' (" +
                               (full ? "red-line width " : "distance ") + width + ").";
                    found_here.push_back(std::move(c));
                }
            });
        for (auto& c : found.conflicts) out.conflicts.push_back(std::move(c));
        for (auto& n : found.robustness_notes) out.robustness_notes.push_back(std::move(n));
    }
    return out;
}

}  // namespace

const RuleKind& control_line_kind() {
    static const RuleKind kind{"control_line",
                               "a subject intruding a road's red line, water's blue-line setback or rail's protection strip",
                               {"line (required)", "statuses", "frame_layer (default: every layer declaring the line)"},
                               check,
                               evaluate,
                               true};
    return kind;
}

}  // namespace zoning::analysis
