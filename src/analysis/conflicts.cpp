// SPDX-License-Identifier: MIT
#include "analysis/conflicts.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "analysis/parallel.hpp"
#include "analysis/robust.hpp"
#include "core/error.hpp"
#include "core/number_format.hpp"
#include "geo/geos.hpp"

namespace zoning::analysis {

using core::Conflict;
using core::ConflictFeature;

namespace {

using core::Rule;
using core::RuleKind;

bool has_prefix(const std::string& code, const std::vector<std::string>& prefixes) {
    for (auto& p : prefixes)
        if (!p.empty() && code.rfind(p, 0) == 0) return true;
    return false;
}

const core::Layer& need(const core::Dataset& d, const std::string& layer, const Rule& r) {
    const core::Layer* l = d.find(layer);
    if (!l)
        throw core::bad_input(core::FeatureRef{"rules.toml", layer, {}, {}},
                              "rule " + r.id + " (line " + std::to_string(r.line) + ") needs this layer; the store has none");
    return *l;
}

ConflictFeature ref(const core::Layer& l, std::size_t i) {
    return ConflictFeature{l.name(), l.id_of(l.features[i]), l.text(l.features[i], "name")};
}

std::string landuse_words(const core::Catalog& cat, const std::string& code, bool zh) {
    if (code.empty()) return {};
    const core::LanduseClass* c = cat.landuse().find(code);
    return code + (c ? " " + (zh ? c->name_zh : c->name_en) : std::string());
}

std::string subject_words(const core::Layer& l, std::size_t i, const core::Catalog& cat, bool zh) {
    std::string name = l.text(l.features[i], "name");
    std::string lu = landuse_words(cat, l.text(l.features[i], "landuse"), zh);
    if (zh) return "「" + name + "」" + (lu.empty() ? "" : "（用地 " + lu + "）");
    return "'" + name + "'" + (lu.empty() ? "" : " (land use " + lu + ")");
}

/// The plan's kinds in English reasons (the names stay the plan's).
std::string kind_en(const std::string& kind) {
    static const std::map<std::string, std::string> words = {{"带", "belt"},   {"区", "area"},   {"核", "core"},
                                                             {"廊", "corridor"}, {"圈", "circle"}, {"楼宇", "building"}};
    auto it = words.find(kind);
    return it == words.end() ? kind : it->second;
}

/// The frames a rule looks at, by kind and name filters.
std::vector<std::size_t> frame_indices(const core::Layer& frames, const Rule& r) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < frames.features.size(); ++i) {
        const auto& f = frames.features[i];
        if (!r.frame_kinds.empty() && std::find(r.frame_kinds.begin(), r.frame_kinds.end(), frames.text(f, "kind")) == r.frame_kinds.end())
            continue;
        if (!r.frame_names.empty() && std::find(r.frame_names.begin(), r.frame_names.end(), frames.text(f, "name")) == r.frame_names.end())
            continue;
        out.push_back(i);
    }
    return out;
}

bool subject_applies(const core::Layer& s, std::size_t i, const Rule& r, const core::Catalog& cat) {
    std::string lu = s.text(s.features[i], "landuse");
    if (has_prefix(lu, r.exempt_landuse)) return false;
    if (r.construction_only) {
        const core::LanduseClass* c = cat.landuse().find(lu);
        if (!c || !c->construction) return false;
    }
    if (!r.categories.empty() &&
        std::find(r.categories.begin(), r.categories.end(), s.text(s.features[i], "category")) == r.categories.end())
        return false;
    return true;
}

struct Frames {
    std::vector<std::size_t> index;  // into the frame layer
    std::vector<std::unique_ptr<geo::PreparedGeom>> prepared;
    std::unique_ptr<geo::StrTree> tree;
    Frames(const geo::GeosContext& ctx, const core::Layer& layer, std::vector<std::size_t> idx) : index(std::move(idx)) {
        for (std::size_t i : index) prepared.push_back(std::make_unique<geo::PreparedGeom>(ctx, geo::from_wkb(ctx, layer.features[i].wkb)));
        tree = std::make_unique<geo::StrTree>(ctx);
        for (std::size_t k = 0; k < prepared.size(); ++k) tree->insert(prepared[k]->base(), k);
        tree->build();
    }
    ~Frames() {
        tree.reset();
        prepared.clear();
    }
};

using Chunk = std::vector<Conflict>;

/// Runs `visit(frames, ctx, subject index, out, log)` for every applicable subject, on all cores,
/// each worker with its own indexed copy of `frame_features` of `frame_layer`.
template <class Visit>
std::vector<Conflict> over_subjects(const core::Layer& s, const std::vector<std::size_t>& subjects, const core::Layer& frame_layer,
                                    const std::vector<std::size_t>& frame_features, const Rule& r, const core::Catalog& cat,
                                    unsigned threads, const Visit& visit) {
    auto chunks = parallel_chunks_with<Chunk, Frames>(
        subjects.size(), threads, [&](const geo::GeosContext& ctx) { return std::make_unique<Frames>(ctx, frame_layer, frame_features); },
        [&](Frames& fs, const geo::GeosContext& ctx, std::size_t b, std::size_t e) {
            Chunk out;
            RobustnessLog log;
            for (std::size_t n = b; n < e; ++n)
                if (subject_applies(s, subjects[n], r, cat)) visit(fs, ctx, subjects[n], out, log);
            return out;
        });
    return flatten(std::move(chunks));
}

std::vector<std::size_t> subjects_of(const core::Layer& s, const ConflictOptions& opt) {
    if (!opt.only_subjects.empty()) return opt.only_subjects;
    std::vector<std::size_t> all(s.features.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    return all;
}

Conflict make(const Rule& r) {
    Conflict c;
    c.rule = r.id;
    c.title = r.title;
    c.title_en = r.title_en;
    c.severity = r.severity;
    c.clause = r.clause;
    return c;
}

/// Subject features overlapping frame features: (a) cores and belts, (b) corridors, (f) redevelopment in cores,
/// and zone compatibility (e), where the frame filter is the incompatibility matrix.
std::vector<Conflict> overlap_rule(const core::Dataset& d, const core::Catalog& cat, const Rule& r, const ConflictOptions& opt,
                                   unsigned threads) {
    const core::Layer& s = need(d, r.subject, r);
    const core::Layer& f = need(d, r.frame_layer, r);
    std::vector<std::size_t> frames = frame_indices(f, r);
    if (r.kind == RuleKind::zone_compatibility) {
        frames.clear();
        for (std::size_t i = 0; i < f.features.size(); ++i)
            if (r.incompatible.count(f.text(f.features[i], "name"))) frames.push_back(i);
    }
    return over_subjects(
        s, subjects_of(s, opt), f, frames, r, cat, threads,
        [&](Frames& fs, const geo::GeosContext& ctx, std::size_t i, Chunk& out, RobustnessLog& log) {
            std::string lu = s.text(s.features[i], "landuse");
            geo::GeomPtr g = geo::from_wkb(ctx, s.features[i].wkb);
            double own = geo::area(ctx, g.get());
            for (std::size_t k : fs.tree->query(g.get())) {
                std::size_t fi = fs.index[k];
                std::string frame_name = f.text(f.features[fi], "name");
                if (r.kind == RuleKind::zone_compatibility && !has_prefix(lu, r.incompatible.at(frame_name))) continue;
                if (!fs.prepared[k]->intersects(g.get())) continue;
                geo::GeomPtr piece = fs.prepared[k]->contains(g.get())
                                         ? geo::clone(ctx, g.get())
                                         : robust_intersection(ctx, fs.prepared[k]->base(), g.get(), r.id, log);
                double a = geo::area(ctx, piece.get());
                if (a <= r.min_overlap_m2 || (own > 0 && a / own <= r.min_overlap_share)) continue;
                Conflict c = make(r);
                c.features = {ref(s, i), ref(f, fi)};
                c.overlap_m2 = a;
                c.overlap_wkb = geo::to_wkb(ctx, piece.get());
                std::string kind = f.text(f.features[fi], "kind");
                c.reason_zh = subject_words(s, i, cat, true) + " 与" + (kind.empty() ? "" : kind) + "「" + frame_name + "」重叠 " +
                              core::area_text(a, true) + "（占其 " + core::percent(own > 0 ? a / own : 0) + "）。";
                c.reason = subject_words(s, i, cat, false) + " overlaps " + (kind.empty() ? "" : kind_en(kind) + " ") + "'" + frame_name + "' by " +
                           core::area_text(a, false) + " (" + core::percent(own > 0 ? a / own : 0) + " of it).";
                out.push_back(std::move(c));
            }
        });
}

/// (c) two features of the subject layer overlapping beyond the tolerance.
std::vector<Conflict> pair_rule(const core::Dataset& d, const core::Catalog& cat, const Rule& r, const ConflictOptions& opt,
                                unsigned threads) {
    const core::Layer& s = need(d, r.subject, r);
    std::vector<std::size_t> all(s.features.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    const std::vector<std::size_t> subjects = subjects_of(s, opt);
    const bool proposal_mode = !opt.only_subjects.empty();
    return over_subjects(
        s, subjects, s, all, r, cat, threads, [&](Frames& fs, const geo::GeosContext& ctx, std::size_t i, Chunk& out, RobustnessLog& log) {
            const GEOSGeometry* gi = fs.prepared[i]->base();
            double ai = geo::area(ctx, gi);
            for (std::size_t j : fs.tree->query(gi)) {
                // Each pair once; a proposal is compared with every other feature.
                if (j == i || (!proposal_mode && j < i)) continue;
                if (proposal_mode && std::find(subjects.begin(), subjects.end(), j) != subjects.end()) continue;
                if (!subject_applies(s, j, r, cat)) continue;  // exemptions hold for either side
                if (!fs.prepared[i]->intersects(fs.prepared[j]->base())) continue;
                geo::GeomPtr piece = robust_intersection(ctx, gi, fs.prepared[j]->base(), r.id, log);
                double a = geo::area(ctx, piece.get());
                double smaller = std::min(ai, geo::area(ctx, fs.prepared[j]->base()));
                if (a <= r.min_overlap_m2 || (smaller > 0 && a / smaller <= r.min_overlap_share)) continue;
                Conflict c = make(r);
                c.features = {ref(s, i), ref(s, j)};
                c.overlap_m2 = a;
                c.overlap_wkb = geo::to_wkb(ctx, piece.get());
                c.reason_zh = subject_words(s, i, cat, true) + " 与" + subject_words(s, j, cat, true) + " 重叠 " +
                              core::area_text(a, true) + "（占较小者 " + core::percent(smaller > 0 ? a / smaller : 0) + "）。";
                c.reason = subject_words(s, i, cat, false) + " and " + subject_words(s, j, cat, false) + " overlap by " +
                           core::area_text(a, false) + " (" + core::percent(smaller > 0 ? a / smaller : 0) + " of the smaller).";
                out.push_back(std::move(c));
            }
        });
}

/// (d) a project of a designated category outside the area designated for it.
std::vector<Conflict> designated_rule(const core::Dataset& d, const core::Catalog& cat, const Rule& r, const ConflictOptions& opt) {
    const core::Layer& s = need(d, r.subject, r);
    const core::Layer& f = need(d, r.frame_layer, r);
    std::vector<std::size_t> frames = frame_indices(f, r);
    if (frames.empty())
        throw core::bad_input(core::FeatureRef{"rules.toml", r.frame_layer, {}, {}},
                              "rule " + r.id + " (line " + std::to_string(r.line) + "): no feature named " + r.frame_names.front());
    geo::GeosContext ctx;
    RobustnessLog log;
    std::vector<geo::GeomPtr> parts;
    for (std::size_t i : frames) parts.push_back(geo::from_wkb(ctx, f.features[i].wkb));
    geo::GeomPtr area = robust_union(ctx, std::move(parts), r.id, log);
    std::vector<Conflict> out;
    for (std::size_t i : subjects_of(s, opt)) {
        if (!subject_applies(s, i, r, cat)) continue;
        geo::GeomPtr g = geo::from_wkb(ctx, s.features[i].wkb);
        geo::GeomPtr outside = geo::extract_dimension(ctx, geo::difference(ctx, g.get(), area.get()).get(), 2);
        double a = geo::area(ctx, outside.get()), own = geo::area(ctx, g.get());
        if (a <= r.min_overlap_m2 || (own > 0 && a / own <= r.min_overlap_share)) continue;
        Conflict c = make(r);
        c.features = {ref(s, i), ref(f, frames.front())};
        c.overlap_m2 = a;
        c.overlap_wkb = geo::to_wkb(ctx, outside.get());
        std::string where = f.text(f.features[frames.front()], "name");
        c.reason_zh = subject_words(s, i, cat, true) + " 属" + s.text(s.features[i], "category") + "类，" + core::area_text(a, true) +
                      "（" + core::percent(own > 0 ? a / own : 0) + "）位于指定片区「" + where + "」之外。";
        c.reason = subject_words(s, i, cat, false) + " is a " + s.text(s.features[i], "category") + " project with " +
                   core::area_text(a, false) + " (" + core::percent(own > 0 ? a / own : 0) + ") outside its designated area '" + where +
                   "'.";
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

core::ConflictSet find_conflicts(const core::Dataset& d, const core::Catalog& cat, const std::vector<Rule>& rules,
                                     const ConflictOptions& opt) {
    const unsigned threads = opt.threads ? opt.threads : default_threads();
    std::vector<Conflict> all;
    for (const auto& r : rules) {
        std::vector<Conflict> found;
        switch (r.kind) {
            case RuleKind::overlap_frame:
            case RuleKind::zone_compatibility:
                found = overlap_rule(d, cat, r, opt, threads);
                break;
            case RuleKind::project_overlap:
                found = pair_rule(d, cat, r, opt, threads);
                break;
            case RuleKind::designated_area:
                found = designated_rule(d, cat, r, opt);
                break;
        }
        all.insert(all.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
    return core::ConflictSet{std::move(all), {}};
}

}  // namespace zoning::analysis
