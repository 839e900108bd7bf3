// SPDX-License-Identifier: MIT
// One self-contained HTML file a planner opens offline: an SVG map, progress bars,
// coverage tables and the conflict list. No scripts, no external resources.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>
#include <sstream>

#include "core/number_format.hpp"
#include "geo/geos.hpp"
#include "report/diff_render.hpp"
#include "report/internal.hpp"

namespace zoning::report {

using namespace detail;

namespace detail {

std::string svg_path(const geo::GeosContext& ctx, const std::string& wkb, const Viewport& vp, double simplify_m, bool closed) {
    geo::GeomPtr g = geo::from_wkb(ctx, wkb);
    if (simplify_m > 0) g = geo::simplify(ctx, g.get(), simplify_m);
    std::string d;
    char buf[64];
    for (auto& path : geo::paths(ctx, g.get())) {
        for (std::size_t i = 0; i < path.size(); ++i) {
            auto [x, y] = vp.px(path[i].x, path[i].y);
            std::snprintf(buf, sizeof buf, "%c%.1f,%.1f", i == 0 ? 'M' : 'L', x, y);
            d += buf;
        }
        if (closed) d += 'Z';
    }
    return d;
}

}  // namespace detail

namespace {

constexpr double kMapW = 1100, kMapH = 640, kPad = 16;

// The catalog's widths are QGIS millimetres; the map is drawn at 96 px to the inch.
constexpr double kPxPerMm = 96.0 / 25.4, kPxPerPt = 96.0 / 72.0;

/// The layer's QGIS style (layers/*.toml), so the report's map and the exported project agree.
const core::StyleSpec& style_of(const core::Catalog& cat, const std::string& layer) {
    static const core::StyleSpec none;
    const core::LayerSpec* spec = cat.find(layer);
    return spec ? spec->style : none;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

/// A feature's value of the style's attribute (its category), "" for a single style.
std::string value_of(const core::StyleSpec& st, const core::Layer& l, const core::Feature& f) {
    return st.attribute.empty() ? std::string() : l.text(f, st.attribute);
}

/// The fill or line colour of a feature whose attribute is `value`: the national 用地用海 colour
/// for a land-use style, else the category's or the single colour.
std::string colour_of(const core::Catalog& cat, const core::StyleSpec& st, const std::string& value) {
    if (st.renderer == "landuse") {
        const core::LanduseClass* c = cat.landuse().find(value);
        return c && !c->color.empty() ? c->color : st.color;
    }
    return st.color_of(value);
}

/// SVG paint for one feature (or legend swatch) drawn with `st`.
std::string paint(const core::StyleSpec& st, const std::string& colour, const std::string& outline, bool line) {
    std::string width = num(st.width_mm * kPxPerMm);
    std::string out;
    if (line)
        out = "fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"" + width + "\"";
    else
        out = (st.fill_opacity <= 0 || st.fill_style == "no" ? std::string("fill=\"none\"")
                                                            : "fill=\"" + colour + "\" fill-opacity=\"" + num(st.fill_opacity) + "\"") +
              " stroke=\"" + outline + "\" stroke-width=\"" + width + "\"";
    if (st.line_style == "dash") out += " stroke-dasharray=\"6,3\"";
    if (st.line_style == "dot") out += " stroke-dasharray=\"1.5,3\"";
    return out;
}

/// The layers of the overview map, bottom to top (conflicts are drawn before the boundary).
const std::vector<std::string>& map_layers() {
    static const std::vector<std::string> layers = {"parcels", "functional_zones", "water", "eco_structure", "service_layout", "roads", "projects"};
    return layers;
}

/// A legend entry for a category, in the catalog's words: 带 is "belt" in English; a layer's
/// prefix ("生态" / "eco ") from the dictionary.
std::string category_word(const core::LayerSpec& spec, const std::string& value, Lang lang) {
    std::string w = lang == Lang::en ? spec.word_en(spec.style.attribute, value) : value;
    if (w == value) w = tr(value, lang);
    const std::string key = "legend." + spec.name;
    std::string prefix = tr(key, lang);
    return (prefix == key ? std::string() : prefix) + w;
}

void draw_map(std::ostream& out, const ReportData& r, Lang lang) {
    const core::Dataset& d = *r.dataset;
    const core::Catalog& cat = *r.catalog;
    const core::Layer* boundary = d.find("boundary");
    if (!boundary || boundary->features.empty()) return;
    geo::GeosContext ctx;
    geo::Envelope env = geo::envelope(ctx, geo::from_wkb(ctx, boundary->features[0].wkb).get());
    for (auto& f : boundary->features) {
        geo::Envelope e = geo::envelope(ctx, geo::from_wkb(ctx, f.wkb).get());
        env.minx = std::min(env.minx, e.minx), env.miny = std::min(env.miny, e.miny);
        env.maxx = std::max(env.maxx, e.maxx), env.maxy = std::max(env.maxy, e.maxy);
    }
    Viewport vp;
    vp.pad = kPad;
    vp.minx = env.minx;
    vp.maxy = env.maxy;
    vp.scale = std::min((kMapW - 2 * kPad) / (env.maxx - env.minx), (kMapH - 2 * kPad) / (env.maxy - env.miny));
    const double simplify_m = 0.5 / vp.scale;  // half a pixel
    const double height = (env.maxy - env.miny) * vp.scale + 2 * kPad;

    out << "<svg id=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << kMapW + 230 << ' ' << std::max(height, 420.0)
        << "\" width=\"100%\" role=\"img\" aria-label=\"" << tr("map", lang) << "\">\n"
        << "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
           "<rect width=\"6\" height=\"6\" fill=\"#ffcdd2\" fill-opacity=\"0.6\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#d50000\" stroke-width=\"3\"/>"
           "</pattern></defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#fbfbf8\"/>\n";
    // Every feature in its layer's catalog style. Land use is drawn lot by lot only when the district is small enough.
    auto draw_layer = [&](const std::string& name, std::size_t max_features = 20000) {
        const core::Layer* l = d.find(name);
        if (!l || l->features.size() > max_features) return;
        const core::StyleSpec& st = style_of(cat, name);
        const bool line = l->spec->geometry == core::GeomKind::line;
        out << "<g class=\"" << name << "\">\n";
        for (auto& f : l->features) {
            const std::string v = value_of(st, *l, f);
            // Projects carry their status as a class (tests/cli/check_report_render.py counts them).
            const std::string cls = name == "projects" ? "class=\"project " + v + "\" " : std::string();
            out << "<path d=\"" << svg_path(ctx, f.wkb, vp, simplify_m, !line) << "\" " << cls
                << paint(st, colour_of(cat, st, v), st.outline_of(v), line) << "><title>"
                << html_escape(l->text(f, "name").empty() ? l->id_of(f) : l->text(f, "name")) << "</title></path>\n";
        }
        out << "</g>\n";
    };
    for (auto& name : map_layers()) draw_layer(name);
    out << "<g class=\"conflicts\">\n";
    for (auto& c : r.conflicts) {
        if (c.overlap_wkb.empty()) continue;
        out << "<path class=\"conflict\" d=\"" << svg_path(ctx, c.overlap_wkb, vp, 0, true)
            << "\" fill=\"url(#hatch)\" stroke=\"#d50000\" stroke-width=\"2\"><title>" << html_escape(c.rule + ": " + (lang == Lang::zh ? c.reason_zh : c.reason))
            << "</title></path>\n";
    }
    out << "</g>\n";
    draw_layer("boundary");
    // Labels where the catalog asks for them (`label`, `label_kinds`), in the feature's outline colour.
    out << "<g class=\"labels\" text-anchor=\"middle\">\n";
    for (auto& name : map_layers()) {
        const core::Layer* l = d.find(name);
        const core::StyleSpec& st = style_of(cat, name);
        if (!l || st.label.empty()) continue;
        for (auto& f : l->features) {
            const std::string v = value_of(st, *l, f);
            if (!st.labels_on_map(v)) continue;
            geo::GeomPtr p = geo::point_on_surface(ctx, geo::from_wkb(ctx, f.wkb).get());
            const geo::XY at = geo::point_xy(ctx, p.get());
            auto [sx, sy] = vp.px(at.x, at.y);
            out << "<text x=\"" << static_cast<int>(sx) << "\" y=\"" << static_cast<int>(sy) << "\" font-size=\"" << num(st.label_size * kPxPerPt)
                << "\" fill=\"" << st.outline_of(v) << "\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">"
                << html_escape(l->text(f, st.label)) << "</text>\n";
        }
    }
    out << "</g>\n";
    // Legend from the same styles, scale bar, north arrow.
    double lx = kMapW + 10;
    int ly = 30;
    out << "<g class=\"legend\" font-size=\"12\"><text x=\"" << lx << "\" y=\"" << ly << "\" font-weight=\"bold\" font-size=\"14\">"
        << tr("legend", lang) << "</text>\n";
    auto item = [&](const std::string& attrs, bool line, const std::string& label) {
        ly += 20;
        if (line)
            out << "<line x1=\"" << lx << "\" y1=\"" << ly - 4 << "\" x2=\"" << lx + 22 << "\" y2=\"" << ly - 4 << "\" " << attrs << "/>";
        else
            out << "<rect x=\"" << lx << "\" y=\"" << ly - 11 << "\" width=\"22\" height=\"13\" " << attrs << "/>";
        out << "<text x=\"" << lx + 30 << "\" y=\"" << ly << "\">" << html_escape(label) << "</text>\n";
    };
    auto legend_layer = [&](const std::string& name) {
        const core::LayerSpec* spec = cat.find(name);
        if (!spec || !d.find(name) || spec->style.renderer == "landuse") return;  // 用地用海: the national table, too long to list
        const core::StyleSpec& st = spec->style;
        const bool line = spec->geometry == core::GeomKind::line;
        if (st.renderer == "single") {
            item(paint(st, st.color, st.outline, line), line, lang == Lang::zh ? spec->title_zh : spec->title_en);
            return;
        }
        for (auto& [v, c] : st.categories) item(paint(st, c, st.outline_of(v), line), line, category_word(*spec, v, lang));
    };
    legend_layer("boundary");
    for (auto& name : map_layers()) legend_layer(name);
    item("fill=\"url(#hatch)\" stroke=\"#d50000\"", false, tr("conflict_area", lang));
    out << "</g>\n";
    const double km5 = 5000 * vp.scale;
    double sy = height - 14;
    out << "<g class=\"scalebar\" font-size=\"12\"><rect x=\"" << kPad << "\" y=\"" << sy << "\" width=\"" << km5
        << "\" height=\"5\" fill=\"#333\"/><text x=\"" << kPad << "\" y=\"" << sy - 4 << "\">0</text><text x=\"" << kPad + km5 << "\" y=\""
        << sy - 4 << "\" text-anchor=\"middle\">5 km</text></g>\n";
    out << "<g class=\"north\"><path d=\"M" << kMapW - 30 << ",20 l10,28 l-10,-7 l-10,7 Z\" fill=\"#333\"/><text x=\"" << kMapW - 30
        << "\" y=\"64\" text-anchor=\"middle\" font-size=\"14\">N</text></g>\n";
    out << "</svg>\n";
}

/// The expected path and the level, coloured: green on track or achieved, yellow behind, red severely behind or overdue.
void path_html(std::ostream& out, const core::ProgressRow& p, Lang lang) {
    if (!p.level.empty()) out << " <span class=\"level " << p.level << "\">" << html_escape(level_word(p.level, lang)) << "</span>";
    if (const std::string path = path_text(p, lang); !path.empty()) out << "<br><small>" << html_escape(path) << "</small>";
}

void progress_section(std::ostream& out, const ReportData& r, Lang lang) {
    out << "<section id=\"progress\"><h2>" << tr("progress", lang) << "</h2>\n<div class=\"bars\">\n";
    for (auto& p : r.progress) {
        if (!p.target.measurable) continue;
        double pct = p.ratio ? std::clamp(*p.ratio, 0.0, 1.0) * 100.0 : 0.0;
        out << "<div class=\"bar-row " << p.status << "\"><div class=\"bar-label\">" << html_escape(lang == Lang::zh ? p.target.name : p.target.name_en)
            << "<small>" << html_escape(p.target.source) << "</small></div><div class=\"bar\"><div class=\"fill\" style=\"width:" << pct
            << "%\"></div></div><div class=\"bar-text\">" << html_escape(progress_text(p, lang)) << " <b>" << tr(p.status, lang) << "</b>";
        path_html(out, p, lang);
        if (const std::string reading = reading_text(p, lang); !reading.empty()) out << "<br><small>" << html_escape(reading) << "</small>";
        if (p.target.quote) out << "<br><small>" << html_escape(quote_text(p.target.quote, lang)) << "</small>";
        if (!p.series.empty() && p.target.unit == "m²") {
            out << "<br><small>" << tr("series", lang) << ": ";
            for (auto& [y, v] : p.series) out << y << " " << html_escape(core::area_text(v, lang == Lang::zh)) << (y == p.series.back().first ? "" : " · ");
            out << "</small>";
        }
        out << "</div></div>\n";
    }
    out << "</div>\n<details><summary>" << tr("not_measurable", lang) << "</summary><ul>\n";
    for (auto& p : r.progress)
        if (!p.target.measurable)
            out << "<li>" << html_escape(lang == Lang::zh ? p.target.name : p.target.name_en) << ": " << html_escape(progress_text(p, lang)) << " ("
                << html_escape(p.target.source) << ")</li>\n";
    out << "</ul></details>\n";
    if (const std::string y = evaluation_year_text(r.progress, lang); !y.empty()) out << "<p><small>" << html_escape(y) << "</small></p>\n";
    out << "</section>\n";
}

/// One conflict or data-quality finding as a list item.
void conflict_item(std::ostream& out, const core::Conflict& c, Lang lang) {
    out << "<li>";
    if (c.category == "plan") out << "<span class=\"sev-" << c.severity << "\">[" << tr(c.severity, lang) << "]</span> ";
    out << "<b>" << html_escape(c.rule) << " " << html_escape(lang == Lang::zh ? c.title : c.title_en) << "</b>: "
        << html_escape(lang == Lang::zh ? c.reason_zh : c.reason) << "<br><small>";
    if (c.category == "plan") out << tr("clause", lang) << ": " << html_escape(c.clause) << " · ";
    out << tr("features", lang) << ": ";
    for (std::size_t i = 0; i < c.features.size(); ++i)
        out << (i ? ", " : "") << html_escape(c.features[i].layer + "/" + c.features[i].id + " " + c.features[i].name);
    if (c.quote) out << "<br>" << html_escape(quote_text(c.quote, lang));
    out << "</small></li>\n";
}

/// Plan conflicts, then data-quality checks (rules without a plan sentence) in a section of their own.
void conflict_sections(std::ostream& out, const ReportData& r, Lang lang) {
    std::size_t plan = 0, quality = 0;
    for (auto& c : r.conflicts) (c.category == "plan" ? plan : quality)++;
    out << "<section id=\"conflicts\"><h2>" << tr("conflicts", lang) << " (" << plan << ")</h2>\n<ul class=\"conflict-list\">\n";
    if (plan == 0) out << "<li>" << tr("none", lang) << "</li>\n";
    for (auto& c : r.conflicts)
        if (c.category == "plan") conflict_item(out, c, lang);
    out << "</ul></section>\n";
    if (quality == 0) return;
    out << "<section id=\"quality\"><h2>" << tr("quality_checks", lang) << " (" << quality << ")</h2>\n<p>" << tr("quality_note", lang)
        << "</p>\n<ul class=\"conflict-list\">\n";
    for (auto& c : r.conflicts)
        if (c.category != "plan") conflict_item(out, c, lang);
    out << "</ul></section>\n";
}

}  // namespace

void write_html(std::ostream& out, const ReportData& r, Lang lang) {
    const core::Dataset& d = *r.dataset;
    std::string title = (lang == Lang::zh ? d.meta("name") : d.meta("name_en")) + " — " + tr("title", lang);
    out << "<!DOCTYPE html>\n<html lang=\"" << (lang == Lang::zh ? "zh-CN" : "en") << "\"><head><meta charset=\"utf-8\"><title>"
        << html_escape(title) << "</title>\n<style>\n"
        << "body{font-family:'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Zen Hei','Microsoft YaHei',sans-serif;margin:0;color:#212121;background:#fff}"
           "header{background:#1a3c6e;color:#fff;padding:18px 28px}header h1{margin:0;font-size:24px}header p{margin:4px 0 0;opacity:.85}"
           "main{padding:8px 28px 28px;max-width:1400px}.banner{background:#fff3e0;border-left:5px solid #ef6c00;padding:8px 14px;margin:14px 0}"
           "h2{border-bottom:2px solid #1a3c6e;padding-bottom:4px;margin-top:28px}table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0 18px}"
           "th,td{border:1px solid #cfd8dc;padding:4px 7px;text-align:left;vertical-align:top}th{background:#eceff1}td.num{text-align:right;white-space:nowrap}"
           ".bar-row{display:grid;grid-template-columns:280px 1fr 360px;gap:12px;align-items:center;margin:8px 0}.bar-label small{display:block;color:#607d8b}"
           ".bar{background:#eceff1;height:18px;border-radius:3px;overflow:hidden}.fill{height:100%;background:#43a047}.behind .fill,.off_target .fill{background:#fb8c00}.overdue .fill{background:#c62828}"
           ".level{padding:0 6px;border-radius:3px;color:#fff}.level.achieved,.level.on_track{background:#2e7d32}.level.behind{background:#f9a825;color:#000}"
           ".level.severely_behind,.level.overdue{background:#c62828}"
           ".bar-text small{color:#607d8b}.conflict-list li{margin:6px 0}.sev-conflict{color:#c62828;font-weight:bold}.sev-review{color:#ef6c00;font-weight:bold}"
           "footer{border-top:1px solid #cfd8dc;margin-top:30px;padding-top:10px;font-size:12px;color:#455a64}\n</style></head><body>\n";
    out << "<header><h1>" << html_escape(title) << "</h1><p>" << tr("dataset", lang) << ": " << html_escape(lang == Lang::zh ? d.meta("name") : d.meta("name_en"))
        << " · EPSG:4547" << (r.zone.empty() ? "" : " · " + tr("zone_only", lang) + " " + html_escape(r.zone)) << "</p></header>\n<main>\n";
    if (d.illustrative())
        out << "<div class=\"banner\">" << html_escape(lang == Lang::zh ? "示意数据：几何为示意图形，项目状态与建成面积为示意值，并非测绘或统计数据；目标值为规划原文数字。"
                                                                          : "Illustrative data: schematic geometry, illustrative statuses and floor areas, not surveyed or reported figures; targets are the plan's own numbers.")
            << "</div>\n";
    if (r.since) out << "<p class=\"since\">" << html_escape(since_summary(*r.since, lang)) << "</p>\n";
    out << "<section id=\"map-section\"><h2>" << tr("map", lang) << "</h2>\n";
    draw_map(out, r, lang);
    out << "</section>\n";
    progress_section(out, r, lang);

    conflict_sections(out, r, lang);

    out << "<section id=\"coverage\"><h2>" << tr("coverage", lang) << "</h2>\n";
    for (const auto& layer : frame_layers(r)) {
        out << "<h3>" << tr(layer, lang) << "</h3>\n<table><tr><th>" << tr("name", lang) << "</th><th>" << tr("kind", lang) << "</th><th>"
            << tr("area", lang) << "</th><th>" << tr("landuse", lang) << "</th><th>" << tr("projects", lang) << "</th><th>" << tr("by_status", lang)
            << "</th><th>" << tr("redevelopment", lang) << "</th></tr>\n";
        for (auto& c : r.overlay.coverage) {
            if (c.layer != layer) continue;
            std::string top;
            for (auto& s : top_landuse(c, *r.catalog, lang, 3)) top += (top.empty() ? "" : "<br>") + html_escape(s);
            auto st = [&](const char* s) {
                auto it = c.projects_by_status_m2.find(s);
                return area(it == c.projects_by_status_m2.end() ? 0.0 : it->second, lang);
            };
            out << "<tr><td>" << html_escape(frame_label(c, lang)) << "</td><td>" << html_escape(c.kind) << "</td><td class=\"num\">"
                << area(c.area_m2, lang) << "</td><td>" << top << "</td><td class=\"num\">" << area(c.projects_m2, lang) << " ("
                << core::percent(c.area_m2 > 0 ? c.projects_m2 / c.area_m2 : 0) << ")</td><td class=\"num\">" << st("completed") << " / "
                << st("under_construction") << " / " << st("planned") << "</td><td class=\"num\">" << area(c.redevelopment_m2, lang) << "</td></tr>\n";
        }
        out << "</table>\n";
    }
    for (auto& rc : r.overlay.reconciliation)
        out << "<p>" << tr("reconciliation", lang) << ": " << tr(rc.layer, lang) << " Σ " << core::grouped(rc.frames_landuse_m2) << " m² · "
            << tr("district_total", lang) << " " << core::grouped(rc.parcels_in_district_m2) << " m² (" << core::percent(rc.relative_difference, 4)
            << ")</p>\n";
    out << "</section>\n";
    // Geometry operations GEOS could not do at first, and how they were retried: only when there were some.
    if (const auto retries = robustness_notes(r); !retries.empty()) {
        out << "<section id=\"robustness\"><h2>" << tr("robustness", lang) << "</h2><ul>\n";
        for (auto& n : retries) out << "<li>" << html_escape(n) << "</li>\n";
        out << "</ul></section>\n";
    }
    std::string notes = d.meta("notes");
    if (!notes.empty()) {
        out << "<section id=\"notes\"><h2>" << tr("notes", lang) << "</h2><ul>\n";
        std::istringstream in(notes);
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) out << "<li>" << html_escape(line) << "</li>\n";
        out << "</ul></section>\n";
    }
    out << "<footer>" << html_escape(footer(r, lang)) << "</footer>\n</main></body></html>\n";
}

}  // namespace zoning::report
