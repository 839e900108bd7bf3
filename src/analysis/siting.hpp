// SPDX-License-Identifier: MIT
#pragma once
// The reviewer's siting check: where a proposed project falls (functional zones, service layout,
// eco elements, parks), what it covers (parcels, existing projects), how far it is
// from the ecological elements it avoids, which rules it triggers, and a verdict.
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/catalog.hpp"
#include "core/plan_rules.hpp"
#include "core/results.hpp"

namespace zoning::analysis {

struct SitingOptions {
    unsigned threads = 0;  ///< 0: default_threads()
    double review_distance_m = 100.0;  ///< closer than this to a core, corridor or belt: needs review
    double landuse_mismatch_share = 0.5;  ///< more of the site than this under another first-level land use: needs review
};

/// Checks each proposal independently against the plan (never against each other).
std::vector<core::SitingResult> check_siting(const core::Dataset& dataset, const core::Catalog& catalog, const std::vector<core::Rule>& rules,
                                       const std::vector<core::Proposal>& proposals, const SitingOptions& options = {});

}  // namespace zoning::analysis
