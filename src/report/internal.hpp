// SPDX-License-Identifier: MIT
#pragma once
// Helpers the renderers share (internal.cpp; svg_path in html.cpp).
#include <string>
#include <vector>

#include "geo/geos.hpp"
#include "report/report.hpp"

namespace zoning::report::detail {

/// "西区" (zh) or "西区 (West zone)" (en): the name, and in English its English name too.
std::string frame_label(const core::CoverageRow& row, Lang lang);
/// The n largest first-level land uses: "07 居住用地 45.2%".
std::vector<std::string> top_landuse(const core::CoverageRow& row, const core::Catalog& cat, Lang lang, std::size_t n);
/// Area for tables: "97.3万 m²" / "973,000 m²".
std::string area(double m2, Lang lang);
/// A layer's title: the catalog's generic one, or the dataset's own (dataset.toml [titles]).
std::string layer_title(const core::Catalog& cat, const std::string& layer, Lang lang);
/// The report's head, label and value: 评估年度, 数据日期, 编制单位, 数据性质, and the
/// district's area in km² when there is a boundary; "未注明" / "not stated" for a key not set.
std::vector<std::pair<std::string, std::string>> head_items(const ReportData& r, Lang lang);
/// The plan's conflicts (not the data-quality checks, 质检) counted by severity, conflicts first: "冲突 (7) · 需复核 (1)".
std::string conflict_counts(const std::vector<core::Conflict>& conflicts, Lang lang);
/// A conflict's number, on the map and in the lists: its place among all of them, from 1.
std::size_t conflict_number(const ReportData& r, const core::Conflict& c);
/// A conflict's features by name for the body: "核心区工厂、测试湿地" (ids go to the appendix).
std::string feature_names(const core::Conflict& c, Lang lang);
/// A conflict's features as the data knows them, for the technical appendix: "projects/P2, eco_structure/K".
std::string feature_refs(const core::Conflict& c);
/// One coverage table: the header (each column with its one unit) and the rows' cells, as text.
struct CoverageTable {
    std::vector<std::string> header;
    std::vector<bool> numeric;  ///< per column: right-aligned
    std::vector<std::vector<std::string>> rows;
};
CoverageTable coverage_table(const ReportData& r, const std::string& layer, Lang lang);
/// Where the rules came from: the store's own (in the reader's words) or the --rules file.
std::string rules_origin(const ReportData& r, Lang lang);
/// Which areas the report states (planar, or ellipsoidal with [dataset] area = "ellipsoidal"), in a sentence.
std::string area_basis_note(const ReportData& r, Lang lang);
/// One line per frame: its planar and ellipsoidal area and the difference,
/// "西区：平面面积 500,000 m²，椭球面积 499,940 m²，差 +0.0121%".
std::vector<std::string> area_basis_lines(const ReportData& r, Lang lang);
/// One 核对 line: the parcels' area summed over a frame layer's frames beside the parcels' area inside the
/// district (not the district's own area), "功能分区 (functional_zones)：各范围内地块面积之和 … m²，区内地块面积 … m²（差 0.0000%）".
std::string reconciliation_line(const core::Catalog& cat, const core::Reconciliation& rc, Lang lang);
/// One list of the technical appendix that Markdown and HTML both print: a heading (with an anchor
/// for HTML when it has one), an optional sentence before the list, the items.
struct AppendixList {
    std::string title, anchor, intro;
    std::vector<std::string> items;
};
/// The appendix's lists after the conflict references, in order: 核对 (when there is any), the areas
/// both ways, geometry retries (when there were some), the dataset's notes in the report's language.
std::vector<AppendixList> appendix_lists(const ReportData& r, const core::Dataset& d, Lang lang);
/// Frame layers in report order, each once.
std::vector<std::string> frame_layers(const ReportData& r);
std::string html_escape(const std::string& s);

/// Work-CRS metres -> SVG pixels.
struct Viewport {
    double minx = 0, maxy = 0, scale = 1, pad = 16;
    std::pair<double, double> px(double x, double y) const { return {pad + (x - minx) * scale, pad + (maxy - y) * scale}; }
};
/// The map window around one site (the check's and the opinion's maps): the site's envelope grown
/// by max(min_margin_m, factor × its larger side), at the scale that fits it in width × height px;
/// `centre`: the window then widened on its shorter side so the site sits in the middle.
struct SiteWindow {
    geo::Envelope extent;
    Viewport vp;
};
SiteWindow site_window(const geo::GeosContext& ctx, const GEOSGeometry* site, double min_margin_m, double factor, double width, double height, bool centre);
/// An SVG path for a WKB geometry, simplified to `simplify_m` metres (0: as is).
std::string svg_path(const geo::GeosContext& ctx, const std::string& wkb, const Viewport& vp, double simplify_m, bool closed);
/// A CSV cell of text from the data: quoted as needed, formula starts neutralised (core::csv_text_field).
std::string csv_escape(const std::string& s);
/// Text from the data in Markdown: markup characters (\ | * _ ` [ ] # ~) backslash-escaped,
/// < > & as entities, line breaks as spaces, other control characters dropped.
std::string md_escape(const std::string& s);

}  // namespace zoning::report::detail
