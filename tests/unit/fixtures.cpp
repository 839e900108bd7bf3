// SPDX-License-Identifier: MIT
#include "fixtures.hpp"

#include "io/source_reader.hpp"

namespace zoning::test {

const core::Catalog& bundled_catalog() {
    static core::Catalog c = core::Catalog::load(std::filesystem::path(ZONING_SOURCE_DIR) / "layers");
    return c;
}

core::Dataset load_dataset(const std::filesystem::path& data_dir) {
    return io::read_dataset(bundled_catalog(), core::DatasetConfig::load(data_dir)).dataset;
}

const core::Dataset& mini_dataset() {
    static core::Dataset d = load_dataset(std::filesystem::path(ZONING_TEST_DATA) / "mini");
    return d;
}

}  // namespace zoning::test
