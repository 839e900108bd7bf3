// SPDX-License-Identifier: MIT
#pragma once
// Conflicts, from the rules file planners edit (rules.toml; kinds and keys in
// docs/rules.md, one file per kind in analysis/rules/).
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/catalog.hpp"
#include "core/plan_rules.hpp"
#include "core/results.hpp"

namespace zoning::analysis {

struct ConflictOptions {
    unsigned threads = 0;  ///< 0: default_threads()
    /// Evaluate only these subject feature indices of the subject layer (a proposal); empty: all.
    std::vector<std::size_t> only_subjects;
    /// False: a conflict whose geometry costs more than finding it (parcel_landuse's union of the
    /// parcels under its subject) carries none (empty overlap_wkb), for outputs that do not draw or
    /// locate conflicts; its figures and words are the same. A retry that union would have needed is
    /// then not noted either: there is no geometry to have retried.
    bool geometry = true;
};

/// Applies every rule; results ordered by rule (file order), then subject fid, then the other feature.
/// Throws bad_input naming the rule's file and line for an unknown kind, a key the kind lacks
/// (all rules are checked before any is applied) or a layer the store lacks.
core::ConflictSet find_conflicts(const core::Dataset& dataset, const core::Catalog& catalog,
                               const std::vector<core::Rule>& rules, const ConflictOptions& options = {});

}  // namespace zoning::analysis
