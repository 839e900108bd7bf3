// SPDX-License-Identifier: MIT
#pragma once
// What the rule kinds share: finding the layers a rule names, choosing subjects
// and frames, wording a conflict, and running a rule over subjects on all cores.
#include <functional>
#include <string>
#include <vector>

#include "analysis/frame_index.hpp"
#include "analysis/rules/rule_kind.hpp"

namespace zoning::analysis::rules {

/// The layer a rule names; throws bad_input naming the rule's file, id and line.
const core::Layer& need(const core::Dataset& d, const std::string& layer, const core::Rule& r);
/// Throws bad_input naming the rule's file, `layer`, id and line.
[[noreturn]] void fail_on_layer(const core::Rule& r, const std::string& layer, const std::string& message);

bool has_prefix(const std::string& code, const std::vector<std::string>& prefixes);
/// The frames a rule looks at, by its frame_kinds and frame_names.
std::vector<std::size_t> frame_indices(const core::Layer& frames, const core::Rule& r);
/// 0 .. n-1 for the layer's n features.
std::vector<std::size_t> all_features(const core::Layer& l);
/// The subjects the options ask for (a proposal), else all.
std::vector<std::size_t> subjects_of(const core::Layer& s, const ConflictOptions& opt);
/// Exemptions, construction-only and categories.
bool subject_applies(const core::Layer& s, std::size_t i, const core::Rule& r, const core::Catalog& cat);

/// A conflict of rule r, without features or reason yet.
core::Conflict conflict_of(const core::Rule& r);
core::ConflictFeature ref(const core::Layer& l, std::size_t i);
/// "「name」（用地 0701 城镇住宅用地）" or "'name' (land use 0701 urban housing)".
std::string subject_words(const core::Layer& l, std::size_t i, const core::Catalog& cat, bool zh);
/// The label of a geometry retry: the rule and the pair it was working on.
std::string retry_label(const core::Rule& r, const std::string& subject_id, const std::string& other_id);

/// Runs visit(index, ctx, subject feature, out, log) for every applicable subject on all cores,
/// each worker with its own FrameIndex over `frame_features` of `frame_layer`; conflicts in subject order.
using SubjectVisit =
    std::function<void(const FrameIndex&, const geo::GeosContext&, std::size_t, std::vector<core::Conflict>&, RobustnessLog&)>;
core::ConflictSet over_subjects(const RuleRun& run, const core::Layer& subjects, const std::vector<std::size_t>& subject_features,
                                const core::Layer& frame_layer, const std::vector<std::size_t>& frame_features, const SubjectVisit& visit);

/// Subjects overlapping frames by more than the rule's tolerances. `allowed(frame feature, land use)`
/// may keep a frame quiet for a subject (zone compatibility); the frames are `frames` of `frame_layer`.
core::ConflictSet overlap_conflicts(const RuleRun& run, const std::string& frame_layer, std::vector<std::size_t> frames,
                                    const std::function<bool(std::size_t, const std::string&)>& quiet);

}  // namespace zoning::analysis::rules
