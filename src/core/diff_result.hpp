// SPDX-License-Identifier: MIT
#pragma once
// What changed between two stores (`zoning diff`), as plain values: analysis/diff
// produces them, report/diff_render renders them. Areas in m² in the older store's CRS.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/results.hpp"

namespace zoning::core {

/// One attribute of a feature with a different value in the newer store (values as text, "" for null).
struct AttributeChange {
    std::string field, old_value, new_value;
};

/// A feature both stores have (matched by id).
struct ChangedFeature {
    std::string id, name;
    std::vector<AttributeChange> attributes;  ///< catalog field order
    bool geometry_changed = false;
    double old_area_m2 = 0, new_area_m2 = 0;
    double area_gained_m2 = 0;  ///< area of the new geometry outside the old one
    double area_lost_m2 = 0;    ///< area of the old geometry outside the new one
    std::string old_wkb, new_wkb;  ///< geometry_changed only: both versions, in the older store's CRS, for the map
};

/// A feature only one store has.
struct FeatureEntry {
    std::string id, name;
    double area_m2 = 0;  ///< 0 for lines
    double length_m = 0; ///< 0 for polygons
    std::string wkb;     ///< in the older store's CRS, for the map
};

struct LayerDiff {
    std::string layer;
    std::size_t old_count = 0, new_count = 0;
    std::vector<FeatureEntry> added, removed;  ///< by id
    std::vector<ChangedFeature> changed;       ///< by id
};

/// A project whose status moved (planned → under_construction → completed, or back).
struct StatusTransition {
    std::string id, name, old_status, new_status;
    std::string old_year, new_year;  ///< completion_year as text, "" when none
};

/// A target measured in both stores, old → new.
struct ProgressChange {
    std::string id, name, name_en, unit;
    std::optional<double> old_measured, new_measured;
    std::string old_status, new_status;
    std::optional<double> target;  ///< the newer store's target (none for a target stated in words)
    bool only_old = false, only_new = false;  ///< the target is in one store's targets.toml only
};

struct DiffResult {
    std::string old_store, new_store;        ///< the paths as given
    std::string old_name, new_name;          ///< the datasets' names
    std::string old_crs, new_crs;            ///< the stores' work CRS (the newer one transformed to the older for areas)
    std::string old_built_at, new_built_at;
    std::string old_data_date, new_data_date;  ///< [dataset] data_date of each store, empty when unset
    bool same_dataset = true;  ///< same name and sources: built from the same data folder
    bool same_rules = true;    ///< the same rules.toml text
    bool same_targets = true;  ///< the same targets.toml text
    std::vector<LayerDiff> layers;                  ///< catalog order, every layer either store has
    std::vector<StatusTransition> projects_status;  ///< by id
    std::vector<Conflict> conflicts_new, conflicts_resolved, conflicts_open;  ///< open: as the newer store has it
    std::vector<ProgressChange> progress;           ///< the newer store's target order, then those it dropped
    std::vector<std::string> robustness_notes;      ///< geometry retries of either review
    std::vector<std::string> boundary_wkbs;         ///< the older store's district boundary, for the map
};

}  // namespace zoning::core
