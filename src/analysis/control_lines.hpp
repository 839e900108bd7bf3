// SPDX-License-Identifier: MIT
#pragma once
// Control lines as strips: a road's red line (the centre line ± half its red-line width, square
// ends), water's blue line (the water buffered by its setback), rail's protection strip. The
// widths come from the catalog's [[control_lines]] (layers/*.toml), a feature's own figure first.
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/dataset.hpp"
#include "core/results.hpp"
#include "geo/geos.hpp"

namespace zoning::analysis {

/// The features of one layer that carry a control line, each with its strip as geometry: the
/// layer's fields and feature ids are kept, so the strips index, cut and name like any frame layer.
struct ControlStrips {
    core::ControlLineHit::Kind kind = core::ControlLineHit::Kind::road_red_line;
    core::Layer layer;             ///< copies of the features that carry the line; wkb is the strip
    std::vector<double> width_m;   ///< per feature of `layer`: the width or setback that made its strip
};

core::ControlLineHit::Kind control_line_kind(const std::string& line);
const char* to_string(core::ControlLineHit::Kind kind);
/// 道路红线 / 蓝线退让范围 / 铁路线路安全保护区, or road red line / blue-line setback / rail protection strip.
const char* control_line_words(core::ControlLineHit::Kind kind, bool zh);

/// The feature's width for the line: its own figure in the override field when positive, else
/// its class's; nothing when its class carries no such line (a railway has no red line).
std::optional<double> control_width(const core::Layer& layer, const core::Feature& f, const core::ControlLineSpec& spec);

/// The strips of `line` over every layer of the dataset whose catalog entry declares it, in the
/// dataset's layer order; a layer without that line gives nothing.
std::vector<ControlStrips> control_strips(const geo::GeosContext& ctx, const core::Dataset& dataset, const std::string& line);

/// The bearing from `from` to `to`, clockwise from grid north (the work CRS's +y), in [0, 360).
double bearing_deg(geo::XY from, geo::XY to);

}  // namespace zoning::analysis
