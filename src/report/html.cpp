// SPDX-License-Identifier: MIT
// One self-contained HTML file a planner opens offline: an SVG map, progress bars,
// coverage tables and the conflict list. No scripts, no external resources.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <sstream>

#include "core/number_format.hpp"
#include "geo/geos.hpp"
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

/// The layer's QGIS style (layers/*.toml), so the report's map and the exported project agree.
const core::StyleSpec& style_of(const core::Catalog& cat, const char* layer) {
    static const core::StyleSpec none;
    const core::LayerSpec* spec = cat.find(layer);
    return spec ? spec->style : none;
}

void draw_map(std::ostream& out, const ReportData& r, Lang lang) {
    const core::Dataset& d = *r.dataset;
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
    auto layer_paths = [&](const char* name, const std::function<std::string(const core::Layer&, const core::Feature&)>& style,
                           bool closed, std::size_t max_features = 0) {
        const core::Layer* l = d.find(name);
        if (!l || (max_features && l->features.size() > max_features)) return;
        out << "<g class=\"" << name << "\">\n";
        for (auto& f : l->features) {
            std::string st = style(*l, f);
            if (st.empty()) continue;
            out << "<path d=\"" << svg_path(ctx, f.wkb, vp, simplify_m, closed) << "\" " << st << "><title>"
                << html_escape(l->text(f, "name").empty() ? l->id_of(f) : l->text(f, "name")) << "</title></path>\n";
        }
        out << "</g>\n";
    };
    // Land use underneath, when the district is small enough to draw lot by lot.
    layer_paths("parcels", [&](const core::Layer& l, const core::Feature& f) {
        const core::LanduseClass* c = r.catalog->landuse().find(l.text(f, "landuse"));
        return "fill=\"" + (c ? c->color : std::string("#ddd")) + "\" fill-opacity=\"0.45\" stroke=\"none\"";
    }, true, 20000);
    layer_paths("functional_zones", [](const core::Layer&, const core::Feature&) {
        return std::string("fill=\"none\" stroke=\"#5d4037\" stroke-width=\"2.2\" stroke-dasharray=\"10,4\"");
    }, true);
    layer_paths("water", [](const core::Layer&, const core::Feature&) { return std::string("fill=\"#64b5f6\" stroke=\"none\""); }, true);
    const core::StyleSpec& eco = style_of(*r.catalog, "eco_structure");
    const core::StyleSpec& service = style_of(*r.catalog, "service_layout");
    const core::StyleSpec& projects = style_of(*r.catalog, "projects");
    layer_paths("eco_structure", [&](const core::Layer& l, const core::Feature& f) {
        std::string k = l.text(f, "kind");
        const std::string& c = eco.color_of(k);
        if (k == "带" || k == "区") return "fill=\"none\" stroke=\"" + c + "\" stroke-width=\"2\" stroke-dasharray=\"6,3\"";
        return "fill=\"" + c + "\" fill-opacity=\"0.35\" stroke=\"" + c + "\" stroke-width=\"1.2\"";
    }, true);
    layer_paths("service_layout", [&](const core::Layer& l, const core::Feature& f) {
        std::string k = l.text(f, "kind");
        const std::string& c = service.color_of(k);
        if (k == "楼宇") return std::string("fill=\"#000\" stroke=\"#000\" stroke-width=\"2\"");
        return "fill=\"none\" stroke=\"" + c + "\" stroke-width=\"1.4\"" + (k == "区" ? "" : " stroke-dasharray=\"3,3\"");
    }, true);
    layer_paths("roads", [](const core::Layer& l, const core::Feature& f) {
        std::string k = l.text(f, "kind");
        double w = k == "主干路" ? 1.4 : k == "铁路" ? 1.6 : k == "次干路" ? 0.9 : 0.5;
        return "fill=\"none\" stroke=\"#616161\" stroke-width=\"" + std::to_string(w) + "\"" + (k == "铁路" ? " stroke-dasharray=\"5,3\"" : "");
    }, false);
    layer_paths("projects", [&](const core::Layer& l, const core::Feature& f) {
        return "class=\"project " + l.text(f, "status") + "\" fill=\"" + projects.color_of(l.text(f, "status")) +
               "\" fill-opacity=\"0.9\" stroke=\"#212121\" stroke-width=\"0.6\"";
    }, true);
    out << "<g class=\"conflicts\">\n";
    for (auto& c : r.conflicts) {
        if (c.overlap_wkb.empty()) continue;
        out << "<path class=\"conflict\" d=\"" << svg_path(ctx, c.overlap_wkb, vp, 0, true)
            << "\" fill=\"url(#hatch)\" stroke=\"#d50000\" stroke-width=\"2\"><title>" << html_escape(c.rule + ": " + (lang == Lang::zh ? c.reason_zh : c.reason))
            << "</title></path>\n";
    }
    out << "</g>\n";
    layer_paths("boundary", [](const core::Layer&, const core::Feature&) {
        return std::string("fill=\"none\" stroke=\"#c62828\" stroke-width=\"3\"");
    }, true);
    // Labels for zones and the five areas.
    out << "<g class=\"labels\" font-size=\"13\" text-anchor=\"middle\">\n";
    for (const char* name : {"functional_zones", "service_layout", "eco_structure"}) {
        const core::Layer* l = d.find(name);
        if (!l) continue;
        for (auto& f : l->features) {
            std::string k = l->text(f, "kind");
            if (std::string(name) == "service_layout" && k != "区") continue;
            if (std::string(name) == "eco_structure" && k != "核") continue;
            geo::GeomPtr p = geo::point_on_surface(ctx, geo::from_wkb(ctx, f.wkb).get());
            const geo::XY at = geo::point_xy(ctx, p.get());
            auto [sx, sy] = vp.px(at.x, at.y);
            bool zone = std::string(name) == "functional_zones";
            out << "<text x=\"" << static_cast<int>(sx) << "\" y=\"" << static_cast<int>(sy) << "\" font-size=\"" << (zone ? 18 : 12)
                << "\" fill=\"" << (zone ? "#4e342e" : "#311b92") << "\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">"
                << html_escape(l->text(f, "name")) << "</text>\n";
        }
    }
    out << "</g>\n";
    // Legend, scale bar, north arrow.
    double lx = kMapW + 10;
    int ly = 30;
    out << "<g class=\"legend\" font-size=\"12\"><text x=\"" << lx << "\" y=\"" << ly << "\" font-weight=\"bold\" font-size=\"14\">"
        << tr("legend", lang) << "</text>\n";
    auto item = [&](const std::string& swatch, const std::string& label) {
        ly += 22;
        out << swatch.substr(0, swatch.size()) << "<text x=\"" << lx + 30 << "\" y=\"" << ly << "\">" << html_escape(label) << "</text>\n";
    };
    auto rect = [&](const std::string& attrs) {
        return "<rect x=\"" + std::to_string(lx) + "\" y=\"" + std::to_string(ly + 22 - 11) + "\" width=\"22\" height=\"13\" " + attrs + "/>";
    };
    item(rect("fill=\"none\" stroke=\"#c62828\" stroke-width=\"3\""), tr("boundary", lang));
    item(rect("fill=\"none\" stroke=\"#5d4037\" stroke-width=\"2\" stroke-dasharray=\"5,2\""), tr("functional_zones", lang));
    // Kinds in the catalog's words: 带 is "belt" in English.
    auto kind = [&](const char* layer, const std::string& k) {
        const core::LayerSpec* spec = r.catalog->find(layer);
        return lang == Lang::zh || !spec ? k : spec->word_en("kind", k);
    };
    for (auto& [k, c] : eco.categories)
        item(rect("fill=\"" + c + "\" fill-opacity=\"0.35\" stroke=\"" + c + "\""), (lang == Lang::zh ? "生态" : "eco ") + kind("eco_structure", k));
    for (auto& [k, c] : service.categories)
        item(rect("fill=\"none\" stroke=\"" + c + "\" stroke-width=\"2\""), (lang == Lang::zh ? "服务业" : "service ") + kind("service_layout", k));
    for (auto& [s, c] : projects.categories) item(rect("fill=\"" + c + "\""), tr(s, lang));
    item(rect("fill=\"url(#hatch)\" stroke=\"#d50000\""), tr("conflict_area", lang));
    item(rect("fill=\"#64b5f6\""), lang == Lang::zh ? "水系" : "water");
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

void progress_section(std::ostream& out, const ReportData& r, Lang lang) {
    out << "<section id=\"progress\"><h2>" << tr("progress", lang) << "</h2>\n<div class=\"bars\">\n";
    for (auto& p : r.progress) {
        if (!p.target.measurable) continue;
        double pct = p.ratio ? std::clamp(*p.ratio, 0.0, 1.0) * 100.0 : 0.0;
        out << "<div class=\"bar-row " << p.status << "\"><div class=\"bar-label\">" << html_escape(lang == Lang::zh ? p.target.name : p.target.name_en)
            << "<small>" << html_escape(p.target.source) << "</small></div><div class=\"bar\"><div class=\"fill\" style=\"width:" << pct
            << "%\"></div></div><div class=\"bar-text\">" << html_escape(progress_text(p, lang)) << " <b>" << tr(p.status, lang) << "</b>";
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
    out << "</ul></details></section>\n";
}

}  // namespace

void write_html(std::ostream& out, const ReportData& r, Lang lang) {
    const core::Dataset& d = *r.dataset;
    auto meta = [&](const char* k) {
        auto it = d.metadata.find(k);
        return it == d.metadata.end() ? std::string() : it->second;
    };
    std::string title = (lang == Lang::zh ? meta("name") : meta("name_en")) + " — " + tr("title", lang);
    out << "<!DOCTYPE html>\n<html lang=\"" << (lang == Lang::zh ? "zh-CN" : "en") << "\"><head><meta charset=\"utf-8\"><title>"
        << html_escape(title) << "</title>\n<style>\n"
        << "body{font-family:'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Zen Hei','Microsoft YaHei',sans-serif;margin:0;color:#212121;background:#fff}"
           "header{background:#1a3c6e;color:#fff;padding:18px 28px}header h1{margin:0;font-size:24px}header p{margin:4px 0 0;opacity:.85}"
           "main{padding:8px 28px 28px;max-width:1400px}.banner{background:#fff3e0;border-left:5px solid #ef6c00;padding:8px 14px;margin:14px 0}"
           "h2{border-bottom:2px solid #1a3c6e;padding-bottom:4px;margin-top:28px}table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0 18px}"
           "th,td{border:1px solid #cfd8dc;padding:4px 7px;text-align:left;vertical-align:top}th{background:#eceff1}td.num{text-align:right;white-space:nowrap}"
           ".bar-row{display:grid;grid-template-columns:280px 1fr 360px;gap:12px;align-items:center;margin:8px 0}.bar-label small{display:block;color:#607d8b}"
           ".bar{background:#eceff1;height:18px;border-radius:3px;overflow:hidden}.fill{height:100%;background:#43a047}.behind .fill,.off_target .fill{background:#fb8c00}"
           ".bar-text small{color:#607d8b}.conflict-list li{margin:6px 0}.sev-conflict{color:#c62828;font-weight:bold}.sev-review{color:#ef6c00;font-weight:bold}"
           "footer{border-top:1px solid #cfd8dc;margin-top:30px;padding-top:10px;font-size:12px;color:#455a64}\n</style></head><body>\n";
    out << "<header><h1>" << html_escape(title) << "</h1><p>" << tr("dataset", lang) << ": " << html_escape(lang == Lang::zh ? meta("name") : meta("name_en"))
        << " · EPSG:4547" << (r.zone.empty() ? "" : " · " + tr("zone_only", lang) + " " + html_escape(r.zone)) << "</p></header>\n<main>\n";
    if (d.illustrative())
        out << "<div class=\"banner\">" << html_escape(lang == Lang::zh ? "示意数据：几何为示意图形，项目状态与建成面积为示意值，并非测绘或统计数据；目标值为规划原文数字。"
                                                                          : "Illustrative data: schematic geometry, illustrative statuses and floor areas, not surveyed or reported figures; targets are the plan's own numbers.")
            << "</div>\n";
    out << "<section id=\"map-section\"><h2>" << tr("map", lang) << "</h2>\n";
    draw_map(out, r, lang);
    out << "</section>\n";
    progress_section(out, r, lang);

    out << "<section id=\"conflicts\"><h2>" << tr("conflicts", lang) << " (" << r.conflicts.size() << ")</h2>\n<ul class=\"conflict-list\">\n";
    if (r.conflicts.empty()) out << "<li>" << tr("none", lang) << "</li>\n";
    for (auto& c : r.conflicts) {
        out << "<li><span class=\"sev-" << c.severity << "\">[" << tr(c.severity, lang) << "]</span> <b>" << c.rule << " "
            << html_escape(lang == Lang::zh ? c.title : c.title_en) << "</b>: " << html_escape(lang == Lang::zh ? c.reason_zh : c.reason)
            << "<br><small>" << tr("clause", lang) << ": " << html_escape(c.clause) << " · " << tr("features", lang) << ": ";
        for (std::size_t i = 0; i < c.features.size(); ++i)
            out << (i ? ", " : "") << html_escape(c.features[i].layer + "/" + c.features[i].id + " " + c.features[i].name);
        out << "</small></li>\n";
    }
    out << "</ul></section>\n";

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
    std::string notes = meta("notes");
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
