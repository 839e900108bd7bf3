// SPDX-License-Identifier: MIT
// The bundled dataset holds every spatial element of the plan, named verbatim.
#include <gtest/gtest.h>

#include <set>

#include "analysis/validate.hpp"
#include "core/number_format.hpp"
#include "geo/geos.hpp"
#include "io/source_reader.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

struct Bundled {
    core::Catalog catalog = core::Catalog::load(test::source_dir() / "layers");
    io::DatasetReadResult read = io::read_dataset(catalog, core::DatasetConfig::load(test::source_dir() / "data" / "xinhua"));
    const core::Layer& layer(const std::string& n) const { return *read.dataset.find(n); }
    std::set<std::string> names(const std::string& layer_name, const std::string& kind = {}) const {
        std::set<std::string> out;
        const core::Layer& l = layer(layer_name);
        for (auto& f : l.features)
            if (kind.empty() || l.text(f, "kind") == kind) out.insert(l.text(f, "name"));
        return out;
    }
};

const Bundled& bundled() {
    static Bundled b;
    return b;
}

}  // namespace

TEST(XinhuaData, ReadsWithoutErrorsOrRepairs) {
    for (auto& f : bundled().read.findings) EXPECT_NE(f.severity, core::Severity::error) << f.line();
    for (auto& l : bundled().read.dataset.layers) EXPECT_TRUE(l.repairs.empty()) << l.name();
    EXPECT_TRUE(bundled().read.dataset.illustrative());
}

TEST(XinhuaData, FourFunctionalZonesVerbatimWithTheNamingMismatchKept) {
    EXPECT_EQ(bundled().names("functional_zones"), (std::set<std::string>{"文化旅游休闲区", "生态产业区", "商贸科创区", "商业商务区"}));
    const core::Layer& z = bundled().layer("functional_zones");
    for (auto& f : z.features)
        if (z.text(f, "name") == "生态产业区") { EXPECT_EQ(z.text(f, "alias"), "高新技术产业区"); }
}

TEST(XinhuaData, FiveAreasFourCirclesTwoBeltsFiveBuildings) {
    EXPECT_EQ(bundled().names("service_layout", "区"),
              (std::set<std::string>{"生态智慧城区", "特色商业区", "平西现代物流园区", "中心休闲商业区", "大香山风景旅游区"}));
    EXPECT_EQ(bundled().names("service_layout", "圈").size(), 4u);
    EXPECT_EQ(bundled().names("service_layout", "带"), (std::set<std::string>{"北部生态文旅产业带", "建设路产业带"}));
    EXPECT_EQ(bundled().names("service_layout", "楼宇"),
              (std::set<std::string>{"蓝鲸国际", "佳田新天地", "春华国际茗都", "工行大厦", "基泰大厦"}));
    std::set<std::string> axis_roads;
    const core::Layer& s = bundled().layer("service_layout");
    for (auto& f : s.features)
        if (s.text(f, "kind") == "圈") axis_roads.insert(s.text(f, "axis_road"));
    EXPECT_EQ(axis_roads, (std::set<std::string>{"中兴路", "凌云路", "西环路", "平郏路"}));
}

TEST(XinhuaData, OneBeltOneAreaThreeCoresFiveCorridors) {
    EXPECT_EQ(bundled().names("eco_structure", "带"), (std::set<std::string>{"北部山林生态带"}));
    EXPECT_EQ(bundled().names("eco_structure", "区"), (std::set<std::string>{"田园综合区"}));
    EXPECT_EQ(bundled().names("eco_structure", "核"), (std::set<std::string>{"新新湿地", "白鹭洲湿地公园", "矿山修复公园"}));
    EXPECT_EQ(bundled().names("eco_structure", "廊").size(), 5u);
    EXPECT_EQ(bundled().names("industrial_parks"), (std::set<std::string>{"民营经济创业园", "高新技术产业园", "电子电气产业园"}));
}

TEST(XinhuaData, XinxinWetlandIsThePlans1098Point5Mu) {
    geo::GeosContext ctx;
    const core::Layer& eco = bundled().layer("eco_structure");
    for (auto& f : eco.features)
        if (eco.text(f, "name") == "新新湿地") {
            EXPECT_NEAR(geo::area(ctx, geo::from_wkb(ctx, f.wkb).get()) * core::kMuPerM2, 1098.5, 1098.5 * 0.005);
        }
}

TEST(XinhuaData, XiangshanGullyIsAbout6000m) {
    geo::GeosContext ctx;
    const core::Layer& axes = bundled().layer("axes");
    int found = 0;
    for (auto& f : axes.features)
        if (axes.text(f, "name") == "香山沟") {
            ++found;
            EXPECT_NEAR(geo::length(ctx, geo::from_wkb(ctx, f.wkb).get()), 6000.0, 60.0);
        }
    EXPECT_EQ(found, 1);
}

TEST(XinhuaData, WaterRoadsParcelsProjectsAndRedevelopment) {
    std::set<std::string> water = bundled().names("water");
    for (const char* w : {"湛河", "温集沟", "香山沟", "稻田沟", "高庄沟", "西杨村河", "白龟湖"}) EXPECT_TRUE(water.count(w)) << w;
    std::set<std::string> roads = bundled().names("roads");
    for (const char* r : {"建设路", "矿工路", "中兴路", "光明路", "开源路", "稻香路", "凌云路", "鹰城大道", "平郏路", "西环路", "孟宝铁路", "平煤铁路线"})
        EXPECT_TRUE(roads.count(r)) << r;
    EXPECT_GE(bundled().layer("parcels").features.size(), 5000u);
    EXPECT_GE(bundled().layer("projects").features.size(), 40u);
    std::set<std::string> projects = bundled().names("projects");
    for (const char* p : {"东方生态智慧城", "名门城市商务区", "怡购城二期", "百汇国贸二期", "光明盛世", "建业光明府", "绿都时代天街二期",
                          "大唐紫辰院", "檀宫二期", "豪景湾二期", "香山沟综合整治", "新新湿地综合治理", "第五十五中学整体改建",
                          "中心路小学南教学楼", "建设街小学改建", "新新街小学改扩建", "新华区中心养老院", "西市场综合养老服务中心"})
        EXPECT_TRUE(projects.count(p)) << p;
    std::set<std::string> redev = bundled().names("redevelopment_areas");
    for (const char* r : {"焦店片区", "西高皇新片区", "野王片区", "高庄安置点", "余沟安置点", "王庄安置点", "新庄安置点", "西吴庄安置点"})
        EXPECT_TRUE(redev.count(r)) << r;
}

TEST(XinhuaData, EveryProjectNamesItsSourceInThePlan) {
    const core::Layer& p = bundled().layer("projects");
    for (auto& f : p.features) {
        std::string src = p.text(f, "source");
        EXPECT_TRUE(src.find("专栏") != std::string::npos || src.find("ch.") != std::string::npos) << p.id_of(f) << ": " << src;
    }
}

TEST(XinhuaData, ValidatesWithZonesTilingTheDistrict) {
    core::ValidationReport r = analysis::validate(bundled().read.dataset, {});
    for (auto& f : r.findings) EXPECT_NE(f.severity, core::Severity::error) << f.line();
    EXPECT_LT(r.tiling.gap_area_m2 + r.tiling.overlap_area_m2 + r.tiling.outside_area_m2, 1.0);
    EXPECT_NEAR(r.tiling.boundary_area_m2 / 1e6, 194.5, 0.5);
}
