// SPDX-License-Identifier: MIT
// overlap_frame: subjects overlapping frame features (a project in an ecological
// core, a redevelopment area in a corridor). Also the engine of zone_compatibility.
#include "analysis/rules/support.hpp"
#include "core/number_format.hpp"

namespace zoning::analysis {

namespace rules {

core::ConflictSet overlap_conflicts(const RuleRun& run, const std::string& frame_layer, std::vector<std::size_t> frames,
                                    const std::function<bool(std::size_t, const std::string&)>& quiet) {
    const core::Rule& r = run.rule;
    const core::Layer& s = need(run.dataset, r.subject, r);
    const core::Layer& f = need(run.dataset, frame_layer, r);
    return over_subjects(
        run, s, subjects_of(s, run.options), f, frames,
        [&](const FrameIndex& index, const geo::GeosContext& ctx, std::size_t i, std::vector<core::Conflict>& out, RobustnessLog& log) {
            std::string lu = s.text(s.features[i], "landuse");
            geo::GeomPtr g = geo::from_wkb(ctx, s.features[i].wkb);
            double own = geo::area(ctx, g.get());
            for (std::size_t k : index.query(g.get())) {
                std::size_t fi = frames[k];
                if (quiet && quiet(fi, lu)) continue;
                std::optional<Part> part =
                    index.part(ctx, k, g.get(), Inside::touching, retry_label(r, s.id_of(s.features[i]), f.id_of(f.features[fi])), log);
                if (!part) continue;
                geo::GeomPtr piece = part->take(ctx, g.get());
                double a = geo::area(ctx, piece.get());
                if (a <= r.min_overlap_m2 || (own > 0 && a / own <= r.min_overlap_share)) continue;
                core::Conflict c = conflict_of(r);
                c.features = {ref(s, i), ref(f, fi)};
                c.overlap_m2 = a;
                c.overlap_wkb = geo::to_wkb(ctx, piece.get());
                std::string frame_name = f.text(f.features[fi], "name");
                std::string kind = f.text(f.features[fi], "kind");
                std::string share = core::percent(own > 0 ? a / own : 0);
                c.reason_zh = subject_words(s, i, run.catalog, true) + " 与" + kind + "「" + frame_name + "」重叠 " +
                              core::area_text(a, true) + "（占该" + s.spec->title_zh + "面积 " + share + "）。";  // whose share: the subject's
                c.reason = subject_words(s, i, run.catalog, false) + " overlaps " +
                           (kind.empty() ? "" : f.spec->word_en("kind", kind) + " ") + "'" + frame_name + "' by " +
                           core::area_text(a, false) + " (" + share + " of its own area).";
                out.push_back(std::move(c));
            }
        });
}

}  // namespace rules

namespace {

void check(const core::Rule& r) {
    if (r.frame_layer.empty()) r.keys.fail("missing 'frame_layer'");
}

core::ConflictSet evaluate(const RuleRun& run) {
    const core::Layer& frames = rules::need(run.dataset, run.rule.frame_layer, run.rule);
    return rules::overlap_conflicts(run, run.rule.frame_layer, rules::frame_indices(frames, run.rule), {});
}

}  // namespace

const RuleKind& overlap_frame_kind() {
    static const RuleKind kind{
        "overlap_frame", "a subject overlapping frame features (by frame_kinds, frame_names)", {"frame_layer (required)"}, check, evaluate};
    return kind;
}

}  // namespace zoning::analysis
