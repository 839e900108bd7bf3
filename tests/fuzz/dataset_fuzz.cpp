// SPDX-License-Identifier: MIT
// dataset.toml: core::DatasetConfig::load on a file holding the input.
#include "core/dataset.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = zoning::fuzz::write_temp("dataset.toml", data, size);
    zoning::fuzz::guarded([&] { (void)zoning::core::DatasetConfig::load(file); });
    return 0;
}
