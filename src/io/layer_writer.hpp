// SPDX-License-Identifier: MIT
#pragma once
// Writing layers into an open OGR dataset: catalog and analysis layers with their
// geometry, and the attribute tables (metadata, land-use codes) beside them. Shared by
// the store, the export formats and nothing else; GDAL thread rule as in io/gdal.hpp.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/dataset.hpp"
#include "io/gdal.hpp"

namespace zoning::io {

/// Writes one layer (catalog or analysis) into `ds`: fields renamed by `rename` (Shapefile DBF names).
/// `path` names the file in errors. Throws Error(output).
OGRLayer* write_feature_layer(GDALDataset& ds, const core::Layer& layer, const OGRSpatialReference& srs, const std::string& path,
                              const std::vector<std::string>& options, const std::map<std::string, std::string>& rename = {});
/// An attribute (no geometry) table; registered in gpkg_contents as attributes in a GeoPackage.
OGRLayer* create_attribute_table(GDALDataset& ds, const char* name, const std::vector<std::pair<const char*, OGRFieldType>>& fields,
                                 const std::string& path);
/// One row of text values, in the table's field order.
void add_row(OGRLayer* l, const std::vector<std::string>& values, const std::string& path);

}  // namespace zoning::io
