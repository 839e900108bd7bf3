// SPDX-License-Identifier: MIT
#pragma once
// The work CRS of a dataset (docs/crs.md): the one [dataset] crs names, else chosen from
// the boundary (a CGCS2000 3-degree Gauss-Kruger zone inside China, a WGS 84 UTM zone
// elsewhere); refused when it is geographic or when the district leaves its area of use.
#include <string>

#include "core/catalog.hpp"
#include "core/dataset.hpp"

namespace zoning::io {

struct WorkCrs {
    std::string definition;  ///< what PROJ and GDAL read: "EPSG:4549", or the user's WKT
    std::string name;        ///< short name: "EPSG:4549"
    std::string wkt;         ///< WKT2 (2019), recorded in the store
    std::string title;       ///< "CGCS2000 / 3-degree Gauss-Kruger CM 114E"
    std::string reason;      ///< why this one, a sentence for `build` to print
    std::string note;        ///< set when the district leaves the area of use by a tolerable margin
};

/// How far past its area of use a CRS is still accepted, as the worst areal scale error on the
/// boundary: 0.1 %, above the +0.05 % to +0.07 % a 3° Gauss-Kruger zone reaches at its own edge.
inline constexpr double kTolerableAreaError = 0.001;

/// Reads the boundary (in lon/lat) to choose or check the work CRS. Throws Error(bad_input)
/// naming dataset.toml (and the boundary layer and feature where it is the cause): a CRS
/// PROJ does not know, a geographic one, a district outside its area of use (with the areal
/// scale error at the boundary's worst point, when that exceeds kTolerableAreaError), no boundary to choose from.
/// Main thread (GDAL); `threads` as read_layer's.
WorkCrs resolve_work_crs(const core::Catalog& catalog, const core::DatasetConfig& config, unsigned threads = 0);

}  // namespace zoning::io
