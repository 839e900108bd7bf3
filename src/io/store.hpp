// SPDX-License-Identifier: MIT
#pragma once
// The store: one GeoPackage in the dataset's work CRS with a spatial index per layer, readable
// at once by QGIS and by SpatiaLite SQL, and self-contained: metadata, attached
// files (targets.toml, rules.toml), land-use codes and the repair log are
// attribute tables inside it.
#include <filesystem>

#include "core/dataset.hpp"

namespace zoning::io {

/// Store table names other than the catalog layers.
inline constexpr const char* kMetadataTable = "zoning_metadata";
inline constexpr const char* kFilesTable = "zoning_files";
inline constexpr const char* kRepairsTable = "zoning_repairs";
inline constexpr const char* kLanduseTable = "landuse_codes";

/// Writes to a temporary file beside `path` and renames it into place: a failed
/// write leaves an existing store byte-identical. Throws Error(output). Main thread.
void write_store(const std::filesystem::path& path, const core::Dataset& dataset, const core::Catalog& catalog);

/// Reads a store written by write_store, big layers on up to `threads` threads (0: default_threads());
/// the result does not depend on the thread count. Throws Error(bad_input) for a missing,
/// corrupt or foreign file. Main thread.
core::Dataset read_store(const std::filesystem::path& path, const core::Catalog& catalog, unsigned threads = 0);

}  // namespace zoning::io
