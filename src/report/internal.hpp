// SPDX-License-Identifier: MIT
#pragma once
// Helpers the renderers share (internal.cpp; svg_path in html.cpp).
#include <string>
#include <vector>

#include "geo/geos.hpp"
#include "report/report.hpp"

namespace zoning::report::detail {

/// "生态智慧城区" (zh) or "生态智慧城区 (Eco-smart city area)" (en).
std::string frame_label(const core::CoverageRow& row, Lang lang);
/// The n largest first-level land uses: "07 居住用地 45.2%".
std::vector<std::string> top_landuse(const core::CoverageRow& row, const core::Catalog& cat, Lang lang, std::size_t n);
/// Area for tables: "97.3万 m²" / "973,000 m²".
std::string area(double m2, Lang lang);
/// Which areas the report states (planar, or ellipsoidal with [dataset] area = "ellipsoidal"), in a sentence.
std::string area_basis_note(const ReportData& r, Lang lang);
/// One line per frame: its planar and ellipsoidal area and the difference,
/// "生态智慧城区：平面面积 4,716,680 m²，椭球面积 4,716,109 m²，差 +0.0121%".
std::vector<std::string> area_basis_lines(const ReportData& r, Lang lang);
/// Frame layers in report order, each once.
std::vector<std::string> frame_layers(const ReportData& r);
std::string html_escape(const std::string& s);

/// Work-CRS metres -> SVG pixels.
struct Viewport {
    double minx = 0, maxy = 0, scale = 1, pad = 16;
    std::pair<double, double> px(double x, double y) const { return {pad + (x - minx) * scale, pad + (maxy - y) * scale}; }
};
/// An SVG path for a WKB geometry, simplified to `simplify_m` metres (0: as is).
std::string svg_path(const geo::GeosContext& ctx, const std::string& wkb, const Viewport& vp, double simplify_m, bool closed);
/// A CSV cell of text from the data: quoted as needed, formula starts neutralised (core::csv_text_field).
std::string csv_escape(const std::string& s);
/// Text from the data in Markdown: markup characters (\ | * _ ` [ ] # ~) backslash-escaped,
/// < > & as entities, line breaks as spaces, other control characters dropped.
std::string md_escape(const std::string& s);

}  // namespace zoning::report::detail
