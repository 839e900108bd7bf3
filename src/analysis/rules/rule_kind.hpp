// SPDX-License-Identifier: MIT
#pragma once
// The kinds of conflict rule, as a table: one row per kind, each kind in its own
// file of this folder with its keys, its check and its evaluation. Adding a kind:
// docs/rules.md, "Adding a kind".
#include <string>
#include <vector>

#include "analysis/conflicts.hpp"
#include "core/catalog.hpp"
#include "core/dataset.hpp"
#include "core/plan_rules.hpp"
#include "core/results.hpp"

namespace zoning::analysis {

/// What an evaluation gets: one rule and everything it may look at.
struct RuleRun {
    const core::Dataset& dataset;
    const core::Catalog& catalog;
    const core::Rule& rule;
    const ConflictOptions& options;
};

struct RuleKind {
    std::string name;                  ///< the value of `kind` in rules.toml
    std::string summary;               ///< what it finds, one line (docs/rules.md says it at length)
    std::vector<std::string> keys;     ///< keys it reads beyond the common ones, or that it requires
    void (*check)(const core::Rule&);  ///< throws bad_input naming the rule's file and line
    core::ConflictSet (*evaluate)(const RuleRun&);
    bool frame_may_be_line = false;    ///< its frame layer may be a line layer (control lines are strips around lines)
};

/// Every kind, in documentation order.
const std::vector<const RuleKind*>& rule_kinds();
/// The rule's kind; throws bad_input "origin: line N: unknown kind ..." listing the kinds.
const RuleKind& kind_of(const core::Rule& rule);
/// Checks every rule's kind and kind-specific keys, before any geometry is touched.
void check_rules(const std::vector<core::Rule>& rules);
/// check_rules, and each layer a rule names (subject, frame_layer) is a polygon layer of the
/// catalog and, when `dataset` is given, one of its layers. Throws bad_input naming file and line.
void check_rules(const std::vector<core::Rule>& rules, const core::Catalog& catalog, const core::Dataset* dataset);

// The rows of the table, one per file of this folder.
const RuleKind& overlap_frame_kind();
const RuleKind& project_overlap_kind();
const RuleKind& designated_area_kind();
const RuleKind& zone_compatibility_kind();
const RuleKind& parcel_landuse_kind();
const RuleKind& control_line_kind();

}  // namespace zoning::analysis
