// SPDX-License-Identifier: MIT
// One self-contained HTML file a planner opens offline: an SVG map, progress bars,
// coverage tables and the conflict list. No scripts, no external resources.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>
#include <sstream>
#include <tuple>

#include "core/number_format.hpp"
#include "geo/geos.hpp"
#include "report/diff_render.hpp"
#include "report/internal.hpp"

namespace zoning::report {

using namespace detail;

namespace detail {

SiteWindow site_window(const geo::GeosContext& ctx, const GEOSGeometry* site, double min_margin_m, double factor, double width, double height, bool centre) {
    geo::Envelope e = geo::envelope(ctx, site);
    const double margin = std::max(min_margin_m, factor * std::max(e.maxx - e.minx, e.maxy - e.miny));
    e.minx -= margin, e.miny -= margin, e.maxx += margin, e.maxy += margin;
    Viewport vp;
    vp.pad = 0;
    vp.scale = std::min(width / (e.maxx - e.minx), height / (e.maxy - e.miny));
    if (centre) {
        const double cx = (e.minx + e.maxx) / 2, cy = (e.miny + e.maxy) / 2;
        e.minx = cx - width / 2 / vp.scale, e.maxx = cx + width / 2 / vp.scale, e.miny = cy - height / 2 / vp.scale, e.maxy = cy + height / 2 / vp.scale;
    }
    vp.minx = e.minx;
    vp.maxy = e.maxy;
    return {e, vp};
}

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
    static const std::vector<std::string> layers = {"parcels", "functional_zones", "urban_regions", "water", "eco_structure", "service_layout", "roads", "projects"};
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

/// A label the map may show, placed greedily: bigger features first, skipped where it would
/// cover one already placed (the name stays on the feature's hover title).
struct LabelCandidate {
    double x = 0, y = 0, size_px = 12, priority = 0;
    std::string text, colour;
};

/// The width of `s` in pixels at `size_px`: a CJK character is one em, an ASCII one about half.
double text_width(const std::string& s, double size_px) {
    double w = 0;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        w += len >= 3 ? size_px : 0.6 * size_px;
        i += len;
    }
    return w;
}

/// The labels that fit, greedily by priority (ties: the order given, so the output is stable).
std::vector<LabelCandidate> place_labels(std::vector<LabelCandidate> all) {
    std::stable_sort(all.begin(), all.end(), [](auto& a, auto& b) { return a.priority > b.priority; });
    struct Box { double x0, y0, x1, y1; };
    std::vector<Box> taken;
    std::vector<LabelCandidate> out;
    for (auto& l : all) {
        const double w = text_width(l.text, l.size_px) + 4, h = l.size_px + 2;
        Box b{l.x - w / 2, l.y - l.size_px, l.x + w / 2, l.y - l.size_px + h};
        bool clear = true;
        for (auto& t : taken)
            if (b.x0 < t.x1 && t.x0 < b.x1 && b.y0 < t.y1 && t.y0 < b.y1) {
                clear = false;
                break;
            }
        if (!clear) continue;
        taken.push_back(b);
        out.push_back(l);
    }
    return out;
}

/// What a feature's hover title says: a parcel its land-use code and class (and name), others their name.
std::string hover_text(const core::Catalog& cat, const core::Layer& l, const core::Feature& f, Lang lang) {
    const std::string name = l.text(f, "name");
    if (l.spec->style.renderer == "landuse") {
        const std::string code = l.text(f, l.spec->style.attribute);
        const core::LanduseClass* c = cat.landuse().find(code);
        std::string t = code + (c ? " " + (lang == Lang::zh ? c->name_zh : c->name_en) : std::string());
        return name.empty() ? t : t + " · " + name;
    }
    return name.empty() ? layer_title(cat, l.name(), lang) : name;
}

void draw_map(std::ostream& svg_out, const ReportData& r, Lang lang) {
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

    // The body first: the legend's length decides the drawing's height.
    std::ostringstream out;
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
                << paint(st, colour_of(cat, st, v), st.outline_of(v), line) << "><title>" << html_escape(hover_text(cat, *l, f, lang))
                << "</title></path>\n";
        }
        out << "</g>\n";
    };
    for (auto& name : map_layers()) draw_layer(name);
    // Conflicts numbered as in the conflict list.
    out << "<g class=\"conflicts\">\n";
    std::vector<std::pair<int, std::pair<double, double>>> numbers;
    for (std::size_t i = 0; i < r.conflicts.size(); ++i) {
        const core::Conflict& c = r.conflicts[i];
        if (c.overlap_wkb.empty()) continue;
        out << "<path class=\"conflict\" d=\"" << svg_path(ctx, c.overlap_wkb, vp, 0, true)
            << "\" fill=\"url(#hatch)\" stroke=\"#d50000\" stroke-width=\"2\"><title>" << i + 1 << ". "
            << html_escape((lang == Lang::zh ? c.title : c.title_en) + (lang == Lang::zh ? "：" : ": ") + (lang == Lang::zh ? c.reason_zh : c.reason))
            << "</title></path>\n";
        geo::GeomPtr g = geo::from_wkb(ctx, c.overlap_wkb);
        if (geo::area(ctx, g.get()) <= 0 && geo::length(ctx, g.get()) <= 0) continue;
        const geo::XY at = geo::point_xy(ctx, geo::point_on_surface(ctx, g.get()).get());
        numbers.push_back({static_cast<int>(i + 1), vp.px(at.x, at.y)});
    }
    out << "</g>\n";
    draw_layer("boundary");
    // Labels where the catalog asks for them (`label`, `label_kinds`), in the feature's outline colour,
    // those that fit: the larger feature first.
    std::vector<LabelCandidate> candidates;
    for (auto& name : map_layers()) {
        const core::Layer* l = d.find(name);
        const core::StyleSpec& st = style_of(cat, name);
        if (!l || st.label.empty()) continue;
        for (auto& f : l->features) {
            const std::string v = value_of(st, *l, f);
            const std::string text = l->text(f, st.label);
            if (!st.labels_on_map(v) || text.empty()) continue;
            geo::GeomPtr g = geo::from_wkb(ctx, f.wkb);
            const geo::XY at = geo::point_xy(ctx, geo::point_on_surface(ctx, g.get()).get());
            LabelCandidate c;
            std::tie(c.x, c.y) = vp.px(at.x, at.y);
            c.size_px = st.label_size * kPxPerPt;
            // A line counts as a band 50 m wide; larger labels (the zones') first.
            const double size_m2 = l->spec->geometry == core::GeomKind::line ? geo::length(ctx, g.get()) * 50 : geo::area(ctx, g.get());
            c.priority = st.label_size * 1e12 + size_m2;
            c.text = text;
            c.colour = st.outline_of(v);
            candidates.push_back(std::move(c));
        }
    }
    out << "<g class=\"labels\" text-anchor=\"middle\">\n";
    for (auto& l : place_labels(std::move(candidates)))
        out << "<text x=\"" << static_cast<int>(l.x) << "\" y=\"" << static_cast<int>(l.y) << "\" font-size=\"" << num(l.size_px) << "\" fill=\""
            << l.colour << "\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">" << html_escape(l.text) << "</text>\n";
    out << "</g>\n<g class=\"conflict-numbers\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\">\n";
    for (auto& [n, at] : numbers)
        out << "<circle cx=\"" << num(at.first) << "\" cy=\"" << num(at.second) << "\" r=\"9\" fill=\"#d50000\" stroke=\"#fff\"/><text x=\""
            << num(at.first) << "\" y=\"" << num(at.second + 4) << "\" fill=\"#fff\">" << n << "</text>\n";
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
        const core::Layer* l = d.find(name);
        if (!spec || !l) return;
        const core::StyleSpec& st = spec->style;
        const bool line = spec->geometry == core::GeomKind::line;
        if (st.renderer == "single") {
            item(paint(st, st.color, st.outline, line), line, lang == Lang::zh ? spec->title_zh : spec->title_en);
            return;
        }
        // The categories the data has, in the catalog's order, then values only the catch-all colours.
        std::vector<std::string> present;
        for (auto& f : l->features) {
            std::string v = value_of(st, *l, f);
            if (std::find(present.begin(), present.end(), v) == present.end()) present.push_back(v);
        }
        std::vector<std::string> shown;
        if (st.renderer == "landuse") {
            shown = present;
            std::sort(shown.begin(), shown.end());
            if (!shown.empty()) {
                ly += 26;
                out << "<text x=\"" << lx << "\" y=\"" << ly << "\" font-weight=\"bold\">" << tr("landuse_legend", lang) << "</text>\n";
            }
            for (auto& code : shown) {
                const core::LanduseClass* c = cat.landuse().find(code);
                item(paint(st, colour_of(cat, st, code), st.outline_of(code), line), line,
                     code + " " + (c ? (lang == Lang::zh ? c->name_zh : c->name_en) : std::string()));
            }
            return;
        }
        for (auto& [v, c] : st.categories)
            if (std::find(present.begin(), present.end(), v) != present.end()) shown.push_back(v);
        std::vector<std::string> others;
        for (auto& v : present)
            if (std::find(shown.begin(), shown.end(), v) == shown.end()) others.push_back(v);
        std::sort(others.begin(), others.end());
        for (auto& v : shown) item(paint(st, st.color_of(v), st.outline_of(v), line), line, category_word(*spec, v, lang));
        // Many catch-all values (another district's 82 zones): one entry for them all; the names are on the map.
        if (others.size() > 12) {
            item(paint(st, st.color_of(others.front()), st.outline_of(others.front()), line), line,
                 (lang == Lang::zh ? spec->title_zh : spec->title_en) + " (" + std::to_string(others.size()) + ")");
            return;
        }
        for (auto& v : others) item(paint(st, st.color_of(v), st.outline_of(v), line), line, category_word(*spec, v, lang));
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

    svg_out << "<svg id=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << kMapW + 230 << ' '
            << std::max({height, 420.0, static_cast<double>(ly + 20)}) << "\" width=\"100%\" role=\"img\" aria-label=\"" << tr("map", lang) << "\">\n"
            << "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
               "<rect width=\"6\" height=\"6\" fill=\"#ffcdd2\" fill-opacity=\"0.6\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#d50000\" stroke-width=\"3\"/>"
               "</pattern></defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#fbfbf8\"/>\n"
            << out.str() << "</svg>\n";
}

/// The expected path and the level, coloured: green on track or achieved, yellow behind, red severely behind or overdue.
void path_html(std::ostream& out, const core::ProgressRow& p, Lang lang) {
    if (!p.level.empty()) out << " <span class=\"level " << p.level << "\">" << html_escape(level_word(p.level, lang)) << "</span>";
    if (const std::string path = path_text(p, lang); !path.empty()) out << "<br><small>" << html_escape(path) << "</small>";
}

/// A small chart per target: the expected path from the baseline to the target year (dashed), the
/// measured values by year (solid, dots), the target (a tick at its year). Nothing when there is
/// neither a path nor more than one measured value: one figure is already in the bar.
void trend_chart(std::ostream& out, const core::ProgressRow& p, Lang lang) {
    const core::Target& t = p.target;
    std::vector<std::pair<int, double>> expected, measured;
    for (auto& point : p.series)  // nothing after the year the report is judged at (--year)
        if (p.evaluation_year == 0 || point.first <= p.evaluation_year) measured.push_back(point);
    if (measured.empty() && p.measured) measured.push_back({p.measured_year.value_or(p.evaluation_year > 0 ? p.evaluation_year : t.year), *p.measured});
    if (t.baseline && t.baseline_year && (measured.empty() || measured.front().first > *t.baseline_year))
        measured.insert(measured.begin(), {*t.baseline_year, *t.baseline});
    if (t.baseline_year)
        for (int y = *t.baseline_year; y <= t.year; ++y)
            if (auto v = core::expected_value(t, y)) expected.push_back({y, *v});
    if (expected.empty() && measured.size() < 2) return;
    int y0 = t.year, y1 = t.year;
    double v0 = t.target, v1 = t.target;
    for (auto* series : {&expected, &measured})
        for (auto& [y, v] : *series) y0 = std::min(y0, y), y1 = std::max(y1, y), v0 = std::min(v0, v), v1 = std::max(v1, v);
    if (y1 == y0) y1 = y0 + 1;
    if (v1 - v0 < 1e-12 * std::max(1.0, std::fabs(v1))) v0 -= 1, v1 += 1;
    const double w = 180, h = 56, l = 4, r = 4, top = 6, bottom = 14;
    auto x = [&](int y) { return l + (w - l - r) * (y - y0) / (y1 - y0); };
    auto yv = [&](double v) { return top + (h - top - bottom) * (1 - (v - v0) / (v1 - v0)); };
    auto points = [&](const std::vector<std::pair<int, double>>& pts) {
        std::string s;
        for (auto& [y, v] : pts) s += num(x(y)) + "," + num(yv(v)) + " ";
        return s;
    };
    out << "<br><svg class=\"trend\" width=\"" << w << "\" height=\"" << h << "\" viewBox=\"0 0 " << w << ' ' << h << "\" role=\"img\" aria-label=\""
        << tr("trend", lang) << "\"><title>" << tr("trend", lang) << "</title>";
    if (!expected.empty())
        out << "<polyline class=\"expected\" points=\"" << points(expected) << "\" fill=\"none\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>";
    out << "<line x1=\"" << num(x(t.year) - 4) << "\" x2=\"" << num(x(t.year) + 4) << "\" y1=\"" << num(yv(t.target)) << "\" y2=\"" << num(yv(t.target))
        << "\" stroke=\"#333\" stroke-width=\"2\"/>";
    if (measured.size() > 1) out << "<polyline class=\"measured\" points=\"" << points(measured) << "\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\"/>";
    for (auto& [y, v] : measured) out << "<circle class=\"measured\" cx=\"" << num(x(y)) << "\" cy=\"" << num(yv(v)) << "\" r=\"2.5\" fill=\"#1565c0\"/>";
    out << "<text x=\"" << l << "\" y=\"" << h - 2 << "\" font-size=\"10\">" << y0 << "</text><text x=\"" << w - r << "\" y=\"" << h - 2
        << "\" font-size=\"10\" text-anchor=\"end\">" << y1 << "</text></svg>";
}

void progress_section(std::ostream& out, const ReportData& r, Lang lang) {
    out << "<section id=\"progress\"><h2>" << tr("progress", lang) << "</h2>\n";
    if (r.progress.empty()) {  // no empty bars and list: the dataset has no targets
        out << "<p>" << tr("none", lang) << "</p>\n</section>\n";
        return;
    }
    out << "<div class=\"bars\">\n";
    for (auto& p : r.progress) {
        if (!p.target.measurable && !p.measured) continue;  // a statistic with a figure (indicators.csv) is measured too
        double pct = p.ratio ? std::clamp(*p.ratio, 0.0, 1.0) * 100.0 : 0.0;
        out << "<div class=\"bar-row " << p.status << "\"><div class=\"bar-label\">" << html_escape(lang == Lang::zh ? p.target.name : p.target.name_en)
            << "<small>" << html_escape(p.target.source) << "</small></div><div class=\"bar\"><div class=\"fill\" style=\"width:" << num(pct)
            << "%\"></div></div><div class=\"bar-text\">" << html_escape(progress_text(p, lang)) << " <b>" << tr(p.status, lang) << "</b>";
        path_html(out, p, lang);
        if (const std::string reading = reading_text(p, lang); !reading.empty()) out << "<br><small>" << html_escape(reading) << "</small>";
        if (p.target.quote) out << "<br><small>" << html_escape(quote_text(p.target.quote, lang)) << "</small>";
        if (!p.series.empty() && p.target.unit == "m²") {
            out << "<br><small>" << tr("series", lang) << ": ";
            // In the target's unit throughout: 万 m² where the plan states the target so; floor area, so
            // never the 公顷 of land (core::area_text).
            const bool in_wan = lang == Lang::zh && std::fabs(p.target.target) >= 10000.0;
            for (auto& [y, v] : p.series)
                out << y << " " << html_escape(in_wan ? core::in_wan(v) + " m²" : lang == Lang::zh ? core::wan(v) + " m²" : core::grouped(v) + " m²")
                    << (y == p.series.back().first ? "" : " · ");
            out << "</small>";
        }
        trend_chart(out, p, lang);
        out << "</div></div>\n";
    }
    // Printed in full, not folded away: a signed report shows what it could not measure.
    out << "</div>\n<h3>" << tr("unmeasurable", lang) << "</h3>\n<ul class=\"unmeasurable\">\n";
    for (auto& p : r.progress)
        if (!p.target.measurable && !p.measured)
            out << "<li>" << html_escape(lang == Lang::zh ? p.target.name : p.target.name_en) << (lang == Lang::zh ? "：" : ": ")
                << html_escape(progress_text(p, lang)) << (lang == Lang::zh ? "（" : " (") << html_escape(p.target.source)
                << (lang == Lang::zh ? "）" : ")") << "</li>\n";
    out << "</ul>\n";
    if (const std::string y = evaluation_year_text(r.progress, lang); !y.empty()) out << "<p><small>" << html_escape(y) << "</small></p>\n";
    out << "</section>\n";
}

/// One conflict or data-quality finding as a list item, numbered as on the map: names in the body,
/// the rule id and the features' layer/id in the technical appendix.
void conflict_item(std::ostream& out, const ReportData& r, const core::Conflict& c, Lang lang) {
    const bool zh = lang == Lang::zh;
    const std::string colon = zh ? "：" : ": ";
    out << "<li><span class=\"number\">(" << conflict_number(r, c) << ")</span> ";
    if (c.category == "plan") out << "<span class=\"sev-" << c.severity << "\">[" << tr(c.severity, lang) << "]</span> ";
    out << "<b>" << html_escape(zh ? c.title : c.title_en) << "</b>" << colon << html_escape(zh ? c.reason_zh : c.reason) << "<br><small>";
    if (c.category == "plan") out << tr("clause", lang) << colon << html_escape(c.clause) << " · ";
    out << tr("features", lang) << colon << html_escape(feature_names(c, lang));
    if (c.quote) out << "<br>" << html_escape(quote_text(c.quote, lang));
    if (const std::string reading = rule_reading_text(c, lang); !reading.empty()) out << "<br>" << html_escape(reading);
    out << "</small></li>\n";
}

/// Plan conflicts (conflicts and reviews counted apart), then data-quality checks (rules without
/// a plan sentence) in a section of their own.
void conflict_sections(std::ostream& out, const ReportData& r, Lang lang) {
    std::size_t plan = 0, quality = 0;
    for (auto& c : r.conflicts) (c.category == "plan" ? plan : quality)++;
    out << "<section id=\"conflicts\"><h2>" << tr("conflicts_reviews", lang) << "</h2>\n<p class=\"counts\">" << conflict_counts(r.conflicts, lang)
        << "</p>\n<ul class=\"conflict-list\">\n";
    if (plan == 0) out << "<li>" << tr("none", lang) << "</li>\n";
    for (auto& c : r.conflicts)
        if (c.category == "plan") conflict_item(out, r, c, lang);
    out << "</ul></section>\n";
    if (quality == 0) return;
    out << "<section id=\"quality\"><h2>" << tr("quality_checks", lang) << " (" << quality << ")</h2>\n<p>" << tr("quality_note", lang)
        << "</p>\n<ul class=\"conflict-list\">\n";
    for (auto& c : r.conflicts)
        if (c.category != "plan") conflict_item(out, r, c, lang);
    out << "</ul></section>\n";
}

}  // namespace

void write_html(std::ostream& out, const ReportData& r, Lang lang) {
    const core::Dataset& d = *r.dataset;
    const bool zh = lang == Lang::zh;
    std::string title = (zh ? d.meta("name") : d.meta("name_en")) + " — " + tr("title", lang);
    out << "<!DOCTYPE html>\n<html lang=\"" << (zh ? "zh-CN" : "en") << "\"><head><meta charset=\"utf-8\">"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" << html_escape(title) << "</title>\n<style>\n"
        << "body{font-family:'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Zen Hei','Microsoft YaHei',sans-serif;margin:0;color:#212121;background:#fff}"
           "header{background:#1a3c6e;color:#fff;padding:18px 28px}header h1{margin:0;font-size:24px}"
           "dl.head{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:10px 0 0;font-size:14px}dl.head dt{opacity:.85}dl.head dd{margin:0}"
           "main{padding:8px 28px 28px;max-width:1400px}.banner{background:#fff3e0;border-left:5px solid #ef6c00;padding:8px 14px;margin:14px 0}"
           "h2{border-bottom:2px solid #1a3c6e;padding-bottom:4px;margin-top:28px}.table-wrap{overflow-x:auto}"
           "table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0 18px}"
           "th,td{border:1px solid #cfd8dc;padding:4px 7px;text-align:left;vertical-align:top}th{background:#eceff1}td.num{text-align:right;white-space:nowrap}"
           ".bar-row{display:grid;grid-template-columns:280px 1fr 360px;gap:12px;align-items:center;margin:8px 0}.bar-label small{display:block;color:#607d8b}"
           ".bar{background:#eceff1;height:18px;border-radius:3px;overflow:hidden}.fill{height:100%;background:#43a047}.behind .fill,.off_target .fill{background:#fb8c00}.overdue .fill{background:#c62828}"
           ".level{padding:0 6px;border-radius:3px;color:#fff}.level.achieved,.level.on_track{background:#2e7d32}.level.behind{background:#f9a825;color:#000}"
           ".level.severely_behind,.level.overdue{background:#c62828}"
           ".bar-text small{color:#607d8b}.conflict-list li{margin:6px 0}.sev-conflict{color:#c62828;font-weight:bold}.sev-review{color:#ef6c00;font-weight:bold}"
           "#appendix{font-size:13px;color:#37474f}"
           "footer{border-top:1px solid #cfd8dc;margin-top:30px;padding-top:10px;font-size:12px;color:#455a64}\n"
           // Print: A4 with page numbers; a table row, a bar or a list item is never cut across pages.
           "tr,.bar-row,.conflict-list li,.unmeasurable li{break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}"
           "@page{size:A4;margin:15mm 12mm 16mm;@bottom-center{content:counter(page) \" / \" counter(pages);font-size:9pt;color:#455a64}}"
           "@media print{header{background:none;color:#000;border-bottom:2px solid #1a3c6e;padding:0 0 8px}main{max-width:none;padding:0}"
           "h2,h3{break-after:avoid}.bar-row{grid-template-columns:34% 1fr 38%}.table-wrap{overflow:visible}table{font-size:10pt}"
           "#map{break-inside:avoid}.banner{border:1px solid #ef6c00}}\n"
           // A narrow window: the bar's label, bar and figures one under another; tables scroll sideways in their own box.
           "@media (max-width:900px){main{padding:6px 12px 20px}header{padding:12px}.bar-row{grid-template-columns:1fr;gap:4px}"
           "table{font-size:12px}}\n</style></head><body>\n";
    out << "<header><h1>" << html_escape(title) << "</h1><dl class=\"head\">";
    for (auto& [label, value] : head_items(r, lang)) out << "<dt>" << html_escape(label) << "</dt><dd>" << html_escape(value) << "</dd>";
    if (!r.zone.empty()) out << "<dt>" << tr("zone_only", lang) << "</dt><dd>" << html_escape(r.zone) << "</dd>";
    out << "</dl></header>\n<main>\n";
    if (d.illustrative())
        out << "<div class=\"banner\">" << html_escape(zh ? "示意数据：几何为示意图形，项目状态与建成面积为示意值，并非测绘或统计数据；目标值为规划原文数字。"
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
        const CoverageTable t = coverage_table(r, layer, lang);
        out << "<h3>" << html_escape(layer_title(*r.catalog, layer, lang)) << "</h3>\n<div class=\"table-wrap\"><table><thead><tr>";
        for (auto& h : t.header) out << "<th>" << html_escape(h) << "</th>";
        out << "</tr></thead><tbody>\n";
        for (auto& row : t.rows) {
            out << "<tr>";
            for (std::size_t i = 0; i < row.size(); ++i)
                out << (t.numeric[i] ? "<td class=\"num\">" : "<td>") << html_escape(row[i]) << "</td>";
            out << "</tr>\n";
        }
        out << "</tbody></table></div>\n";
    }
    out << "</section>\n";

    // Everything a checker needs and a reader does not: ids, layer names, the CRS, retries, the data's notes.
    out << "<section id=\"appendix\"><h2>" << tr("appendix", lang) << "</h2>\n<p>" << tr("appendix_intro", lang) << "</p>\n<ul>"
        << "<li>" << tr("work_crs", lang) << ": " << html_escape(d.work_crs_name()) << "</li><li>" << tr("rules_origin", lang) << ": " << html_escape(rules_origin(r, lang))
        << "</li><li>" << tr("built_at", lang) << ": " << html_escape(d.meta("built_at")) << "</li></ul>\n";
    if (!r.conflicts.empty()) {
        out << "<h3>" << tr("conflict_refs", lang) << "</h3>\n<div class=\"table-wrap\"><table><thead><tr><th>" << tr("number", lang) << "</th><th>"
            << tr("rule_id", lang) << "</th><th>" << tr("feature_refs", lang) << "</th></tr></thead><tbody>\n";
        for (std::size_t i = 0; i < r.conflicts.size(); ++i)
            out << "<tr><td class=\"num\">" << i + 1 << "</td><td>" << html_escape(r.conflicts[i].rule) << "</td><td>"
                << html_escape(feature_refs(r.conflicts[i])) << "</td></tr>\n";
        out << "</tbody></table></div>\n";
    }
    for (const auto& list : appendix_lists(r, d, lang)) {
        out << "<h3" << (list.anchor.empty() ? "" : " id=\"" + list.anchor + "\"") << ">" << list.title << "</h3>";
        if (!list.intro.empty()) out << "\n<p>" << html_escape(list.intro) << "</p>\n";
        out << "<ul>\n";
        for (const auto& item : list.items) out << "<li>" << html_escape(item) << "</li>\n";
        out << "</ul>\n";
    }
    out << "</section>\n<footer>" << html_escape(footer(r, lang)) << "</footer>\n</main></body></html>\n";
}

}  // namespace zoning::report
