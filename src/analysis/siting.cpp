// SPDX-License-Identifier: MIT
#include "analysis/siting.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "analysis/conflicts.hpp"
#include "analysis/control_lines.hpp"
#include "analysis/frame_index.hpp"
#include "core/number_format.hpp"
#include "geo/geos.hpp"

namespace zoning::analysis {

using core::Conflict;
using core::ControlLineHit;
using core::IndicatorCheck;
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
    const core::Layer* lot_layer;
    FrameIndex parcels, projects, lots;
    /// Every control line's strips, red, blue and rail, each with its own index.
    std::vector<ControlStrips> strips;
    std::vector<std::unique_ptr<FrameIndex>> strip_index;
    std::unique_ptr<geo::PreparedGeom> district;
    PlanIndex(const geo::GeosContext& ctx, const core::Dataset& d)
        : parcel_layer(d.find("parcels")), project_layer(d.find("projects")), lot_layer(d.find("regulatory_lots")), parcels(ctx, parcel_layer),
          projects(ctx, project_layer), lots(ctx, lot_layer) {
        for (const std::string& line : core::control_line_kinds())
            for (ControlStrips& s : control_strips(ctx, d, line)) {
                strips.push_back(std::move(s));
                strip_index.push_back(std::make_unique<FrameIndex>(ctx, &strips.back().layer));
            }
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

/// Every strip the site intrudes, and the nearest of each kind it stays clear of, with the
/// distance to the strip's edge and its direction from the site.
void control_lines(const geo::GeosContext& ctx, const PlanIndex& plan, const GEOSGeometry* g, const GEOSGeometry* centre, SitingResult& r,
                   RobustnessLog& log) {
    struct Nearest {
        double distance = std::numeric_limits<double>::infinity();
        std::size_t set = 0, feature = 0;
    };
    std::map<ControlLineHit::Kind, Nearest> nearest_clear;
    auto hit_of = [&](std::size_t n, std::size_t i) {
        const ControlStrips& s = plan.strips[n];
        const core::Layer& l = s.layer;
        return ControlLineHit{s.kind, l.name(), l.id_of(l.features[i]), l.text(l.features[i], "name"), l.text(l.features[i], "kind"), s.width_m[i]};
    };
    for (std::size_t n = 0; n < plan.strips.size(); ++n) {
        const ControlStrips& s = plan.strips[n];
        const FrameIndex& index = *plan.strip_index[n];
        std::set<std::size_t> intruded;
        for (std::size_t i : index.query(g)) {
            ControlLineHit h = hit_of(n, i);
            std::optional<Part> part = index.part(ctx, i, g, Inside::touching, "proposal " + r.proposal.id + " × " + to_string(s.kind) + " " + h.id, log);
            if (!part) continue;
            geo::GeomPtr piece = part->take(ctx, g);
            h.overlap_m2 = geo::area(ctx, piece.get());
            if (h.overlap_m2 <= 0) continue;
            h.bearing_deg = bearing_deg(geo::point_xy(ctx, centre), geo::point_xy(ctx, geo::point_on_surface(ctx, piece.get()).get()));
            r.control_lines.push_back(h);
            intruded.insert(i);
        }
        // The nearest strip of each kind the site stays clear of.
        Nearest& best = nearest_clear[s.kind];
        for (std::size_t i = 0; i < s.layer.features.size(); ++i) {
            if (intruded.count(i)) continue;
            const double d = index.prepared(i).distance(g);
            if (d < best.distance) best = Nearest{d, n, i};
        }
    }
    for (auto& [kind, best] : nearest_clear) {
        if (!std::isfinite(best.distance)) continue;
        ControlLineHit h = hit_of(best.set, best.feature);
        h.distance_m = best.distance;
        h.bearing_deg = bearing_deg(geo::point_xy(ctx, centre), plan.strip_index[best.set]->prepared(best.feature).nearest_points(centre).first);
        r.control_lines.push_back(h);
    }
    // Intrusions first (largest first), then the nearest clear line of each kind, nearest first.
    std::stable_sort(r.control_lines.begin(), r.control_lines.end(), [](const ControlLineHit& a, const ControlLineHit& b) {
        if ((a.overlap_m2 > 0) != (b.overlap_m2 > 0)) return a.overlap_m2 > 0;
        if (a.overlap_m2 > 0) return a.overlap_m2 > b.overlap_m2;
        return a.distance_m < b.distance_m;
    });
}

/// The proposal's stated 控规 figures against every regulatory lot under it, with the lot's share of the site.
void indicators(const geo::GeosContext& ctx, const PlanIndex& plan, const GEOSGeometry* g, const Proposal& p, SitingResult& r, RobustnessLog& log) {
    const core::ProposalIndicators& stated = p.indicators;
    if (!stated.far && !stated.height_m && !stated.density && !stated.green) return;
    const core::Layer& l = *plan.lot_layer;
    auto limit = [&](const core::Feature& f, const char* field) { return l.number(f, field); };
    std::vector<std::pair<std::size_t, double>> under = overlaps(ctx, plan.lots, g, r.area_m2, Inside::never, "proposal " + p.id + " × regulatory lot", log);
    // The lot holding most of the site first: its limits are the ones that bind most of the building.
    std::stable_sort(under.begin(), under.end(), [](auto& a, auto& b) { return a.second > b.second; });
    for (auto [i, a] : under) {
        if (a <= 0) continue;
        const core::Feature& f = l.features[i];
        IndicatorCheck base;
        base.lot_id = l.id_of(f);
        base.lot_landuse = l.text(f, "landuse");
        base.approval = l.text(f, "approval");
        base.lot_share = r.area_m2 > 0 ? a / r.area_m2 : 0;
        auto add = [&](IndicatorCheck::Indicator which, const std::optional<double>& value, const char* field, bool minimum) {
            std::optional<double> lim = limit(f, field);
            if (!value || !lim) return;
            IndicatorCheck c = base;
            c.indicator = which;
            c.value = *value;
            c.limit = *lim;
            c.limit_is_minimum = minimum;
            c.complies = minimum ? *value >= *lim : *value <= *lim;
            r.indicators.push_back(c);
        };
        add(IndicatorCheck::Indicator::far, stated.far, "far_max", false);
        add(IndicatorCheck::Indicator::far, stated.far, "far_min", true);
        add(IndicatorCheck::Indicator::height, stated.height_m, "height_max_m", false);
        add(IndicatorCheck::Indicator::density, stated.density, "density_max", false);
        add(IndicatorCheck::Indicator::green, stated.green, "green_min", true);
    }
}

SitingResult place(const geo::GeosContext& ctx, PlanIndex& plan, const Proposal& p, const SitingOptions& opt) {
    SitingResult r;
    r.proposal = p;
    RobustnessLog log;
    geo::GeomPtr g = geo::from_wkb(ctx, p.wkb);
    r.area_m2 = geo::area(ctx, g.get());
    const geo::GeomPtr centre = geo::centroid(ctx, g.get());
    const geo::XY centre_xy = geo::point_xy(ctx, centre.get());
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
            // Its direction: towards its point nearest the site's centroid (the site's nearest point
            // is often a whole edge, whose corner GEOS picks would skew the direction).
            r.nearest.push_back(NearFrame{l.name(), l.id_of(l.features[i]), l.text(l.features[i], "name"), kind, idx.prepared(i).distance(g.get()),
                                          bearing_deg(centre_xy, idx.prepared(i).nearest_points(centre.get()).first)});
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
    control_lines(ctx, plan, g.get(), centre.get(), r, log);
    if (plan.lot_layer) indicators(ctx, plan, g.get(), p, r, log);

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
    for (std::size_t i = 0; i < p.warnings.size(); ++i) {
        r.review_reasons.push_back(p.warnings[i]);
        r.review_reasons_zh.push_back(i < p.warnings_zh.size() ? p.warnings_zh[i] : p.warnings[i]);
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

/// Runs `rules` (all with subject `subject`) over the proposals entered as features of that layer;
/// `keep_existing`: the layer's own features stay (a project may overlap another), else the
/// proposals are its only features. Conflicts and retry notes go to the proposals they name.
void apply_rules(const core::Dataset& d, const core::Catalog& cat, const std::vector<core::Rule>& rules, const std::string& subject,
                 bool keep_existing, const std::vector<Proposal>& proposals, std::vector<SitingResult>& results, const SitingOptions& opt) {
    core::Dataset view;
    view.metadata = d.metadata;
    bool needs_parcels = false, needs_redev = false;
    for (auto& r : rules) {
        needs_parcels |= r.frame_layer == "parcels";
        needs_redev |= r.frame_layer == "redevelopment_areas";
    }
    for (auto& l : d.layers) {
        if (l.name() == subject && !keep_existing) continue;
        if ((l.name() != "parcels" || needs_parcels || l.name() == subject) && (l.name() != "redevelopment_areas" || needs_redev))
            view.layers.push_back(l);
    }
    core::Layer* target = view.find(subject);
    if (!target) {
        core::Layer empty;
        empty.spec = &cat.at(subject);
        empty.source = "proposal";
        view.layers.push_back(std::move(empty));
        target = &view.layers.back();
    }
    const core::LayerSpec& spec = *target->spec;
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
        subjects.push_back(target->features.size());
        target->features.push_back(std::move(f));
    }
    ConflictOptions co;
    co.threads = opt.threads;
    co.only_subjects = subjects;
    core::ConflictSet found = find_conflicts(view, cat, rules, co);
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
}

/// The rules over the placed proposals, and each one's verdict.
std::vector<SitingResult> with_rules(const core::Dataset& d, const core::Catalog& cat, const std::vector<core::Rule>& rules,
                                     const std::vector<Proposal>& proposals, const SitingOptions& opt, std::vector<SitingResult> results) {
    // The rules see each proposal as one more feature of their subject layer, compared with the plan
    // only: as a planned project for the rules about projects, and as a parcel of its stated land use
    // for the rules about parcels (existing land use). docs/rules.md, "Rules and a proposal".
    std::vector<core::Rule> about_projects, about_parcels;
    for (auto& r : rules) {
        if (r.subject == "projects") about_projects.push_back(r);
        // A rule comparing parcels with parcels would meet the proposal among its own frames.
        else if (r.subject == "parcels" && r.frame_layer != "parcels") about_parcels.push_back(r);
    }
    std::set<core::ControlLineHit::Kind> ruled_lines;
    for (auto& r : about_projects)
        if (r.kind == "control_line") ruled_lines.insert(control_line_kind(r.keys.text("line", true)));
    if (!about_projects.empty()) apply_rules(d, cat, about_projects, "projects", true, proposals, results, opt);
    if (!about_parcels.empty()) apply_rules(d, cat, about_parcels, "parcels", false, proposals, results, opt);
    for (auto& r : results) {
        // An intrusion into a line no control_line rule speaks to is still the reviewer's to look at;
        // where a rule does, it decides (its exemptions included).
        for (auto& h : r.control_lines) {
            if (h.overlap_m2 <= 0 || ruled_lines.count(h.kind)) continue;
            r.review_reasons.push_back("intrudes " + core::area_text(h.overlap_m2, false) + " into the " + control_line_words(h.kind, false) + " of '" + h.name +
                                       "' (no rule of kind control_line says whether that is a conflict).");
            r.review_reasons_zh.push_back("侵入「" + h.name + "」的" + control_line_words(h.kind, true) + " " + core::grouped(h.overlap_m2) + " 平方米" + "（规则文件未规定其为冲突或复核）。");
        }
        bool conflict = false, review = !r.review_reasons.empty();
        for (auto& c : r.conflicts) (c.severity == "conflict" ? conflict : review) = true;
        // A figure beyond its lot's 控规 limit is a conflict with the approved regulatory plan.
        for (auto& c : r.indicators) conflict |= !c.complies;
        r.verdict = conflict ? Verdict::conflict : review ? Verdict::needs_review : Verdict::pass;
    }
    return results;
}

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

}  // namespace zoning::analysis
