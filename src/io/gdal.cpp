// SPDX-License-Identifier: MIT
#include "io/gdal.hpp"

#include "core/dataset.hpp"
#include "core/error.hpp"

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

namespace {
thread_local GdalErrorScope* t_scope = nullptr;
}

GdalErrorScope::GdalErrorScope() {
    CPLPushErrorHandlerEx(&GdalErrorScope::handler, this);
    t_scope = this;
}

GdalErrorScope::~GdalErrorScope() {
    CPLPopErrorHandler();
    t_scope = nullptr;
}

void CPL_STDCALL GdalErrorScope::handler(CPLErr cls, CPLErrorNum, const char* msg) {
    auto* self = static_cast<GdalErrorScope*>(CPLGetErrorHandlerUserData());
    if (!self) self = t_scope;
    if (!self) return;
    if (cls >= CE_Warning && msg) self->m_message = msg;
    if (cls >= CE_Failure) self->m_failed = true;
}

void close_or_throw(GDALDatasetUniquePtr& ds, const std::string& path) {
    GdalErrorScope scope;
    GDALDataset* raw = ds.release();
    if (!raw) return;
    CPLErrorReset();
    GDALClose(raw);  // returns void in GDAL 3.6: the error state tells
    if (CPLGetLastErrorType() >= CE_Failure || scope.failed()) throw core::output_error(path, "could not finish writing: " + scope.message_or("GDALClose failed"));
}

OGRSpatialReference work_srs() {
    OGRSpatialReference srs;
    srs.SetFromUserInput(core::kWorkCrs);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

}  // namespace zoning::io
