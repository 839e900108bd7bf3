// SPDX-License-Identifier: MIT
#pragma once
// Kept free of GDAL headers so main.cpp stays on our side of the C boundary.
#include <string>
#include <vector>

namespace zoning::io {

/// GDALAllRegister at start, GDALDestroy at the end of main, after every dataset is gone.
/// While it lives, GDAL never prints: its messages go to the innermost io::GdalErrorScope of
/// the thread that raised them (which turns them into our own error lines), and those raised
/// outside any scope are kept for take_gdal_messages(). CPL_DEBUG output still prints.
class GdalRuntime {
public:
    GdalRuntime();
    ~GdalRuntime();
    GdalRuntime(const GdalRuntime&) = delete;
    GdalRuntime& operator=(const GdalRuntime&) = delete;
};

/// A GDAL message raised outside any GdalErrorScope.
struct GdalMessage {
    bool failure = false;  ///< CE_Failure or CE_Fatal; else a warning
    std::string text;
};

/// The messages raised outside any GdalErrorScope since the last call, oldest first (at most
/// kMaxKeptGdalMessages; later ones are counted in `dropped`). Thread-safe.
std::vector<GdalMessage> take_gdal_messages(std::size_t* dropped = nullptr);
inline constexpr std::size_t kMaxKeptGdalMessages = 20;

}  // namespace zoning::io
