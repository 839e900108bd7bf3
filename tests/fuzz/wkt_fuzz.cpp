// SPDX-License-Identifier: MIT
// `check --wkt`: io::read_proposals with the input as WKT. The CRS is EPSG:4547 unless the
// input starts with "SRID=4326;" (as EWKT does), so lon/lat checks and transforms are reached too.
#include "gdal_common.hpp"
#include "io/proposal_reader.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    zoning::fuzz::init_gdal();
    (void)zoning::fuzz::catalog();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string wkt = zoning::fuzz::as_text(data, size);
    zoning::io::ProposalInput in;
    in.crs = "EPSG:4547";
    constexpr std::string_view lonlat = "SRID=4326;";
    if (wkt.starts_with(lonlat)) {
        in.crs = "EPSG:4326";
        wkt.erase(0, lonlat.size());
    }
    if (wkt.empty()) return 0;  // empty --wkt means "no WKT": read_proposals would open file ""
    in.wkt = wkt;
    in.landuse = "0701";
    in.name = "fuzz";
    zoning::fuzz::guarded([&] { (void)zoning::io::read_proposals(zoning::fuzz::catalog(), "EPSG:4547", in); });
    return 0;
}
