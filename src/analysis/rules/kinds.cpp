// SPDX-License-Identifier: MIT
#include "analysis/rules/rule_kind.hpp"

namespace zoning::analysis {

const std::vector<const RuleKind*>& rule_kinds() {
    static const std::vector<const RuleKind*> table = {
        &overlap_frame_kind(),
        &project_overlap_kind(),
        &designated_area_kind(),
        &zone_compatibility_kind(),
    };
    return table;
}

const RuleKind& kind_of(const core::Rule& rule) {
    std::string names;
    for (const RuleKind* k : rule_kinds()) {
        if (k->name == rule.kind) return *k;
        names += (names.empty() ? "" : ", ") + k->name;
    }
    rule.keys.fail("unknown kind '" + rule.kind + "' (" + names + ")");
}

void check_rules(const std::vector<core::Rule>& rules) {
    for (const auto& r : rules) kind_of(r).check(r);
}

}  // namespace zoning::analysis
