// SPDX-License-Identifier: MIT
#pragma once
// What a web map of the store needs from GDAL: the CRS as a proj4 definition for the browser
// (proj4js), and a layer cut into Mapbox vector tiles on a tile grid in the store's own CRS.
#include <filesystem>
#include <string>

namespace zoning::io {

/// The proj4 definition of the work CRS ("EPSG:N" or WKT, as core::Dataset::work_crs gives it),
/// e.g. "+proj=tmerc +lat_0=0 +lon_0=114 ... +units=m +no_defs". Throws Error(bad_input).
std::string proj4_definition(const std::string& work_crs);

/// A square tile grid over the store: zoom 0 is one tile of `size0` metres whose upper-left
/// corner is (`origin_x`, `origin_y`); each zoom halves the tile size.
struct TileGrid {
    double origin_x = 0, origin_y = 0, size0 = 0;
    int max_zoom = 0;
};

/// Writes `layer` of the GeoPackage `store` as uncompressed MVT tiles `dir/{z}/{x}/{y}.pbf`
/// (y counted down from the origin) with every attribute, through GDAL's MVT driver with a
/// TILING_SCHEME in `work_crs`. The tiles are made in a hidden folder beside `dir` and renamed
/// into place, so a reader never sees half a pyramid. Throws Error(output) or Error(bad_input).
void write_vector_tiles(const std::filesystem::path& store, const std::string& layer, const std::string& work_crs,
                        const TileGrid& grid, const std::filesystem::path& dir);

}  // namespace zoning::io
