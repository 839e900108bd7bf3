// SPDX-License-Identifier: MIT
// targets.toml: core::parse_targets.
#include "core/plan_rules.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = zoning::fuzz::as_text(data, size);
    zoning::fuzz::guarded([&] { (void)zoning::core::parse_targets(text, "targets.toml"); });
    return 0;
}
