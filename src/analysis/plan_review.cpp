// SPDX-License-Identifier: MIT
#include "analysis/plan_review.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <future>

#include "analysis/conflicts.hpp"
#include "analysis/frame_index.hpp"
#include "analysis/overlay.hpp"
#include "analysis/parallel.hpp"
#include "analysis/progress.hpp"
#include "analysis/rules/rule_kind.hpp"
#include "core/error.hpp"
#include "geo/geos.hpp"

namespace zoning::analysis {

namespace {

/// The frame features the zone names, found among the overlay's frame layers.
struct ZoneFrame {
    std::string layer, id, name;
    std::string wkb;
};

std::vector<ZoneFrame> zone_frames(const core::Dataset& d, const OverlayOptions& frames, const std::string& zone) {
    std::vector<ZoneFrame> out;
    for (const auto& layer_name : frames.frame_layers) {
        const core::Layer* layer = d.find(layer_name);
        if (!layer) continue;
        for (const auto& f : layer->features) {
            std::string id = layer->id_of(f), name = layer->text(f, "name");
            if (name == zone || id == zone) out.push_back(ZoneFrame{layer_name, id, name, f.wkb});
        }
    }
    if (out.empty())
        throw core::bad_input(core::FeatureRef{},
                              "--zone '" + zone + "' matches no zone, area, belt, core, corridor or park (by name or id)");
    return out;
}

/// A conflict belongs to the zone when its overlap lies in one of the zone's frames with
/// positive area (cut through `zones`, retries noted); one without geometry, when a frame is among its features.
bool in_zone(const geo::GeosContext& ctx, const FrameIndex& zones, const std::vector<ZoneFrame>& frames, const core::Conflict& c,
             RobustnessLog& log) {
    if (c.overlap_wkb.empty()) {
        for (auto& z : frames)
            for (auto& f : c.features)
                if (f.layer == z.layer && f.id == z.id) return true;
        return false;
    }
    geo::GeomPtr g = geo::from_wkb(ctx, c.overlap_wkb);
    for (std::size_t k : zones.query(g.get())) {
        std::optional<Part> part = zones.part(ctx, k, g.get(), Inside::never, "conflict " + c.rule + " × " + frames[k].id, log);
        if (part && part->area(ctx, 0) > 0) return true;
    }
    return false;
}

}  // namespace

std::vector<std::string> PlanReview::robustness_notes() const {
    std::vector<std::string> out = overlay.robustness_notes;
    out.insert(out.end(), progress_notes.begin(), progress_notes.end());
    out.insert(out.end(), conflicts.robustness_notes.begin(), conflicts.robustness_notes.end());
    return out;
}

PlanReview plan_review(const core::Dataset& dataset, const core::Catalog& catalog, const std::vector<core::Target>& targets,
                       const std::vector<core::Rule>& rules, const PlanReviewOptions& options) {
    OverlayOptions oo;
    oo.threads = options.threads;
    std::vector<ZoneFrame> frames;
    if (!options.zone.empty()) frames = zone_frames(dataset, oo, options.zone);
    if (!options.coverage) oo.frame_layers = {"boundary"};

    // One overlay serves both: progress reads the district row, the report the zone's rows.
    PlanReview review;
    auto t = std::chrono::steady_clock::now();
    std::clock_t cpu = std::clock();  // the process's, all threads
    auto phase = [&](const char* name) {
        const auto now = std::chrono::steady_clock::now();
        const std::clock_t cpu_now = std::clock();
        review.phases.push_back({name, std::chrono::duration<double>(now - t).count(), double(cpu_now - cpu) / CLOCKS_PER_SEC});
        t = now;
        cpu = cpu_now;
    };
    ConflictOptions co;
    co.threads = options.threads;
    co.geometry = options.conflict_geometry || !options.zone.empty();
    const unsigned threads = options.threads == 0 ? default_threads() : options.threads;
    if (threads == 1) {
        review.overlay = overlay(dataset, oo);
        phase("overlay");
        review.progress = measure_progress(dataset, targets, review.overlay, &review.progress_notes, options.year);
        phase("progress");
        review.conflicts = find_conflicts(dataset, catalog, rules, co);
        phase("conflicts");
    } else {
        // The conflicts need nothing of the overlay, and each has phases on one thread (the overlay's
        // frame areas and sums, a rule's union of the parcels under its subject) while the other cores
        // idle: run side by side, each fills the cores the other leaves. Each result is what it is
        // alone; the overlay's error, if both fail, is the one reported, as when they ran in turn.
        double conflict_seconds = 0;
        std::future<core::ConflictSet> conflicts = std::async(std::launch::async, [&] {
            const auto start = std::chrono::steady_clock::now();
            core::ConflictSet found = find_conflicts(dataset, catalog, rules, co);
            conflict_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            return found;
        });
        try {
            review.overlay = overlay(dataset, oo);
            phase("overlay");
            review.progress = measure_progress(dataset, targets, review.overlay, &review.progress_notes, options.year);
            phase("progress");
        } catch (...) {
            conflicts.wait();
            throw;
        }
        review.conflicts = conflicts.get();
        phase("then conflicts");
        review.phases.push_back({"conflicts beside them", conflict_seconds, -1});  // its CPU is in the phases above
    }
    if (frames.empty()) return review;

    auto is_zone = [&](const std::string& layer, const std::string& id) {
        return std::any_of(frames.begin(), frames.end(), [&](const ZoneFrame& z) { return z.layer == layer && z.id == id; });
    };
    std::erase_if(review.overlay.coverage, [&](const core::CoverageRow& row) { return !is_zone(row.layer, row.id); });
    review.overlay.reconciliation.clear();  // a zone does not tile the district
    std::erase_if(review.progress, [&](const core::ProgressRow& p) {
        return std::none_of(frames.begin(), frames.end(), [&](const ZoneFrame& z) { return p.target.frame_name == z.name; });
    });

    geo::GeosContext ctx;
    std::vector<std::string_view> wkbs;
    for (auto& z : frames) wkbs.emplace_back(z.wkb);
    const FrameIndex zones(ctx, wkbs);
    RobustnessLog log;
    std::erase_if(review.conflicts.conflicts, [&](const core::Conflict& c) { return !in_zone(ctx, zones, frames, c, log); });
    review.conflicts.robustness_notes.insert(review.conflicts.robustness_notes.end(), log.notes.begin(), log.notes.end());
    phase("zone");
    return review;
}

void check_plan_files(const core::Dataset& dataset, const core::Catalog& catalog, const std::filesystem::path& dir) {
    auto origin = [&](const std::string& name) { return (dir / name).string(); };
    if (auto it = dataset.files.find("targets.toml"); it != dataset.files.end()) {
        const std::vector<core::Target> targets = core::parse_targets(it->second, origin(it->first));
        // Statistical values are checked against the targets they give figures for.
        if (auto ind = dataset.files.find("indicators.csv"); ind != dataset.files.end()) core::parse_indicators(ind->second, origin(ind->first), targets);
        for (const core::Target& t : targets)
            for (const std::string* layer : {&t.frame_layer, &t.feature_layer})
                if (!layer->empty() && !dataset.find(*layer))
                    throw core::bad_input(core::FeatureRef{t.origin, {}, {}, {}},
                                          "line " + std::to_string(t.line) + ": target '" + t.id + "' names layer '" + *layer + "', which the dataset lacks");
    }
    if (auto it = dataset.files.find("rules.toml"); it != dataset.files.end())
        check_rules(core::parse_rules(it->second, origin(it->first)), catalog, &dataset);
}

}  // namespace zoning::analysis
