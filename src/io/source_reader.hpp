// SPDX-License-Identifier: MIT
#pragma once
// Reads a catalog layer from any OGR source (GeoJSON, Shapefile incl. GBK DBF,
// GeoPackage, PostGIS "PG:" strings), transforms it to EPSG:4547, checks it against
// the catalog and repairs invalid geometry (each repair recorded, never silent).
#include <vector>

#include "core/dataset.hpp"
#include "core/finding.hpp"

namespace zoning::io {

struct ReadResult {
    core::Layer layer;
    std::vector<core::Finding> findings;  ///< per-feature problems; features with errors are left out
};

/// Throws core::Error(bad_input) when the source cannot be read at all (missing file,
/// unknown layer, no CRS, missing required field); per-feature problems become findings.
/// GDAL on the calling thread only; geometry work on `threads` workers (0: all cores).
ReadResult read_layer(const core::Catalog& catalog, const core::LayerSpec& spec, const core::LayerSource& source,
                      const std::filesystem::path& base_dir, unsigned threads = 0);

/// Reads every layer a dataset.toml lists, plus the attached files and metadata.
struct DatasetReadResult {
    core::Dataset dataset;
    std::vector<core::Finding> findings;
};
/// `threads`: 0 for all cores; the geometry checks and transforms run on them.
DatasetReadResult read_dataset(const core::Catalog& catalog, const core::DatasetConfig& config, unsigned threads = 0);

}  // namespace zoning::io
