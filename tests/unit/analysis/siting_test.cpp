// SPDX-License-Identifier: MIT
// Sites drawn on the mini fixture (tests/fixtures/mini/ANSWERS.md; coordinates relative to its origin).
#include "analysis/siting.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "geo/geos.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

constexpr double kX0 = 430000, kY0 = 3740000;

/// A rectangle x0–x1, y0–y1 relative to the fixture's origin.
core::Proposal site(const std::string& id, const std::string& landuse, double x0, double y0, double x1, double y1) {
    geo::GeosContext ctx;
    auto pt = [](double x, double y) { return std::to_string(kX0 + x) + " " + std::to_string(kY0 + y); };
    std::string wkt = "POLYGON((" + pt(x0, y0) + "," + pt(x1, y0) + "," + pt(x1, y1) + "," + pt(x0, y1) + "," + pt(x0, y0) + "))";
    core::Proposal p;
    p.id = id;
    p.name = id;
    p.landuse = landuse;
    p.wkb = geo::to_wkb(ctx, geo::from_wkt(ctx, wkt).get());
    return p;
}

std::vector<core::Rule> mini_rules() { return core::parse_rules(test::read_file(test::fixture("mini/rules.toml")), "rules.toml"); }

}  // namespace

TEST(Siting, ASiteInTheCoreConflictsAndOneInAParcelPasses) {
    std::vector<core::Proposal> ps = {site("IN-CORE", "0701", 860, 720, 880, 740), site("CLEAN", "0701", 100, 320, 150, 370)};
    auto r = analysis::check_siting(test::mini_dataset(), test::bundled_catalog(), mini_rules(), ps);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].verdict, core::Verdict::conflict);
    EXPECT_DOUBLE_EQ(r[0].area_m2, 400);
    ASSERT_EQ(r[0].conflicts.size(), 1u);
    EXPECT_EQ(r[0].conflicts[0].rule, "ECO-CORE");
    EXPECT_EQ(r[0].conflicts[0].rule_origin, "rules.toml");
    bool in_k = false;
    for (auto& f : r[0].frames) in_k |= f.id == "K" && f.overlap_m2 == 400 && f.share == 1.0;
    EXPECT_TRUE(in_k);
    ASSERT_EQ(r[0].landuse.size(), 1u);
    EXPECT_EQ(r[0].landuse[0].landuse, "1001");  // parcel E: another first-level class than 0701
    EXPECT_EQ(r[1].verdict, core::Verdict::pass);
    ASSERT_EQ(r[1].landuse.size(), 1u);
    EXPECT_EQ(r[1].landuse[0].landuse, "0701");
    EXPECT_TRUE(r[0].robustness_notes.empty());
    EXPECT_TRUE(r[1].robustness_notes.empty());
}

TEST(Siting, SameResultWithAnyThreadCount) {
    std::vector<core::Proposal> ps;
    for (int i = 0; i < 40; ++i) ps.push_back(site("S" + std::to_string(i), "0701", 20.0 * i, 100, 20.0 * i + 30, 900));
    std::vector<std::vector<core::SitingResult>> runs;
    for (unsigned threads : {1u, 2u, 8u}) {
        analysis::SitingOptions o;
        o.threads = threads;
        runs.push_back(analysis::check_siting(test::mini_dataset(), test::bundled_catalog(), mini_rules(), ps, o));
    }
    for (auto& run : runs) {
        ASSERT_EQ(run.size(), ps.size());
        for (std::size_t i = 0; i < run.size(); ++i) {
            EXPECT_EQ(run[i].verdict, runs[0][i].verdict);
            EXPECT_EQ(run[i].frames.size(), runs[0][i].frames.size());
            EXPECT_EQ(run[i].conflicts.size(), runs[0][i].conflicts.size());
            EXPECT_EQ(run[i].review_reasons, runs[0][i].review_reasons);
        }
    }
}
