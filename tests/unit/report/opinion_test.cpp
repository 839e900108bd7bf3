// SPDX-License-Identifier: MIT
// The 审查意见书 from a hand-built siting result: every control line, 控规 item and nearby
// element becomes a numbered opinion with its figures, the map numbers what it can show,
// and nothing internal (rule ids, layer names, exit codes) reaches the document.
#include <gtest/gtest.h>

#include <sstream>

#include "fixtures.hpp"
#include "geo/geos.hpp"
#include "report/opinion.hpp"

using namespace zoning;

namespace {

std::string square(double x0, double y0, double x1, double y1) {
    geo::GeosContext ctx;
    char wkt[256];
    std::snprintf(wkt, sizeof wkt, "POLYGON((%f %f,%f %f,%f %f,%f %f,%f %f))", x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
    return geo::to_wkb(ctx, geo::from_wkt(ctx, wkt).get());
}

/// A 100 × 100 site south of the mini district's corridor, with one of each finding.
core::SitingResult site() {
    core::SitingResult r;
    r.proposal.id = "S-1";
    r.proposal.name = "测试商业";
    r.proposal.landuse = "0901";
    r.proposal.indicators.far = 2.8;
    r.proposal.indicators.green = 0.30;
    r.proposal.wkb = square(430800, 3740300, 430900, 3740400);
    r.area_m2 = 10000;
    r.verdict = core::Verdict::conflict;
    r.frames.push_back({"functional_zones", "Z2", "东区", "", 10000, 1.0});
    r.landuse.push_back({"0901", 10000, 1.0, 1});
    core::ControlLineHit road;
    road.kind = core::ControlLineHit::Kind::road_red_line;
    road.layer = "roads";
    road.id = "R1";
    road.name = "测试路";
    road.feature_kind = "主干路";
    road.width_m = 40;
    road.overlap_m2 = 1234;
    road.bearing_deg = 180;
    core::ControlLineHit water;
    water.kind = core::ControlLineHit::Kind::water_blue_line;
    water.layer = "water";
    water.id = "W9";
    water.name = "测试河";
    water.width_m = 30;
    water.distance_m = 35;
    water.bearing_deg = 92;
    r.control_lines = {road, water};
    core::IndicatorCheck far;
    far.indicator = core::IndicatorCheck::Indicator::far;
    far.lot_id = "XH-01";
    far.lot_landuse = "0901";
    far.approval = "平政〔2024〕12号";
    far.lot_share = 1.0;
    far.value = 2.8;
    far.limit = 2.5;
    far.complies = false;
    core::IndicatorCheck green = far;
    green.indicator = core::IndicatorCheck::Indicator::green;
    green.value = 0.30;
    green.limit = 0.25;
    green.limit_is_minimum = true;
    green.complies = true;
    r.indicators = {far, green};
    r.nearest.push_back({"eco_structure", "L", "测试绿廊", "廊", 80, 0});
    return r;
}

std::string html(const core::SitingResult& r, report::Lang lang) {
    report::OpinionInfo info{"测试区自然资源局", "2026年1月15日", "2000国家大地坐标系 高斯-克吕格投影 3度带 中央经线114°E",
                             {{"J1", 1, 430800, 3740300, 113.25, 33.8}, {"J2", 1, 430800, 3740400, 113.25, 33.81}}};
    std::ostringstream out;
    report::write_opinion_html(out, r, test::mini_dataset(), test::bundled_catalog(), info, lang);
    return out.str();
}

}  // namespace

TEST(Opinion, EachFindingIsANumberedItemWithItsFigures) {
    const auto items = report::opinion_items(site(), test::bundled_catalog(), report::Lang::zh);
    ASSERT_EQ(items.size(), 5u);
    EXPECT_EQ(items[0], "用地侵入测试路（主干路）道路红线（红线宽 40 米）1,234 平方米，须退出道路红线。");
    EXPECT_EQ(items[1], "用地距测试河水体蓝线（蓝线退让 30 米）35 米，位于用地东侧。");
    EXPECT_EQ(items[2], "容积率：方案 2.80，控规地块 XH-01（0901 商业用地，占用地 100.0%）要求不高于 2.50，批复文号 平政〔2024〕12号，超标。");
    // What complies is one item per lot, so a site over several lots does not run to a page of 符合.
    EXPECT_EQ(items[3], "控规地块 XH-01（0901 商业用地，占用地 100.0%），批复文号 平政〔2024〕12号：绿地率 30.0%（不低于 25.0%），符合。");
    EXPECT_EQ(items[4], "用地距测试绿廊（廊）80 米，位于用地北侧。");
    const auto en = report::opinion_items(site(), test::bundled_catalog(), report::Lang::en);
    EXPECT_EQ(en[2], "floor area ratio: proposed 2.80; regulatory lot XH-01 (0901 Commercial, 100.0% of the site) requires at most 2.50, approved as "
                     "平政〔2024〕12号: exceeds the limit.");
}

TEST(Opinion, TheDocumentHasItsSectionsAndNothingInternal) {
    core::SitingResult r = site();
    core::Conflict c;
    c.rule = "ECO-CORE";
    c.title = "建设用地进入生态核";
    c.severity = "conflict";
    c.clause = "第九章第一节";
    c.quote = core::Quote{"形成“一带一区、三核五廊”生态布局", 12};
    c.reason_zh = "与核「测试湿地」重叠 400 平方米。";
    c.features = {{"proposal", "S-1", "测试商业"}, {"eco_structure", "K", "测试湿地"}};
    r.conflicts.push_back(c);
    const std::string h = html(r, report::Lang::zh);
    for (const char* s : {"一、项目概况", "二、审查依据", "三、审查结论", "四、审查意见", "五、附图", "六、界址坐标表", "不予同意", "测试区自然资源局（盖章）",
                          "2026年1月15日", "规划第九章第一节：“形成‘一带一区、三核五廊’生态布局”", "控制性详细规划：地块 XH-01，批复文号 平政〔2024〕12号",
                          "建设用地进入生态核：与核「测试湿地」重叠 400 平方米（依据规划第九章第一节）。", "10,000 平方米（1.00 公顷）", "容积率 2.80，绿地率 30.0%",
                          "113°15′00.0000″", "33°48′00.0000″", "<td class=\"n\">3740300.000</td><td class=\"n\">430800.000</td>"})
        EXPECT_NE(h.find(s), std::string::npos) << s;
    // The 控规 approval is cited once though two items rest on it.
    EXPECT_EQ(h.find("控制性详细规划", h.find("控制性详细规划") + 1), std::string::npos);
    for (const char* s : {"ECO-CORE", "eco_structure", "functional_zones", "exit", "S-1", "conflict<"}) EXPECT_EQ(h.find(s), std::string::npos) << s;
    // The map: the site, and a number for each item about a feature the dataset has (the core K, the
    // corridor L) or whose direction is known (the road and water the mini dataset lacks: at the edge).
    EXPECT_NE(h.find("id=\"site\""), std::string::npos);
    std::size_t numbers = 0;
    for (auto at = h.find("class=\"num\""); at != std::string::npos; at = h.find("class=\"num\"", at + 1)) ++numbers;
    EXPECT_EQ(numbers, 4u);
    EXPECT_NE(h.find("class=\"scale\""), std::string::npos);
    EXPECT_NE(h.find("class=\"north\""), std::string::npos);
}

TEST(Opinion, ALineARuleSpeaksOfIsOneItem) {
    core::SitingResult r = site();
    core::Conflict c;
    c.title = "侵入道路红线";
    c.severity = "conflict";
    c.reason_zh = "用地侵入测试路道路红线 1,234 平方米。";
    c.features = {{"proposal", "S-1", "测试商业"}, {"roads", "R1", "测试路"}};
    r.conflicts.push_back(c);
    const auto items = report::opinion_items(r, test::bundled_catalog(), report::Lang::zh);
    ASSERT_EQ(items.size(), 5u);  // the rule, the water, two 控规 items, the corridor: no second road item
    EXPECT_EQ(items[0], "侵入道路红线：用地侵入测试路道路红线 1,234 平方米。");
    EXPECT_EQ(items[1], "用地距测试河水体蓝线（蓝线退让 30 米）35 米，位于用地东侧。");
}

TEST(Opinion, PassSaysSoAndBlanksWhatIsNotKnown) {
    core::SitingResult r;
    r.proposal.name = "合规商业";
    r.proposal.landuse = "0901";
    r.proposal.wkb = square(430800, 3740100, 430900, 3740150);
    r.area_m2 = 5000;
    std::ostringstream out;
    report::write_opinion_html(out, r, test::mini_dataset(), test::bundled_catalog(), report::OpinionInfo{}, report::Lang::zh);
    const std::string h = out.str();
    EXPECT_NE(h.find("同意按此选址"), std::string::npos);
    EXPECT_NE(h.find("<p>无。</p>"), std::string::npos);
    EXPECT_NE(h.find("审查单位：________________"), std::string::npos);
    EXPECT_NE(h.find("____年__月__日"), std::string::npos);
}
