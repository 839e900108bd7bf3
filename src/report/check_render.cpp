// SPDX-License-Identifier: MIT
#include "report/check_render.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/number_format.hpp"
#include "report/internal.hpp"

namespace zoning::report {

using namespace detail;

namespace {

std::string verdict_words(core::Verdict v, Lang lang) {
    switch (v) {
        case core::Verdict::pass: return lang == Lang::zh ? "通过" : "pass";
        case core::Verdict::needs_review: return lang == Lang::zh ? "需复核" : "needs review";
        case core::Verdict::conflict: return lang == Lang::zh ? "冲突" : "conflict";
    }
    return "?";
}

std::string landuse_name(const core::Catalog& cat, const std::string& code, Lang lang) {
    const core::LanduseClass* c = cat.landuse().find(code);
    return c ? (lang == Lang::zh ? c->name_zh : c->name_en) : std::string();
}

std::string metres(double m) {
    char buf[48];
    if (m >= 1000) std::snprintf(buf, sizeof buf, "%.2f km", m / 1000);
    else std::snprintf(buf, sizeof buf, "%.0f m", m);
    return buf;
}

double r2(double v) { return std::round(v * 100.0) / 100.0; }

/// A kind as the reader reads it: 核 in Chinese, the catalog's word ("core") in English.
std::string kind_word(const core::Catalog& cat, const std::string& layer, const std::string& kind, Lang lang) {
    const core::LayerSpec* spec = cat.find(layer);
    return lang == Lang::zh || !spec ? kind : spec->word_en("kind", kind);
}

/// The catalog's colour for a feature of a categorized layer (layers/*.toml [style]).
std::string fill_of(const core::Catalog& cat, const core::Layer& l, const core::Feature& f) {
    const core::LayerSpec* spec = cat.find(l.name());
    if (!spec) return "#9e9e9e";
    return spec->style.color_of(spec->style.attribute.empty() ? std::string() : l.text(f, spec->style.attribute));
}

std::string line_words(core::ControlLineHit::Kind k, Lang lang) {
    const bool zh = lang == Lang::zh;
    switch (k) {
        case core::ControlLineHit::Kind::road_red_line: return zh ? "道路红线" : "road red line";
        case core::ControlLineHit::Kind::water_blue_line: return zh ? "蓝线退让范围" : "blue-line setback";
        case core::ControlLineHit::Kind::rail_protection: return zh ? "铁路线路安全保护区" : "rail protection strip";
    }
    return {};
}

const char* line_key(core::ControlLineHit::Kind k) {
    switch (k) {
        case core::ControlLineHit::Kind::road_red_line: return "road_red_line";
        case core::ControlLineHit::Kind::water_blue_line: return "water_blue_line";
        case core::ControlLineHit::Kind::rail_protection: return "rail_protection";
    }
    return "";
}

const char* indicator_key(core::IndicatorCheck::Indicator i) {
    switch (i) {
        case core::IndicatorCheck::Indicator::far: return "far";
        case core::IndicatorCheck::Indicator::height: return "height";
        case core::IndicatorCheck::Indicator::density: return "density";
        case core::IndicatorCheck::Indicator::green: return "green";
    }
    return "";
}

std::string indicator_words(core::IndicatorCheck::Indicator i, Lang lang) {
    const bool zh = lang == Lang::zh;
    switch (i) {
        case core::IndicatorCheck::Indicator::far: return zh ? "容积率" : "FAR";
        case core::IndicatorCheck::Indicator::height: return zh ? "建筑高度" : "building height";
        case core::IndicatorCheck::Indicator::density: return zh ? "建筑密度" : "site coverage";
        case core::IndicatorCheck::Indicator::green: return zh ? "绿地率" : "green ratio";
    }
    return {};
}

/// A figure as a reviewer writes it: FAR to two decimals, height in metres, shares as percentages.
std::string figure(core::IndicatorCheck::Indicator i, double v) {
    char buf[48];
    switch (i) {
        case core::IndicatorCheck::Indicator::far: std::snprintf(buf, sizeof buf, "%.2f", v); return buf;
        case core::IndicatorCheck::Indicator::height: std::snprintf(buf, sizeof buf, "%g m", v); return buf;
        default: return core::percent(v);
    }
}

/// "道路红线「某路」（主干路，红线宽度 40 m）：侵入 1,200 平方米，在用地北侧" and its English.
std::string control_line_text(const core::ControlLineHit& h, const core::Catalog& cat, Lang lang) {
    const bool zh = lang == Lang::zh;
    char width[32];
    std::snprintf(width, sizeof width, "%g m", h.width_m);
    const bool full = h.kind == core::ControlLineHit::Kind::road_red_line;
    std::string kind = kind_word(cat, h.layer, h.feature_kind, lang);
    std::string where = compass_point(h.bearing_deg, lang);
    if (zh)
        return line_words(h.kind, lang) + "「" + h.name + "」（" + (kind.empty() ? "" : kind + "，") + (full ? "红线宽度 " : "退让 ") + width + "）：" +
               (h.overlap_m2 > 0 ? "侵入 " + core::grouped(h.overlap_m2) + " 平方米" : "距 " + metres(h.distance_m)) + "，在用地" + where + "侧";
    return line_words(h.kind, lang) + " of '" + h.name + "' (" + (kind.empty() ? "" : kind + ", ") + (full ? "width " : "distance ") + width + "): " +
           (h.overlap_m2 > 0 ? "intrudes " + area(h.overlap_m2, lang) : metres(h.distance_m) + " away") + ", " + where + " of the site";
}

std::string indicator_text(const core::IndicatorCheck& c, Lang lang) {
    const bool zh = lang == Lang::zh;
    const std::string value = figure(c.indicator, c.value), limit = figure(c.indicator, c.limit);
    if (zh)
        return indicator_words(c.indicator, lang) + " " + value + " " + (c.complies ? "符合" : c.limit_is_minimum ? "不达标" : "超标") + "：地块 " + c.lot_id + "（用地 " + c.lot_landuse +
               "，占用地 " + core::percent(c.lot_share) + "）" + (c.limit_is_minimum ? "下限 " : "上限 ") + limit +
               (c.approval.empty() ? "" : "，批复文号 " + c.approval);
    return indicator_words(c.indicator, lang) + " " + value + " " + (c.complies ? "complies" : (c.limit_is_minimum ? "falls short" : "exceeds")) +
           ": lot " + c.lot_id + " (land use " + c.lot_landuse + ", " + core::percent(c.lot_share) + " of the site) " +
           (c.limit_is_minimum ? "minimum " : "maximum ") + limit + (c.approval.empty() ? "" : ", approval " + c.approval);
}

bool states_figures(const core::ProposalIndicators& i) { return i.far || i.height_m || i.density || i.green; }

}  // namespace

std::string compass_point(double bearing_deg, Lang lang) {
    static const char* const zh[] = {"北", "东北", "东", "东南", "南", "西南", "西", "西北"};
    static const char* const en[] = {"N", "NE", "E", "SE", "S", "SW", "W", "NW"};
    double b = std::fmod(bearing_deg, 360.0);
    if (b < 0) b += 360.0;
    const int k = static_cast<int>(std::floor((b + 22.5) / 45.0)) % 8;
    return lang == Lang::zh ? zh[k] : en[k];
}

std::vector<std::string> check_reasons(const core::SitingResult& r, Lang lang) {
    if (!r.proposal.error.empty()) return {r.proposal.error};  // a batch row that could not be checked: only why
    std::vector<std::string> out;
    for (auto& c : r.conflicts)
        out.push_back("[" + tr(c.severity, lang) + "] " + c.rule + " " + (lang == Lang::zh ? c.reason_zh : c.reason) + " (" + c.clause + ")");
    const auto& extra = lang == Lang::zh ? r.review_reasons_zh : r.review_reasons;
    for (auto& s : extra) out.push_back("[" + tr("review", lang) + "] " + s);
    return out;
}

void write_check_text(std::ostream& out, const core::SitingResult& r, const core::Catalog& cat, Lang lang) {
    const bool zh = lang == Lang::zh;
    const auto& p = r.proposal;
    out << (zh ? "选址审查：" : "Siting check: ") << p.name << (zh ? "（用地 " : " (land use ") << p.landuse << " "
        << landuse_name(cat, p.landuse, lang) << (zh ? "，面积 " : ", area ") << area(r.area_m2, lang) << (zh ? "）\n" : ")\n");
    out << (zh ? "结论：" : "Verdict: ") << verdict_words(r.verdict, lang) << " (exit " << static_cast<int>(r.verdict) << ")\n\n";
    auto section = [&](const char* layer, const std::string& title) {
        out << title << (zh ? "：" : ": ");
        bool any = false;
        for (auto& h : r.frames) {
            if (h.layer != layer) continue;
            out << (any ? "; " : "") << h.name
                << (h.kind.empty() || std::string(layer) == "functional_zones" ? "" : " (" + kind_word(cat, h.layer, h.kind, lang) + ")") << " "
                << core::percent(h.share) << " (" << area(h.overlap_m2, lang) << ")";
            any = true;
        }
        out << (any ? "" : tr("none", lang)) << "\n";
    };
    // The catalog's titles, or the dataset's own (dataset.toml [titles]).
    for (const char* layer : {"functional_zones", "service_layout", "eco_structure", "industrial_parks"}) section(layer, layer_title(cat, layer, lang));
    // Urban regions need not tile the district: named only where the site lies in one.
    if (std::any_of(r.frames.begin(), r.frames.end(), [](const auto& h) { return h.layer == "urban_regions"; }))
        section("urban_regions", layer_title(cat, "urban_regions", lang));
    out << (zh ? "最近的生态核、廊、带" : "Nearest cores, corridors, belts") << (zh ? "：" : ": ");
    // The nearest of each kind (core, corridor, belt), nearest first: JSON has every one.
    std::vector<std::string> kinds_seen;
    for (const auto& n : r.nearest) {
        if (std::find(kinds_seen.begin(), kinds_seen.end(), n.kind) != kinds_seen.end()) continue;
        out << (kinds_seen.empty() ? "" : "; ") << n.name << " (" << kind_word(cat, n.layer, n.kind, lang) << ") " << metres(n.distance_m)
            << (zh ? "，" : ", ") << compass_point(n.bearing_deg, lang);
        kinds_seen.push_back(n.kind);
    }
    out << (r.nearest.empty() ? tr("none", lang) : "") << "\n";
    // Every kind of control line, intruded or nearest, so the reviewer sees all three distances.
    out << (zh ? "控制线（道路红线、蓝线、铁路保护区）：" : "Control lines (road red lines, blue lines, rail protection):") << "\n";
    for (auto kind : {core::ControlLineHit::Kind::road_red_line, core::ControlLineHit::Kind::water_blue_line, core::ControlLineHit::Kind::rail_protection}) {
        bool any = false;
        for (auto& h : r.control_lines)
            if (h.kind == kind) out << "  - " << control_line_text(h, cat, lang) << "\n", any = true;
        if (!any) out << "  - " << line_words(kind, lang) << (zh ? "：数据中无" : ": none in the data") << "\n";
    }
    const auto& stated = r.proposal.indicators;
    out << (zh ? "控规指标：" : "Regulatory indicators:");
    if (!states_figures(stated)) out << (zh ? "未申报" : " not stated") << "\n";
    else if (r.indicators.empty())
        out << (zh ? "已申报，用地下无载有相应指标的控规地块，未核对" : " stated, but no regulatory lot with those limits lies under the site: not checked") << "\n";
    else {
        out << "\n";
        for (auto& c : r.indicators) out << "  - " << indicator_text(c, lang) << "\n";
    }
    out << (zh ? "覆盖地块（规划用地）" : "Parcels covered (planned land use)") << (zh ? "：" : ": ");
    for (std::size_t i = 0; i < r.landuse.size(); ++i)
        out << (i ? "; " : "") << r.landuse[i].landuse << " " << landuse_name(cat, r.landuse[i].landuse, lang) << " "
            << core::percent(r.landuse[i].share) << " (" << r.landuse[i].parcels << (zh ? " 块)" : " parcels)");
    out << (r.landuse.empty() ? tr("none", lang) : "") << "\n";
    out << (zh ? "重叠的已有项目" : "Existing projects overlapped") << (zh ? "：" : ": ");
    for (std::size_t i = 0; i < r.projects.size(); ++i)
        out << (i ? "; " : "") << r.projects[i].id << " " << r.projects[i].name << " (" << tr(r.projects[i].status, lang) << ") "
            << area(r.projects[i].overlap_m2, lang) << " (" << core::percent(r.projects[i].share) << ")";
    out << (r.projects.empty() ? tr("none", lang) : "") << "\n\n";
    auto reasons = check_reasons(r, lang);
    out << (zh ? "触发的规则与复核事项" : "Rules triggered and points to review") << (zh ? "：" : ":") << (reasons.empty() ? " " + tr("none", lang) : "") << "\n";
    for (auto& s : reasons) out << "  - " << s << "\n";
    if (!r.robustness_notes.empty()) {
        out << "\n" << tr("robustness", lang) << (zh ? "：" : ":") << "\n";
        for (auto& n : r.robustness_notes) out << "  - " << n << "\n";
    }
}

void write_check_json(std::ostream& out, const std::vector<core::SitingResult>& rs, const core::Dataset& d, Lang lang, bool batch) {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    int worst = 0, errors = 0;
    for (auto& r : rs) {
        nlohmann::ordered_json j;
        if (!r.proposal.error.empty()) {  // a batch row that could not be checked: its reason, no findings
            ++errors;
            j["proposal"] = {{"id", r.proposal.id}, {"name", r.proposal.name}, {"landuse", r.proposal.landuse}, {"category", r.proposal.category}};
            j["verdict"] = "error";
            j["exit_code"] = 3;
            j["error"] = r.proposal.error;
            all.push_back(j);
            continue;
        }
        worst = std::max(worst, static_cast<int>(r.verdict));
        j["proposal"] = {{"id", r.proposal.id}, {"name", r.proposal.name}, {"landuse", r.proposal.landuse}, {"category", r.proposal.category},
                         {"area_m2", r2(r.area_m2)}};
        j["verdict"] = core::to_string(r.verdict);
        j["exit_code"] = static_cast<int>(r.verdict);
        j["outside_district_m2"] = r2(r.outside_district_m2);
        j["frames"] = nlohmann::ordered_json::array();
        for (auto& h : r.frames)
            j["frames"].push_back({{"layer", h.layer}, {"id", h.id}, {"name", h.name}, {"kind", h.kind}, {"overlap_m2", r2(h.overlap_m2)},
                                   {"share", std::round(h.share * 1e6) / 1e6}});
        j["nearest"] = nlohmann::ordered_json::array();
        for (auto& n : r.nearest)
            j["nearest"].push_back({{"layer", n.layer}, {"id", n.id}, {"name", n.name}, {"kind", n.kind}, {"distance_m", r2(n.distance_m)},
                                    {"bearing_deg", std::round(n.bearing_deg * 10) / 10}, {"direction", compass_point(n.bearing_deg, lang)}});
        j["control_lines"] = nlohmann::ordered_json::array();
        for (auto& h : r.control_lines)
            j["control_lines"].push_back({{"line", line_key(h.kind)}, {"layer", h.layer}, {"id", h.id}, {"name", h.name}, {"kind", h.feature_kind},
                                          {"width_m", h.width_m}, {"distance_m", r2(h.distance_m)}, {"overlap_m2", r2(h.overlap_m2)},
                                          {"bearing_deg", std::round(h.bearing_deg * 10) / 10}, {"direction", compass_point(h.bearing_deg, lang)}});
        auto stated = [](const std::optional<double>& v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr); };
        const auto& fig = r.proposal.indicators;
        j["indicators"] = {{"stated", {{"far", stated(fig.far)}, {"height_m", stated(fig.height_m)}, {"density", stated(fig.density)}, {"green", stated(fig.green)}}},
                           {"checks", nlohmann::ordered_json::array()}};
        for (auto& c : r.indicators)
            j["indicators"]["checks"].push_back({{"indicator", indicator_key(c.indicator)}, {"lot", c.lot_id}, {"lot_landuse", c.lot_landuse},
                                                 {"approval", c.approval}, {"lot_share", std::round(c.lot_share * 1e6) / 1e6}, {"value", c.value},
                                                 {"limit", c.limit}, {"limit_kind", c.limit_is_minimum ? "min" : "max"},
                                                 {"result", c.complies ? "complies" : c.limit_is_minimum ? "below_minimum" : "exceeds"}});
        j["landuse"] = nlohmann::ordered_json::array();
        for (auto& h : r.landuse)
            j["landuse"].push_back({{"code", h.landuse}, {"parcels", h.parcels}, {"overlap_m2", r2(h.overlap_m2)}, {"share", std::round(h.share * 1e6) / 1e6}});
        j["projects"] = nlohmann::ordered_json::array();
        for (auto& h : r.projects)
            j["projects"].push_back({{"id", h.id}, {"name", h.name}, {"status", h.status}, {"overlap_m2", r2(h.overlap_m2)}, {"share", std::round(h.share * 1e6) / 1e6}});
        j["rules"] = nlohmann::ordered_json::array();
        for (auto& c : r.conflicts)
            j["rules"].push_back({{"rule", c.rule}, {"severity", c.severity}, {"title", lang == Lang::zh ? c.title : c.title_en}, {"clause", c.clause},
                                  {"with", c.features.size() > 1 ? nlohmann::ordered_json{{"layer", c.features[1].layer}, {"id", c.features[1].id}, {"name", c.features[1].name}} : nlohmann::ordered_json(nullptr)},
                                  {"overlap_m2", r2(c.overlap_m2)}, {"reason", lang == Lang::zh ? c.reason_zh : c.reason}});
        j["review"] = lang == Lang::zh ? r.review_reasons_zh : r.review_reasons;
        if (!r.robustness_notes.empty()) j["robustness_notes"] = r.robustness_notes;  // absent when there were no retries
        all.push_back(j);
    }
    nlohmann::ordered_json doc;
    doc["check_version"] = 1;
    doc["dataset"] = {{"name", d.metadata.count("name") ? d.metadata.at("name") : ""}, {"illustrative", d.illustrative()}};
    doc["crs"] = d.work_crs_name();  // the CRS of every m² and m below, and of a site written back as coordinates
    if (batch) {
        doc["worst_verdict"] = worst == 2 ? "conflict" : worst == 1 ? "needs_review" : "pass";  // of the rows checked
        if (errors > 0) doc["errors"] = errors;  // rows with verdict "error"; absent when none
        doc["results"] = all;
    } else {
        for (auto& [k, v] : all.at(0).items()) doc[k] = v;
    }
    // replace: text from an old store may not be UTF-8; a U+FFFD is better than no output (exit 5)
    out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

std::string check_intrusions(const core::SitingResult& r, Lang lang) {
    std::string lines;
    for (auto& h : r.control_lines)
        if (h.overlap_m2 > 0) lines += (lines.empty() ? "" : " | ") + line_words(h.kind, lang) + " " + h.name + " " + area(h.overlap_m2, lang);
    return lines;
}

std::string check_breaches(const core::SitingResult& r, Lang lang) {
    std::string figures;
    for (auto& c : r.indicators)
        if (!c.complies) figures += (figures.empty() ? "" : " | ") + indicator_text(c, lang);
    return figures;
}

void write_check_csv(std::ostream& out, const std::vector<core::SitingResult>& rs, Lang lang) {
    out << "\xEF\xBB\xBF" << "id,name,landuse,area_m2,verdict,zones,rules,reasons,control_lines,indicators\n";
    for (auto& r : rs) {
        std::string zones, rules, reasons;
        for (auto& h : r.frames)
            if (h.layer == "functional_zones") zones += (zones.empty() ? "" : "; ") + h.name;
        for (auto& c : r.conflicts) rules += (rules.empty() ? "" : "; ") + c.rule;
        for (auto& s : check_reasons(r, lang)) reasons += (reasons.empty() ? "" : " | ") + s;
        const std::string lines = check_intrusions(r, lang), figures = check_breaches(r, lang);
        char a[32];
        std::snprintf(a, sizeof a, "%.2f", r.area_m2);
        out << csv_escape(r.proposal.id) << ',' << csv_escape(r.proposal.name) << ',' << r.proposal.landuse << ',' << a << ','
            << (r.proposal.error.empty() ? core::to_string(r.verdict) : "error") << ',' << csv_escape(zones) << ',' << csv_escape(rules) << ',' << csv_escape(reasons) << ','
            << csv_escape(lines) << ',' << csv_escape(figures) << '\n';
    }
}

void write_check_html(std::ostream& out, const core::SitingResult& r, const core::Dataset& d, const core::Catalog& cat, Lang lang) {
    const bool zh = lang == Lang::zh;
    geo::GeosContext ctx;
    geo::GeomPtr g = geo::from_wkb(ctx, r.proposal.wkb);
    const double W = 760, H = 560;
    const auto [e, vp] = site_window(ctx, g.get(), 800.0, 1.5, W, H, false);
    auto layer = [&](const char* name, const std::function<std::string(const core::Layer&, const core::Feature&)>& style, bool closed) {
        const core::Layer* l = d.find(name);
        if (!l) return;
        for (auto& f : l->features) {
            geo::Envelope fe = geo::envelope(ctx, geo::from_wkb(ctx, f.wkb).get());
            if (!fe.intersects(e)) continue;
            out << "<path d=\"" << svg_path(ctx, f.wkb, vp, 0.5 / vp.scale, closed) << "\" " << style(*l, f) << "><title>"
                << html_escape(l->text(f, "name").empty() ? l->id_of(f) : l->text(f, "name")) << "</title></path>\n";
        }
    };
    out << "<!DOCTYPE html>\n<html lang=\"" << (zh ? "zh-CN" : "en") << "\"><head><meta charset=\"utf-8\"><title>"
        << html_escape((zh ? "选址审查：" : "Siting check: ") + r.proposal.name) << "</title><style>"
        << "body{font-family:'Noto Sans CJK SC','WenQuanYi Zen Hei',sans-serif;margin:24px;color:#212121;max-width:1200px}"
           ".verdict{display:inline-block;padding:4px 14px;border-radius:4px;color:#fff;font-weight:bold}.pass{background:#2e7d32}"
           ".needs_review{background:#ef6c00}.conflict{background:#c62828}.grid{display:grid;grid-template-columns:780px 1fr;gap:20px}"
           "pre{white-space:pre-wrap;font-family:inherit;font-size:14px;background:#fafafa;border:1px solid #e0e0e0;padding:10px}"
           "footer{font-size:12px;color:#546e7a;border-top:1px solid #cfd8dc;margin-top:20px;padding-top:8px}</style></head><body>\n";
    out << "<h1>" << html_escape((zh ? "选址审查：" : "Siting check: ") + r.proposal.name) << " <span class=\"verdict "
        << core::to_string(r.verdict) << "\">" << verdict_words(r.verdict, lang) << "</span></h1>\n<div class=\"grid\"><svg id=\"locator\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        << W << ' ' << H << "\" width=\"" << W << "\" height=\"" << H << "\"><rect width=\"100%\" height=\"100%\" fill=\"#fbfbf8\"/>\n"
        << "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#d50000\" stroke-width=\"3\"/></pattern></defs>\n";
    layer("parcels", [&](const core::Layer& l, const core::Feature& f) {
        const core::LanduseClass* c = cat.landuse().find(l.text(f, "landuse"));
        return "fill=\"" + (c ? c->color : std::string("#ddd")) + "\" fill-opacity=\"0.5\" stroke=\"#fff\" stroke-width=\"0.5\"";
    }, true);
    layer("eco_structure", [&](const core::Layer& l, const core::Feature& f) {
        const std::string c = fill_of(cat, l, f);
        return "fill=\"" + c + "\" fill-opacity=\"0.25\" stroke=\"" + c + "\" stroke-width=\"1.5\"";
    }, true);
    layer("functional_zones", [](const core::Layer&, const core::Feature&) { return std::string("fill=\"none\" stroke=\"#5d4037\" stroke-width=\"2\" stroke-dasharray=\"8,4\""); }, true);
    layer("roads", [](const core::Layer&, const core::Feature&) { return std::string("fill=\"none\" stroke=\"#616161\" stroke-width=\"1.2\""); }, false);
    layer("projects", [&](const core::Layer& l, const core::Feature& f) {
        return "fill=\"" + fill_of(cat, l, f) + "\" fill-opacity=\"0.8\" stroke=\"#263238\" stroke-width=\"0.8\"";
    }, true);
    for (auto& c : r.conflicts)
        out << "<path class=\"conflict\" d=\"" << svg_path(ctx, c.overlap_wkb, vp, 0, true) << "\" fill=\"url(#hatch)\" stroke=\"#d50000\"/>\n";
    out << "<path id=\"proposal\" d=\"" << svg_path(ctx, r.proposal.wkb, vp, 0, true) << "\" fill=\"#ff1744\" fill-opacity=\"0.25\" stroke=\"#d50000\" stroke-width=\"3\"/>\n";
    const double bar = 500 * vp.scale;
    out << "<rect x=\"12\" y=\"" << H - 20 << "\" width=\"" << bar << "\" height=\"5\" fill=\"#333\"/><text x=\"12\" y=\"" << H - 26
        << "\" font-size=\"12\">0</text><text x=\"" << 12 + bar << "\" y=\"" << H - 26 << "\" font-size=\"12\" text-anchor=\"middle\">500 m</text>"
        << "<path d=\"M" << W - 26 << ",14 l9,24 l-9,-6 l-9,6 Z\" fill=\"#333\"/><text x=\"" << W - 26 << "\" y=\"54\" font-size=\"13\" text-anchor=\"middle\">N</text>\n</svg>\n<pre>";
    std::ostringstream text;
    write_check_text(text, r, cat, lang);
    out << html_escape(text.str()) << "</pre></div>\n<footer>";
    ReportData rd;
    rd.dataset = &d;
    out << html_escape(footer(rd, lang)) << "</footer></body></html>\n";
}

}  // namespace zoning::report
