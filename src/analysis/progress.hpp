// SPDX-License-Identifier: MIT
#pragma once
// Area progress against the plan's targets: each target measured from the data
// where geometry can measure it, and listed as "not measurable" where it cannot.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/dataset.hpp"
#include "core/plan_rules.hpp"
#include "core/results.hpp"

namespace zoning::analysis {

/// Needs the overlay's district row (for land-use shares). Throws bad_input when a
/// measurable target names a layer or feature the data does not have. Geometry retries
/// (a project cut by its target's frame) are appended to `robustness_notes` when given.
/// `year` (zoning report --year): judge as of that year: a project counts as completed only if
/// its completion_year is not later, the expected path is that year's, deadlines are judged then.
/// Without it: the dataset's evaluation_year, else the newest completion year of its projects.
std::vector<core::ProgressRow> measure_progress(const core::Dataset& dataset, const std::vector<core::Target>& targets,
                                          const core::OverlayResult& overlay, std::vector<std::string>* robustness_notes = nullptr,
                                          std::optional<int> year = std::nullopt);

}  // namespace zoning::analysis
