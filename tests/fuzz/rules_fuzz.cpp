// SPDX-License-Identifier: MIT
// rules.toml: core::parse_rules, then every rule's kind and keys (analysis::check_rules),
// as PlanCommand loads them before any geometry work.
#include "analysis/rules/rule_kind.hpp"
#include "core/plan_rules.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = zoning::fuzz::as_text(data, size);
    zoning::fuzz::guarded([&] {
        const auto rules = zoning::core::parse_rules(text, "rules.toml");
        zoning::analysis::check_rules(rules);
    });
    return 0;
}
