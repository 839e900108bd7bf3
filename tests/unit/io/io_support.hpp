// SPDX-License-Identifier: MIT
#pragma once
// Small in-memory layers for the io tests: rectangles whose areas are known exactly.
#include <string>

#include "core/dataset.hpp"
#include "geo/geos.hpp"
#include "support.hpp"

namespace zoning::test {

/// WKB of the axis-aligned rectangle (x0 y0, x1 y1) in EPSG:4547 metres.
inline std::string rectangle_wkb(double x0, double y0, double x1, double y1) {
    geo::GeosContext ctx;
    const std::string a = std::to_string(x0), b = std::to_string(y0), c = std::to_string(x1), d = std::to_string(y1);
    return geo::to_wkb(ctx, geo::from_wkt(ctx, "POLYGON((" + a + " " + b + "," + c + " " + b + "," + c + " " + d + "," + a + " " + d + "," +
                                                   a + " " + b + "))")
                                .get());
}

/// A feature with `values` (aligned with the spec's fields) and a rectangle.
inline core::Feature rectangle_feature(std::int64_t fid, std::vector<core::Value> values, double x0, double y0, double x1, double y1) {
    core::Feature f;
    f.fid = fid;
    f.values = std::move(values);
    f.wkb = rectangle_wkb(x0, y0, x1, y1);
    return f;
}

/// The bundled layer catalog, loaded once.
inline const core::Catalog& catalog() {
    static core::Catalog c = core::Catalog::load(source_dir() / "layers");
    return c;
}

/// A dataset of one boundary, 'B1' 新华区: the rectangle (x0 y0, x0 + 100 y0 + 50), 5000 m².
inline core::Dataset boundary_dataset(double x0 = 0, double y0 = 0) {
    const core::LayerSpec& spec = catalog().at("boundary");
    core::Dataset d;
    d.metadata["name"] = "t";
    d.metadata["crs"] = "EPSG:4547";  // the CRS rectangle_feature draws in
    core::Layer layer;
    layer.spec = &spec;
    std::vector<core::Value> values(spec.fields.size());
    values[0] = std::string("B1");
    values[1] = std::string("新华区");
    layer.features.push_back(rectangle_feature(1, values, x0, y0, x0 + 100, y0 + 50));
    d.layers.push_back(std::move(layer));
    return d;
}

}  // namespace zoning::test
