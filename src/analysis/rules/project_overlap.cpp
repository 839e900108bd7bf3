// SPDX-License-Identifier: MIT
// project_overlap: two features of the subject layer overlapping each other.
#include <algorithm>

#include "analysis/rules/support.hpp"
#include "core/number_format.hpp"

namespace zoning::analysis {

namespace {

void check(const core::Rule&) {}

core::ConflictSet evaluate(const RuleRun& run) {
    const core::Rule& r = run.rule;
    const core::Layer& s = rules::need(run.dataset, r.subject, r);
    const std::vector<std::size_t> subjects = rules::subjects_of(s, run.options);
    const bool proposal_mode = !run.options.only_subjects.empty();
    return rules::over_subjects(
        run, s, subjects, s, rules::all_features(s),
        [&](const FrameIndex& index, const geo::GeosContext& ctx, std::size_t i, std::vector<core::Conflict>& out, RobustnessLog& log) {
            const GEOSGeometry* gi = index.base(i);
            double ai = geo::area(ctx, gi);
            for (std::size_t j : index.query(gi)) {
                // Each pair once; a proposal is compared with every other feature.
                if (j == i || (!proposal_mode && j < i)) continue;
                if (proposal_mode && std::find(subjects.begin(), subjects.end(), j) != subjects.end()) continue;
                if (!rules::subject_applies(s, j, r, run.catalog)) continue;  // exemptions hold for either side
                if (!index.prepared(i).intersects(index.base(j))) continue;
                // i ∩ j, not j ∩ i: the order GEOS returns the piece in is what the outputs hold.
                geo::GeomPtr piece =
                    robust_intersection(ctx, gi, index.base(j), rules::retry_label(r, s.id_of(s.features[i]), s.id_of(s.features[j])), log);
                double a = geo::area(ctx, piece.get());
                double smaller = std::min(ai, geo::area(ctx, index.base(j)));
                if (a <= r.min_overlap_m2 || (smaller > 0 && a / smaller <= r.min_overlap_share)) continue;
                core::Conflict c = rules::conflict_of(r);
                c.features = {rules::ref(s, i), rules::ref(s, j)};
                c.overlap_m2 = a;
                c.overlap_wkb = geo::to_wkb(ctx, piece.get());
                std::string share = core::percent(smaller > 0 ? a / smaller : 0);
                c.reason_zh = rules::subject_words(s, i, run.catalog, true) + " 与" + rules::subject_words(s, j, run.catalog, true) +
                              " 重叠 " + core::area_text(a, true) + "（占两者中较小者面积 " + share + "）。";
                c.reason = rules::subject_words(s, i, run.catalog, false) + " and " + rules::subject_words(s, j, run.catalog, false) +
                           " overlap by " + core::area_text(a, false) + " (" + share + " of the smaller one's area).";
                out.push_back(std::move(c));
            }
        });
}

}  // namespace

const RuleKind& project_overlap_kind() {
    static const RuleKind kind{"project_overlap", "two features of the subject layer overlapping each other", {}, check, evaluate};
    return kind;
}

}  // namespace zoning::analysis
