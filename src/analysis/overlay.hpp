// SPDX-License-Identifier: MIT
#pragma once
// The overlay engine: subjects (parcels, projects, redevelopment areas) against
// frames (functional zones, service layout, eco structure, industrial parks).
// Candidates come from an STRtree, frames are prepared once per worker, a subject
// the frame properly contains counts its own area with no intersection computed.
// Results do not depend on the thread count.
#include <map>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/results.hpp"

namespace zoning::analysis {

struct OverlayOptions {
    unsigned threads = 0;  ///< 0: default_threads()
    /// The district itself ("boundary") first: its row is the whole-district land use.
    std::vector<std::string> frame_layers = {"boundary", "functional_zones", "service_layout", "eco_structure", "industrial_parks",
                                             "urban_regions"};
    std::string tiling_layer = "functional_zones";
};

/// Every feature of the frame layers; one zone's rows are plan_review's (`PlanReviewOptions::zone`).
core::OverlayResult overlay(const core::Dataset& dataset, const OverlayOptions& options);

}  // namespace zoning::analysis
