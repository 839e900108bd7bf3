// SPDX-License-Identifier: MIT
#pragma once
// Area progress against the plan's targets: each target measured from the data
// where geometry can measure it, and listed as "not measurable" where it cannot.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/overlay.hpp"
#include "core/dataset.hpp"
#include "core/plan_rules.hpp"

namespace zoning::analysis {

struct ProgressRow {
    core::Target target;
    std::optional<double> measured;           ///< in the target's unit; empty when not measurable
    std::optional<double> ratio;              ///< measured / target
    std::string status;                       ///< met | behind | off_target | not_measurable | no_data
    std::vector<std::pair<int, double>> series;  ///< cumulative by completion year, 2021..target year
    std::string basis;                        ///< what was counted, in words (English; the renderer translates the frame)
    std::vector<std::string> counted_ids;     ///< features the figure is made of
};

/// Needs the overlay's district row (for land-use shares). Throws bad_input when a
/// measurable target names a layer or feature the data does not have.
std::vector<ProgressRow> measure_progress(const core::Dataset& dataset, const std::vector<core::Target>& targets,
                                          const OverlayResult& overlay);

}  // namespace zoning::analysis
