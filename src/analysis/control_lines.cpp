// SPDX-License-Identifier: MIT
#include "analysis/control_lines.hpp"

#include <cmath>
#include <numbers>

#include "core/error.hpp"

namespace zoning::analysis {

using Kind = core::ControlLineHit::Kind;

Kind control_line_kind(const std::string& line) {
    if (line == "road_red_line") return Kind::road_red_line;
    if (line == "water_blue_line") return Kind::water_blue_line;
    if (line == "rail_protection") return Kind::rail_protection;
    throw core::Error(core::ExitCode::bad_input, "unknown control line '" + line + "' (road_red_line, water_blue_line, rail_protection)");
}

const char* to_string(Kind kind) {
    switch (kind) {
        case Kind::road_red_line: return "road_red_line";
        case Kind::water_blue_line: return "water_blue_line";
        case Kind::rail_protection: return "rail_protection";
    }
    return "road_red_line";
}

const char* control_line_words(Kind kind, bool zh) {
    switch (kind) {
        case Kind::road_red_line: return zh ? "道路红线" : "road red line";
        case Kind::water_blue_line: return zh ? "蓝线退让范围" : "blue-line setback";
        case Kind::rail_protection: return zh ? "铁路线路安全保护区" : "rail protection strip";
    }
    return "";
}

std::optional<double> control_width(const core::Layer& layer, const core::Feature& f, const core::ControlLineSpec& spec) {
    if (!spec.override_field.empty()) {
        int k = layer.spec->field_index(spec.override_field);
        if (k >= 0) {
            const core::Value& v = f.values.at(static_cast<std::size_t>(k));
            if (const double* d = std::get_if<double>(&v); d && *d > 0) return *d;
            if (const std::int64_t* n = std::get_if<std::int64_t>(&v); n && *n > 0) return static_cast<double>(*n);
        }
    }
    auto it = spec.width_m.find(layer.text(f, spec.by));
    if (it == spec.width_m.end()) return std::nullopt;
    return it->second;
}

std::vector<ControlStrips> control_strips(const geo::GeosContext& ctx, const core::Dataset& d, const std::string& line) {
    std::vector<ControlStrips> out;
    for (const core::Layer& l : d.layers) {
        if (!l.spec) continue;
        for (const core::ControlLineSpec& spec : l.spec->control_lines) {
            if (spec.line != line) continue;
            ControlStrips s;
            s.kind = control_line_kind(line);
            s.layer.spec = l.spec;
            s.layer.source = l.source;
            for (const core::Feature& f : l.features) {
                std::optional<double> w = control_width(l, f, spec);
                if (!w) continue;
                geo::GeomPtr g = geo::from_wkb(ctx, f.wkb);
                // A red line is the whole road: half its width on each side of the centre line.
                const double radius = spec.width_is_full() ? *w / 2 : *w;
                geo::GeomPtr strip = geo::buffer_flat_ends(ctx, g.get(), radius);
                core::Feature copy = f;
                copy.wkb = geo::to_wkb(ctx, strip.get());
                s.layer.features.push_back(std::move(copy));
                s.width_m.push_back(*w);
            }
            if (!s.layer.features.empty()) out.push_back(std::move(s));
        }
    }
    return out;
}

double bearing_deg(geo::XY from, geo::XY to) {
    double deg = std::atan2(to.x - from.x, to.y - from.y) * 180.0 / std::numbers::pi;
    if (deg < 0) deg += 360.0;
    return deg >= 360.0 ? 0.0 : deg;
}

}  // namespace zoning::analysis
