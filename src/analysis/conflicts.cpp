// SPDX-License-Identifier: MIT
#include "analysis/conflicts.hpp"

#include "analysis/rules/rule_kind.hpp"

namespace zoning::analysis {

namespace {

/// A project the plan asks only to prepare (谋划) or to clear the land for (完成征迁) is not built in
/// the period: a finding on it is about its planned site, and the reason says so with the plan's line.
void say_plan_verb(const core::Dataset& d, core::Conflict& c) {
    if (c.features.empty() || c.features.front().layer != "projects") return;
    const core::Layer* projects = d.find("projects");
    if (!projects || projects->spec->field_index("plan_verb") < 0) return;
    for (const auto& f : projects->features) {
        if (projects->id_of(f) != c.features.front().id) continue;
        const std::string verb = projects->text(f, "plan_verb");
        if (verb != "谋划" && verb != "完成征迁") return;
        const std::string line = projects->text(f, "plan_line");
        // No quotation marks: the verb is our short form of the plan's words, not always its wording,
        // and quotation marks in the report promise the plan's words verbatim.
        c.reason_zh += "规划本期对该项目仅要求" + verb + (line.empty() ? "" : "（原文第" + line + "行）") + "，此处为其规划选址。";
        c.reason += " The plan asks only for " + verb + (verb == "谋划" ? " (preparation)" : " (land clearance)") + " in the period" +
                    (line.empty() ? "" : " (line " + line + ")") + ": this is its planned site.";
        return;
    }
}

}  // namespace

core::ConflictSet find_conflicts(const core::Dataset& d, const core::Catalog& cat, const std::vector<core::Rule>& rules,
                                 const ConflictOptions& opt) {
    check_rules(rules, cat, &d);  // a bad rule late in the file fails before any geometry work
    core::ConflictSet all;
    for (const auto& r : rules) {
        core::ConflictSet found = kind_of(r).evaluate(RuleRun{d, cat, r, opt});
        for (auto& c : found.conflicts) say_plan_verb(d, c);
        all.conflicts.insert(all.conflicts.end(), std::make_move_iterator(found.conflicts.begin()),
                             std::make_move_iterator(found.conflicts.end()));
        all.robustness_notes.insert(all.robustness_notes.end(), found.robustness_notes.begin(), found.robustness_notes.end());
    }
    return all;
}

}  // namespace zoning::analysis
