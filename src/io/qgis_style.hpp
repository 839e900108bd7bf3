// SPDX-License-Identifier: MIT
#pragma once
// QGIS styles from the catalog's [style] sections: a complete QML document (for the
// GeoPackage's layer_styles table), the <renderer-v2> and <labeling> elements (for a
// .qgs project, whose layers do not read layer_styles), and an SLD for other software.
#include <string>
#include <vector>

#include "core/catalog.hpp"

namespace zoning::io {

/// One class of a categorized style as the legend shows it: the value, its Chinese label, its colour.
struct StyleCategory {
    std::string value, label, colour;
};
/// The categories QGIS draws (and the web map of `zoning serve`): land-use codes present (or all) with
/// the standard's colours, or the style's categories, then values present that it does not list, then
/// "" for any other value. For categorized and land-use styles only.
std::vector<StyleCategory> style_categories(const core::LayerSpec& spec, const core::LanduseTable& landuse,
                                            const std::vector<std::string>& present_values);

/// <renderer-v2 ...>...</renderer-v2> followed by <labeling> when the style labels.
std::string qgis_renderer_xml(const core::LayerSpec& spec, const core::LanduseTable& landuse,
                              const std::vector<std::string>& present_values = {});
/// A whole QML document (<!DOCTYPE qgis ...><qgis ...>...</qgis>).
std::string qgis_qml(const core::LayerSpec& spec, const core::LanduseTable& landuse, const std::vector<std::string>& present_values = {});
/// An SLD 1.0 document with one rule per category.
std::string sld(const core::LayerSpec& spec, const core::LanduseTable& landuse, const std::vector<std::string>& present_values = {});

struct QgsLayer {
    std::string id;          ///< unique layer id in the project
    std::string name;        ///< shown in the layer tree (Chinese title)
    std::string table;       ///< layer name in the GeoPackage
    std::string group;       ///< layer-tree group
    const core::LayerSpec* spec = nullptr;
    std::vector<std::string> present_values;  ///< categories present in the data (land use codes)
    bool visible = true;
    double xmin = 0, ymin = 0, xmax = 0, ymax = 0;
};

/// A .qgs project in `work_crs` (the store's, core::Dataset::work_crs), relative paths ("./FILE.gpkg|layername=..."), layer tree
/// groups in the given order, each <maplayer> with its own renderer. `layers` are listed top
/// of the legend first.
std::string qgs_project(const std::string& title, const std::string& gpkg_file, const std::vector<std::string>& group_order,
                        const std::vector<QgsLayer>& layers, const core::LanduseTable& landuse, const std::string& work_crs);

}  // namespace zoning::io
