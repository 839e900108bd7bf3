// SPDX-License-Identifier: MIT
#include "analysis/siting.hpp"

#include <algorithm>
#include <map>

#include "analysis/conflicts.hpp"
#include "analysis/frame_index.hpp"
#include "core/number_format.hpp"
#include "geo/geos.hpp"

namespace zoning::analysis {

using core::Conflict;
using core::FrameHit;
using core::NearFrame;
using core::ParcelHit;
using core::ProjectHit;
using core::Proposal;
using core::SitingResult;
using core::Verdict;

namespace {

const std::vector<std::string> kFrameLayers = {"functional_zones", "service_layout", "eco_structure", "industrial_parks", "urban_regions"};
// The ecological elements a reviewer wants the distance to when a site avoids them.
bool is_eco_guard(const std::string& layer, const std::string& kind) { return layer == "eco_structure" && kind != "区"; }

/// A worker's own indexes over the plan, in its GEOS context.
struct PlanIndex {
    std::vector<const core::Layer*> frame_layers;
    std::vector<std::unique_ptr<FrameIndex>> frames;
    const core::Layer* parcel_layer;
    const core::Layer* project_layer;
    FrameIndex parcels, projects;
    std::unique_ptr<geo::PreparedGeom> district;
    PlanIndex(const geo::GeosContext& ctx, const core::Dataset& d)
        : parcel_layer(d.find("parcels")), project_layer(d.find("projects")), parcels(ctx, parcel_layer), projects(ctx, project_layer) {
        for (auto& name : kFrameLayers) {
            frame_layers.push_back(d.find(name));
            frames.push_back(std::make_unique<FrameIndex>(ctx, frame_layers.back()));
        }
        if (const core::Layer* b = d.find("boundary"); b && !b->features.empty()) {
            std::vector<geo::GeomPtr> parts;
            for (auto& f : b->features) parts.push_back(geo::from_wkb(ctx, f.wkb));
            geo::GeomPtr coll = geo::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(parts));
            district = std::make_unique<geo::PreparedGeom>(ctx, geo::unary_union(ctx, coll.get()));
        }
    }
};

/// Area of the proposal's overlap with each item of `index` it meets, by item.
std::vector<std::pair<std::size_t, double>> overlaps(const geo::GeosContext& ctx, const FrameIndex& index, const GEOSGeometry* g,
                                                     double own_area, Inside inside, const std::string& what, RobustnessLog& log) {
    std::vector<std::pair<std::size_t, double>> out;
    for (std::size_t i : index.query(g))
        if (std::optional<Part> part = index.part(ctx, i, g, inside, what, log)) out.emplace_back(i, part->area(ctx, own_area));
    return out;
}

SitingResult place(const geo::GeosContext& ctx, PlanIndex& plan, const Proposal& p, const SitingOptions& opt) {
    SitingResult r;
    r.proposal = p;
    RobustnessLog log;
    geo::GeomPtr g = geo::from_wkb(ctx, p.wkb);
    r.area_m2 = geo::area(ctx, g.get());
    if (plan.district && !plan.district->covers(g.get()))
        r.outside_district_m2 = geo::area(ctx, geo::difference(ctx, g.get(), plan.district->base()).get());

    for (std::size_t n = 0; n < plan.frames.size(); ++n) {
        if (!plan.frame_layers[n]) continue;
        const core::Layer& l = *plan.frame_layers[n];
        const FrameIndex& idx = *plan.frames[n];
        for (auto [i, a] : overlaps(ctx, idx, g.get(), r.area_m2, Inside::touching, "proposal " + p.id + " × frame", log)) {
            if (a <= 0) continue;
            r.frames.push_back(FrameHit{l.name(), l.id_of(l.features[i]), l.text(l.features[i], "name"), l.text(l.features[i], "kind"), a,
                                        r.area_m2 > 0 ? a / r.area_m2 : 0});
        }
        // Distance to every eco guard it does not touch: the reviewer's "how close".
        for (std::size_t i = 0; i < l.features.size(); ++i) {
            std::string kind = l.text(l.features[i], "kind");
            if (!is_eco_guard(l.name(), kind)) continue;
            bool inside = std::any_of(r.frames.begin(), r.frames.end(), [&](const FrameHit& h) { return h.layer == l.name() && h.id == l.id_of(l.features[i]); });
            if (inside) continue;
            double dist = geo::distance(ctx, idx.base(i), g.get());
            r.nearest.push_back(NearFrame{l.name(), l.id_of(l.features[i]), l.text(l.features[i], "name"), kind, dist});
        }
    }
    std::stable_sort(r.nearest.begin(), r.nearest.end(), [](const NearFrame& a, const NearFrame& b) { return a.distance_m < b.distance_m; });

    if (plan.parcel_layer) {
        const core::Layer& l = *plan.parcel_layer;
        std::map<std::string, ParcelHit> by_code;
        for (auto [i, a] : overlaps(ctx, plan.parcels, g.get(), r.area_m2, Inside::never, "proposal " + p.id + " × parcel", log)) {
            if (a <= 0) continue;
            ParcelHit& h = by_code[l.text(l.features[i], "landuse")];
            h.landuse = l.text(l.features[i], "landuse");
            h.overlap_m2 += a;
            h.parcels++;
        }
        for (auto& [code, h] : by_code) {
            h.share = r.area_m2 > 0 ? h.overlap_m2 / r.area_m2 : 0;
            r.landuse.push_back(h);
        }
        std::stable_sort(r.landuse.begin(), r.landuse.end(), [](const ParcelHit& a, const ParcelHit& b) { return a.overlap_m2 > b.overlap_m2; });
    }
    if (plan.project_layer) {
        const core::Layer& l = *plan.project_layer;
        for (auto [i, a] : overlaps(ctx, plan.projects, g.get(), r.area_m2, Inside::never, "proposal " + p.id + " × project", log)) {
            if (a <= 0) continue;
            r.projects.push_back(ProjectHit{l.id_of(l.features[i]), l.text(l.features[i], "name"), l.text(l.features[i], "status"), a,
                                            r.area_m2 > 0 ? a / r.area_m2 : 0});
        }
    }

    // Needs-review findings that are no rule's business.
    if (r.outside_district_m2 > 1.0) {
        r.review_reasons.push_back(core::area_text(r.outside_district_m2, false) + " of the site lies outside the district.");
        r.review_reasons_zh.push_back("用地有 " + core::area_text(r.outside_district_m2, true) + " 位于区界之外。");
    }
    for (auto& n : r.nearest) {
        if (n.distance_m >= opt.review_distance_m) break;
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.0f m", n.distance_m);
        r.review_reasons.push_back(std::string("only ") + buf + " from " + n.kind + " '" + n.name + "' (review distance " +
                                   std::to_string(static_cast<int>(opt.review_distance_m)) + " m).");
        r.review_reasons_zh.push_back("距" + n.kind + "「" + n.name + "」仅 " + buf + "（复核距离 " + std::to_string(static_cast<int>(opt.review_distance_m)) + " m）。");
    }
    double mismatch = 0;
    for (auto& h : r.landuse)
        if (core::LanduseTable::first_level(h.landuse) != core::LanduseTable::first_level(p.landuse)) mismatch += h.share;
    if (!r.landuse.empty() && mismatch > opt.landuse_mismatch_share) {
        r.review_reasons.push_back(core::percent(mismatch) + " of the site is planned for another first-level land use than " + p.landuse + ".");
        r.review_reasons_zh.push_back("用地的 " + core::percent(mismatch) + " 规划为与 " + p.landuse + " 不同的一级地类。");
    }
    for (auto& w : p.warnings) {
        r.review_reasons.push_back(w);
        r.review_reasons_zh.push_back(w);
    }
    r.robustness_notes = std::move(log.notes);
    return r;
}

/// A batch row that could not be read: its proposal (with the reason) and nothing else.
SitingResult unchecked(const Proposal& p) {
    SitingResult r;
    r.proposal = p;
    return r;
}

}  // namespace

namespace {
std::vector<SitingResult> with_rules(const core::Dataset& d, const core::Catalog& cat, const std::vector<core::Rule>& rules,
                                     const std::vector<Proposal>& proposals, const SitingOptions& opt, std::vector<SitingResult> results);
}  // namespace

struct SitingIndex::Impl {
    const core::Dataset& dataset;
    geo::GeosContext ctx;
    PlanIndex plan;
    explicit Impl(const core::Dataset& d) : dataset(d), plan(ctx, d) {}
};

SitingIndex::SitingIndex(const core::Dataset& dataset) : m(std::make_unique<Impl>(dataset)) {}
SitingIndex::~SitingIndex() = default;
const core::Dataset& SitingIndex::dataset() const noexcept { return m->dataset; }

std::vector<SitingResult> check_siting(SitingIndex& index, const core::Catalog& cat, const std::vector<core::Rule>& rules,
                                       const std::vector<Proposal>& proposals, const SitingOptions& opt) {
    std::vector<SitingResult> results;
    for (auto& p : proposals) results.push_back(p.error.empty() ? place(index.m->ctx, index.m->plan, p, opt) : unchecked(p));
    return with_rules(index.dataset(), cat, rules, proposals, opt, std::move(results));
}

std::vector<SitingResult> check_siting(const core::Dataset& d, const core::Catalog& cat, const std::vector<core::Rule>& rules,
                                       const std::vector<Proposal>& proposals, const SitingOptions& opt) {
    // Each result keeps its own notes: a reviewer reads one proposal at a time.
    std::vector<SitingResult> results =
        map_items<SitingResult, PlanIndex>(
            proposals.size(), opt.threads, [&d](const geo::GeosContext& ctx) { return std::make_unique<PlanIndex>(ctx, d); },
            [&](PlanIndex& plan, const geo::GeosContext& ctx, std::size_t i, RobustnessLog&) {
                // A batch row that could not be read keeps its place and its reason, and nothing else.
                return proposals[i].error.empty() ? place(ctx, plan, proposals[i], opt) : unchecked(proposals[i]);
            })
            .items;
    return with_rules(d, cat, rules, proposals, opt, std::move(results));
}

namespace {
/// The rules over the placed proposals, and each one's verdict.
std::vector<SitingResult> with_rules(const core::Dataset& d, const core::Catalog& cat, const std::vector<core::Rule>& rules,
                                     const std::vector<Proposal>& proposals, const SitingOptions& opt, std::vector<SitingResult> results) {
    // The rules see each proposal as one more planned project, compared with the plan only.
    core::Dataset view;
    view.metadata = d.metadata;
    bool needs_parcels = false, needs_redev = false;
    std::vector<core::Rule> applicable;
    for (auto& r : rules) {
        if (r.subject != "projects") continue;  // a proposal is a project; redevelopment rules are not about it
        applicable.push_back(r);
        needs_parcels |= r.frame_layer == "parcels";
        needs_redev |= r.frame_layer == "redevelopment_areas";
    }
    for (auto& l : d.layers)
        if ((l.name() != "parcels" || needs_parcels) && (l.name() != "redevelopment_areas" || needs_redev)) view.layers.push_back(l);
    core::Layer* projects = view.find("projects");
    if (!projects) {
        core::Layer empty;
        empty.spec = &cat.at("projects");
        empty.source = "proposal";
        view.layers.push_back(std::move(empty));
        projects = &view.layers.back();
    }
    const core::LayerSpec& spec = *projects->spec;
    std::vector<std::size_t> subjects;
    for (const auto& p : proposals) {
        if (!p.error.empty()) continue;
        core::Feature f;
        f.fid = -1 - static_cast<std::int64_t>(subjects.size());
        f.values.resize(spec.fields.size());
        auto set = [&](const char* field, const std::string& v) {
            int k = spec.field_index(field);
            if (k >= 0 && !v.empty()) f.values[static_cast<std::size_t>(k)] = v;
        };
        set("id", p.id);
        set("name", p.name);
        set("landuse", p.landuse);
        set("category", p.category);
        set("status", "planned");
        set("source", "proposal");
        f.wkb = p.wkb;
        subjects.push_back(projects->features.size());
        projects->features.push_back(std::move(f));
    }
    ConflictOptions co;
    co.threads = opt.threads;
    co.only_subjects = subjects;
    core::ConflictSet found = find_conflicts(view, cat, applicable, co);
    std::map<std::string, std::size_t> by_id;
    for (std::size_t i = 0; i < proposals.size(); ++i)
        if (proposals[i].error.empty()) by_id[proposals[i].id] = i;
    for (auto& c : found.conflicts) {
        auto it = by_id.find(c.features.at(0).id);
        if (it != by_id.end()) results[it->second].conflicts.push_back(std::move(c));
    }
    // A retry note names the pair it was about ("rule R, subject × other"): it goes to the
    // proposals it names, and one that names none (a designated area's union) to every proposal.
    for (auto& note : found.robustness_notes) {
        bool named = false;
        for (std::size_t i = 0; i < proposals.size(); ++i)
            if (proposals[i].error.empty() &&
                (note.find(", " + proposals[i].id + " × ") != std::string::npos || note.ends_with(" × " + proposals[i].id))) {
                results[i].robustness_notes.push_back(note);
                named = true;
            }
        if (!named)
            for (auto& r : results)
                if (r.proposal.error.empty()) r.robustness_notes.push_back(note);
    }
    for (auto& r : results) {
        bool conflict = false, review = !r.review_reasons.empty();
        for (auto& c : r.conflicts) (c.severity == "conflict" ? conflict : review) = true;
        r.verdict = conflict ? Verdict::conflict : review ? Verdict::needs_review : Verdict::pass;
    }
    return results;
}
}  // namespace

}  // namespace zoning::analysis
