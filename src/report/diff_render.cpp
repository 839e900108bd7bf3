// SPDX-License-Identifier: MIT
#include "report/diff_render.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/number_format.hpp"
#include "geo/geos.hpp"
#include "report/internal.hpp"

namespace zoning::report {

namespace {

using detail::csv_escape;
using detail::md_escape;
using detail::html_escape;
using detail::layer_title;
using ojson = nlohmann::ordered_json;

double r2(double v) { return std::round(v * 100.0) / 100.0; }

std::string field_title(const core::Catalog& c, const std::string& layer, const std::string& field, Lang lang) {
    const core::LayerSpec* s = c.find(layer);
    if (lang == Lang::zh && s)
        for (auto& f : s->fields)
            if (f.name == field && !f.title_zh.empty()) return f.title_zh;
    return field;
}

/// A value as the reader knows it: a status in words, an English word for a coded value.
std::string value_word(const core::Catalog& c, const std::string& layer, const std::string& field, const std::string& value, Lang lang) {
    if (value.empty()) return "—";
    if (field == "status") return tr(value, lang);
    const core::LayerSpec* s = c.find(layer);
    if (lang == Lang::en && s) return s->word_en(field, value);
    return value;
}

/// The feature as a Chinese reader names it: its name (its id only when it has none).
std::string feature_label(const std::string& id, const std::string& name, Lang lang) {
    if (name.empty()) return id;
    return lang == Lang::zh ? name : name + " (" + id + ")";
}

std::string area_words(double m2, Lang lang) { return core::area_text(m2, lang == Lang::zh); }

std::string number_words(std::optional<double> v, const std::string& unit, Lang lang) {
    if (!v) return lang == Lang::zh ? "无法测算" : "not measured";
    if (unit == "ratio") return core::percent(*v);
    if (lang == Lang::zh) return core::wan(*v) + unit_word(unit, lang);
    if (std::fabs(*v) >= 1000) return core::grouped(*v) + unit_word(unit, lang);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", *v);
    return buf + unit_word(unit, lang);
}

std::string change_words(const core::ProgressChange& p, Lang lang) {
    if (p.only_old) return tr("diff.only_old", lang);
    if (p.only_new) return tr("diff.only_new", lang);
    if (!p.old_measured || !p.new_measured) return "—";
    const double d = *p.new_measured - *p.old_measured;
    if (d == 0) return "0";
    return (d > 0 ? "+" : "−") + number_words(std::fabs(d), p.unit, lang);
}

std::string conflict_line(const core::Conflict& c, Lang lang) {
    std::string names;
    for (auto& f : c.features) names += (names.empty() ? "" : " × ") + feature_label(f.id, f.name, lang);
    std::string out = lang == Lang::zh ? c.title + "：" + names : c.title_en + ": " + names;
    if (c.overlap_m2 > 0) out += (lang == Lang::zh ? "（" : " (") + area_words(c.overlap_m2, lang) + (lang == Lang::zh ? "）" : ")");
    return out;
}

std::vector<std::string> warnings(const core::DiffResult& d) {
    std::vector<std::string> w;
    if (!d.same_dataset) w.push_back("dataset");
    if (!d.same_rules) w.push_back("rules");
    if (!d.same_targets) w.push_back("targets");
    if (d.old_crs != d.new_crs) w.push_back("crs");
    return w;
}

ojson entry_json(const core::FeatureEntry& e) {
    return {{"id", e.id}, {"name", e.name}, {"area_m2", r2(e.area_m2)}, {"length_m", r2(e.length_m)}};
}

ojson conflict_json(const core::Conflict& c, Lang lang) {
    ojson features = ojson::array();
    for (auto& f : c.features) features.push_back({{"layer", f.layer}, {"id", f.id}, {"name", f.name}});
    return {{"rule", c.rule},
            {"title", lang == Lang::zh ? c.title : c.title_en},
            {"severity", c.severity},
            {"category", c.category},
            {"features", features},
            {"overlap_m2", r2(c.overlap_m2)},
            {"reason", lang == Lang::zh ? c.reason_zh : c.reason}};
}

ojson optional_number(std::optional<double> v) { return v ? ojson(std::round(*v * 1e6) / 1e6) : ojson(nullptr); }

}  // namespace

void write_diff_json(std::ostream& out, const core::DiffResult& d, const core::Catalog& catalog, Lang lang) {
    ojson j;
    j["diff_version"] = 1;
    j["lang"] = lang == Lang::zh ? "zh" : "en";
    j["from"] = {{"store", d.old_store}, {"name", d.old_name}, {"crs", d.old_crs}, {"built_at", d.old_built_at}, {"data_date", d.old_data_date}};
    j["to"] = {{"store", d.new_store}, {"name", d.new_name}, {"crs", d.new_crs}, {"built_at", d.new_built_at}, {"data_date", d.new_data_date}};
    ojson warn = ojson::array();
    for (auto& w : warnings(d)) warn.push_back({{"kind", "different_" + w}, {"text", tr("diff.warn." + w, lang)}});
    j["warnings"] = warn;
    ojson layers = ojson::array();
    for (auto& l : d.layers) {
        ojson added = ojson::array(), removed = ojson::array(), changed = ojson::array();
        for (auto& e : l.added) added.push_back(entry_json(e));
        for (auto& e : l.removed) removed.push_back(entry_json(e));
        for (auto& c : l.changed) {
            ojson attrs = ojson::array();
            for (auto& a : c.attributes)
                attrs.push_back({{"field", a.field}, {"title", field_title(catalog, l.layer, a.field, lang)}, {"old", a.old_value}, {"new", a.new_value}});
            changed.push_back({{"id", c.id},
                               {"name", c.name},
                               {"attributes", attrs},
                               {"geometry_changed", c.geometry_changed},
                               {"old_area_m2", r2(c.old_area_m2)},
                               {"new_area_m2", r2(c.new_area_m2)},
                               {"area_gained_m2", r2(c.area_gained_m2)},
                               {"area_lost_m2", r2(c.area_lost_m2)}});
        }
        layers.push_back({{"layer", l.layer},
                          {"title", layer_title(catalog, l.layer, lang)},
                          {"old_count", l.old_count},
                          {"new_count", l.new_count},
                          {"added", added},
                          {"removed", removed},
                          {"changed", changed}});
    }
    j["layers"] = layers;
    ojson status = ojson::array();
    for (auto& s : d.projects_status)
        status.push_back({{"id", s.id}, {"name", s.name}, {"from", s.old_status}, {"to", s.new_status},
                          {"from_completion_year", s.old_year.empty() ? ojson(nullptr) : ojson(s.old_year)},
                          {"to_completion_year", s.new_year.empty() ? ojson(nullptr) : ojson(s.new_year)}});
    j["projects_status"] = status;
    ojson conflicts;
    for (auto [key, list] : {std::pair{"new", &d.conflicts_new}, std::pair{"resolved", &d.conflicts_resolved}, std::pair{"open", &d.conflicts_open}}) {
        ojson a = ojson::array();
        for (auto& c : *list) a.push_back(conflict_json(c, lang));
        conflicts[key] = a;
    }
    j["conflicts"] = conflicts;
    ojson progress = ojson::array();
    for (auto& p : d.progress) {
        ojson change = p.old_measured && p.new_measured ? optional_number(*p.new_measured - *p.old_measured) : ojson(nullptr);
        progress.push_back({{"id", p.id},
                            {"name", lang == Lang::zh ? p.name : p.name_en},
                            {"unit", p.unit},
                            {"target", optional_number(p.target)},
                            {"old", {{"measured", optional_number(p.old_measured)}, {"status", p.old_status.empty() ? ojson(nullptr) : ojson(p.old_status)}}},
                            {"new", {{"measured", optional_number(p.new_measured)}, {"status", p.new_status.empty() ? ojson(nullptr) : ojson(p.new_status)}}},
                            {"change", change},
                            {"in", p.only_old ? "old" : p.only_new ? "new" : "both"}});
    }
    j["progress"] = progress;
    j["robustness_notes"] = d.robustness_notes;
    out << j.dump(2, ' ', false, ojson::error_handler_t::replace) << '\n';
}

// What a planner compares is the data's date; the build time stands in only when the dataset gives none.
static std::string as_of(const std::string& data_date, const std::string& built_at, Lang lang) {
    return data_date.empty() ? tr("diff.built_at", lang) + " " + built_at : tr("diff.data_date", lang) + " " + data_date;
}

void write_diff_markdown(std::ostream& out, const core::DiffResult& d, const core::Catalog& catalog, Lang lang) {
    const bool zh = lang == Lang::zh;
    const std::string colon = zh ? "：" : ": ";
    auto name_of = [&](const std::string& n) { return md_escape(n); };
    out << "# " << tr("diff.title", lang) << "\n\n";
    out << tr("diff.compared", lang) << colon << tr("diff.old", lang) << " " << name_of(d.old_name) << "（" << as_of(d.old_data_date, d.old_built_at, lang)
        << "）→ " << tr("diff.new", lang) << " " << name_of(d.new_name) << "（" << as_of(d.new_data_date, d.new_built_at, lang) << "）\n\n";
    for (auto& w : warnings(d)) out << "> **" << tr("diff.warn." + w, lang) << "**\n";
    if (!warnings(d).empty()) out << "\n";

    out << "## " << tr("diff.features", lang) << "\n\n";
    out << "| " << tr("diff.layer", lang) << " | " << tr("diff.count", lang) << " | " << tr("diff.added", lang) << " | " << tr("diff.removed", lang) << " | "
        << tr("diff.changed", lang) << " |\n|---|---|---|---|---|\n";
    bool any = false;
    for (auto& l : d.layers) {
        if (l.added.empty() && l.removed.empty() && l.changed.empty()) continue;
        any = true;
        out << "| " << layer_title(catalog, l.layer, lang) << " | " << l.old_count << " → " << l.new_count << " | " << l.added.size() << " | "
            << l.removed.size() << " | " << l.changed.size() << " |\n";
    }
    out << "\n";
    if (!any) out << tr("diff.unchanged", lang) << "\n\n";
    for (auto& l : d.layers) {
        if (l.added.empty() && l.removed.empty() && l.changed.empty()) continue;
        out << "### " << layer_title(catalog, l.layer, lang) << "\n\n";
        auto size = [&](const core::FeatureEntry& e) { return e.area_m2 > 0 ? area_words(e.area_m2, lang) : core::grouped(e.length_m) + " m"; };
        for (auto& e : l.added) out << "- " << tr("diff.added", lang) << colon << name_of(feature_label(e.id, e.name, lang)) << "（" << size(e) << "）\n";
        for (auto& e : l.removed) out << "- " << tr("diff.removed", lang) << colon << name_of(feature_label(e.id, e.name, lang)) << "（" << size(e) << "）\n";
        for (auto& c : l.changed) {
            out << "- " << tr("diff.changed", lang) << colon << name_of(feature_label(c.id, c.name, lang));
            std::string parts;
            for (auto& a : c.attributes)
                parts += (parts.empty() ? "" : zh ? "；" : "; ") + field_title(catalog, l.layer, a.field, lang) + " " +
                         name_of(value_word(catalog, l.layer, a.field, a.old_value, lang)) + " → " +
                         name_of(value_word(catalog, l.layer, a.field, a.new_value, lang));
            if (c.geometry_changed)
                parts += (parts.empty() ? "" : zh ? "；" : "; ") + tr("diff.geometry", lang) + " " + area_words(c.old_area_m2, lang) + " → " +
                         area_words(c.new_area_m2, lang) + "（" + tr("diff.gained", lang) + " " + area_words(c.area_gained_m2, lang) + "，" +
                         tr("diff.lost", lang) + " " + area_words(c.area_lost_m2, lang) + "）";
            out << colon << parts << "\n";
        }
        out << "\n";
    }

    out << "## " << tr("diff.status", lang) << "\n\n";
    if (d.projects_status.empty()) out << tr("diff.no_status", lang) << "\n";
    for (auto& s : d.projects_status) {
        out << "- " << name_of(feature_label(s.id, s.name, lang)) << colon << tr(s.old_status, lang) << " → " << tr(s.new_status, lang);
        if (s.new_status == "completed" && !s.new_year.empty()) out << (zh ? "（" + s.new_year + "年）" : " (" + s.new_year + ")");
        out << "\n";
    }
    out << "\n## " << tr("diff.conflicts", lang) << "\n\n";
    out << tr("diff.c.new", lang) << " " << d.conflicts_new.size() << (zh ? "，" : ", ") << tr("diff.c.resolved", lang) << " " << d.conflicts_resolved.size()
        << (zh ? "，" : ", ") << tr("diff.c.open", lang) << " " << d.conflicts_open.size() << "\n\n";
    for (auto [key, list] : {std::pair{"c.new", &d.conflicts_new}, std::pair{"c.resolved", &d.conflicts_resolved}, std::pair{"c.open", &d.conflicts_open}}) {
        if (list->empty()) continue;
        out << "### " << tr(std::string("diff.") + key, lang) << "\n\n";
        for (auto& c : *list) out << "- " << name_of(conflict_line(c, lang)) << "\n";
        out << "\n";
    }
    out << "## " << tr("diff.progress", lang) << "\n\n";
    out << "| " << tr("diff.target", lang) << " | " << tr("diff.old", lang) << " | " << tr("diff.new", lang) << " | " << tr("diff.change", lang) << " | "
        << tr("status", lang) << " |\n|---|---|---|---|---|\n";
    for (auto& p : d.progress) {
        const std::string status = p.new_status.empty() ? "—" : p.old_status.empty() || p.old_status == p.new_status
                                                                     ? tr(p.new_status, lang)
                                                                     : tr(p.old_status, lang) + " → " + tr(p.new_status, lang);
        out << "| " << name_of(zh ? p.name : p.name_en) << " | " << number_words(p.old_measured, p.unit, lang) << " | "
            << number_words(p.new_measured, p.unit, lang) << " | " << change_words(p, lang) << " | " << status << " |\n";
    }
    out << "\n## " << tr("diff.appendix", lang) << "\n\n";
    out << "- " << tr("diff.old", lang) << colon << tr("diff.store", lang) << " `" << d.old_store << "`, " << tr("diff.crs", lang) << " " << d.old_crs << "\n";
    out << "- " << tr("diff.new", lang) << colon << tr("diff.store", lang) << " `" << d.new_store << "`, " << tr("diff.crs", lang) << " " << d.new_crs << "\n";
    for (auto& n : d.robustness_notes) out << "- " << tr("robustness", lang) << colon << md_escape(n) << "\n";
}

void write_diff_csv(std::ostream& out, const core::DiffResult& d, const core::Catalog& catalog, Lang lang) {
    out << "\xEF\xBB\xBF";
    auto row = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << csv_escape(cells[i]);
        out << "\r\n";
    };
    auto num = [](double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", v);
        return std::string(buf);
    };
    auto opt = [&](std::optional<double> v) { return v ? num(*v) : std::string(); };
    row({"section", "layer", "layer_title", "id", "name", "item", "old", "new", "change"});
    auto title = [&](const std::string& layer) { return layer.empty() ? std::string() : layer_title(catalog, layer, lang); };
    for (auto& l : d.layers) {
        for (auto& e : l.added) row({"added", l.layer, title(l.layer), e.id, e.name, "area_m2", "", num(e.area_m2), num(e.area_m2)});
        for (auto& e : l.removed) row({"removed", l.layer, title(l.layer), e.id, e.name, "area_m2", num(e.area_m2), "", num(-e.area_m2)});
        for (auto& c : l.changed) {
            for (auto& a : c.attributes) row({"changed", l.layer, title(l.layer), c.id, c.name, a.field, a.old_value, a.new_value, ""});
            if (c.geometry_changed) {
                row({"changed", l.layer, title(l.layer), c.id, c.name, "area_gained_m2", "", "", num(c.area_gained_m2)});
                row({"changed", l.layer, title(l.layer), c.id, c.name, "area_lost_m2", "", "", num(c.area_lost_m2)});
            }
        }
    }
    for (auto& s : d.projects_status) row({"status", "projects", title("projects"), s.id, s.name, "status", s.old_status, s.new_status, ""});
    for (auto [key, list] : {std::pair{"conflict_new", &d.conflicts_new}, std::pair{"conflict_resolved", &d.conflicts_resolved},
                             std::pair{"conflict_open", &d.conflicts_open}})
        for (auto& c : *list) {
            std::string ids, names;
            for (auto& f : c.features) {
                ids += (ids.empty() ? "" : " × ") + f.id;
                names += (names.empty() ? "" : " × ") + f.name;
            }
            row({key, c.features.empty() ? "" : c.features.front().layer, c.features.empty() ? "" : title(c.features.front().layer), ids, names, c.rule, "", "", num(c.overlap_m2)});
        }
    for (auto& p : d.progress)
        row({"progress", "", "", p.id, lang == Lang::zh ? p.name : p.name_en, p.unit, opt(p.old_measured), opt(p.new_measured),
             p.old_measured && p.new_measured ? num(*p.new_measured - *p.old_measured) : std::string()});
}

namespace {

/// The map: the district, then what changed, drawn so the eye finds the change: added green,
/// removed red and dashed, reshaped as the old outline (dashed) under the new one, new conflicts hatched.
void diff_map(std::ostream& out, const core::DiffResult& d, Lang lang) {
    if (d.boundary_wkbs.empty()) return;
    geo::GeosContext ctx;
    geo::Envelope env = geo::envelope(ctx, geo::from_wkb(ctx, d.boundary_wkbs.front()).get());
    for (auto& wkb : d.boundary_wkbs) {
        geo::Envelope e = geo::envelope(ctx, geo::from_wkb(ctx, wkb).get());
        env.minx = std::min(env.minx, e.minx), env.miny = std::min(env.miny, e.miny);
        env.maxx = std::max(env.maxx, e.maxx), env.maxy = std::max(env.maxy, e.maxy);
    }
    constexpr double kW = 900, kH = 640;
    detail::Viewport vp;
    vp.minx = env.minx;
    vp.maxy = env.maxy;
    vp.scale = std::min((kW - 2 * vp.pad) / std::max(env.maxx - env.minx, 1.0), (kH - 2 * vp.pad) / std::max(env.maxy - env.miny, 1.0));
    const double height = (env.maxy - env.miny) * vp.scale + 2 * vp.pad;
    auto path = [&](const std::string& wkb, const char* cls, const std::string& title) {
        if (wkb.empty()) return;
        out << "<path class=\"" << cls << "\" d=\"" << detail::svg_path(ctx, wkb, vp, 0.5 / vp.scale, true) << "\"><title>" << html_escape(title)
            << "</title></path>\n";
    };
    out << "<svg id=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << kW << ' ' << height << "\" width=\"100%\">\n"
        << "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
           "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#d50000\" stroke-width=\"3\"/></pattern></defs>\n";
    for (auto& wkb : d.boundary_wkbs) path(wkb, "district", "");
    const bool same_crs = d.old_crs == d.new_crs;  // conflict overlaps are in their own store's CRS
    for (auto& l : d.layers) {
        for (auto& e : l.removed) path(e.wkb, "removed", tr("diff.removed", lang) + " " + feature_label(e.id, e.name, lang));
        for (auto& c : l.changed) path(c.old_wkb, "old", tr("diff.old", lang) + " " + feature_label(c.id, c.name, lang));
        for (auto& c : l.changed) path(c.new_wkb, "new", tr("diff.new", lang) + " " + feature_label(c.id, c.name, lang));
        for (auto& e : l.added) path(e.wkb, "added", tr("diff.added", lang) + " " + feature_label(e.id, e.name, lang));
    }
    if (same_crs)
        for (auto& c : d.conflicts_new) path(c.overlap_wkb, "conflict", tr("diff.c.new", lang) + " " + conflict_line(c, lang));
    out << "</svg>\n<p class=\"legend\"><span class=\"k added\"></span>" << tr("diff.added", lang) << " <span class=\"k removed\"></span>"
        << tr("diff.removed", lang) << " <span class=\"k old\"></span>" << tr("diff.changed", lang) << "（" << tr("diff.old", lang) << "）"
        << " <span class=\"k new\"></span>" << tr("diff.changed", lang) << "（" << tr("diff.new", lang) << "）"
        << (same_crs ? " <span class=\"k conflict\"></span>" + tr("diff.c.new", lang) : std::string()) << "</p>\n";
}

}  // namespace

void write_diff_html(std::ostream& out, const core::DiffResult& d, const core::Catalog& catalog, Lang lang) {
    const bool zh = lang == Lang::zh;
    const std::string colon = zh ? "：" : ": ";
    out << "<!DOCTYPE html>\n<html lang=\"" << (zh ? "zh-CN" : "en") << "\"><head><meta charset=\"utf-8\"><title>" << tr("diff.title", lang)
        << "</title>\n<style>body{font-family:sans-serif;max-width:1000px;margin:auto;padding:0 12px}table{border-collapse:collapse}"
           "td,th{border:1px solid #ccc;padding:2px 8px}.warn{background:#fff3e0;border-left:4px solid #fb8c00;padding:6px}"
           ".district{fill:#f5f5f0;stroke:#757575;stroke-width:1.5}.added{fill:#66bb6a;fill-opacity:.7;stroke:#1b5e20}"
           ".removed{fill:#ef5350;fill-opacity:.4;stroke:#b71c1c;stroke-dasharray:4 3}.old{fill:none;stroke:#fb8c00;stroke-width:2;stroke-dasharray:4 3}"
           ".new{fill:#42a5f5;fill-opacity:.4;stroke:#0d47a1}.conflict{fill:url(#hatch);stroke:#d50000}"
           ".k{display:inline-block;width:14px;height:10px;margin:0 4px 0 12px;border:1px solid #555}.k.added{background:#66bb6a}"
           ".k.removed{background:#ef5350}.k.old{border:2px dashed #fb8c00}.k.new{background:#42a5f5}.k.conflict{background:#ffcdd2;border-color:#d50000}"
           "</style></head><body>\n<h1>"
        << tr("diff.title", lang) << "</h1>\n<p>" << tr("diff.compared", lang) << colon << tr("diff.old", lang) << " " << html_escape(d.old_name) << "（"
        << html_escape(as_of(d.old_data_date, d.old_built_at, lang)) << "）→ " << tr("diff.new", lang) << " " << html_escape(d.new_name) << "（"
        << html_escape(as_of(d.new_data_date, d.new_built_at, lang)) << "）</p>\n";
    for (auto& w : warnings(d)) out << "<p class=\"warn\">" << tr("diff.warn." + w, lang) << "</p>\n";
    diff_map(out, d, lang);
    out << "<h2>" << tr("diff.features", lang) << "</h2>\n";
    bool any = false;
    for (auto& l : d.layers) {
        if (l.added.empty() && l.removed.empty() && l.changed.empty()) continue;
        any = true;
        out << "<h3>" << html_escape(layer_title(catalog, l.layer, lang)) << "（" << l.old_count << " → " << l.new_count << "）</h3>\n<ul>\n";
        for (auto& e : l.added) out << "<li>" << tr("diff.added", lang) << colon << html_escape(feature_label(e.id, e.name, lang)) << "（" << area_words(e.area_m2, lang) << "）</li>\n";
        for (auto& e : l.removed) out << "<li>" << tr("diff.removed", lang) << colon << html_escape(feature_label(e.id, e.name, lang)) << "（" << area_words(e.area_m2, lang) << "）</li>\n";
        for (auto& c : l.changed) {
            out << "<li>" << tr("diff.changed", lang) << colon << html_escape(feature_label(c.id, c.name, lang)) << colon;
            std::string parts;
            for (auto& a : c.attributes)
                parts += (parts.empty() ? "" : zh ? "；" : "; ") + field_title(catalog, l.layer, a.field, lang) + " " +
                         value_word(catalog, l.layer, a.field, a.old_value, lang) + " → " + value_word(catalog, l.layer, a.field, a.new_value, lang);
            if (c.geometry_changed)
                parts += (parts.empty() ? "" : zh ? "；" : "; ") + tr("diff.geometry", lang) + " " + area_words(c.old_area_m2, lang) + " → " +
                         area_words(c.new_area_m2, lang) + "（" + tr("diff.gained", lang) + " " + area_words(c.area_gained_m2, lang) + "，" + tr("diff.lost", lang) +
                         " " + area_words(c.area_lost_m2, lang) + "）";
            out << html_escape(parts) << "</li>\n";
        }
        out << "</ul>\n";
    }
    if (!any) out << "<p>" << tr("diff.unchanged", lang) << "</p>\n";
    out << "<h2>" << tr("diff.status", lang) << "</h2>\n<ul>\n";
    if (d.projects_status.empty()) out << "<li>" << tr("diff.no_status", lang) << "</li>\n";
    for (auto& s : d.projects_status)
        out << "<li>" << html_escape(feature_label(s.id, s.name, lang)) << colon << tr(s.old_status, lang) << " → " << tr(s.new_status, lang) << "</li>\n";
    out << "</ul>\n<h2>" << tr("diff.conflicts", lang) << "</h2>\n";
    for (auto [key, list] : {std::pair{"c.new", &d.conflicts_new}, std::pair{"c.resolved", &d.conflicts_resolved}, std::pair{"c.open", &d.conflicts_open}}) {
        out << "<h3>" << tr(std::string("diff.") + key, lang) << "（" << list->size() << "）</h3>\n<ul>\n";
        for (auto& c : *list) out << "<li>" << html_escape(conflict_line(c, lang)) << "</li>\n";
        out << "</ul>\n";
    }
    out << "<h2>" << tr("diff.progress", lang) << "</h2>\n<table><tr><th>" << tr("diff.target", lang) << "</th><th>" << tr("diff.old", lang) << "</th><th>"
        << tr("diff.new", lang) << "</th><th>" << tr("diff.change", lang) << "</th></tr>\n";
    for (auto& p : d.progress)
        out << "<tr><td>" << html_escape(zh ? p.name : p.name_en) << "</td><td>" << html_escape(number_words(p.old_measured, p.unit, lang)) << "</td><td>"
            << html_escape(number_words(p.new_measured, p.unit, lang)) << "</td><td>" << html_escape(change_words(p, lang)) << "</td></tr>\n";
    out << "</table>\n<h2>" << tr("diff.appendix", lang) << "</h2>\n<ul><li>" << tr("diff.old", lang) << colon << tr("diff.store", lang) << " <code>"
        << html_escape(d.old_store) << "</code>, " << tr("diff.crs", lang) << " " << html_escape(d.old_crs) << "</li><li>" << tr("diff.new", lang) << colon
        << tr("diff.store", lang) << " <code>" << html_escape(d.new_store) << "</code>, " << tr("diff.crs", lang) << " " << html_escape(d.new_crs) << "</li></ul>\n"
        << "</body></html>\n";
}

std::string since_summary(const core::DiffResult& d, Lang lang) {
    std::size_t added = 0, removed = 0, changed = 0;
    for (auto& l : d.layers) added += l.added.size(), removed += l.removed.size(), changed += l.changed.size();
    auto n = [](std::size_t v) { return std::to_string(v); };
    std::string out = lang == Lang::zh
                          ? "与上期（" + as_of(d.old_data_date, d.old_built_at, lang) + "）相比：新增要素 " + n(added) + " 个，删除 " + n(removed) + " 个，变更 " + n(changed) +
                                " 个；项目状态变化 " + n(d.projects_status.size()) + " 个；新增冲突 " + n(d.conflicts_new.size()) + " 个，已解决 " +
                                n(d.conflicts_resolved.size()) + " 个，仍存在 " + n(d.conflicts_open.size()) + " 个。"
                          : "Since the baseline (" + as_of(d.old_data_date, d.old_built_at, lang) + "): " + n(added) + " features added, " + n(removed) + " removed, " +
                                n(changed) + " changed; " + n(d.projects_status.size()) + " projects changed status; " + n(d.conflicts_new.size()) +
                                " new conflicts, " + n(d.conflicts_resolved.size()) + " resolved, " + n(d.conflicts_open.size()) + " still open.";
    for (auto& w : warnings(d)) out += (lang == Lang::zh ? "" : " ") + tr("diff.warn." + w, lang);
    return out;
}

}  // namespace zoning::report
