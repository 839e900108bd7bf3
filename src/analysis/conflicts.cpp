// SPDX-License-Identifier: MIT
#include "analysis/conflicts.hpp"

#include "analysis/rules/rule_kind.hpp"

namespace zoning::analysis {

core::ConflictSet find_conflicts(const core::Dataset& d, const core::Catalog& cat, const std::vector<core::Rule>& rules,
                                 const ConflictOptions& opt) {
    check_rules(rules, cat, &d);  // a bad rule late in the file fails before any geometry work
    core::ConflictSet all;
    for (const auto& r : rules) {
        core::ConflictSet found = kind_of(r).evaluate(RuleRun{d, cat, r, opt});
        all.conflicts.insert(all.conflicts.end(), std::make_move_iterator(found.conflicts.begin()),
                             std::make_move_iterator(found.conflicts.end()));
        all.robustness_notes.insert(all.robustness_notes.end(), found.robustness_notes.begin(), found.robustness_notes.end());
    }
    return all;
}

}  // namespace zoning::analysis
