// SPDX-License-Identifier: MIT
// The check note's new items: directions in words, control lines, 控规 indicators 符合 / 超标 / 未申报.
#include "report/check_render.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "fixtures.hpp"

using namespace zoning;

TEST(CheckRender, BearingsInEightCompassWords) {
    EXPECT_EQ(report::compass_point(0, report::Lang::zh), "北");
    EXPECT_EQ(report::compass_point(22.4, report::Lang::zh), "北");
    EXPECT_EQ(report::compass_point(22.6, report::Lang::zh), "东北");
    EXPECT_EQ(report::compass_point(45, report::Lang::en), "NE");
    EXPECT_EQ(report::compass_point(90, report::Lang::zh), "东");
    EXPECT_EQ(report::compass_point(135, report::Lang::en), "SE");
    EXPECT_EQ(report::compass_point(180, report::Lang::zh), "南");
    EXPECT_EQ(report::compass_point(225, report::Lang::zh), "西南");
    EXPECT_EQ(report::compass_point(270, report::Lang::en), "W");
    EXPECT_EQ(report::compass_point(315, report::Lang::zh), "西北");
    EXPECT_EQ(report::compass_point(359, report::Lang::en), "N");
}

namespace {

core::SitingResult result_with_items() {
    core::SitingResult r;
    r.proposal.id = "S";
    r.proposal.name = "测试地块";
    r.proposal.landuse = "0701";
    r.proposal.indicators.far = 2.8;
    r.area_m2 = 2500;
    core::ControlLineHit red;
    red.kind = core::ControlLineHit::Kind::road_red_line;
    red.layer = "roads";
    red.name = "测试路";
    red.feature_kind = "主干路";
    red.width_m = 40;
    red.overlap_m2 = 3000;
    red.bearing_deg = 180;
    r.control_lines.push_back(red);
    core::IndicatorCheck c;
    c.lot_id = "L-A";
    c.lot_landuse = "0701";
    c.approval = "测试批复〔2024〕1号";
    c.lot_share = 1.0;
    c.value = 2.8;
    c.limit = 2.5;
    c.complies = false;
    r.indicators.push_back(c);
    r.verdict = core::Verdict::conflict;
    return r;
}

}  // namespace

TEST(CheckRender, TextNamesTheIntrusionAndTheIndicatorBeyondItsLimit) {
    std::ostringstream zh, en;
    report::write_check_text(zh, result_with_items(), test::bundled_catalog(), report::Lang::zh);
    report::write_check_text(en, result_with_items(), test::bundled_catalog(), report::Lang::en);
    EXPECT_NE(zh.str().find("道路红线「测试路」（主干路，红线宽度 40 m）：侵入 3,000 平方米，在用地南侧"), std::string::npos) << zh.str();
    EXPECT_NE(zh.str().find("容积率 2.80 超标：地块 L-A（用地 0701，占用地 100.0%）上限 2.50，批复文号 测试批复〔2024〕1号"), std::string::npos) << zh.str();
    EXPECT_NE(zh.str().find("蓝线退让范围：数据中无"), std::string::npos);
    EXPECT_NE(en.str().find("FAR 2.80 exceeds: lot L-A"), std::string::npos) << en.str();
    EXPECT_NE(en.str().find("S of the site"), std::string::npos) << en.str();
}

TEST(CheckRender, AProposalStatingNoFiguresSaysSo) {
    core::SitingResult r = result_with_items();
    r.proposal.indicators = {};
    r.indicators.clear();
    std::ostringstream zh;
    report::write_check_text(zh, r, test::bundled_catalog(), report::Lang::zh);
    EXPECT_NE(zh.str().find("控规指标：未申报"), std::string::npos) << zh.str();
}
