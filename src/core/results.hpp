// SPDX-License-Identifier: MIT
#pragma once
// What the analysis finds, as plain values: coverage of frames, progress against
// targets, conflicts, siting checks and validation. `analysis/` produces them,
// `report/` and `io/` render and write them, so both depend on core, not on analysis.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/finding.hpp"
#include "core/plan_rules.hpp"

namespace zoning::core {

// ---- Coverage (the overlay) ----

struct ProjectShare {
    std::string id, name, status;
    double area_m2 = 0;  ///< of the project inside the frame
};

struct CoverageRow {
    std::string layer, id, name, kind, name_en;
    double area_m2 = 0;
    double parcels_m2 = 0;                                ///< parcel area inside the frame
    std::map<std::string, double> landuse_m2;             ///< by code as coded
    std::map<std::string, double> landuse_level1_m2;      ///< by first-level class ("07")
    double projects_m2 = 0;                               ///< union: overlapping projects counted once
    std::map<std::string, double> projects_by_status_m2;  ///< union per status
    std::vector<ProjectShare> projects;                   ///< each project's area inside, by id
    double redevelopment_m2 = 0;                          ///< union of redevelopment areas inside
    // The frame's own area both ways, whatever `area_m2` reports (docs/crs.md):
    double planar_area_m2 = 0;       ///< in the work CRS's plane
    double ellipsoidal_area_m2 = 0;  ///< on the work CRS's ellipsoid (椭球面积, as land surveys state areas)
    /// (planar − ellipsoidal) / ellipsoidal: the plane's areal scale error over the frame.
    double planar_excess() const { return ellipsoidal_area_m2 > 0 ? planar_area_m2 / ellipsoidal_area_m2 - 1 : 0; }
};

struct Reconciliation {
    std::string layer;
    double frames_landuse_m2 = 0;  ///< sum over the layer's frames of their land-use areas
    double parcels_in_district_m2 = 0;
    double relative_difference = 0;
};

struct OverlayResult {
    std::vector<CoverageRow> coverage;           ///< frame layers in option order, features in fid order
    std::vector<Reconciliation> reconciliation;  ///< for frame layers that tile the district
    double district_area_m2 = 0;
    std::vector<std::string> robustness_notes;   ///< geometry operations that needed a retry
    /// True when every area above is ellipsoidal ([dataset] area = "ellipsoidal"): each frame's planar
    /// figures scaled by its ellipsoidal/planar ratio, the district's by the district's. False: planar.
    bool ellipsoidal = false;
    double district_planar_area_m2 = 0;       ///< the district in the work CRS's plane
    double district_ellipsoidal_area_m2 = 0;  ///< the district on the work CRS's ellipsoid
};

// ---- Progress against the plan's targets ----

struct ExcludedProject {
    std::string id, name, plan_verb;
};

struct ProgressRow {
    Target target;
    std::optional<double> measured;              ///< in the target's unit; empty when not measurable
    std::optional<double> ratio;                 ///< measured / target
    std::string status;                          ///< met | behind | overdue | off_target | not_measurable | no_data
    std::vector<std::pair<int, double>> series;  ///< cumulative by completion year, 2021..target year
    std::string basis;                           ///< what was counted, in words (English; the renderer translates the frame)
    std::vector<std::string> counted_ids;        ///< features the figure is made of
    /// built_floor: the land area of the counted projects inside the frame (m²), beside their floor area.
    std::optional<double> land_area_m2;
    /// Completed projects left out because the plan only asks to prepare them (谋划).
    std::vector<ExcludedProject> excluded;
    int evaluation_year = 0;           ///< the year "overdue" is judged at; 0 when no target has a deadline
    std::string evaluation_year_from;  ///< "dataset" (its evaluation_year) | "newest_completion" (of the projects) | "option" (--year)
    /// What the target's path (core::expected_value) expects in the evaluation year; empty without a path.
    std::optional<double> expected;
    /// achieved (达成) | on_track (正常) | behind (滞后) | severely_behind (严重滞后) | overdue (逾期);
    /// empty when the target is not measured, or has no path and is neither met nor overdue.
    std::string level;
    /// The year of the measured value when it is a statistical indicator's (indicators.csv): its
    /// latest value up to the evaluation year; the level is judged against that year's expected value.
    std::optional<int> measured_year;
    std::string measured_from = "data";  ///< data (the geometry) | indicator (indicators.csv) | none
    std::string indicator_source, indicator_certainty;  ///< of the value used
};

// ---- Conflicts ----

struct ConflictFeature {
    std::string layer, id, name;
};

struct Conflict {
    std::string rule, title, title_en, severity, clause;
    std::string category = "plan";  ///< plan (the rule quotes the plan) | quality (a data-quality check, 质检)
    std::optional<Quote> quote;     ///< the plan's sentence the rule rests on
    std::string reading, reading_en;  ///< the rule's reading of that sentence (rules.toml `reading`), empty when none
    std::string rule_origin;                ///< the rules file the rule came from
    std::vector<ConflictFeature> features;  ///< the subject first, then what it conflicts with
    double overlap_m2 = 0;
    std::string overlap_wkb;  ///< work CRS, the overlap (or the part outside), for export and for locating it
    std::string reason;       ///< one sentence, English; renderers add the Chinese names
    std::string reason_zh;
};

struct ConflictSet {
    std::vector<Conflict> conflicts;            ///< by rule (file order), then subject fid, then the other feature
    std::vector<std::string> robustness_notes;  ///< geometry operations that needed a retry
};

// ---- Siting checks ----

/// The figures a proposal states for itself (控规 indicators), each checked against the
/// regulatory lots it lies in; absent when the proposal does not state it.
struct ProposalIndicators {
    std::optional<double> far;        ///< 容积率
    std::optional<double> height_m;   ///< 建筑高度, m
    std::optional<double> density;    ///< 建筑密度, 0..1
    std::optional<double> green;      ///< 绿地率, 0..1
};

/// Why stated figures cannot be a building's (a share above 1, as a percentage would be; a
/// negative or zero height or FAR), naming the field; empty when they can.
std::string indicator_problem(const ProposalIndicators& figures);

struct Proposal {
    std::string id, name, landuse, category;
    ProposalIndicators indicators;
    std::int64_t fid = 0;
    std::string wkb;                    ///< work CRS, polygonal
    std::vector<std::string> warnings;     ///< e.g. the repair that was applied
    std::vector<std::string> warnings_zh;  ///< the same, in Chinese, one for one: a Chinese review note quotes them
    std::string error;                  ///< batch: why this feature cannot be checked (then no wkb and no verdict); empty when fine
};

struct FrameHit {
    std::string layer, id, name, kind;
    double overlap_m2 = 0, share = 0;  ///< share of the proposal
};

struct NearFrame {
    std::string layer, id, name, kind;
    double distance_m = 0;
    double bearing_deg = 0;  ///< from the site's centroid to the nearest point, clockwise from grid north
};

/// A control line near or under the site: a road's red line (道路红线), water's blue line (蓝线),
/// rail's protection strip. The strip is the feature buffered by its width or setback.
struct ControlLineHit {
    enum class Kind { road_red_line, water_blue_line, rail_protection };
    Kind kind = Kind::road_red_line;
    std::string layer, id, name, feature_kind;  ///< feature_kind: the road class / water kind
    double width_m = 0;       ///< the red-line width, or the setback / protection distance, that made the strip
    double distance_m = 0;    ///< site to the strip's edge; 0 when the site intrudes
    double overlap_m2 = 0;    ///< site area inside the strip
    double bearing_deg = 0;   ///< from the site's centroid to the strip, clockwise from grid north
};

/// One 控规 indicator of a proposal against one regulatory lot it lies in.
struct IndicatorCheck {
    enum class Indicator { far, height, density, green };
    Indicator indicator = Indicator::far;
    std::string lot_id, lot_landuse, approval;  ///< approval: the lot's 批复文号
    double lot_share = 0;        ///< share of the site inside this lot
    double value = 0;            ///< the proposal's figure
    double limit = 0;            ///< the lot's limit
    bool limit_is_minimum = false;  ///< green_min / far_min: the figure must reach the limit
    bool complies = true;
};

struct ParcelHit {
    std::string landuse;  ///< code
    double overlap_m2 = 0, share = 0;
    std::size_t parcels = 0;
};

struct ProjectHit {
    std::string id, name, status;
    double overlap_m2 = 0, share = 0;
};

enum class Verdict { pass = 0, needs_review = 1, conflict = 2 };
const char* to_string(Verdict v);

struct SitingResult {
    Proposal proposal;
    double area_m2 = 0;
    double outside_district_m2 = 0;
    std::vector<FrameHit> frames;      ///< zones, service layout, eco, parks it lies in
    std::vector<NearFrame> nearest;    ///< eco cores, corridors, belts it is outside of: distance to each
    std::vector<ControlLineHit> control_lines;  ///< nearest red / blue / rail line of each kind, and every one it intrudes
    std::vector<IndicatorCheck> indicators;     ///< the proposal's 控规 figures against each regulatory lot it lies in
    std::vector<ParcelHit> landuse;    ///< planned land use under the proposal, by code
    std::vector<ProjectHit> projects;  ///< existing projects it overlaps
    std::vector<Conflict> conflicts;   ///< rules triggered (severity conflict or review)
    std::vector<std::string> review_reasons, review_reasons_zh;  ///< needs-review findings that are not rules
    std::vector<std::string> robustness_notes;                   ///< geometry operations that needed a retry
    Verdict verdict = Verdict::pass;
};

// ---- Validation ----

struct LayerSummary {
    std::string layer;
    std::string title_zh;
    std::size_t count = 0;
    std::string crs;
    std::map<std::string, std::size_t> geometry_types;  ///< GEOS type name -> count
    std::size_t repaired = 0;
    double total_area_m2 = 0;   ///< polygon layers
    double total_length_m = 0;  ///< line layers
};

struct TilingResult {
    bool checked = false;
    double boundary_area_m2 = 0;
    double zones_area_m2 = 0;
    double gap_area_m2 = 0;
    double overlap_area_m2 = 0;
    double outside_area_m2 = 0;  ///< zones beyond the boundary: gaps and overlaps cannot show it
};

struct ValidationReport {
    std::vector<LayerSummary> layers;
    TilingResult tiling;
    std::vector<Finding> findings;  ///< sorted: errors first, then by layer and fid
    std::vector<std::string> robustness_notes;  ///< geometry operations that needed a retry
    bool ok() const { return !has_errors(findings); }
};

// ---- SQL over the store (`zoning sql`) ----

/// One result cell: text, a number as text, NULL, or a geometry as ISO WKB in the work CRS.
struct SqlCell {
    enum class Kind { null, integer, real, text, geometry, blob } kind = Kind::null;
    std::string text;  ///< the value as text (WKT for a geometry, hex for a blob)
    std::string wkb;   ///< geometry only
};

struct SqlResult {
    std::vector<std::string> columns;
    std::vector<std::vector<SqlCell>> rows;
};

}  // namespace zoning::core
