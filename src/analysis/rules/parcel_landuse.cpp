// SPDX-License-Identifier: MIT
// parcel_landuse: a feature whose underlying parcels are mostly of a land use that
// cannot carry it (an office building on green space or roads). The data contradicts
// itself there; no plan sentence is needed to see it, so such a rule is a 质检.
#include <algorithm>
#include <map>

#include "analysis/parallel.hpp"
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

/// One parcel under one subject: its part's area, and the part itself when its land use cannot carry the subject.
struct Hit {
    std::size_t subject, parcel;
    double area;
    std::string piece_wkb;
};

struct HitChunk {
    std::vector<Hit> hits;
    std::vector<std::string> notes;
};

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
        if ((kinds.empty() || std::find(kinds.begin(), kinds.end(), s.text(s.features[i], "kind")) != kinds.end()) &&
            rules::subject_applies(s, i, r, run.catalog))
            subjects.push_back(i);
    if (subjects.empty()) return {};
    std::string ok_words;
    for (auto& p : ok) ok_words += (ok_words.empty() ? "" : ", ") + p;

    // The few subjects are indexed and the parcels streamed past them, chunk by chunk on all cores: an
    // index of every parcel (a million prepared geometries per worker) cost more than the whole overlay.
    // Each hit is what the subject's own loop over its parcels computed, the part being parcel ∩ subject
    // (the subject itself when the parcel contains it); they are added up below in parcel order, as that loop did.
    const std::vector<std::string_view> subject_wkbs = wkbs_of(s, subjects);
    std::vector<double> own(subjects.size());
    std::vector<geo::Envelope> boxes(subjects.size());
    {
        geo::GeosContext ctx;
        for (std::size_t n = 0; n < subjects.size(); ++n) {
            geo::GeomPtr g = geo::from_wkb(ctx, subject_wkbs[n]);
            own[n] = geo::area(ctx, g.get());
            boxes[n] = geo::envelope(ctx, g.get());
        }
    }
    // Most parcels lie far from every subject: their box, read off the WKB, says so before they are parsed
    // (the index would find nothing near them either).
    auto far = [&boxes](std::string_view wkb) {
        const std::optional<geo::Envelope> box = geo::wkb_envelope(wkb);
        return box && std::none_of(boxes.begin(), boxes.end(), [&](const geo::Envelope& b) { return b.intersects(*box); });
    };
    std::vector<HitChunk> chunks = parallel_chunks_with<HitChunk, FrameIndex>(
        parcels.features.size(), run.options.threads,
        [&](const geo::GeosContext& ctx) {
            auto index = std::make_unique<FrameIndex>(ctx, subject_wkbs);
            index->tile(ctx);  // subjects of thousands of vertices: parcels on their edge are cut by tiles
            return index;
        },
        [&](FrameIndex& index, const geo::GeosContext& ctx, std::size_t begin, std::size_t end) {
            HitChunk out;
            RobustnessLog log;
            for (std::size_t p = begin; p < end; ++p) {
                if (far(parcels.features[p].wkb)) continue;
                geo::GeomPtr pg = geo::from_wkb(ctx, parcels.features[p].wkb);
                const std::vector<std::size_t> near = index.query(pg.get());
                if (near.empty()) continue;
                const geo::Envelope pe = geo::envelope(ctx, pg.get());
                std::unique_ptr<geo::PreparedGeom> prepared;  // the parcel's, made only when it might contain a subject
                for (std::size_t n : near) {
                    const GEOSGeometry* g = index.base(n);
                    if (!index.prepared(n).intersects(pg.get())) continue;
                    const geo::Envelope ge = geo::envelope(ctx, g);
                    bool whole = false;
                    if (pe.minx <= ge.minx && pe.miny <= ge.miny && pe.maxx >= ge.maxx && pe.maxy >= ge.maxy) {
                        if (!prepared) prepared = std::make_unique<geo::PreparedGeom>(ctx, geo::clone(ctx, pg.get()));
                        whole = prepared->contains(g);
                    }
                    // The parcel's part: the subject when the parcel contains it, the parcel when the subject's
                    // interior grid holds it, else the cut (through the subject's tiles).
                    geo::GeomPtr piece;
                    if (!whole && !index.grid_inside(n, pe)) {
                        const std::string what = rules::retry_label(r, s.id_of(s.features[subjects[n]]), parcels.id_of(parcels.features[p]));
                        piece = index.tiled(n) ? index.cut(ctx, n, pg.get(), what, log) : robust_intersection(ctx, pg.get(), g, what, log);
                    }
                    const double a = whole ? own[n] : piece ? geo::area(ctx, piece.get()) : geo::area(ctx, pg.get());
                    if (a <= 0) continue;
                    Hit h{n, p, a, {}};
                    if (!rules::has_prefix(parcels.text(parcels.features[p], "landuse"), ok)) h.piece_wkb = geo::to_wkb(ctx, whole ? g : piece ? piece.get() : pg.get());
                    out.hits.push_back(std::move(h));
                }
            }
            out.notes = std::move(log.notes);
            return out;
        });
    std::vector<std::vector<const Hit*>> by_subject(subjects.size());
    std::vector<std::string> notes;
    for (const HitChunk& c : chunks) {
        for (const Hit& h : c.hits) by_subject[h.subject].push_back(&h);
        notes.insert(notes.end(), c.notes.begin(), c.notes.end());
    }

    // The figures first, subject by subject; then the unions of the conflicts' non-carrying parts (for
    // the conflict's geometry: tens of thousands of parcels under an office subject), one subject per
    // task on all cores, each exactly the union the subject's own loop made, its retries noted in subject order.
    struct Found {
        core::Conflict conflict;
        std::vector<const std::string*> pieces;  ///< the non-carrying parts' WKB, in parcel order
        std::string what;
    };
    std::vector<Found> found;
    for (std::size_t n = 0; n < subjects.size(); ++n) {
        const std::size_t i = subjects[n];
        double covered = 0, allowed_m2 = 0;
        std::map<std::string, double> other_by_code;
        std::vector<const std::string*> other_pieces;
        std::size_t worst = parcels.features.size();
        double worst_m2 = 0;
        for (const Hit* h : by_subject[n]) {
            const double a = h->area;
            covered += a;
            const std::string code = parcels.text(parcels.features[h->parcel], "landuse");
            if (rules::has_prefix(code, ok)) {
                allowed_m2 += a;
                continue;
            }
            other_by_code[code] += a;
            if (a > worst_m2) worst_m2 = a, worst = h->parcel;
            other_pieces.push_back(&h->piece_wkb);
        }
        // Nothing under it is a coverage gap, which validation reports; here only a contradiction counts.
        if (covered <= 0 || allowed_m2 / covered >= need_share || worst == parcels.features.size()) continue;
        const double other = covered - allowed_m2;
        if (other <= r.min_overlap_m2) continue;
        core::Conflict c = rules::conflict_of(r);
        c.features = {rules::ref(s, i), rules::ref(parcels, worst)};
        c.overlap_m2 = other;
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
        found.push_back(Found{std::move(c), std::move(other_pieces), rules::retry_label(r, s.id_of(s.features[i]), layer)});
    }
    struct Union {
        std::string wkb;
        std::vector<std::string> notes;
    };
    std::vector<Union> unions = parallel_each<Union>(run.options.geometry ? found.size() : 0, run.options.threads, [&](const geo::GeosContext& ctx, std::size_t k) {
        std::vector<geo::GeomPtr> parts;
        parts.reserve(found[k].pieces.size());
        for (const std::string* w : found[k].pieces) parts.push_back(geo::from_wkb(ctx, *w));
        RobustnessLog log;
        geo::GeomPtr u = robust_union(ctx, std::move(parts), found[k].what, log);
        return Union{geo::to_wkb(ctx, u.get()), std::move(log.notes)};
    });
    std::vector<core::Conflict> out;
    for (std::size_t k = 0; k < found.size(); ++k) {
        out.push_back(std::move(found[k].conflict));
        if (k >= unions.size()) continue;  // no geometry asked for
        out.back().overlap_wkb = std::move(unions[k].wkb);
        notes.insert(notes.end(), unions[k].notes.begin(), unions[k].notes.end());
    }
    return core::ConflictSet{std::move(out), std::move(notes)};
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
