// SPDX-License-Identifier: MIT
#include "io/runtime.hpp"

#include <cpl_conv.h>
#include <gdal.h>

namespace zoning::io {

GdalRuntime::GdalRuntime() {
    GDALAllRegister();
    // Reading a GeoJSON with a CRS member of the old "EPSG:4326" form must not warn.
    CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
    // GDAL 3.6 fills a GeoPackage R-tree in a background thread while features are
    // inserted; on this 2-core machine that made writing 200,000 parcels take 6.2 s
    // instead of 2.4 s (insert + R-tree at close, scripts/bench-overlay). Bulk at close it is.
    if (!CPLGetConfigOption("OGR_GPKG_ALLOW_THREADED_RTREE", nullptr)) CPLSetConfigOption("OGR_GPKG_ALLOW_THREADED_RTREE", "NO");
}

GdalRuntime::~GdalRuntime() { GDALDestroy(); }

}  // namespace zoning::io
