// SPDX-License-Identifier: MIT
#pragma once
// `zoning export`: every store layer and every analysis layer, into a folder, as
//   qgis     one GeoPackage with styles in layer_styles, plus a .qgs project beside it
//   gpkg     one GeoPackage without the QGIS extras
//   shp      one Shapefile per layer with a .cpg (UTF-8, or GBK for older Chinese GIS software)
//   geojson  one RFC 7946 GeoJSON per layer (lon/lat)
// The folder is written beside its target and renamed into place: a failure leaves no
// half-written files and an existing folder untouched.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/dataset.hpp"

namespace zoning::io {

struct ExportOptions {
    std::string format = "qgis";
    std::string encoding = "UTF-8";  ///< shp only: UTF-8 or GBK
    bool force = false;              ///< replace a folder that exists and is not empty
    std::string name = "xinhua";     ///< base name of the GeoPackage / project
};

struct ExportSummary {
    std::vector<std::string> files;  ///< relative to the folder
    std::size_t layers = 0, styles = 0;
};

/// `analysis` layers follow the store layers. Throws bad_input (folder not empty without
/// --force) or output (cannot write).
ExportSummary export_layers(const std::filesystem::path& dir, const core::Dataset& store, const std::vector<core::Layer>& analysis,
                            const core::Catalog& catalog, const ExportOptions& options);

/// A qgis or gpkg export in two steps, so that the store's layers (a million parcels) are written while
/// the caller works out the analysis, on another thread: the constructor makes the folder and the
/// GeoPackage with every layer (the analysis ones empty, from their specs) and fills the store's;
/// finish() fills the analysis layers, adds the styles and the project, and puts the folder in place.
/// The files are those export_layers writes. Nothing is in place until finish() returns; an object
/// destroyed before leaves no files behind. Throws as export_layers.
class GeopackageExport {
public:
    GeopackageExport(const std::filesystem::path& dir, const core::Dataset& store, const std::vector<const core::LayerSpec*>& analysis,
                     const core::Catalog& catalog, const ExportOptions& options);
    ~GeopackageExport();
    GeopackageExport(const GeopackageExport&) = delete;
    GeopackageExport& operator=(const GeopackageExport&) = delete;
    /// `analysis`: the layers of the specs given to the constructor, in that order.
    ExportSummary finish(const std::vector<core::Layer>& analysis);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// The DBF field name of a field in Shapefile exports (docs/export.md has the table).
std::string dbf_field_name(const core::FieldSpec& f);

// The QGIS project's layer tree, shared with the web map of `zoning serve` so both show the same tree.
/// The layer-tree group of a layer whose file names none.
inline constexpr const char* kUngrouped = "其他图层";
/// Layers in the project's legend, top first.
const std::vector<std::string>& qgis_layer_order();
/// Legend groups, each once, in the order of their first layer in `layers`; the base layers' groups last.
std::vector<std::string> group_order(const std::vector<const core::Layer*>& layers);
/// The values of a categorized layer's attribute present in its features (sorted); none for a single style.
std::vector<std::string> present_values(const core::Layer& l);

}  // namespace zoning::io
