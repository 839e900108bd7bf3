// SPDX-License-Identifier: MIT
// A catalog layer file (layers/*.toml): core::Catalog::load_layer_file on a file holding the input.
#include "core/catalog.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = zoning::fuzz::write_temp("layer.toml", data, size);
    zoning::fuzz::guarded([&] { (void)zoning::core::Catalog::load_layer_file(file); });
    return 0;
}
