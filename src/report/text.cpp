// SPDX-License-Identifier: MIT
#include <cmath>
#include <cstdio>

#include "core/number_format.hpp"
#include "report/report.hpp"

namespace zoning::report {

std::string tr(const std::string& key, Lang lang) {
    static const std::map<std::string, std::pair<std::string, std::string>> words = {
        {"title", {"规划实施评估报告", "Plan implementation report"}},
        {"coverage", {"覆盖分析", "Coverage"}},
        {"progress", {"目标进展", "Progress against the plan's targets"}},
        {"conflicts", {"冲突", "Conflicts"}},
        {"map", {"地图", "Map"}},
        {"boundary", {"行政区", "District"}},
        {"functional_zones", {"四大分区", "Functional zones"}},
        {"service_layout", {"五区四圈两带一楼宇", "Service layout (5 areas, 4 circles, 2 belts, office buildings)"}},
        {"eco_structure", {"一带一区三核五廊", "Ecological structure (1 belt, 1 area, 3 cores, 5 corridors)"}},
        {"industrial_parks", {"三大园区", "Industrial parks"}},
        {"name", {"名称", "Name"}},
        {"kind", {"类型", "Kind"}},
        {"area", {"面积", "Area"}},
        {"landuse", {"主要用地", "Main land uses"}},
        {"projects", {"项目覆盖", "Projects"}},
        {"by_status", {"已建成 / 在建 / 规划", "completed / under construction / planned"}},
        {"redevelopment", {"开发改造", "Redevelopment"}},
        {"target", {"指标", "Target"}},
        {"measured", {"现状 / 目标", "Measured / target"}},
        {"status", {"状态", "Status"}},
        {"source", {"出处", "Source"}},
        {"basis", {"口径", "Basis"}},
        {"met", {"已达成", "met"}},
        {"behind", {"滞后", "behind"}},
        {"off_target", {"偏离", "off target"}},
        {"not_measurable", {"数据无法测算", "not measurable from the data"}},
        {"no_data", {"无数据", "no data"}},
        {"completed", {"已建成", "completed"}},
        {"under_construction", {"在建", "under construction"}},
        {"planned", {"规划", "planned"}},
        {"rule", {"规则", "Rule"}},
        {"severity", {"级别", "Severity"}},
        {"conflict", {"冲突", "conflict"}},
        {"review", {"需复核", "needs review"}},
        {"clause", {"规划依据", "Plan clause"}},
        {"features", {"涉及要素", "Features"}},
        {"overlap", {"重叠面积", "Overlap"}},
        {"reason", {"说明", "Reason"}},
        {"none", {"无", "none"}},
        {"reconciliation", {"核对", "Reconciliation"}},
        {"series", {"2021–2025 逐年累计", "2021–2025 cumulative"}},
        {"district_total", {"全区", "Whole district"}},
        {"zone_only", {"仅限", "Limited to"}},
        {"robustness", {"几何运算重试", "Geometry retries"}},
        {"legend", {"图例", "Legend"}},
        {"conflict_area", {"冲突范围", "Conflict overlap"}},
        {"dataset", {"数据集", "Dataset"}},
        {"notes", {"数据说明", "Dataset notes"}},
    };
    auto it = words.find(key);
    if (it == words.end()) return key;
    return lang == Lang::zh ? it->second.first : it->second.second;
}

namespace {
std::string plain(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}
std::string amount(double v, const std::string& unit, Lang lang) {
    if (unit == "ratio") return core::percent(v, 1);
    if (unit == "m²" || unit == "m") return lang == Lang::zh ? core::wan(v) : core::grouped(v);
    if (unit == "亩") return plain(v, 1);
    if (std::fabs(v - std::round(v)) < 1e-9) return plain(v, 0);
    return plain(v, 2);
}
std::string unit_text(const std::string& unit, Lang lang) {
    if (unit == "ratio") return "";
    if (lang == Lang::en) {
        if (unit == "亩") return " mu";
        if (unit == "个") return " places";
        if (unit == "套") return " flats";
        if (unit == "亿元") return " × 100 million yuan";
        if (unit == "万斤") return " × 10,000 jin";
        if (unit == "元") return " yuan";
        if (unit == "元/人") return " yuan per person";
        if (unit == "家") return " enterprises";
        if (unit == "人") return " per 1,000 people";
        if (unit == "岁") return " years";
    }
    return " " + unit;
}
}  // namespace

std::string progress_text(const core::ProgressRow& row, Lang lang) {
    const auto& t = row.target;
    if (!t.target_text.empty()) return "— / " + t.target_text;
    std::string target = amount(t.target, t.unit, lang) + unit_text(t.unit, lang);
    if (!row.measured) {
        std::string prefix = t.comparison == ">=" ? "≥ " : t.comparison == "<=" ? "≤ " : "≈ ";
        return "— / " + prefix + target;
    }
    std::string measured = amount(*row.measured, t.unit, lang);
    std::string out = measured + " / " + target;
    if (row.ratio) out += " (" + core::percent(*row.ratio, 1) + ")";
    return out;
}

std::string footer(const ReportData& r, Lang lang) {
    const core::Dataset& d = *r.dataset;
    auto meta = [&](const char* k) {
        auto it = d.metadata.find(k);
        return it == d.metadata.end() ? std::string() : it->second;
    };
    std::string name = lang == Lang::zh ? meta("name") : meta("name_en");
    if (d.illustrative()) {
        if (lang == Lang::zh)
            return "数据：" + name + "。本数据为示意数据：几何为依据规划文字与公开地理信息绘制的示意图形，项目状态、建成年份与建成面积为示意值，"
                   "并非测绘或统计数据；规划指标（目标值）为规划原文数字，均注明出处。存储构建于 " + meta("built_at") + "。";
        return "Data: " + name + ". ILLUSTRATIVE: geometry is schematic, drawn from the plan's siting words and public geography; project "
               "statuses, completion years and built floor areas are illustrative, not surveyed or reported figures. Targets are the "
               "plan's own numbers, each with its source. Store built " + meta("built_at") + ".";
    }
    if (lang == Lang::zh) return "数据：" + name + "（实测数据）。存储构建于 " + meta("built_at") + "。";
    return "Data: " + name + " (surveyed). Store built " + meta("built_at") + ".";
}

}  // namespace zoning::report

#include <algorithm>

#include "core/text.hpp"
#include "report/internal.hpp"

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

std::vector<std::string> frame_layers(const ReportData& r) {
    std::vector<std::string> out;
    for (auto& c : r.overlay.coverage)
        if (std::find(out.begin(), out.end(), c.layer) == out.end()) out.push_back(c.layer);
    return out;
}

std::string html_escape(const std::string& s) { return core::xml_escape(s); }

std::string csv_escape(const std::string& s) { return core::csv_field(s); }

}  // namespace zoning::report::detail
