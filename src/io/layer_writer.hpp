// SPDX-License-Identifier: MIT
#pragma once
// Writing layers into an open OGR dataset: catalog and analysis layers with their
// geometry, and the attribute tables (metadata, land-use codes) beside them. Shared by
// the store, the export formats and nothing else; GDAL thread rule as in io/gdal.hpp.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/dataset.hpp"
#include "io/gdal.hpp"

namespace zoning::io {

/// Creates one layer (catalog or analysis) in `ds` with its fields and no features: fields renamed by
/// `rename` (Shapefile DBF names). `path` names the file in errors. Throws Error(output).
OGRLayer* create_feature_layer(GDALDataset& ds, const core::LayerSpec& spec, const OGRSpatialReference& srs, const std::string& path,
                               const std::vector<std::string>& options, const std::map<std::string, std::string>& rename = {});
/// create_feature_layer, then every feature through OGR, in one transaction.
OGRLayer* write_feature_layer(GDALDataset& ds, const core::Layer& layer, const OGRSpatialReference& srs, const std::string& path,
                              const std::vector<std::string>& options, const std::map<std::string, std::string>& rename = {});
/// An attribute (no geometry) table; registered in gpkg_contents as attributes in a GeoPackage.
OGRLayer* create_attribute_table(GDALDataset& ds, const char* name, const std::vector<std::pair<const char*, OGRFieldType>>& fields,
                                 const std::string& path);
/// One row of text values, in the table's field order.
void add_row(OGRLayer* l, const std::vector<std::string>& values, const std::string& path);

/// Fills feature layers that create_feature_layer made empty in the GeoPackage `gpkg` (options
/// "GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES"), after GDAL has closed it: rows through
/// prepared SQLite statements in one transaction, the GeoPackage geometry blobs (header with
/// envelope, then the ISO WKB) made here, and each R-tree packed once from all envelopes (STR)
/// and written as its node tables, instead of one R-tree insert per feature. GDAL's R-tree
/// triggers, gpkg_contents' extent and gpkg_ogr_contents' count are as GDAL leaves them.
/// `shown` names the file in errors. Throws Error(output), or internal for WKB that is not
/// a 2D/3D ISO or extended WKB geometry.
void fill_geopackage_layers(const std::filesystem::path& gpkg, const std::vector<core::Layer>& layers, const std::string& shown);
/// The same for layers held elsewhere (the export's store and analysis layers).
void fill_geopackage_layers(const std::filesystem::path& gpkg, const std::vector<const core::Layer*>& layers, const std::string& shown);

/// fill_geopackage_layers a few rows at a time, for rows that come while they are still being read
/// (the store of `zoning build`): one SQLite connection and transaction on `gpkg` from construction
/// to commit(), nothing of it kept without commit(). A layer at a time: begin_layer, add (any
/// number of times, in fid order as they are to be stored), end_layer. Usable from one thread at a
/// time (not always the same). Same throws as fill_geopackage_layers.
class GeoPackageFiller {
public:
    GeoPackageFiller(const std::filesystem::path& gpkg, const std::string& shown);
    ~GeoPackageFiller();
    GeoPackageFiller(const GeoPackageFiller&) = delete;
    GeoPackageFiller& operator=(const GeoPackageFiller&) = delete;
    void begin_layer(const core::LayerSpec& spec);
    /// The features [from, end) of `layer`, whose spec is the layer begun.
    void add(const core::Layer& layer, std::size_t from);
    /// The R-tree packed, extent and count set, GDAL's triggers back.
    void end_layer();
    /// Ends the layer begun, if any, and commits.
    void commit();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

}  // namespace zoning::io
