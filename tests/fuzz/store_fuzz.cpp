// SPDX-License-Identifier: MIT
// The store reader: io::read_store on a GeoPackage file holding the input. The corpus
// starts from a real store built from tests/fixtures/mini (make_store_seed).
#include "gdal_common.hpp"
#include "io/store.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    zoning::fuzz::init_gdal();
    (void)zoning::fuzz::catalog();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = zoning::fuzz::write_temp("store.gpkg", data, size);
    zoning::fuzz::guarded([&] { (void)zoning::io::read_store(file, zoning::fuzz::catalog()); });
    std::error_code ec;  // GDAL or SQLite may leave a journal beside it
    std::filesystem::remove(file.string() + "-journal", ec);
    std::filesystem::remove(file.string() + "-wal", ec);
    std::filesystem::remove(file.string() + "-shm", ec);
    return 0;
}
