// SPDX-License-Identifier: MIT
#include "report/opinion.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>

#include "core/number_format.hpp"
#include "geo/geos.hpp"
#include "report/internal.hpp"
#include "report/words.hpp"

namespace zoning::report {

using namespace detail;

namespace {

/// One numbered opinion: its sentence, and the feature it is about when the map can show it.
struct Item {
    std::string text;
    std::string layer, id;
    std::optional<double> bearing_deg, distance_m;
};

/// A quotation inside our “…”: its own double quotes become single ones, as Chinese typography nests them.
std::string inner_quotes(std::string text) {
    for (auto [from, to] : {std::pair<const char*, const char*>{"“", "‘"}, {"”", "’"}})
        for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += std::strlen(to)) text.replace(at, std::strlen(from), to);
    return text;
}

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

std::string metres(double m, bool zh) {
    if (m >= 1000) return fmt("%.2f", m / 1000) + (zh ? " 千米" : " km");
    return fmt("%.0f", m) + (zh ? " 米" : " m");
}

/// Whole square metres with thousands separators, as a site's area is stated: "6,400 平方米".
std::string square_metres(double m2, bool zh) {
    std::string digits = fmt("%.0f", m2), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') out += ',';
        out += digits[i];
    }
    return out + (zh ? " 平方米" : " m²");
}

/// A sentence without its full stop, so a reference can follow it.
std::string without_stop(std::string s) {
    for (const std::string stop : {"。", "."})
        if (s.size() >= stop.size() && s.compare(s.size() - stop.size(), stop.size(), stop) == 0) s.resize(s.size() - stop.size());
    return s;
}

/// Clockwise from grid north to one of eight directions.
std::string direction(double bearing_deg, bool zh) {
    static const char* const zh_words[] = {"北", "东北", "东", "东南", "南", "西南", "西", "西北"};
    static const char* const en_words[] = {"north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"};
    const int i = static_cast<int>(std::floor(std::fmod(std::fmod(bearing_deg, 360.0) + 360.0 + 22.5, 360.0) / 45.0)) % 8;
    return zh ? zh_words[i] : en_words[i];
}

std::string landuse_name(const core::Catalog& cat, const std::string& code, Lang lang) {
    const core::LanduseClass* c = cat.landuse().find(code);
    return c ? (lang == Lang::zh ? c->name_zh : c->name_en) : std::string();
}

std::string control_word(core::ControlLineHit::Kind k, bool zh) {
    switch (k) {
        case core::ControlLineHit::Kind::road_red_line: return zh ? "道路红线" : "road red line";
        case core::ControlLineHit::Kind::water_blue_line: return zh ? "水体蓝线" : "water blue line";
        case core::ControlLineHit::Kind::rail_protection: return zh ? "铁路保护范围" : "rail protection strip";
    }
    return {};
}

/// What the strip's width is: the red line's width, the blue line's setback, the rail's protection distance.
std::string width_word(core::ControlLineHit::Kind k, bool zh) {
    switch (k) {
        case core::ControlLineHit::Kind::road_red_line: return zh ? "红线宽" : "width";
        case core::ControlLineHit::Kind::water_blue_line: return zh ? "蓝线退让" : "setback";
        case core::ControlLineHit::Kind::rail_protection: return zh ? "保护距离" : "protection distance";
    }
    return {};
}

std::string indicator_word(core::IndicatorCheck::Indicator i, bool zh) {
    switch (i) {
        case core::IndicatorCheck::Indicator::far: return zh ? "容积率" : "floor area ratio";
        case core::IndicatorCheck::Indicator::height: return zh ? "建筑高度" : "building height";
        case core::IndicatorCheck::Indicator::density: return zh ? "建筑密度" : "building coverage";
        case core::IndicatorCheck::Indicator::green: return zh ? "绿地率" : "green ratio";
    }
    return {};
}

std::string indicator_value(core::IndicatorCheck::Indicator i, double v, bool zh) {
    switch (i) {
        case core::IndicatorCheck::Indicator::far: return fmt("%.2f", v);
        case core::IndicatorCheck::Indicator::height: return fmt("%.1f", v) + (zh ? " 米" : " m");
        default: return core::percent(v);
    }
}

std::string verdict_sentence(core::Verdict v, bool zh) {
    switch (v) {
        case core::Verdict::pass:
            return zh ? "经审查，该项目选址符合规划，未发现与规划冲突或需复核的事项，同意按此选址。"
                      : "The site conforms to the plan; no conflict and nothing to review was found. The siting is approved.";
        case core::Verdict::needs_review:
            return zh ? "经审查，该项目选址未发现与规划的冲突，但下列事项须复核后方可审定。"
                      : "No conflict with the plan was found, but the points below must be reviewed before the siting is decided.";
        case core::Verdict::conflict:
            return zh ? "经审查，该项目选址与规划存在冲突，不予同意；须按下列意见调整后重新报审。"
                      : "The site conflicts with the plan and is not approved; it must be revised as set out below and submitted again.";
    }
    return {};
}

std::vector<Item> items_of(const core::SitingResult& r, const core::Catalog& cat, Lang lang) {
    const bool zh = lang == Lang::zh;
    std::vector<Item> out;
    std::set<std::pair<std::string, std::string>> named;  // features an item already speaks of
    // The plan's rules first, conflicts before points to review.
    for (const char* severity : {"conflict", "review"})
        for (auto& c : r.conflicts) {
            if (c.severity != severity) continue;
            Item it;
            // The reason states the areas; the reference says whether the plan or the data's own checks ask it.
            it.text = (zh ? c.title : c.title_en) + (zh ? "：" : ": ") + without_stop(zh ? c.reason_zh : c.reason);
            if (c.category == "quality") it.text += zh ? "（数据质检）" : " (data check)";
            else if (!c.clause.empty()) it.text += (zh ? "（依据规划" : " (plan, ") + c.clause + (zh ? "）" : ")");
            it.text += zh ? "。" : ".";
            if (c.features.size() > 1) {
                it.layer = c.features[1].layer;
                it.id = c.features[1].id;
                named.insert({it.layer, it.id});
            }
            out.push_back(std::move(it));
        }
    for (auto& h : r.control_lines) {
        if (named.count({h.layer, h.id})) continue;  // a rule already speaks of this line, with its figures
        Item it;
        it.layer = h.layer;
        it.id = h.id;
        it.bearing_deg = h.bearing_deg;
        it.distance_m = h.distance_m;
        const std::string what = h.name + (h.feature_kind.empty() ? "" : (zh ? "（" + h.feature_kind + "）" : " (" + h.feature_kind + ")"));
        const std::string width = zh ? "（" + width_word(h.kind, zh) + " " + fmt("%.0f", h.width_m) + " 米）"
                                     : " (" + width_word(h.kind, zh) + " " + fmt("%.0f", h.width_m) + " m)";
        if (h.overlap_m2 > 0)
            it.text = zh ? "用地侵入" + what + control_word(h.kind, zh) + width + square_metres(h.overlap_m2, zh) + "，须退出" + control_word(h.kind, zh) + "。"
                         : "The site intrudes " + square_metres(h.overlap_m2, zh) + " into the " + control_word(h.kind, zh) + width + " of " + what +
                               "; it must be set back out of it.";
        else
            it.text = zh ? "用地距" + what + control_word(h.kind, zh) + width + metres(h.distance_m, zh) + "，位于用地" + direction(h.bearing_deg, zh) + "侧。"
                         : "The site is " + metres(h.distance_m, zh) + " from the " + control_word(h.kind, zh) + width + " of " + what + ", to its " +
                               direction(h.bearing_deg, zh) + ".";
        named.insert({it.layer, it.id});
        out.push_back(std::move(it));
    }
    // 控规: each breach is an item of its own; what complies is said once per lot, so a site over
    // several lots does not run to a page of 符合.
    std::vector<std::string> lots;
    for (auto& c : r.indicators)
        if (std::find(lots.begin(), lots.end(), c.lot_id) == lots.end()) lots.push_back(c.lot_id);
    for (const std::string& lot_id : lots) {
        std::vector<const core::IndicatorCheck*> complying;
        const core::IndicatorCheck* first = nullptr;
        for (auto& c : r.indicators) {
            if (c.lot_id != lot_id) continue;
            if (!first) first = &c;
            if (c.complies) complying.push_back(&c);
        }
        const core::IndicatorCheck& l = *first;
        const std::string lot = zh ? "控规地块 " + l.lot_id + "（" + l.lot_landuse + " " + landuse_name(cat, l.lot_landuse, lang) + "，占用地 " + core::percent(l.lot_share) + "）"
                                   : "regulatory lot " + l.lot_id + " (" + l.lot_landuse + " " + landuse_name(cat, l.lot_landuse, lang) + ", " +
                                         core::percent(l.lot_share) + " of the site)";
        const std::string approval = l.approval.empty() ? "" : (zh ? "，批复文号 " + l.approval : ", approved as " + l.approval);
        auto limit_of = [&](const core::IndicatorCheck& c) {
            return (c.limit_is_minimum ? (zh ? "不低于 " : "at least ") : (zh ? "不高于 " : "at most ")) + indicator_value(c.indicator, c.limit, zh);
        };
        for (auto& c : r.indicators) {
            if (c.lot_id != lot_id || c.complies) continue;
            Item it;
            const std::string verdict = c.limit_is_minimum ? (zh ? "不达标" : "falls short of the limit") : (zh ? "超标" : "exceeds the limit");
            it.text = zh ? indicator_word(c.indicator, zh) + "：方案 " + indicator_value(c.indicator, c.value, zh) + "，" + lot + "要求" + limit_of(c) + approval +
                               "，" + verdict + "。"
                         : indicator_word(c.indicator, zh) + ": proposed " + indicator_value(c.indicator, c.value, zh) + "; " + lot + " requires " +
                               limit_of(c) + approval + ": " + verdict + ".";
            out.push_back(std::move(it));
        }
        if (complying.empty()) continue;
        std::string figures;
        for (const core::IndicatorCheck* c : complying)
            figures += (figures.empty() ? "" : (zh ? "、" : "; ")) + indicator_word(c->indicator, zh) + " " + indicator_value(c->indicator, c->value, zh) +
                       (zh ? "（" : " (") + limit_of(*c) + (zh ? "）" : ")");
        Item it;
        it.text = zh ? lot + approval + "：" + figures + "，符合。" : lot + approval + ": " + figures + ": complies.";
        out.push_back(std::move(it));
    }
    // Points to review that are not rules: a nearby eco element among them is shown on the map.
    std::set<std::size_t> near_told;
    const auto& reasons = zh ? r.review_reasons_zh : r.review_reasons;
    for (auto& s : reasons) {
        Item it;
        it.text = s;
        for (std::size_t i = 0; i < r.nearest.size(); ++i)
            if (!r.nearest[i].name.empty() && s.find(r.nearest[i].name) != std::string::npos && it.layer.empty()) {
                it.layer = r.nearest[i].layer;
                it.id = r.nearest[i].id;
                it.bearing_deg = r.nearest[i].bearing_deg;
                it.distance_m = r.nearest[i].distance_m;
                near_told.insert(i);
            }
        out.push_back(std::move(it));
    }
    for (auto& p : r.projects) {
        if (named.count({"projects", p.id})) continue;
        Item it;
        it.layer = "projects";
        it.id = p.id;
        it.text = zh ? "用地与已有项目" + p.name + "（" + tr(p.status, lang) + "）重叠 " + square_metres(p.overlap_m2, zh) + "，须核实两者关系。"
                     : "The site overlaps the existing project " + p.name + " (" + tr(p.status, lang) + ") by " + square_metres(p.overlap_m2, zh) +
                           "; how the two relate must be confirmed.";
        out.push_back(std::move(it));
    }
    // The nearest ecological elements, for the record, when no point above spoke of them.
    for (std::size_t i = 0; i < r.nearest.size() && i < 2; ++i) {
        if (near_told.count(i)) continue;
        const auto& n = r.nearest[i];
        Item it;
        it.layer = n.layer;
        it.id = n.id;
        it.bearing_deg = n.bearing_deg;
        it.distance_m = n.distance_m;
        it.text = zh ? "用地距" + n.name + "（" + n.kind + "）" + metres(n.distance_m, zh) + "，位于用地" + direction(n.bearing_deg, zh) + "侧。"
                     : "The site is " + metres(n.distance_m, zh) + " from " + n.name + ", to its " + direction(n.bearing_deg, zh) + ".";
        out.push_back(std::move(it));
    }
    return out;
}

const core::Feature* find_feature(const core::Dataset& d, const std::string& layer, const std::string& id, const core::Layer** in) {
    const core::Layer* l = d.find(layer);
    if (!l) return nullptr;
    for (auto& f : l->features)
        if (l->id_of(f) == id) {
            *in = l;
            return &f;
        }
    return nullptr;
}

/// Degrees as 度分秒 with 4 decimals of a second (about 3 mm): 113°15′20.1234″.
std::string dms(double deg) {
    const double a = std::abs(deg);
    int d = static_cast<int>(a);
    int m = static_cast<int>((a - d) * 60);
    double s = ((a - d) * 60 - m) * 60;
    if (s >= 59.99995) s = 0, ++m;
    if (m == 60) m = 0, ++d;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s%d°%02d′%07.4f″", deg < 0 ? "-" : "", d, m, s);
    return buf;
}

/// A round length for the scale bar, about a fifth of the map's width.
double scale_length(double map_width_m) {
    double best = 10;
    for (double c : {10.0, 20.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0})
        if (c <= map_width_m / 4) best = c;
    return best;
}

void draw_locator(std::ostream& out, const core::SitingResult& r, const core::Dataset& d, const core::Catalog& cat, const std::vector<Item>& items,
                  Lang lang) {
    const bool zh = lang == Lang::zh;
    geo::GeosContext ctx;
    geo::GeomPtr site = geo::from_wkb(ctx, r.proposal.wkb);
    const double W = 680, H = 400;
    auto [e, vp] = site_window(ctx, site.get(), 250.0, 1.2, W, H, true);
    char box[256];
    std::snprintf(box, sizeof box, "POLYGON((%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f))", e.minx, e.miny, e.maxx, e.miny, e.maxx, e.maxy, e.minx,
                  e.maxy, e.minx, e.miny);
    geo::GeomPtr frame = geo::from_wkt(ctx, box);

    out << "<svg id=\"locator\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << W << ' ' << H
        << "\"><defs><clipPath id=\"clip\"><rect width=\"" << W << "\" height=\"" << H << "\"/></clipPath></defs><rect width=\"" << W << "\" height=\"" << H
        << "\" fill=\"#fbfbf8\" stroke=\"#555\"/>\n<g clip-path=\"url(#clip)\">\n";
    auto layer = [&](const char* name, const std::string& paint, bool closed) {
        const core::Layer* l = d.find(name);
        if (!l) return;
        for (auto& f : l->features) {
            if (!geo::envelope(ctx, geo::from_wkb(ctx, f.wkb).get()).intersects(e)) continue;
            std::string p = paint;
            if (std::string(name) == "parcels") {
                const core::LanduseClass* c = cat.landuse().find(l->text(f, "landuse"));
                p = "fill=\"" + (c && !c->color.empty() ? c->color : std::string("#ddd")) + "\" fill-opacity=\"0.45\" stroke=\"#fff\" stroke-width=\"0.5\"";
            }
            out << "<path d=\"" << svg_path(ctx, f.wkb, vp, 0.5 / vp.scale, closed) << "\" " << p << "/>\n";
        }
    };
    layer("parcels", "", true);
    layer("eco_structure", "fill=\"#66bb6a\" fill-opacity=\"0.3\" stroke=\"#2e7d32\" stroke-width=\"1\"", true);
    layer("water", "fill=\"#90caf9\" fill-opacity=\"0.6\" stroke=\"#1e88e5\" stroke-width=\"1.2\"", true);
    layer("functional_zones", "fill=\"none\" stroke=\"#5d4037\" stroke-width=\"1.5\" stroke-dasharray=\"8,4\"", true);
    layer("projects", "fill=\"#b0bec5\" fill-opacity=\"0.7\" stroke=\"#455a64\" stroke-width=\"0.6\"", true);
    layer("railways", "fill=\"none\" stroke=\"#212121\" stroke-width=\"2\" stroke-dasharray=\"10,5\"", false);
    layer("roads", "fill=\"none\" stroke=\"#757575\" stroke-width=\"1.5\"", false);
    for (auto& c : r.conflicts)
        if (!c.overlap_wkb.empty())
            out << "<path class=\"conflict\" d=\"" << svg_path(ctx, c.overlap_wkb, vp, 0, true) << "\" fill=\"#d50000\" fill-opacity=\"0.45\"/>\n";
    // The features the opinions speak of, outlined, and their numbers where they are (or at the
    // map's edge, in their direction, when they lie beyond it).
    std::vector<std::string> labels;
    std::vector<std::pair<double, double>> spots;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].layer.empty()) continue;
        const core::Layer* l = nullptr;
        const core::Feature* f = find_feature(d, items[i].layer, items[i].id, &l);
        double lx = 0, ly = 0;
        bool placed = false;
        std::optional<double> bearing = items[i].bearing_deg;
        if (f) {
            geo::GeomPtr g = geo::from_wkb(ctx, f->wkb);
            if (geo::intersects(ctx, g.get(), frame.get())) {
                const bool line = geo::type_name(ctx, g.get()).find("Line") != std::string::npos;
                out << "<path class=\"touched\" d=\"" << svg_path(ctx, f->wkb, vp, 0, !line) << "\" fill=\"none\" stroke=\"#ff6f00\" stroke-width=\""
                    << (line ? 3 : 2) << "\"/>\n";
                geo::GeomPtr inside = geo::intersection(ctx, g.get(), frame.get());
                const geo::XY p = geo::point_xy(ctx, geo::point_on_surface(ctx, inside.get()).get());
                std::tie(lx, ly) = vp.px(p.x, p.y);
                placed = true;
            } else if (!bearing) {
                // Beyond the map and no bearing from the check: the direction of its centre.
                const geo::XY to = geo::point_xy(ctx, geo::centroid(ctx, g.get()).get());
                const geo::XY from = geo::point_xy(ctx, geo::centroid(ctx, site.get()).get());
                bearing = std::atan2(to.x - from.x, to.y - from.y) * 180 / M_PI;
            }
        }
        if (!placed && bearing) {
            const double a = *bearing * M_PI / 180;
            const double dx = std::sin(a), dy = -std::cos(a);
            const double t = std::min(std::abs(dx) > 1e-9 ? (W / 2 - 16) / std::abs(dx) : 1e9, std::abs(dy) > 1e-9 ? (H / 2 - 16) / std::abs(dy) : 1e9);
            lx = W / 2 + dx * t, ly = H / 2 + dy * t;
            placed = true;
        }
        if (!placed) continue;
        lx = std::clamp(lx, 12.0, W - 12), ly = std::clamp(ly, 12.0, H - 12);
        // Numbers on the same feature (or close ones) side by side, not on top of each other.
        for (bool moved = true; moved;) {
            moved = false;
            for (auto& [ox, oy] : spots)
                if (std::hypot(lx - ox, ly - oy) < 18) lx = std::min(lx + 20, W - 12), moved = lx < W - 12;
        }
        spots.emplace_back(lx, ly);
        char buf[256];
        std::snprintf(buf, sizeof buf,
                      "<g class=\"num\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"9\" fill=\"#fff\" stroke=\"#ff6f00\" stroke-width=\"1.5\"/>"
                      "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" font-weight=\"bold\">%zu</text></g>\n",
                      lx, ly, lx, ly + 4, i + 1);
        labels.push_back(buf);
    }
    out << "<path id=\"site\" d=\"" << svg_path(ctx, r.proposal.wkb, vp, 0, true) << "\" fill=\"#ff1744\" fill-opacity=\"0.2\" stroke=\"#d50000\" stroke-width=\"2.5\"/>\n";
    for (auto& l : labels) out << l;
    out << "</g>\n";
    const double len = scale_length(W / vp.scale), bar = len * vp.scale;
    out << "<g class=\"scale\"><rect x=\"14\" y=\"" << H - 22 << "\" width=\"" << bar / 2 << "\" height=\"5\" fill=\"#333\"/><rect x=\"" << 14 + bar / 2 << "\" y=\""
        << H - 22 << "\" width=\"" << bar / 2 << "\" height=\"5\" fill=\"#fff\" stroke=\"#333\"/><text x=\"14\" y=\"" << H - 27
        << "\" font-size=\"11\">0</text><text x=\"" << 14 + bar << "\" y=\"" << H - 27 << "\" font-size=\"11\" text-anchor=\"middle\">" << metres(len, zh)
        << "</text></g>\n<g class=\"north\"><path d=\"M" << W - 24 << ",12 l8,22 l-8,-5 l-8,5 Z\" fill=\"#333\"/><text x=\"" << W - 24
        << "\" y=\"48\" font-size=\"12\" text-anchor=\"middle\">" << (zh ? "北" : "N") << "</text></g>\n</svg>\n";
    // The legend as a line of swatches under the map.
    auto swatch = [&](const std::string& style, const std::string& word) {
        out << "<span class=\"sw\"><svg width=\"22\" height=\"12\"><rect x=\"1\" y=\"1\" width=\"20\" height=\"10\" " << style << "/></svg>" << html_escape(word) << "</span>";
    };
    out << "<div class=\"legend\">";
    swatch("fill=\"#ff1744\" fill-opacity=\"0.2\" stroke=\"#d50000\" stroke-width=\"2\"", zh ? "项目用地" : "Site");
    swatch("fill=\"none\" stroke=\"#ff6f00\" stroke-width=\"2\"", zh ? "审查意见所涉要素（编号同正文）" : "Features the opinions concern (numbered as in the text)");
    if (!r.conflicts.empty()) swatch("fill=\"#d50000\" fill-opacity=\"0.45\"", zh ? "冲突范围" : "Conflict area");
    swatch("fill=\"#66bb6a\" fill-opacity=\"0.3\" stroke=\"#2e7d32\"", layer_title(cat, "eco_structure", lang));
    swatch("fill=\"none\" stroke=\"#5d4037\" stroke-dasharray=\"4,2\"", layer_title(cat, "functional_zones", lang));
    swatch("fill=\"#b0bec5\" stroke=\"#455a64\"", layer_title(cat, "projects", lang));
    out << "<span class=\"sw\"><svg width=\"22\" height=\"12\"><line x1=\"1\" y1=\"6\" x2=\"21\" y2=\"6\" stroke=\"#757575\" stroke-width=\"2\"/></svg>"
        << html_escape(layer_title(cat, "roads", lang)) << "</span>";
    swatch("fill=\"#e0c080\" fill-opacity=\"0.45\"", zh ? "底图：规划用地（国土空间用地用海分类色）" : "Base: planned land use (national land-use colours)");
    out << "</div>\n";
}

}  // namespace

std::vector<std::string> opinion_items(const core::SitingResult& r, const core::Catalog& cat, Lang lang) {
    std::vector<std::string> out;
    for (auto& it : items_of(r, cat, lang)) out.push_back(it.text);
    return out;
}

void write_opinion_html(std::ostream& out, const core::SitingResult& r, const core::Dataset& d, const core::Catalog& cat, const OpinionInfo& info,
                        Lang lang) {
    const bool zh = lang == Lang::zh;
    const auto& p = r.proposal;
    const std::vector<Item> items = items_of(r, cat, lang);
    const std::string title = zh ? "建设项目规划选址审查意见书" : "Planning Review Opinion on the Siting of a Construction Project";
    out << "<!DOCTYPE html>\n<html lang=\"" << (zh ? "zh-CN" : "en") << "\"><head><meta charset=\"utf-8\"><title>" << html_escape(title + (zh ? "：" : ": ") + p.name)
        << "</title><style>"
           "@page{size:A4;margin:16mm 16mm 14mm}"
           "body{font-family:'Noto Serif CJK SC','Noto Sans CJK SC','WenQuanYi Zen Hei',serif;font-size:10.5pt;line-height:1.55;color:#111;margin:0 auto;max-width:178mm}"
           "h1{font-size:17pt;text-align:center;margin:0 0 2mm;letter-spacing:1px}.org{text-align:center;font-size:11pt;margin:0}"
           ".sub{text-align:center;color:#444;font-size:9.5pt;margin:1mm 0 4mm}"
           "h2{font-size:12pt;margin:4mm 0 1.5mm;border-bottom:1px solid #999}"
           "table{border-collapse:collapse;width:100%;font-size:9pt}td,th{border:1px solid #888;padding:1px 5px}th{background:#eee}"
           "td.n{text-align:right;font-variant-numeric:tabular-nums}table.kv td:first-child{width:28mm;background:#f5f5f5}"
           "ol{margin:1mm 0;padding-left:7mm}li{margin:0.5mm 0}.verdict{font-weight:bold}"
           "#locator{width:100%;height:auto;display:block}.legend{font-size:8.5pt;margin-top:1mm}.sw{margin-right:3mm;white-space:nowrap}"
           ".sw svg{vertical-align:middle;margin-right:1mm}.map,.sign{break-inside:avoid}"
           ".sign{margin-top:8mm;text-align:right;line-height:2}.note{font-size:8.5pt;color:#555}"
           "tr{break-inside:avoid}</style></head><body>\n";
    out << "<h1>" << html_escape(title) << "</h1>\n";
    if (!info.organisation.empty()) out << "<p class=\"org\">" << html_escape(info.organisation) << "</p>\n";
    out << "<p class=\"sub\">" << html_escape((zh ? "项目：" : "Project: ") + p.name) << "</p>\n";

    // 一、项目概况
    out << "<h2>" << (zh ? "一、项目概况" : "1. The project") << "</h2>\n<table class=\"kv\">";
    auto row = [&](const std::string& k, const std::string& v) { out << "<tr><td>" << html_escape(k) << "</td><td>" << html_escape(v) << "</td></tr>"; };
    row(zh ? "项目名称" : "Name", p.name);
    row(zh ? "用地性质" : "Land use", p.landuse + " " + landuse_name(cat, p.landuse, lang));
    if (!p.category.empty()) row(zh ? "项目类别" : "Category", p.category);
    row(zh ? "用地面积" : "Area", square_metres(r.area_m2, zh) + (zh ? "（" : " (") + core::hectares(r.area_m2) + (zh ? " 公顷）" : " ha)"));
    std::string zones, lu;
    for (auto& h : r.frames)
        if (h.layer == "functional_zones") zones += (zones.empty() ? "" : (zh ? "、" : ", ")) + h.name + " " + core::percent(h.share);
    row(layer_title(cat, "functional_zones", lang), zones.empty() ? tr("none", lang) : zones);
    for (auto& h : r.landuse)
        lu += (lu.empty() ? "" : (zh ? "；" : "; ")) + h.landuse + " " + landuse_name(cat, h.landuse, lang) + " " + core::percent(h.share);
    row(zh ? "规划用地" : "Planned land use", lu.empty() ? tr("none", lang) : lu);
    const auto& ind = p.indicators;
    std::string stated;
    auto add = [&](const std::string& w, const std::optional<double>& v, core::IndicatorCheck::Indicator k) {
        if (v) stated += (stated.empty() ? "" : (zh ? "，" : ", ")) + w + " " + indicator_value(k, *v, zh);
    };
    add(indicator_word(core::IndicatorCheck::Indicator::far, zh), ind.far, core::IndicatorCheck::Indicator::far);
    add(indicator_word(core::IndicatorCheck::Indicator::height, zh), ind.height_m, core::IndicatorCheck::Indicator::height);
    add(indicator_word(core::IndicatorCheck::Indicator::density, zh), ind.density, core::IndicatorCheck::Indicator::density);
    add(indicator_word(core::IndicatorCheck::Indicator::green, zh), ind.green, core::IndicatorCheck::Indicator::green);
    if (!stated.empty()) row(zh ? "方案指标" : "Stated figures", stated);
    out << "</table>\n";

    // 二、审查依据: the plan's sentences verbatim, the 控规 approvals, the data.
    out << "<h2>" << (zh ? "二、审查依据" : "2. Grounds") << "</h2>\n<ol>";
    std::set<std::string> quoted;
    for (auto& c : r.conflicts) {
        if (!c.quote || c.quote->text.empty() || !quoted.insert(c.quote->text).second) continue;
        out << "<li>" << html_escape((zh ? "规划" : "The plan, ") + c.clause + (zh ? "：“" : ": “") + inner_quotes(c.quote->text) + "”") << "</li>";
    }
    std::set<std::string> approvals;
    for (auto& c : r.indicators) {
        if (!approvals.insert(c.lot_id + "\x1f" + c.approval).second) continue;
        out << "<li>" << html_escape((zh ? "控制性详细规划：地块 " : "Regulatory plan: lot ") + c.lot_id +
                                     (c.approval.empty() ? "" : (zh ? "，批复文号 " : ", approval ") + c.approval))
            << "</li>";
    }
    out << "<li>" << html_escape((zh ? "规划空间数据：" : "Plan data: ") + d.meta("name") +
                                 (d.meta("data_date").empty() ? "" : (zh ? "（数据日期 " : " (as of ") + d.meta("data_date") + (zh ? "）" : ")")))
        << "</li></ol>\n";

    // 三、审查结论
    out << "<h2>" << (zh ? "三、审查结论" : "3. Conclusion") << "</h2>\n<p class=\"verdict\">" << html_escape(verdict_sentence(r.verdict, zh)) << "</p>\n";

    // 四、审查意见
    out << "<h2>" << (zh ? "四、审查意见" : "4. Opinions") << "</h2>\n";
    if (items.empty()) out << "<p>" << (zh ? "无。" : "None.") << "</p>\n";
    else {
        out << "<ol id=\"items\">";
        for (auto& it : items) out << "<li>" << html_escape(it.text) << "</li>";
        out << "</ol>\n";
    }

    // 五、附图
    out << "<div class=\"map\"><h2>" << (zh ? "五、附图：项目区位及周边要素" : "5. Map: the site and its surroundings") << "</h2>\n";
    draw_locator(out, r, d, cat, items, lang);
    out << "</div>\n";

    // 六、界址坐标表
    out << "<h2>" << (zh ? "六、界址坐标表" : "6. Boundary coordinates") << "</h2>\n<table id=\"coords\"><tr><th>" << (zh ? "点号" : "Point") << "</th><th>"
        << (zh ? "圈号" : "Ring") << "</th><th>" << (zh ? "X（北，米）" : "X (north, m)") << "</th><th>" << (zh ? "Y（东，米）" : "Y (east, m)") << "</th><th>"
        << (zh ? "经度" : "Longitude") << "</th><th>" << (zh ? "纬度" : "Latitude") << "</th></tr>\n";
    for (auto& v : info.vertices)
        out << "<tr><td>" << html_escape(v.name) << "</td><td class=\"n\">" << v.ring << "</td><td class=\"n\">" << fmt("%.3f", v.y) << "</td><td class=\"n\">"
            << fmt("%.3f", v.x) << "</td><td class=\"n\">" << dms(v.lon) << "</td><td class=\"n\">" << dms(v.lat) << "</td></tr>\n";
    out << "</table>\n<p class=\"note\">"
        << html_escape(zh ? "平面坐标：" + info.crs_words + "；经纬度：2000国家大地坐标系。圈号 1 为外界线，其后为内部扣除范围。"
                          : "Plane coordinates: " + info.crs_words + "; longitude and latitude: CGCS2000. Ring 1 is the outer boundary, later rings are holes.")
        << "</p>\n";

    out << "<div class=\"sign\">" << html_escape(info.organisation.empty() ? (zh ? "审查单位：________________" : "Issued by: ________________") : info.organisation)
        << (zh ? "（盖章）" : " (seal)") << "<br>" << html_escape(info.date.empty() ? (zh ? "____年__月__日" : "Date: __________") : info.date) << "</div>\n";
    if (d.illustrative())
        out << "<p class=\"note\">"
            << (zh ? "注：本意见书所依据的规划数据为示意数据，仅供演示，不作为行政审批依据。"
                   : "Note: the plan data behind this opinion are illustrative; it is a demonstration, not an administrative decision.")
            << "</p>\n";
    out << "</body></html>\n";
}

}  // namespace zoning::report
