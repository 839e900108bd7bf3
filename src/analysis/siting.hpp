// SPDX-License-Identifier: MIT
#pragma once
// The reviewer's siting check: where a proposed project falls (functional zones, service layout,
// eco elements, parks), what it covers (parcels, existing projects), how far it is
// from the ecological elements it avoids, which rules it triggers, and a verdict.
#include <memory>
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

/// The plan's features prepared and indexed for siting checks, built once and used by many
/// (zoning serve's requests), instead of once per check_siting call. It holds its own GEOS context:
/// make, use and destroy it on one thread (geo/geos.hpp's rule). The dataset outlives its use.
class SitingIndex {
public:
    explicit SitingIndex(const core::Dataset& dataset);
    ~SitingIndex();
    SitingIndex(const SitingIndex&) = delete;
    SitingIndex& operator=(const SitingIndex&) = delete;
    const core::Dataset& dataset() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
    friend std::vector<core::SitingResult> check_siting(SitingIndex& index, const core::Catalog& catalog, const std::vector<core::Rule>& rules,
                                                        const std::vector<core::Proposal>& proposals, const SitingOptions& options);
};

/// check_siting against index.dataset() with the index's features, the proposals one after
/// another on the calling thread (options.threads is not used for them); the same results.
std::vector<core::SitingResult> check_siting(SitingIndex& index, const core::Catalog& catalog, const std::vector<core::Rule>& rules,
                                             const std::vector<core::Proposal>& proposals, const SitingOptions& options = {});

}  // namespace zoning::analysis
