// SPDX-License-Identifier: MIT
#pragma once
// The checks that matter to planners, over an in-memory dataset (EPSG:4547):
// functional zones tile the boundary, every feature lies within the district,
// ids are unique; plus a per-layer summary.
#include <map>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/finding.hpp"

namespace zoning::analysis {

struct LayerSummary {
    std::string layer;
    std::string title_zh;
    std::size_t count = 0;
    std::string crs;
    std::map<std::string, std::size_t> geometry_types;  ///< GEOS type name -> count
    std::size_t repaired = 0;
    double total_area_m2 = 0;    ///< polygon layers
    double total_length_m = 0;   ///< line layers
};

struct TilingResult {
    bool checked = false;
    double boundary_area_m2 = 0;
    double zones_area_m2 = 0;
    double gap_area_m2 = 0;
    double overlap_area_m2 = 0;
};

struct ValidationOptions {
    double tiling_tolerance_m2 = 1.0;   ///< total gap or overlap above this is an error
    double outside_tolerance_m2 = 1.0;  ///< a polygon sticking out less than this is ignored
    double outside_tolerance_m = 1.0;   ///< a line sticking out less than this is ignored
    unsigned threads = 0;               ///< 0: default_threads()
    std::string tiling_layer = "functional_zones";
};

struct ValidationReport {
    std::vector<LayerSummary> layers;
    TilingResult tiling;
    std::vector<core::Finding> findings;  ///< sorted: errors first, then by layer and fid
    bool ok() const { return !core::has_errors(findings); }
};

/// Runs every check. `read_findings` (schema problems met while reading) are merged in.
ValidationReport validate(const core::Dataset& dataset, std::vector<core::Finding> read_findings,
                          const ValidationOptions& options = {});

}  // namespace zoning::analysis
