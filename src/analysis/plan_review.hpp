// SPDX-License-Identifier: MIT
#pragma once
// The planner's review of a store, in one call: coverage of the frames, progress against
// the plan's targets and the conflicts the rules find, for the whole district or one zone.
// `report` and `export` render it; the CLI only gathers the inputs.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/dataset.hpp"
#include "core/plan_rules.hpp"
#include "core/results.hpp"

namespace zoning::analysis {

struct PlanReviewOptions {
    unsigned threads = 0;  ///< 0: default_threads()
    /// Limit to one frame feature (zone, area, belt, core, corridor or park), by name or id;
    /// empty for the whole district.
    std::string zone;
    /// False: the overlay covers the district only, as much as progress needs (export).
    bool coverage = true;
    /// Judge progress as of this year (report --year); empty: the dataset's evaluation year.
    std::optional<int> year;
    /// False: the caller draws no conflict (report --format json, md, csv), so conflicts skip geometry
    /// that costs more than finding them (ConflictOptions::geometry). A zone needs it to place each conflict.
    bool conflict_geometry = true;
};

struct PlanReview {
    core::OverlayResult overlay;              ///< with a zone: that frame's rows only
    std::vector<core::ProgressRow> progress;  ///< with a zone: the targets measured in it
    core::ConflictSet conflicts;              ///< with a zone: those lying in it (and its retries choosing them)
    std::vector<std::string> progress_notes;  ///< geometry retries while measuring progress
    /// Each phase's wall and process CPU seconds (overlay, progress, conflicts, zone), for `ZONING_TIMING=1 zoning report`;
    /// CPU -1 for a phase that ran beside others.
    struct Phase {
        std::string name;
        double wall_s = 0, cpu_s = 0;
    };
    std::vector<Phase> phases;
    /// Every geometry retry of the three (overlay, progress, conflicts), for the report's notes.
    std::vector<std::string> robustness_notes() const;
};

/// One overlay, progress and conflicts. A conflict belongs to the zone when its geometry
/// (the overlap) lies in the zone with positive area; one without geometry, when the zone
/// is among its features. Throws core::Error(bad_input) when `zone` matches no frame.
/// A dataset's attached targets.toml and rules.toml, checked as fully as report and check will
/// read them (every key, each rule's kind, the layers they name against the dataset): build
/// refuses to write a store whose plan files would break every later command, and validate
/// --data says so first. `dir` is the dataset folder, naming the files in errors.
void check_plan_files(const core::Dataset& dataset, const core::Catalog& catalog, const std::filesystem::path& dir);

PlanReview plan_review(const core::Dataset& dataset, const core::Catalog& catalog, const std::vector<core::Target>& targets,
                       const std::vector<core::Rule>& rules, const PlanReviewOptions& options = {});

}  // namespace zoning::analysis
