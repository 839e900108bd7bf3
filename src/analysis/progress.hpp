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
std::vector<core::ProgressRow> measure_progress(const core::Dataset& dataset, const std::vector<core::Target>& targets,
                                          const core::OverlayResult& overlay, std::vector<std::string>* robustness_notes = nullptr);

}  // namespace zoning::analysis
