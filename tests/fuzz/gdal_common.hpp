// SPDX-License-Identifier: MIT
#pragma once
// For the targets that read through GDAL: registered once (as zoning's main() does),
// its error lines silenced (they are turned into core::Error by io), the bundled catalog.
#include <cpl_conv.h>
#include <cpl_error.h>

#include "core/catalog.hpp"
#include "fuzz_common.hpp"
#include "io/runtime.hpp"

namespace zoning::fuzz {

inline void init_gdal() {
    static io::GdalRuntime* runtime = new io::GdalRuntime();  // never destroyed: libFuzzer exits from anywhere
    (void)runtime;
    CPLSetErrorHandler(CPLQuietErrorHandler);
    CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");  // no network from fuzzed bytes
    CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "none");
    CPLSetConfigOption("PROJ_NETWORK", "OFF");
}

inline const core::Catalog& catalog() {
    static const core::Catalog c = core::Catalog::load(core::Catalog::default_dir());
    return c;
}

}  // namespace zoning::fuzz
