// SPDX-License-Identifier: MIT
#include "io/runtime.hpp"

#include <mutex>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>

namespace zoning::io {

namespace {

std::mutex g_mutex;
std::vector<GdalMessage> g_kept;
std::size_t g_dropped = 0;

// Installed for the whole run: GDAL's default handler would print "ERROR 1: ..." on stderr
// before (and instead of) our own line. A GdalErrorScope pushed on a thread takes precedence.
void CPL_STDCALL keep_message(CPLErr cls, CPLErrorNum num, const char* msg) {
    if (cls == CE_Debug || cls == CE_None) {
        CPLDefaultErrorHandler(cls, num, msg);  // prints only when CPL_DEBUG asks for it
        return;
    }
    std::lock_guard lock(g_mutex);
    if (g_kept.size() >= kMaxKeptGdalMessages) {
        ++g_dropped;
        return;
    }
    g_kept.push_back(GdalMessage{cls >= CE_Failure, msg ? msg : ""});
}

}  // namespace

std::vector<GdalMessage> take_gdal_messages(std::size_t* dropped) {
    std::lock_guard lock(g_mutex);
    std::vector<GdalMessage> r;
    r.swap(g_kept);
    if (dropped) *dropped = g_dropped;
    g_dropped = 0;
    return r;
}

GdalRuntime::GdalRuntime() {
    CPLSetErrorHandler(&keep_message);
    GDALAllRegister();
    // Reading a GeoJSON with a CRS member of the old "EPSG:4326" form must not warn.
    CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
    // GDAL 3.6 fills a GeoPackage R-tree in a background thread while features are
    // inserted; on this 2-core machine that made writing 200,000 parcels take 6.2 s
    // instead of 2.4 s (insert + R-tree at close, scripts/bench-overlay). Bulk at close it is.
    if (!CPLGetConfigOption("OGR_GPKG_ALLOW_THREADED_RTREE", nullptr)) CPLSetConfigOption("OGR_GPKG_ALLOW_THREADED_RTREE", "NO");
}

// The handler stays: GDAL cannot change it once torn down, and it never prints.
GdalRuntime::~GdalRuntime() { GDALDestroy(); }

}  // namespace zoning::io
