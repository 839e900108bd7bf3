// SPDX-License-Identifier: MIT
#pragma once
// The overlay engine: subjects (parcels, projects, redevelopment areas) against
// frames (functional zones, service layout, eco structure, industrial parks).
// Candidates come from an STRtree, frames are prepared once per worker, a subject
// the frame properly contains counts its own area with no intersection computed.
// Results do not depend on the thread count.
#include <map>
#include <string>
#include <vector>

#include "core/dataset.hpp"

namespace zoning::analysis {

struct ProjectShare {
    std::string id, name, status;
    double area_m2 = 0;  ///< of the project inside the frame
};

struct CoverageRow {
    std::string layer, id, name, kind, name_en;
    double area_m2 = 0;
    double parcels_m2 = 0;                       ///< parcel area inside the frame
    std::map<std::string, double> landuse_m2;    ///< by code as coded
    std::map<std::string, double> landuse_level1_m2;  ///< by first-level class ("07")
    double projects_m2 = 0;                      ///< union: overlapping projects counted once
    std::map<std::string, double> projects_by_status_m2;  ///< union per status
    std::vector<ProjectShare> projects;          ///< each project's area inside, by id
    double redevelopment_m2 = 0;                 ///< union of redevelopment areas inside
};

struct Reconciliation {
    std::string layer;
    double frames_landuse_m2 = 0;   ///< sum over the layer's frames of their land-use areas
    double parcels_in_district_m2 = 0;
    double relative_difference = 0;
};

struct OverlayOptions {
    unsigned threads = 0;  ///< 0: default_threads()
    /// The district itself ("boundary") first: its row is the whole-district land use.
    std::vector<std::string> frame_layers = {"boundary", "functional_zones", "service_layout", "eco_structure", "industrial_parks"};
    std::string tiling_layer = "functional_zones";
    std::string only_frame;  ///< limit to one frame feature (by name or id), e.g. --zone
};

struct OverlayResult {
    std::vector<CoverageRow> coverage;  ///< frame layers in option order, features in fid order
    std::vector<Reconciliation> reconciliation;  ///< for frame layers that tile the district
    double district_area_m2 = 0;
    std::vector<std::string> robustness_notes;
};

/// Throws core::Error(bad_input) when `only_frame` matches nothing.
OverlayResult overlay(const core::Dataset& dataset, const OverlayOptions& options);

}  // namespace zoning::analysis
