// SPDX-License-Identifier: MIT
#include "analysis/diff.hpp"

#include <algorithm>
#include <map>

#include "analysis/plan_review.hpp"
#include "core/error.hpp"
#include "geo/geos.hpp"
#include "geo/proj.hpp"

namespace zoning::analysis {

namespace {

/// Below these a difference is the store's rounding, not an edit.
constexpr double kAreaTolerance_m2 = 0.01;
constexpr double kLengthTolerance_m = 0.01;

/// The CRS as people name it (an "EPSG:…" code when it has one), for the result's head.
std::string store_crs_name(const core::Dataset& d) {
    const std::string name = d.work_crs_name();
    return name.empty() ? d.work_crs() : name;
}

/// A conflict's identity across stores: its rule and the features it names, in order.
std::string conflict_key(const core::Conflict& c) {
    std::string key = c.rule;
    for (auto& f : c.features) key += "\x1f" + f.layer + "\x1e" + f.id;
    return key;
}

struct Measure {
    double area = 0, length = 0;
};

Measure measure(const geo::GeosContext& ctx, const GEOSGeometry* g) { return {geo::area(ctx, g), geo::length(ctx, g)}; }

/// The newer store's geometries in the older store's CRS (the identity when both agree).
class Reprojector {
public:
    Reprojector(const std::string& from, const std::string& to, std::string store)
        : m_store(std::move(store)), m_noop(from == to) {
        if (!m_noop) m_transformer.emplace(m_proj, from, to);
    }
    bool identity() const { return m_noop; }
    geo::GeomPtr operator()(const geo::GeosContext& ctx, const std::string& wkb, const std::string& layer, const std::string& id) const {
        geo::GeomPtr g = geo::from_wkb(ctx, wkb);
        if (m_noop) return g;
        bool aborted = false;
        geo::GeomPtr out = geo::transform_xy(ctx, g.get(), [this](double& x, double& y) { return m_transformer->transform(x, y); }, aborted);
        if (aborted || !out) throw core::bad_input(core::FeatureRef{m_store, layer, {}, id}, "cannot transform the geometry to the other store's CRS");
        return out;
    }

private:
    std::string m_store;
    bool m_noop;
    geo::ProjContext m_proj;
    std::optional<geo::Transformer> m_transformer;
};

core::LayerDiff diff_layer(const geo::GeosContext& ctx, const core::Layer* old_l, const core::Layer* new_l, const core::LayerSpec& spec,
                           const Reprojector& reproject) {
    core::LayerDiff out;
    out.layer = spec.name;
    std::map<std::string, const core::Feature*> olds, news;
    if (old_l)
        for (auto& f : old_l->features) olds[old_l->id_of(f)] = &f;
    if (new_l)
        for (auto& f : new_l->features) news[new_l->id_of(f)] = &f;
    out.old_count = old_l ? old_l->features.size() : 0;
    out.new_count = new_l ? new_l->features.size() : 0;
    auto entry = [&](const core::Layer& l, const core::Feature& f, const geo::GeomPtr& g) {
        const Measure m = measure(ctx, g.get());
        return core::FeatureEntry{l.id_of(f), l.text(f, "name"), m.area, m.area > 0 ? 0.0 : m.length, geo::to_wkb(ctx, g.get())};
    };
    for (auto& [id, f] : olds)
        if (!news.count(id)) out.removed.push_back(entry(*old_l, *f, geo::from_wkb(ctx, f->wkb)));
    for (auto& [id, f] : news) {
        auto it = olds.find(id);
        if (it == olds.end()) {
            out.added.push_back(entry(*new_l, *f, reproject(ctx, f->wkb, spec.name, id)));
            continue;
        }
        const core::Feature& o = *it->second;
        core::ChangedFeature ch;
        ch.id = id;
        ch.name = new_l->text(*f, "name");
        for (auto& field : spec.fields) {
            const std::string a = old_l->text(o, field.name), b = new_l->text(*f, field.name);
            if (a != b) ch.attributes.push_back({field.name, a, b});
        }
        geo::GeomPtr og = geo::from_wkb(ctx, o.wkb);
        ch.old_area_m2 = geo::area(ctx, og.get());
        if (o.wkb == f->wkb && reproject.identity()) {
            ch.new_area_m2 = ch.old_area_m2;
        } else {
            geo::GeomPtr ng = reproject(ctx, f->wkb, spec.name, id);
            ch.new_area_m2 = geo::area(ctx, ng.get());
            // Lines never overlap exactly once transformed: a line's change is what lies farther
            // than the tolerance from the other version.
            const bool lines = ch.old_area_m2 == 0 && ch.new_area_m2 == 0;
            auto beyond = [&](const GEOSGeometry* a, const GEOSGeometry* b) {
                if (!lines) return measure(ctx, geo::difference(ctx, a, b).get());
                return measure(ctx, geo::difference(ctx, a, geo::buffer(ctx, b, kLengthTolerance_m).get()).get());
            };
            const Measure gained = beyond(ng.get(), og.get());
            const Measure lost = beyond(og.get(), ng.get());
            ch.area_gained_m2 = gained.area;
            ch.area_lost_m2 = lost.area;
            ch.geometry_changed = gained.area > kAreaTolerance_m2 || lost.area > kAreaTolerance_m2 || (gained.length > kLengthTolerance_m && gained.area == 0) ||
                                  (lost.length > kLengthTolerance_m && lost.area == 0);
            if (!ch.geometry_changed) ch.area_gained_m2 = ch.area_lost_m2 = 0;
            else ch.old_wkb = o.wkb, ch.new_wkb = geo::to_wkb(ctx, ng.get());
        }
        if (ch.geometry_changed || !ch.attributes.empty()) out.changed.push_back(std::move(ch));
    }
    return out;
}

std::vector<core::StatusTransition> status_transitions(const core::Dataset& old_d, const core::Dataset& new_d) {
    std::vector<core::StatusTransition> out;
    const core::Layer* o = old_d.find("projects");
    const core::Layer* n = new_d.find("projects");
    if (!o || !n) return out;
    std::map<std::string, const core::Feature*> olds;
    for (auto& f : o->features) olds[o->id_of(f)] = &f;
    std::map<std::string, core::StatusTransition> by_id;
    for (auto& f : n->features) {
        auto it = olds.find(n->id_of(f));
        if (it == olds.end()) continue;
        const std::string was = o->text(*it->second, "status"), is = n->text(f, "status");
        if (was != is)
            by_id[it->first] = {it->first, n->text(f, "name"), was, is, o->text(*it->second, "completion_year"), n->text(f, "completion_year")};
    }
    for (auto& [id, t] : by_id) out.push_back(std::move(t));
    return out;
}

void diff_conflicts(const std::vector<core::Conflict>& olds, const std::vector<core::Conflict>& news, core::DiffResult& out) {
    // A multiset: the same rule and features may conflict in two places.
    std::multimap<std::string, std::size_t> unmatched;
    for (std::size_t i = 0; i < olds.size(); ++i) unmatched.emplace(conflict_key(olds[i]), i);
    for (auto& c : news) {
        auto it = unmatched.find(conflict_key(c));
        if (it == unmatched.end()) {
            out.conflicts_new.push_back(c);
        } else {
            out.conflicts_open.push_back(c);
            unmatched.erase(it);
        }
    }
    std::vector<std::size_t> resolved;
    for (auto& [key, i] : unmatched) resolved.push_back(i);
    std::sort(resolved.begin(), resolved.end());  // the older store's order
    for (std::size_t i : resolved) out.conflicts_resolved.push_back(olds[i]);
}

std::vector<core::ProgressChange> diff_progress(const std::vector<core::ProgressRow>& olds, const std::vector<core::ProgressRow>& news) {
    std::vector<core::ProgressChange> out;
    auto find = [](const std::vector<core::ProgressRow>& rows, const std::string& id) -> const core::ProgressRow* {
        for (auto& r : rows)
            if (r.target.id == id) return &r;
        return nullptr;
    };
    auto target_of = [](const core::ProgressRow& r) {
        return r.target.target_text.empty() ? std::optional<double>(r.target.target) : std::nullopt;
    };
    for (auto& n : news) {
        core::ProgressChange c{n.target.id, n.target.name, n.target.name_en, n.target.unit, {}, n.measured, {}, n.status, target_of(n)};
        if (const core::ProgressRow* o = find(olds, n.target.id)) {
            c.old_measured = o->measured;
            c.old_status = o->status;
        } else {
            c.only_new = true;
        }
        out.push_back(std::move(c));
    }
    for (auto& o : olds)
        if (!find(news, o.target.id)) {
            core::ProgressChange c{o.target.id, o.target.name, o.target.name_en, o.target.unit, o.measured, {}, o.status, {}, target_of(o)};
            c.only_old = true;
            out.push_back(std::move(c));
        }
    return out;
}

std::string file_text(const core::Dataset& d, const std::string& name) {
    auto it = d.files.find(name);
    return it == d.files.end() ? std::string() : it->second;
}

}  // namespace

core::DiffResult diff_stores(const DiffSide& old_side, const DiffSide& new_side, const core::Catalog& catalog, unsigned threads) {
    const core::Dataset& od = *old_side.dataset;
    const core::Dataset& nd = *new_side.dataset;
    core::DiffResult out;
    out.old_store = old_side.path;
    out.new_store = new_side.path;
    out.old_name = od.meta("name");
    out.new_name = nd.meta("name");
    out.old_crs = store_crs_name(od);
    out.new_crs = store_crs_name(nd);
    out.old_built_at = od.meta("built_at");
    out.new_built_at = nd.meta("built_at");
    out.old_data_date = od.meta("data_date");
    out.new_data_date = nd.meta("data_date");
    out.same_dataset = od.meta("name") == nd.meta("name") && od.meta("sources") == nd.meta("sources");
    out.same_rules = file_text(od, "rules.toml") == file_text(nd, "rules.toml");
    out.same_targets = file_text(od, "targets.toml") == file_text(nd, "targets.toml");

    geo::GeosContext ctx;
    // PROJ is given the stores' full definitions (their WKT2), not the short names.
    const Reprojector reproject(nd.work_crs(), od.work_crs(), new_side.path);
    for (const auto& spec : catalog.layers()) {
        const core::Layer* o = od.find(spec.name);
        const core::Layer* n = nd.find(spec.name);
        if (!o && !n) continue;
        out.layers.push_back(diff_layer(ctx, o, n, spec, reproject));
    }
    out.projects_status = status_transitions(od, nd);
    if (const core::Layer* b = od.find("boundary"))
        for (auto& f : b->features) out.boundary_wkbs.push_back(f.wkb);

    PlanReviewOptions options;
    options.threads = threads;
    options.coverage = false;  // progress needs the district row only
    PlanReview old_review = plan_review(od, catalog, old_side.targets, old_side.rules, options);
    PlanReview new_review = plan_review(nd, catalog, new_side.targets, new_side.rules, options);
    diff_conflicts(old_review.conflicts.conflicts, new_review.conflicts.conflicts, out);
    out.progress = diff_progress(old_review.progress, new_review.progress);
    for (auto* review : {&old_review, &new_review})
        for (auto& note : review->robustness_notes()) out.robustness_notes.push_back(note);
    return out;
}

}  // namespace zoning::analysis
