// SPDX-License-Identifier: MIT
// Control lines and 控规 indicators on the mini fixture (tests/fixtures/mini/ANSWERS.md): its road R1
// 测试路 (主干路) runs along y = 500 from x = 0 to 1000, so its 40 m red line is y 480–520 with square
// ends at x = 0 and 1000. Water and regulatory lots are added here as rectangles with known answers.
#include "analysis/control_lines.hpp"

#include <algorithm>
#include <map>
#include "analysis/rules/rule_kind.hpp"
#include "analysis/siting.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "geo/geos.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

constexpr double kX0 = 430000, kY0 = 3740000;

std::string rect_wkt(double x0, double y0, double x1, double y1) {
    auto pt = [](double x, double y) { return std::to_string(kX0 + x) + " " + std::to_string(kY0 + y); };
    return "POLYGON((" + pt(x0, y0) + "," + pt(x1, y0) + "," + pt(x1, y1) + "," + pt(x0, y1) + "," + pt(x0, y0) + "))";
}

std::string wkb_of(const std::string& wkt) {
    geo::GeosContext ctx;
    return geo::to_wkb(ctx, geo::from_wkt(ctx, wkt).get());
}

core::Proposal site(const std::string& id, double x0, double y0, double x1, double y1, core::ProposalIndicators figures = {}) {
    core::Proposal p;
    p.id = id;
    p.name = id;
    p.landuse = "0701";
    p.indicators = figures;
    p.wkb = wkb_of(rect_wkt(x0, y0, x1, y1));
    return p;
}

/// A feature of catalog layer `layer` with these field values.
core::Feature feature(const core::Layer& l, const std::map<std::string, core::Value>& values, const std::string& wkt) {
    core::Feature f;
    f.values.resize(l.spec->fields.size());
    for (auto& [k, v] : values) f.values.at(static_cast<std::size_t>(l.spec->field_index(k))) = v;
    f.wkb = wkb_of(wkt);
    return f;
}

core::Layer& add_layer(core::Dataset& d, const std::string& name) {
    d.layers.erase(std::remove_if(d.layers.begin(), d.layers.end(), [&](const core::Layer& l) { return l.name() == name; }), d.layers.end());
    core::Layer l;
    l.spec = &test::bundled_catalog().at(name);
    l.source = "test";
    d.layers.push_back(std::move(l));
    return d.layers.back();
}

const char* const kRules = R"(
[[rule]]
id = "RED"
kind = "control_line"
line = "road_red_line"
title = "侵入道路红线"
clause = "test"
severity = "conflict"
subject = "projects"
exempt_landuse = ["12"]

[[rule]]
id = "BLUE"
kind = "control_line"
line = "water_blue_line"
title = "进入蓝线退让范围"
clause = "test"
severity = "review"
subject = "projects"
)";

std::vector<core::Rule> rules() { return core::parse_rules(kRules, "rules.toml"); }

const core::ControlLineHit* hit(const core::SitingResult& r, core::ControlLineHit::Kind kind) {
    for (auto& h : r.control_lines)
        if (h.kind == kind) return &h;
    return nullptr;
}

}  // namespace

TEST(ControlLines, ASquareSiteOverlapsTheRedLineByItsKnownArea) {
    // x 100–200, y 490–590: 30 m of its 100 m width lie inside y 480–520.
    auto r = analysis::check_siting(test::mini_dataset(), test::bundled_catalog(), rules(), {site("S", 100, 490, 200, 590)});
    const core::ControlLineHit* h = hit(r[0], core::ControlLineHit::Kind::road_red_line);
    ASSERT_NE(h, nullptr);
    EXPECT_EQ(h->name, "测试路");
    EXPECT_DOUBLE_EQ(h->width_m, 40);
    EXPECT_NEAR(h->overlap_m2, 3000, 1e-6);
    EXPECT_DOUBLE_EQ(h->distance_m, 0);
    bool red = false;
    for (auto& c : r[0].conflicts)
        if (c.rule == "RED") {
            red = true;
            EXPECT_NEAR(c.overlap_m2, 3000, 1e-6);
            EXPECT_EQ(c.features.at(1).name, "测试路");
        }
    EXPECT_TRUE(red);
    EXPECT_EQ(r[0].verdict, core::Verdict::conflict);
}

TEST(ControlLines, TheRedLineEndsSquareWhereTheRoadEnds) {
    // x 990–1090: only the 10 m before the road's end at x = 1000 is inside (a round cap would add more).
    auto r = analysis::check_siting(test::mini_dataset(), test::bundled_catalog(), rules(), {site("END", 990, 490, 1090, 590)});
    const core::ControlLineHit* h = hit(r[0], core::ControlLineHit::Kind::road_red_line);
    ASSERT_NE(h, nullptr);
    EXPECT_NEAR(h->overlap_m2, 300, 1e-6);
}

TEST(ControlLines, AFeaturesOwnWidthOverridesItsClass) {
    core::Dataset d = test::mini_dataset();
    core::Layer& roads = *d.find("roads");
    roads.features.at(0).values.at(static_cast<std::size_t>(roads.spec->field_index("red_line_m"))) = 60.0;
    auto r = analysis::check_siting(d, test::bundled_catalog(), rules(), {site("S", 100, 490, 200, 590)});
    const core::ControlLineHit* h = hit(r[0], core::ControlLineHit::Kind::road_red_line);
    ASSERT_NE(h, nullptr);
    EXPECT_DOUBLE_EQ(h->width_m, 60);
    EXPECT_NEAR(h->overlap_m2, 4000, 1e-6);  // y 490–530
}

TEST(ControlLines, ASiteNearAWaterLineInsideAndOutsideItsSetback) {
    // A 20 m wide river along y 100–120 from x 0 to 400; 河流 setback 30 m: the strip reaches y 150.
    core::Dataset d = test::mini_dataset();
    core::Layer& water = add_layer(d, "water");
    water.features.push_back(feature(water, {{"id", std::string("W1")}, {"name", std::string("测试河")}, {"kind", std::string("河流")}},
                                     rect_wkt(0, 100, 400, 120)));
    auto r = analysis::check_siting(d, test::bundled_catalog(), rules(), {site("IN", 150, 140, 250, 240), site("OUT", 150, 160, 250, 260)});
    const core::ControlLineHit* in = hit(r[0], core::ControlLineHit::Kind::water_blue_line);
    ASSERT_NE(in, nullptr);
    EXPECT_DOUBLE_EQ(in->width_m, 30);
    EXPECT_NEAR(in->overlap_m2, 1000, 1e-6);  // y 140–150 over 100 m
    EXPECT_EQ(r[0].verdict, core::Verdict::needs_review);
    ASSERT_EQ(r[0].conflicts.size(), 1u);
    EXPECT_EQ(r[0].conflicts[0].rule, "BLUE");
    const core::ControlLineHit* out = hit(r[1], core::ControlLineHit::Kind::water_blue_line);
    ASSERT_NE(out, nullptr);
    EXPECT_DOUBLE_EQ(out->overlap_m2, 0);
    EXPECT_NEAR(out->distance_m, 10, 1e-6);        // y 160 to the strip's edge at y 150
    EXPECT_NEAR(out->bearing_deg, 180, 1e-6);      // the river lies due south of the site's centre
    EXPECT_TRUE(r[1].conflicts.empty());
}

TEST(ControlLines, ARailwayCarriesItsProtectionStripAndNoRedLine) {
    core::Dataset d = test::mini_dataset();
    core::Layer& roads = *d.find("roads");
    roads.features.push_back(feature(roads, {{"id", std::string("RR")}, {"name", std::string("测试铁路")}, {"kind", std::string("铁路")}},
                                     "LINESTRING(" + std::to_string(kX0 + 0) + " " + std::to_string(kY0 + 300) + "," + std::to_string(kX0 + 1000) +
                                         " " + std::to_string(kY0 + 300) + ")"));
    // x 100–200, y 310–410: 10 m of it inside the 20 m strip north of the track.
    auto r = analysis::check_siting(d, test::bundled_catalog(), rules(), {site("S", 100, 310, 200, 410)});
    const core::ControlLineHit* rail = hit(r[0], core::ControlLineHit::Kind::rail_protection);
    ASSERT_NE(rail, nullptr);
    EXPECT_EQ(rail->id, "RR");
    EXPECT_NEAR(rail->overlap_m2, 1000, 1e-6);
    for (auto& h : r[0].control_lines) EXPECT_FALSE(h.kind == core::ControlLineHit::Kind::road_red_line && h.id == "RR");
    // No control_line rule speaks of rail here: the intrusion is a review, not silence.
    EXPECT_EQ(r[0].verdict, core::Verdict::needs_review);
}

TEST(ControlLines, BearingIsClockwiseFromGridNorth) {
    EXPECT_DOUBLE_EQ(analysis::bearing_deg({0, 0}, {0, 10}), 0);
    EXPECT_DOUBLE_EQ(analysis::bearing_deg({0, 0}, {10, 10}), 45);
    EXPECT_DOUBLE_EQ(analysis::bearing_deg({0, 0}, {0, -10}), 180);
    EXPECT_DOUBLE_EQ(analysis::bearing_deg({0, 0}, {-10, 0}), 270);
}

TEST(ControlLines, ARuleNamingALayerWithoutTheLineIsRefused) {
    auto bad = core::parse_rules(R"(
[[rule]]
id = "X"
kind = "control_line"
line = "water_blue_line"
title = "x"
clause = "x"
subject = "projects"
frame_layer = "roads"
)",
                                 "rules.toml");
    EXPECT_THROW(analysis::check_siting(test::mini_dataset(), test::bundled_catalog(), bad, {site("S", 100, 100, 200, 200)}), core::Error);
    auto unknown = core::parse_rules(R"(
[[rule]]
id = "Y"
kind = "control_line"
line = "green_line"
title = "y"
clause = "y"
)",
                                     "rules.toml");
    EXPECT_THROW(analysis::check_rules(unknown), core::Error);
}

// ---- 控规 indicators ----

namespace {

core::Dataset with_lots() {
    core::Dataset d = test::mini_dataset();
    core::Layer& lots = add_layer(d, "regulatory_lots");
    lots.features.push_back(feature(lots,
                                    {{"id", std::string("L-A")}, {"landuse", std::string("0701")}, {"far_max", 2.5}, {"green_min", 0.35},
                                     {"approval", std::string("测试批复〔2024〕1号")}},
                                    rect_wkt(0, 0, 100, 100)));
    lots.features.push_back(feature(lots, {{"id", std::string("L-B")}, {"landuse", std::string("0701")}, {"far_max", 3.0}, {"height_max_m", 54.0}},
                                    rect_wkt(100, 0, 200, 100)));
    return d;
}

}  // namespace

TEST(Indicators, AFarAboveTheLotsLimitIsExactlyThatItemExceeding) {
    core::ProposalIndicators figures;
    figures.far = 2.8;
    auto r = analysis::check_siting(with_lots(), test::bundled_catalog(), {}, {site("S", 10, 10, 60, 60, figures)});
    ASSERT_EQ(r[0].indicators.size(), 1u);
    const core::IndicatorCheck& c = r[0].indicators[0];
    EXPECT_EQ(c.indicator, core::IndicatorCheck::Indicator::far);
    EXPECT_EQ(c.lot_id, "L-A");
    EXPECT_EQ(c.approval, "测试批复〔2024〕1号");
    EXPECT_DOUBLE_EQ(c.value, 2.8);
    EXPECT_DOUBLE_EQ(c.limit, 2.5);
    EXPECT_FALSE(c.complies);
    EXPECT_DOUBLE_EQ(c.lot_share, 1.0);
    EXPECT_EQ(r[0].verdict, core::Verdict::conflict);
}

TEST(Indicators, ASiteAcrossTwoLotsIsCheckedAgainstEachWithItsShare) {
    core::ProposalIndicators figures;
    figures.far = 2.8;
    figures.height_m = 60;
    figures.green = 0.40;
    // x 25–125: 75 % in L-A, 25 % in L-B.
    auto r = analysis::check_siting(with_lots(), test::bundled_catalog(), {}, {site("S", 25, 10, 125, 60, figures)});
    std::map<std::string, const core::IndicatorCheck*> by;
    for (auto& c : r[0].indicators) by[c.lot_id + "/" + std::to_string(static_cast<int>(c.indicator))] = &c;
    ASSERT_EQ(r[0].indicators.size(), 4u);  // L-A: far, green; L-B: far, height
    const auto* far_a = by.at("L-A/0");
    EXPECT_NEAR(far_a->lot_share, 0.75, 1e-9);
    EXPECT_FALSE(far_a->complies);
    const auto* green_a = by.at("L-A/3");
    EXPECT_TRUE(green_a->limit_is_minimum);
    EXPECT_TRUE(green_a->complies);
    const auto* far_b = by.at("L-B/0");
    EXPECT_NEAR(far_b->lot_share, 0.25, 1e-9);
    EXPECT_TRUE(far_b->complies);
    EXPECT_FALSE(by.at("L-B/1")->complies);  // 60 m above 54 m
    EXPECT_EQ(r[0].indicators.front().lot_id, "L-A");  // the lot holding most of the site first
}

TEST(Indicators, AProposalStatingNoFiguresGetsNoItems) {
    auto r = analysis::check_siting(with_lots(), test::bundled_catalog(), {}, {site("S", 10, 10, 60, 60)});
    EXPECT_TRUE(r[0].indicators.empty());
}

// ---- Rules about parcels speak to a proposal ----

TEST(RulesAndAProposal, ARuleAboutParcelsSeesTheProposalAsAParcelOfItsLandUse) {
    auto parcel_rules = core::parse_rules(R"(
[[rule]]
id = "PARCEL-CORE"
kind = "overlap_frame"
title = "建设用地地块进入生态核心"
clause = "test"
severity = "conflict"
subject = "parcels"
frame_layer = "eco_structure"
frame_kinds = ["核"]
construction_only = true
)",
                                          "rules.toml");
    // x 860–880, y 720–740: inside core K (ANSWERS.md), as 0701 construction land.
    auto r = analysis::check_siting(test::mini_dataset(), test::bundled_catalog(), parcel_rules, {site("IN-CORE", 860, 720, 880, 740)});
    ASSERT_EQ(r[0].conflicts.size(), 1u);
    EXPECT_EQ(r[0].conflicts[0].rule, "PARCEL-CORE");
    EXPECT_DOUBLE_EQ(r[0].conflicts[0].overlap_m2, 400);
    EXPECT_EQ(r[0].verdict, core::Verdict::conflict);
}
