// SPDX-License-Identifier: MIT
#pragma once
// Kept free of GDAL headers so main.cpp stays on our side of the C boundary.

namespace zoning::io {

/// GDALAllRegister at start, GDALDestroy at the end of main, after every dataset is gone.
class GdalRuntime {
public:
    GdalRuntime();
    ~GdalRuntime();
    GdalRuntime(const GdalRuntime&) = delete;
    GdalRuntime& operator=(const GdalRuntime&) = delete;
};

}  // namespace zoning::io
