// SPDX-License-Identifier: MIT
// Any OGR source through the layer reader: the input becomes a /vsimem/ file (GeoJSON
// most of the time, but GDAL picks the driver from the bytes) read by io::read_layer as a
// polygon layer (functional_zones, with a land-use domain) and as a line layer (roads).
#include <cpl_vsi.h>

#include "gdal_common.hpp"
#include "io/source_reader.hpp"

namespace {
const char* kPath = "/vsimem/fuzz/input";

void read_as(const std::string& layer_name, const std::string& crs) {
    const auto& catalog = zoning::fuzz::catalog();
    zoning::core::LayerSource src;
    src.layer = layer_name;
    src.source = kPath;
    src.crs = crs;
    zoning::fuzz::guarded([&] { (void)zoning::io::read_layer(catalog, catalog.at(layer_name), src, "EPSG:4547", ".", 1); });
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    zoning::fuzz::init_gdal();
    (void)zoning::fuzz::catalog();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // VSIFileFromMemBuffer does not copy: GDAL reads the fuzzer's bytes in place (ASan sees overreads).
    VSILFILE* f = VSIFileFromMemBuffer(kPath, const_cast<GByte*>(data), static_cast<vsi_l_offset>(size), FALSE);
    if (!f) return 0;
    VSIFCloseL(f);
    read_as("functional_zones", "");
    read_as("roads", "EPSG:4547");
    VSIUnlink(kPath);
    return 0;
}
