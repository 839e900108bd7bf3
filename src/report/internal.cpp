// SPDX-License-Identifier: MIT
#include "report/internal.hpp"

#include <algorithm>
#include <cstdio>

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

}  // namespace zoning::report::detail
