// SPDX-License-Identifier: MIT
#pragma once
// The analysis as layers, for export to QGIS and other GIS software: frame × land
// use, project coverage, conflicts with their overlap geometry, progress as a table.
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/conflicts.hpp"
#include "analysis/overlay.hpp"
#include "analysis/progress.hpp"
#include "core/dataset.hpp"

namespace zoning::analysis {

/// The specs of the analysis layers (layers/analysis/*.toml), loaded once by the caller.
struct AnalysisCatalog {
    std::vector<core::LayerSpec> specs;
    static AnalysisCatalog load(const std::filesystem::path& catalog_dir);
    const core::LayerSpec& at(const std::string& name) const;
};

struct AnalysisLayerOptions {
    unsigned threads = 0;  ///< 0: default_threads()
    /// When set, receives the geometry operations that needed a retry (as OverlayResult's).
    std::vector<std::string>* robustness_notes = nullptr;
};

/// Layers whose `spec` points into `specs`; features in a deterministic order, whatever the thread count.
/// The same as frame_layers followed by add_review_layers.
std::vector<core::Layer> build_analysis_layers(const core::Dataset& dataset, const core::Catalog& catalog, const AnalysisCatalog& specs,
                                               const std::vector<core::ProgressRow>& progress, const std::vector<core::Conflict>& conflicts,
                                               const AnalysisLayerOptions& options = {});

/// The layers drawn from the store alone (frame × land use, project coverage): the costly part of an
/// export, which needs no review, so a caller can make them while the review runs.
std::vector<core::Layer> frame_layers(const core::Dataset& dataset, const core::Catalog& catalog, const AnalysisCatalog& specs,
                                      const AnalysisLayerOptions& options = {});
/// Appends the layers of the review to frame_layers' (conflicts with their overlap geometry, progress as a table).
void add_review_layers(std::vector<core::Layer>& layers, const AnalysisCatalog& specs, const std::vector<core::ProgressRow>& progress,
                       const std::vector<core::Conflict>& conflicts);

}  // namespace zoning::analysis
