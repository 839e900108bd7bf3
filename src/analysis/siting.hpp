// SPDX-License-Identifier: MIT
#pragma once
// The reviewer's siting check: where a proposed project falls (zones, 五区四圈两带,
// eco elements, parks), what it covers (parcels, existing projects), how far it is
// from the ecological elements it avoids, which rules it triggers, and a verdict.
#include <string>
#include <vector>

#include "analysis/conflicts.hpp"
#include "core/dataset.hpp"
#include "core/plan_rules.hpp"

namespace zoning::analysis {

struct Proposal {
    std::string id, name, landuse, category;
    std::int64_t fid = 0;
    std::string wkb;  ///< EPSG:4547 polygonal
    std::vector<std::string> warnings;  ///< e.g. the repair that was applied
};

struct FrameHit {
    std::string layer, id, name, kind;
    double overlap_m2 = 0, share = 0;  ///< share of the proposal
};

struct NearFrame {
    std::string layer, id, name, kind;
    double distance_m = 0;
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
    std::vector<FrameHit> frames;         ///< zones, service layout, eco, parks it lies in
    std::vector<NearFrame> nearest;       ///< eco cores, corridors, belts it is outside of: distance to each
    std::vector<ParcelHit> landuse;       ///< planned land use under the proposal, by code
    std::vector<ProjectHit> projects;     ///< existing projects it overlaps
    std::vector<Conflict> conflicts;      ///< rules triggered (severity conflict or review)
    std::vector<std::string> review_reasons, review_reasons_zh;  ///< needs-review findings that are not rules
    Verdict verdict = Verdict::pass;
};

struct SitingOptions {
    unsigned threads = 0;
    double review_distance_m = 100.0;  ///< closer than this to a core, corridor or belt: needs review
    double landuse_mismatch_share = 0.5;  ///< more of the site than this under another first-level land use: needs review
};

/// Checks each proposal independently against the plan (never against each other).
std::vector<SitingResult> check_siting(const core::Dataset& dataset, const core::Catalog& catalog, const std::vector<core::Rule>& rules,
                                       const std::vector<Proposal>& proposals, const SitingOptions& options = {});

}  // namespace zoning::analysis
