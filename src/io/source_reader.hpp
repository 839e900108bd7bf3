// SPDX-License-Identifier: MIT
#pragma once
// Reads a catalog layer from any OGR source (GeoJSON, Shapefile incl. GBK DBF,
// GeoPackage, PostGIS "PG:" strings), transforms it to the work CRS, checks it against
// the catalog and repairs invalid geometry (each repair recorded, never silent).
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/finding.hpp"

class OGRLayer;

namespace zoning::io {

struct ReadResult {
    core::Layer layer;
    std::vector<core::Finding> findings;  ///< per-feature problems; features with errors are left out
};

/// How a reader's user names a CRS, for the advice when coordinates do not fit the declared
/// one: empty for dataset.toml (`crs = ...` and `force_crs = true` in [layers.X]), else the
/// command-line option (e.g. "--crs").
struct CrsAdvice {
    std::string option;
};

/// How a read reports land-use values that no values table or national code covers: one
/// finding per distinct value with its count and first fids (build: a wrong column is a few
/// lines, not one per parcel), or one per feature (a batch of proposals, each a row of its own).
enum class UnmappedReport { per_value, per_feature };

/// Throws core::Error(bad_input) when the source cannot be read at all (missing file,
/// unknown layer, no CRS, missing field, a bad where filter, open option or encoding name, a
/// values table mapping to no national code); per-feature problems become findings. Values
/// `source.on_unmapped = skip` drops are warnings. The source's folder is never written to:
/// an open option that writes beside the file (SHAPE_RESTORE_SHX) works on a copy in memory.
/// GDAL on the calling thread only; geometry work on `threads` workers (0: all cores).
/// `work_crs`: the CRS the geometry is transformed to (core::Dataset::work_crs).
ReadResult read_layer(const core::Catalog& catalog, const core::LayerSpec& spec, const core::LayerSource& source,
                      const std::string& work_crs, const std::filesystem::path& base_dir, unsigned threads = 0, const CrsAdvice& advice = {},
                      UnmappedReport unmapped = UnmappedReport::per_feature);

/// read_layer for a layer already open (e.g. built in memory from --wkt): `source` names it
/// in every finding and message; `src` gives the CRS, field and value mappings (its
/// `source` and `source_layer` are not used). Same throws and findings as read_layer.
ReadResult read_ogr_layer(const core::Catalog& catalog, const core::LayerSpec& spec, const core::LayerSource& src, OGRLayer& layer,
                          const std::string& work_crs, const std::string& source, unsigned threads = 0, const CrsAdvice& advice = {},
                          UnmappedReport unmapped = UnmappedReport::per_feature);

/// A feature as read: values typed, `wkb` still in the source CRS.
struct SourceFeature {
    core::Feature feature;
    core::FeatureRef ref;  ///< names the feature in findings
};
/// The last step of reading: each geometry to `work_crs` from `source_crs` (anything PROJ
/// reads), repaired with MakeValid when invalid (a warning and a core::Repair each), kept
/// in `into.layer` (whose `spec` must be set) or left out with an error finding.
void transform_and_repair(ReadResult& into, std::vector<SourceFeature> features, const std::string& source_crs,
                          const std::string& work_crs, unsigned threads = 0);

/// Reads every layer a dataset.toml lists, plus the attached files and metadata, in the work
/// CRS io::resolve_work_crs gives (recorded in the metadata: crs, crs_wkt, crs_reason, area,
/// source_crs.<layer>).
struct DatasetReadResult {
    core::Dataset dataset;
    std::vector<core::Finding> findings;
};
/// Told of each layer's features while read_dataset reads them, so they can be stored in the
/// meantime (zoning build's store, io::StoreStream) instead of after the whole dataset is read.
class LayerSink {
public:
    virtual ~LayerSink() = default;
    /// Before the first layer: the dataset so far (its metadata names the work CRS) and the
    /// layers that will be read, in order. On read_dataset's thread.
    virtual void begin(const core::Dataset& dataset, const std::vector<const core::LayerSpec*>& layers) = 0;
    /// Before `spec`'s features, on read_dataset's thread.
    virtual void layer_begin(const core::LayerSpec& spec) = 0;
    /// Features [from, end) of `layer` are final (checked, in the work CRS, repaired): called in
    /// the order read, from one thread at a time but not always read_dataset's. True when the
    /// sink has kept them: the layer then keeps only each feature's fid (its values and geometry
    /// are freed, so the memory of a million features is used again for the next ones).
    virtual bool features(const core::Layer& layer, std::size_t from) = 0;
    /// Every feature of `layer` has been given; on read_dataset's thread.
    virtual void layer_done(const core::Layer& layer) = 0;
};

/// `threads`: 0 for all cores; the geometry checks and transforms run on them. `sink`, if
/// given, is told of the layers as they are read (whatever findings they have); the features
/// it keeps are left in the result with their fids only.
DatasetReadResult read_dataset(const core::Catalog& catalog, const core::DatasetConfig& config, unsigned threads = 0,
                               LayerSink* sink = nullptr);

}  // namespace zoning::io
