// SPDX-License-Identifier: MIT
#pragma once
// Two stores of one district compared (`zoning diff`): features added, removed and changed
// per layer, project status transitions, conflicts new / resolved / still open, and each
// target's progress old → new. Each store is reviewed with its own targets and rules.
#include <vector>

#include "core/catalog.hpp"
#include "core/dataset.hpp"
#include "core/diff_result.hpp"
#include "core/plan_rules.hpp"

namespace zoning::analysis {

/// A store with the plan it carries: what each side of a diff is reviewed with.
struct DiffSide {
    const core::Dataset* dataset = nullptr;
    std::vector<core::Target> targets;
    std::vector<core::Rule> rules;
    std::string path;  ///< as the user gave it, for the result's head
};

/// Compares `old_side` with `new_side`. When the stores' CRSs differ (metadata `crs`), the newer
/// store's geometries are transformed to the older one's before areas are compared; throws
/// core::Error(bad_input) naming the store and feature when PROJ cannot transform one.
/// Features are matched by id within each catalog layer; a geometry counts as changed when
/// more than 0.01 m² (or 0.01 m of a line) differs, so a store rewritten unchanged shows nothing.
core::DiffResult diff_stores(const DiffSide& old_side, const DiffSide& new_side, const core::Catalog& catalog, unsigned threads = 0);

}  // namespace zoning::analysis
