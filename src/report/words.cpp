// SPDX-License-Identifier: MIT
// The report's dictionary: UI words and units in Chinese and English.
#include "report/words.hpp"

#include <map>
#include <utility>

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
        {"urban_regions", {"四大区域", "Four urban regions"}},
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
        {"overdue", {"逾期", "overdue"}},
        {"quality_checks", {"数据质检", "Data-quality checks"}},
        {"quality_note", {"以下问题不依据规划条文，而是数据自身的矛盾，与规划冲突分列。",
                          "These rest on no sentence of the plan: the data contradicts itself. Listed apart from plan conflicts."}},
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
        {"legend.eco_structure", {"生态", "eco "}},     // before a kind in the map's legend: 生态核, eco core
        {"legend.service_layout", {"服务业", "service "}},
        {"conflict_area", {"冲突范围", "Conflict overlap"}},
        {"dataset", {"数据集", "Dataset"}},
        {"notes", {"数据说明", "Dataset notes"}},
        // Areas both ways (docs/crs.md)
        {"area_basis", {"面积口径", "Area basis"}},
        {"area_basis_planar", {"以上面积为工作坐标系的平面面积；各范围的椭球面积（国土调查口径）与平面面积对照如下。",
                               "The areas above are planar, in the work CRS; each frame's ellipsoidal area (the land survey's basis) beside its planar area:"}},
        {"area_basis_ellipsoidal", {"以上面积为椭球面积（国土调查口径）：各范围的平面数字按其椭球面积与平面面积之比换算。对照如下。",
                                    "The areas above are ellipsoidal (the land survey's basis): each frame's planar figures scaled by its ellipsoidal/planar ratio. Both areas:"}},
        {"planar_area", {"平面面积", "planar"}},
        {"ellipsoidal_area", {"椭球面积", "ellipsoidal"}},
        {"area_difference", {"差", "difference"}},
    };
    auto it = words.find(key);
    if (it == words.end()) return key;
    return lang == Lang::zh ? it->second.first : it->second.second;
}

std::string unit_word(const std::string& unit, Lang lang) {
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
}  // namespace zoning::report
