// SPDX-License-Identifier: MIT
#pragma once
// Datasets for the tests of libraries that do not read files themselves (analysis,
// report): loaded through io, which this support library links and they do not.
// GDAL must be registered by the test's main (GDAL_MAIN in tests/CMakeLists.txt).
#include <filesystem>

#include "core/catalog.hpp"
#include "core/dataset.hpp"

namespace zoning::test {

/// The bundled layer catalog (layers/), loaded once.
const core::Catalog& bundled_catalog();
/// A dataset folder (dataset.toml and its sources) read as `zoning build` reads it.
core::Dataset load_dataset(const std::filesystem::path& data_dir);
/// tests/fixtures/mini, loaded once.
const core::Dataset& mini_dataset();

}  // namespace zoning::test
