// SPDX-License-Identifier: MIT
#include "report/internal.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "core/number_format.hpp"
#include "core/text.hpp"

namespace zoning::report::detail {

std::string frame_label(const core::CoverageRow& row, Lang lang) {
    if (lang == Lang::en && !row.name_en.empty()) return row.name + " (" + row.name_en + ")";
    return row.name;
}

std::vector<std::string> top_landuse(const core::CoverageRow& row, const core::Catalog& cat, Lang lang, std::size_t n) {
    std::vector<std::pair<std::string, double>> v(row.landuse_level1_m2.begin(), row.landuse_level1_m2.end());
    std::stable_sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.second > b.second; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.size() && i < n; ++i) {
        const core::LanduseClass* c = cat.landuse().find(v[i].first);
        std::string name = c ? (lang == Lang::zh ? c->name_zh : c->name_en) : "";
        out.push_back(v[i].first + " " + name + " " + core::percent(row.area_m2 > 0 ? v[i].second / row.area_m2 : 0));
    }
    return out;
}

std::string area(double m2, Lang lang) { return core::area_text(m2, lang == Lang::zh); }

std::string rules_origin(const ReportData& r, Lang lang) {
    return r.rules_origin == "store" || r.rules_origin.empty() ? tr("rules_in_store", lang) : r.rules_origin;
}

std::string layer_title(const core::Catalog& cat, const std::string& layer, Lang lang) {
    const core::LayerSpec* spec = cat.find(layer);
    if (!spec) return tr(layer, lang);
    return lang == Lang::zh ? spec->title_zh : spec->title_en;
}

namespace {
/// 数据性质 in the head: the kind, and the dataset's own note in brackets without its full stop.
std::string certainty_head(const core::Dataset& d, Lang lang) {
    std::string note = certainty_note(d, lang);
    for (const std::string stop : {"。", "."})
        if (note.size() >= stop.size() && note.compare(note.size() - stop.size(), stop.size(), stop) == 0) note.erase(note.size() - stop.size());
    const std::string kind = tr(d.illustrative() ? "illustrative" : "surveyed", lang);
    if (note.empty()) return kind;
    return lang == Lang::zh ? kind + "（" + note + "）" : kind + " (" + note + ")";
}
}  // namespace

std::vector<std::pair<std::string, std::string>> head_items(const ReportData& r, Lang lang) {
    const core::Dataset& d = *r.dataset;
    auto stated = [&](const std::string& key) {
        const std::string v = d.meta(key);
        return v.empty() ? tr("not_stated", lang) : v;
    };
    std::vector<std::pair<std::string, std::string>> out = {
        {tr("evaluation_year", lang), stated("evaluation_year")},
        {tr("data_date", lang), stated("data_date")},
        {tr("organisation", lang), stated("organisation")},
        {tr("certainty", lang), certainty_head(d, lang)},
    };
    if (r.overlay.district_area_m2 > 0 && r.zone.empty())
        out.emplace_back(tr("district_area", lang), core::square_km(r.overlay.district_area_m2) + " km²");
    return out;
}

std::string conflict_counts(const std::vector<core::Conflict>& conflicts, Lang lang) {
    std::vector<std::pair<std::string, int>> counts = {{"conflict", 0}, {"review", 0}};
    for (auto& c : conflicts) {
        if (c.category != "plan") continue;  // data-quality checks have a section of their own
        auto it = std::find_if(counts.begin(), counts.end(), [&](auto& p) { return p.first == c.severity; });
        if (it == counts.end()) counts.emplace_back(c.severity, 1);
        else ++it->second;
    }
    std::string out;
    for (auto& [severity, n] : counts) {
        const std::string key = "count." + severity, word = tr(key, lang);
        out += (out.empty() ? "" : " · ") + (word == key ? tr(severity, lang) : word) + " (" + std::to_string(n) + ")";
    }
    return out;
}

std::string area_basis_note(const ReportData& r, Lang lang) {
    return tr(r.overlay.ellipsoidal ? "area_basis_ellipsoidal" : "area_basis_planar", lang);
}

std::vector<std::string> area_basis_lines(const ReportData& r, Lang lang) {
    std::vector<std::string> out;
    const bool zh = lang == Lang::zh;
    for (const auto& c : r.overlay.coverage) {
        char excess[32];
        std::snprintf(excess, sizeof excess, "%+.4f%%", c.planar_excess() * 100);
        out.push_back(frame_label(c, lang) + (zh ? "：" : ": ") + tr("planar_area", lang) + " " + core::grouped(c.planar_area_m2) + " m²" +
                      (zh ? "，" : ", ") + tr("ellipsoidal_area", lang) + " " + core::grouped(c.ellipsoidal_area_m2) + " m²" + (zh ? "，" : ", ") +
                      tr("area_difference", lang) + " " + excess);
    }
    return out;
}

std::size_t conflict_number(const ReportData& r, const core::Conflict& c) { return static_cast<std::size_t>(&c - r.conflicts.data()) + 1; }

std::string feature_names(const core::Conflict& c, Lang lang) {
    std::string out;
    for (auto& f : c.features) out += (out.empty() ? "" : lang == Lang::zh ? "、" : ", ") + (f.name.empty() ? f.id : f.name);
    return out;
}

std::string feature_refs(const core::Conflict& c) {
    std::string out;
    for (auto& f : c.features) out += (out.empty() ? "" : ", ") + f.layer + "/" + f.id;
    return out;
}

CoverageTable coverage_table(const ReportData& r, const std::string& layer, Lang lang) {
    CoverageTable t;
    t.header = {tr("name", lang),        tr("kind", lang),          tr("area_ha", lang),      tr("landuse_share", lang),
                tr("projects_ha", lang), tr("projects_share", lang), tr("completed_ha", lang), tr("under_construction_ha", lang),
                tr("planned_ha", lang),  tr("redevelopment_ha", lang)};
    t.numeric = {false, false, true, false, true, true, true, true, true, true};
    const core::LayerSpec* spec = r.catalog->find(layer);
    bool any_kind = false;
    for (auto& c : r.overlay.coverage) {
        if (c.layer != layer) continue;
        std::string top;
        for (auto& s : top_landuse(c, *r.catalog, lang, 3)) top += (top.empty() ? "" : "; ") + s;
        auto status = [&](const char* s) {
            auto it = c.projects_by_status_m2.find(s);
            return core::hectares(it == c.projects_by_status_m2.end() ? 0.0 : it->second);
        };
        std::string kind = c.kind.empty() || lang == Lang::zh || !spec ? c.kind : spec->word_en("kind", c.kind);
        any_kind = any_kind || !kind.empty();
        t.rows.push_back({frame_label(c, lang), kind, core::hectares(c.area_m2), top, core::hectares(c.projects_m2),
                          core::percent(c.area_m2 > 0 ? c.projects_m2 / c.area_m2 : 0), status("completed"), status("under_construction"),
                          status("planned"), core::hectares(c.redevelopment_m2)});
    }
    if (!any_kind) {  // a layer without kinds (zones, parks): no empty column
        t.header.erase(t.header.begin() + 1);
        t.numeric.erase(t.numeric.begin() + 1);
        for (auto& row : t.rows) row.erase(row.begin() + 1);
    }
    return t;
}

std::vector<std::string> frame_layers(const ReportData& r) {
    std::vector<std::string> out;
    for (auto& c : r.overlay.coverage)
        if (std::find(out.begin(), out.end(), c.layer) == out.end()) out.push_back(c.layer);
    return out;
}

std::string html_escape(const std::string& s) { return core::xml_escape(s); }

std::string csv_escape(const std::string& s) { return core::csv_text_field(s); }

std::string md_escape(const std::string& s) {
    std::string o;
    o.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '\\': case '|': case '*': case '_': case '`': case '[': case ']': case '#': case '~':
                o += '\\';
                o += c;
                break;
            case '<': o += "&lt;"; break;
            case '>': o += "&gt;"; break;
            case '&': o += "&amp;"; break;
            case '\n': case '\r': case '\t': o += ' '; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) break;  // control characters: dropped
                o += c;
        }
    }
    return o;
}

std::string reconciliation_line(const core::Catalog& cat, const core::Reconciliation& rc, Lang lang) {
    const std::string head = layer_title(cat, rc.layer, lang) + " (" + rc.layer + ")";
    const std::string frames = core::grouped(rc.frames_landuse_m2) + " m²", inside = core::grouped(rc.parcels_in_district_m2) + " m²";
    const std::string diff = core::percent(rc.relative_difference, 4);
    if (lang == Lang::zh) return head + "：各范围内地块面积之和 " + frames + "，区内地块面积 " + inside + "（差 " + diff + "）";
    return head + ": parcels in its frames, summed, " + frames + " vs parcels inside the district " + inside + " (" + diff + ")";
}

std::vector<AppendixList> appendix_lists(const ReportData& r, const core::Dataset& d, Lang lang) {
    std::vector<AppendixList> out;
    if (!r.overlay.reconciliation.empty()) {
        AppendixList& l = out.emplace_back(AppendixList{tr("reconciliation", lang), "", "", {}});
        for (auto& rc : r.overlay.reconciliation) l.items.push_back(reconciliation_line(*r.catalog, rc, lang));
    }
    // Areas both ways (docs/crs.md): which the report states, and each frame's planar and ellipsoidal area.
    out.push_back(AppendixList{tr("area_basis", lang), "", area_basis_note(r, lang), area_basis_lines(r, lang)});
    // Geometry operations GEOS could not do at first, and how they were retried: only when there were some.
    if (auto retries = robustness_notes(r); !retries.empty()) out.push_back(AppendixList{tr("robustness", lang), "robustness", "", std::move(retries)});
    if (const std::string notes = dataset_notes(d, lang); !notes.empty()) {
        AppendixList& l = out.emplace_back(AppendixList{tr("notes", lang), "notes", "", {}});
        std::istringstream in(notes);
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) l.items.push_back(line);
    }
    return out;
}

}  // namespace zoning::report::detail
