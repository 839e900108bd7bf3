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
        {"trend", {"实测值与预期进程（虚线）", "Measured values and the expected path (dashed)"}},
        {"boundary", {"行政区", "District"}},
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
        {"zone_only", {"仅限", "Limited to"}},
        {"robustness", {"几何运算重试", "Geometry retries"}},
        {"legend", {"图例", "Legend"}},
        {"legend.eco_structure", {"生态", "eco "}},     // before a kind in the map's legend: 生态核, eco core
        {"legend.service_layout", {"服务业", "service "}},
        {"conflict_area", {"冲突范围", "Conflict overlap"}},
        {"dataset", {"数据集", "Dataset"}},
        {"notes", {"数据说明", "Dataset notes"}},
        // The head of the report (dataset.toml [dataset] organisation, data_date, evaluation_year).
        {"evaluation_year", {"评估年度", "Evaluation year"}},
        {"data_date", {"数据日期", "Data date"}},
        {"organisation", {"编制单位", "Organisation"}},
        {"certainty", {"数据性质", "Data certainty"}},
        // The dataset says what else is true of it (certainty_note): a word here is true of any dataset.
        {"illustrative", {"示意数据", "illustrative"}},
        {"surveyed", {"实测数据", "surveyed"}},
        {"not_stated", {"未注明", "not stated"}},
        {"district_area", {"行政区面积", "District area"}},
        // Coverage columns, one unit each: land in 公顷 as 国土空间规划 tables print it.
        {"area_ha", {"面积（公顷）", "Area (ha)"}},
        {"landuse_share", {"主要用地（占该范围面积）", "Main land uses (share of the area)"}},
        {"projects_ha", {"项目占地（公顷）", "Projects (ha)"}},
        {"projects_share", {"项目占该范围面积", "Projects' share of the area"}},
        {"completed_ha", {"已建成（公顷）", "Completed (ha)"}},
        {"under_construction_ha", {"在建（公顷）", "Under construction (ha)"}},
        {"planned_ha", {"规划（公顷）", "Planned (ha)"}},
        {"redevelopment_ha", {"开发改造（公顷）", "Redevelopment (ha)"}},
        {"conflicts_reviews", {"冲突与复核", "Conflicts and points to review"}},
        {"count.conflict", {"冲突", "Conflicts"}},
        {"count.review", {"需复核", "To review"}},
        {"appendix", {"技术附录", "Technical appendix"}},
        {"appendix_intro", {"以下为核查用的技术信息：规则编号、要素编号、图层名与坐标系。",
                            "Technical details for checking: rule ids, feature ids, layer names and the CRS."}},
        {"conflict_refs", {"冲突的规则与要素编号", "Rules and features of each conflict"}},
        {"number", {"序号", "No."}},
        {"rule_id", {"规则编号", "Rule id"}},
        {"feature_refs", {"要素（图层/编号）", "Features (layer/id)"}},
        {"work_crs", {"面积与长度的计算坐标系", "CRS of areas and lengths"}},
        {"rules_origin", {"规则来源", "Rules from"}},
        {"rules_in_store", {"存储文件所附规则", "the rules attached to the store"}},
        {"built_at", {"存储构建时间", "Store built"}},
        {"unmeasurable", {"无法由数据测算的指标", "Targets the data cannot measure"}},
        {"landuse_legend", {"用地用海分类", "Land use (national classes)"}},
        // Areas both ways (docs/crs.md)
        {"area_basis", {"面积口径", "Area basis"}},
        {"area_basis_planar", {"以上面积为工作坐标系的平面面积；各范围的椭球面积（国土调查口径）与平面面积对照如下。",
                               "The areas above are planar, in the work CRS; each frame's ellipsoidal area (the land survey's basis) beside its planar area:"}},
        {"area_basis_ellipsoidal", {"以上面积为椭球面积（国土调查口径）：各范围的平面数字按其椭球面积与平面面积之比换算。对照如下。",
                                    "The areas above are ellipsoidal (the land survey's basis): each frame's planar figures scaled by its ellipsoidal/planar ratio. Both areas:"}},
        {"planar_area", {"平面面积", "planar"}},
        {"ellipsoidal_area", {"椭球面积", "ellipsoidal"}},
        {"area_difference", {"差", "difference"}},
        // zoning diff (diff_render): its own words, apart from the report's same-named ones
        {"diff.title", {"规划实施变化对比", "What changed between two stores"}},
        {"diff.compared", {"对比", "Compared"}},
        {"diff.old", {"上期", "before"}},
        {"diff.new", {"本期", "after"}},
        {"diff.built_at", {"建库时间", "built"}},
        {"diff.data_date", {"数据日期", "data as of"}},
        {"diff.warn.dataset", {"两期数据来自不同的数据集，对比结果可能不可比。", "The two stores were built from different datasets: the comparison may not be like for like."}},
        {"diff.warn.rules", {"两期使用的冲突规则不同：冲突的新增与解决可能源于规则变化，而非数据变化。",
                        "The two stores carry different rules: conflicts may be new or resolved because the rules changed, not the data."}},
        {"diff.warn.targets", {"两期的规划目标文件不同。", "The two stores carry different targets files."}},
        {"diff.warn.crs", {"两期数据的坐标系不同：本期几何已转换到上期坐标系后再比较。",
                      "The stores are in different CRSs: the newer store's geometry was transformed to the older one's before comparing."}},
        {"diff.features", {"要素变化", "Features"}},
        {"diff.layer", {"图层", "Layer"}},
        {"diff.count", {"要素数（上期 → 本期）", "Features (before → after)"}},
        {"diff.added", {"新增", "added"}},
        {"diff.removed", {"删除", "removed"}},
        {"diff.changed", {"变更", "changed"}},
        {"diff.unchanged", {"两期要素完全相同。", "No feature changed."}},
        {"diff.geometry", {"范围", "shape"}},
        {"diff.gained", {"增加", "gained"}},
        {"diff.lost", {"减少", "lost"}},
        {"diff.status", {"项目状态变化", "Project status"}},
        {"diff.no_status", {"无项目状态变化。", "No project changed status."}},
        {"diff.conflicts", {"冲突变化", "Conflicts"}},
        {"diff.c.new", {"新增冲突", "New"}},
        {"diff.c.resolved", {"已解决冲突", "Resolved"}},
        {"diff.c.open", {"仍存在冲突", "Still open"}},
        {"diff.progress", {"目标进展变化", "Progress against the plan's targets"}},
        {"diff.target", {"指标", "Target"}},
        {"diff.change", {"变化", "Change"}},
        {"diff.only_old", {"本期已无此指标", "dropped from the newer targets"}},
        {"diff.only_new", {"本期新增指标", "new in the newer targets"}},
        {"diff.appendix", {"技术附录", "Technical appendix"}},
        {"diff.store", {"数据库文件", "store"}},
        {"diff.crs", {"坐标系", "CRS"}},
        {"diff.section", {"类别", "section"}},
        {"diff.id", {"编号", "id"}},
        {"diff.name", {"名称", "name"}},
        {"diff.item", {"项", "item"}},
        {"diff.year", {"年", ""}},
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
