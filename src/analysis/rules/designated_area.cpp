// SPDX-License-Identifier: MIT
// designated_area: a subject of the rule's categories lying (partly) outside the
// frame features designated for it (logistics outside the logistics park).
#include <algorithm>

#include "analysis/rules/support.hpp"
#include "core/number_format.hpp"

namespace zoning::analysis {

namespace {

void check(const core::Rule& r) {
    if (r.frame_layer.empty()) r.keys.fail("missing 'frame_layer'");
    if (r.categories.empty() || r.frame_names.empty()) r.keys.fail("designated_area needs categories = [...] and frame_names = [...]");
}

core::ConflictSet evaluate(const RuleRun& run) {
    const core::Rule& r = run.rule;
    const core::Catalog& cat = run.catalog;
    const core::Layer& s = rules::need(run.dataset, r.subject, r);
    const core::Layer& f = rules::need(run.dataset, r.frame_layer, r);
    std::vector<std::size_t> frames = rules::frame_indices(f, r);
    if (frames.empty()) rules::fail_on_layer(r, r.frame_layer, ": no feature named " + r.frame_names.front());
    // One union, tested against every subject: few subjects, so on the calling thread.
    geo::GeosContext ctx;
    RobustnessLog log;
    std::vector<geo::GeomPtr> parts;
    for (std::size_t i : frames) parts.push_back(geo::from_wkb(ctx, f.features[i].wkb));
    geo::GeomPtr area = robust_union(ctx, std::move(parts), "rule " + r.id + ", designated area", log);
    std::vector<core::Conflict> out;
    // The plan may designate a place for one project of a category and leave its siblings unsited.
    const std::vector<std::string> names = r.keys.strings("subject_names");
    for (std::size_t i : rules::subjects_of(s, run.options)) {
        if (!rules::subject_applies(s, i, r, cat)) continue;
        if (!names.empty() && std::find(names.begin(), names.end(), s.text(s.features[i], "name")) == names.end()) continue;
        geo::GeomPtr g = geo::from_wkb(ctx, s.features[i].wkb);
        geo::GeomPtr outside = geo::extract_dimension(ctx, geo::difference(ctx, g.get(), area.get()).get(), 2);
        double a = geo::area(ctx, outside.get()), own = geo::area(ctx, g.get());
        if (a <= r.min_overlap_m2 || (own > 0 && a / own <= r.min_overlap_share)) continue;
        core::Conflict c = rules::conflict_of(r);
        c.features = {rules::ref(s, i), rules::ref(f, frames.front())};
        c.overlap_m2 = a;
        c.overlap_wkb = geo::to_wkb(ctx, outside.get());
        std::string where = f.text(f.features[frames.front()], "name");
        std::string share = core::percent(own > 0 ? a / own : 0);
        std::string category = s.text(s.features[i], "category");
        c.reason_zh = rules::subject_words(s, i, cat, true) + " 属" + category + "类，" + core::area_text(a, true) + "（" + share +
                      "）位于指定片区「" + where + "」之外。";
        c.reason = rules::subject_words(s, i, cat, false) + " is a " + category + " project with " + core::area_text(a, false) + " (" +
                   share + ") outside its designated area '" + where + "'.";
        out.push_back(std::move(c));
    }
    return core::ConflictSet{std::move(out), std::move(log.notes)};
}

}  // namespace

const RuleKind& designated_area_kind() {
    static const RuleKind kind{"designated_area",
                               "a subject of `categories` lying (partly) outside the frame features named",
                               {"frame_layer (required)", "frame_names (required)", "categories (required)", "subject_names"},
                               check,
                               evaluate};
    return kind;
}

}  // namespace zoning::analysis
