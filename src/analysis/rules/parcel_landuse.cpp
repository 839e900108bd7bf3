// SPDX-License-Identifier: MIT
// parcel_landuse: a feature whose underlying parcels are mostly of a land use that
// cannot carry it (an office building on green space or roads). The data contradicts
// itself there; no plan sentence is needed to see it, so such a rule is a 质检.
#include <algorithm>
#include <map>

#include "analysis/rules/support.hpp"
#include "core/number_format.hpp"

namespace zoning::analysis {

namespace {

const char* const kDefaultParcels = "parcels";

std::string parcel_layer(const core::Rule& r) { return r.frame_layer.empty() ? kDefaultParcels : r.frame_layer; }

std::vector<std::string> allowed(const core::Rule& r) {
    auto a = r.keys.strings("allowed_landuse");
    if (a.empty()) r.keys.fail("parcel_landuse needs allowed_landuse = [land-use code prefixes the subject may stand on]");
    return a;
}

double min_share(const core::Rule& r) {
    const double v = r.keys.number("min_allowed_share", 0.5);
    if (!(v > 0.0 && v <= 1.0)) r.keys.fail("min_allowed_share must be a share above 0 and at most 1");
    return v;
}

void check(const core::Rule& r) {
    allowed(r);
    min_share(r);
    r.keys.strings("subject_kinds");
}

std::string landuse_words(const core::Catalog& cat, const std::string& code, bool zh) {
    const core::LanduseClass* c = cat.landuse().find(code);
    return code + (c ? " " + (zh ? c->name_zh : c->name_en) : std::string());
}

core::ConflictSet evaluate(const RuleRun& run) {
    const core::Rule& r = run.rule;
    const core::Layer& s = rules::need(run.dataset, r.subject, r);
    const std::string layer = parcel_layer(r);
    const core::Layer& parcels = rules::need(run.dataset, layer, r);
    const std::vector<std::string> ok = allowed(r);
    const double need_share = min_share(r);
    const std::vector<std::string> kinds = r.keys.strings("subject_kinds");
    std::vector<std::size_t> subjects;
    for (std::size_t i : rules::subjects_of(s, run.options))
        if (kinds.empty() || std::find(kinds.begin(), kinds.end(), s.text(s.features[i], "kind")) != kinds.end()) subjects.push_back(i);
    const std::vector<std::size_t> all = rules::all_features(parcels);
    std::string ok_words;
    for (auto& p : ok) ok_words += (ok_words.empty() ? "" : ", ") + p;
    return rules::over_subjects(
        run, s, subjects, parcels, all,
        [&](const FrameIndex& index, const geo::GeosContext& ctx, std::size_t i, std::vector<core::Conflict>& out, RobustnessLog& log) {
            geo::GeomPtr g = geo::from_wkb(ctx, s.features[i].wkb);
            const double own = geo::area(ctx, g.get());
            double covered = 0, allowed_m2 = 0;
            std::map<std::string, double> other_by_code;
            std::vector<geo::GeomPtr> other_pieces;
            std::size_t worst = all.size();
            double worst_m2 = 0;
            for (std::size_t k : index.query(g.get())) {
                const auto& p = parcels.features[all[k]];
                std::optional<Part> part = index.part(ctx, k, g.get(), Inside::touching, rules::retry_label(r, s.id_of(s.features[i]), parcels.id_of(p)), log);
                if (!part) continue;
                const double a = part->area(ctx, own);
                if (a <= 0) continue;
                covered += a;
                const std::string code = parcels.text(p, "landuse");
                if (rules::has_prefix(code, ok)) {
                    allowed_m2 += a;
                    continue;
                }
                other_by_code[code] += a;
                if (a > worst_m2) worst_m2 = a, worst = all[k];
                other_pieces.push_back(part->take(ctx, g.get()));
            }
            // Nothing under it is a coverage gap, which validation reports; here only a contradiction counts.
            if (covered <= 0 || allowed_m2 / covered >= need_share || worst == all.size()) return;
            const double other = covered - allowed_m2;
            if (other <= r.min_overlap_m2) return;
            core::Conflict c = rules::conflict_of(r);
            c.features = {rules::ref(s, i), rules::ref(parcels, worst)};
            c.overlap_m2 = other;
            geo::GeomPtr pieces = robust_union(ctx, std::move(other_pieces), rules::retry_label(r, s.id_of(s.features[i]), layer), log);
            c.overlap_wkb = geo::to_wkb(ctx, pieces.get());
            std::string zh, en;
            for (auto& [code, a] : other_by_code) {
                zh += (zh.empty() ? "" : "、") + landuse_words(run.catalog, code, true) + " " + core::percent(a / covered);
                en += (en.empty() ? "" : ", ") + landuse_words(run.catalog, code, false) + " " + core::percent(a / covered);
            }
            const std::string name = s.text(s.features[i], "name");
            const std::string kind = s.text(s.features[i], "kind");
            c.reason_zh = kind + "「" + name + "」所在地块中仅 " + core::percent(allowed_m2 / covered) + " 为可承载它的用地（" + ok_words +
                          "），其余为 " + zh + "：数据自相矛盾。";
            c.reason = (kind.empty() ? "" : s.spec->word_en("kind", kind) + " ") + "'" + name + "' stands on parcels of which only " +
                       core::percent(allowed_m2 / covered) + " are of a land use that can carry it (" + ok_words + "); the rest: " + en +
                       ". The data contradicts itself.";
            out.push_back(std::move(c));
        });
}

}  // namespace

const RuleKind& parcel_landuse_kind() {
    static const RuleKind kind{"parcel_landuse",
                               "a subject standing mostly on parcels whose land use cannot carry it (a data-quality check)",
                               {"allowed_landuse (required)", "min_allowed_share (default 0.5)", "subject_kinds",
                                "frame_layer (default parcels)"},
                               check,
                               evaluate};
    return kind;
}

}  // namespace zoning::analysis
