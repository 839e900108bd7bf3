// SPDX-License-Identifier: MIT
// Writes the store fuzzer's seed: tests/fixtures/mini built into a store, as `zoning build`
// does. Usage: make_store_seed OUT.gpkg (scripts/fuzz --seed-store runs it).
#include <cstdio>

#include "core/dataset.hpp"
#include "gdal_common.hpp"
#include "io/source_reader.hpp"
#include "io/store.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_store_seed OUT.gpkg\n");
        return 2;
    }
    zoning::io::GdalRuntime gdal;
    try {
        const auto& catalog = zoning::fuzz::catalog();
        auto r = zoning::io::read_dataset(catalog, zoning::core::DatasetConfig::load(ZONING_TEST_DATA "/mini"), 1);
        zoning::io::write_store(argv[1], r.dataset, catalog);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "make_store_seed: %s\n", e.what());
        return 1;
    }
    return 0;
}
