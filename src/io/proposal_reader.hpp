// SPDX-License-Identifier: MIT
#pragma once
// Proposals for `zoning check`: one polygon (or, in batch, many) from any OGR
// source or from WKT, checked and transformed like any layer.
#include <optional>
#include <string>
#include <vector>

#include "core/results.hpp"
#include "core/catalog.hpp"

namespace zoning::io {

struct ProposalInput {
    std::string file;          ///< OGR source; empty when wkt is given
    std::string layer;         ///< layer inside the source, optional
    std::string wkt;           ///< alternative to file
    std::string crs;           ///< --crs: required with wkt; overrides the file's declared CRS
    std::string landuse;       ///< --landuse: default for features without a landuse field
    std::string name, category;
    bool batch = false;        ///< a feature's own problem becomes that proposal's `error` instead of failing the whole read
    core::ProposalIndicators indicators;  ///< --far --height --density --green: for features without their own fields
};

/// Throws core::Error(bad_input) naming the file, feature and problem: unreadable,
/// no CRS, plainly lon/lat declared metric (or the reverse), not a polygon, zero area,
/// NaN, unknown land-use code, duplicate ids. Repairs become warnings on the proposal.
/// With `batch`, a problem of one feature (no or bad geometry, unknown land use, a reused id)
/// is that proposal's `error` instead, in fid order with the others; problems of the whole
/// source still throw. Proposals come out in `work_crs`, the store's (core::Dataset::work_crs).
std::vector<core::Proposal> read_proposals(const core::Catalog& catalog, const std::string& work_crs, const ProposalInput& input);

}  // namespace zoning::io
