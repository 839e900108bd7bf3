// SPDX-License-Identifier: MIT
#pragma once
// The checks that matter to planners, over an in-memory dataset (in its work CRS):
// functional zones tile the boundary, every feature lies within the district,
// ids are unique; plus a per-layer summary.
#include <map>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/finding.hpp"
#include "core/results.hpp"

namespace zoning::analysis {

struct ValidationOptions {
    double tiling_tolerance_m2 = 1.0;   ///< total gap or overlap above this is an error
    double outside_tolerance_m2 = 1.0;  ///< a polygon sticking out less than this is ignored
    double outside_tolerance_m = 1.0;   ///< a line sticking out less than this is ignored
    unsigned threads = 0;               ///< 0: default_threads()
    std::string tiling_layer = "functional_zones";
};

/// Runs every check. `read_findings` (schema problems met while reading) are merged in.
core::ValidationReport validate(const core::Dataset& dataset, std::vector<core::Finding> read_findings,
                          const ValidationOptions& options = {});

}  // namespace zoning::analysis
