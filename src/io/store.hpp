// SPDX-License-Identifier: MIT
#pragma once
// The store: one GeoPackage in the dataset's work CRS with a spatial index per layer, readable
// at once by QGIS and by SpatiaLite SQL, and self-contained: metadata, attached
// files (targets.toml, rules.toml), land-use codes and the repair log are
// attribute tables inside it.
#include <filesystem>
#include <memory>

#include "core/dataset.hpp"
#include "io/source_reader.hpp"

namespace zoning::io {

/// Store table names other than the catalog layers.
inline constexpr const char* kMetadataTable = "zoning_metadata";
inline constexpr const char* kFilesTable = "zoning_files";
inline constexpr const char* kRepairsTable = "zoning_repairs";
inline constexpr const char* kLanduseTable = "landuse_codes";

/// Writes to a temporary file beside `path` and renames it into place: a failed
/// write leaves an existing store byte-identical. Throws Error(output). Main thread.
void write_store(const std::filesystem::path& path, const core::Dataset& dataset, const core::Catalog& catalog);

class AtomicFile;
class GeoPackageFiller;

/// write_store while read_dataset reads the layers (give it as read_dataset's sink): before the
/// first layer, GDAL makes the temporary file beside `path` with the store's empty layers; each
/// layer's rows go in as the workers finish them, each R-tree once its layer is read; commit()
/// adds the tables (metadata, files, repairs, land-use codes) and renames the file into place.
/// Without commit() (a build with errors, an exception) the temporary is removed and `path` is
/// untouched. When the file cannot be made at the start, nothing is written while reading (the
/// features stay in the dataset) and commit() is write_store, with its errors.
class StoreStream : public LayerSink {
public:
    StoreStream(std::filesystem::path path, const core::Catalog& catalog);
    ~StoreStream() override;
    StoreStream(const StoreStream&) = delete;
    StoreStream& operator=(const StoreStream&) = delete;

    void begin(const core::Dataset& dataset, const std::vector<const core::LayerSpec*>& layers) override;
    void layer_begin(const core::LayerSpec& spec) override;
    bool features(const core::Layer& layer, std::size_t from) override;
    void layer_done(const core::Layer& layer) override;

    /// The store of `dataset`, the one read_dataset read with this sink. Throws Error(output).
    void commit(const core::Dataset& dataset);

private:
    std::filesystem::path m_path;
    const core::Catalog& m_catalog;
    std::unique_ptr<AtomicFile> m_out;           // set once the file is made
    std::unique_ptr<GeoPackageFiller> m_filler;  // on m_out's temporary, until commit
    std::vector<const core::LayerSpec*> m_layers;
};

/// Reads a store written by write_store, big layers on up to `threads` threads (0: default_threads());
/// the result does not depend on the thread count. Throws Error(bad_input) for a missing,
/// corrupt or foreign file. Main thread.
core::Dataset read_store(const std::filesystem::path& path, const core::Catalog& catalog, unsigned threads = 0);

}  // namespace zoning::io
