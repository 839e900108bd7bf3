// SPDX-License-Identifier: MIT
// The index against rectangles whose parts are computed by hand.
#include "analysis/frame_index.hpp"

#include <gtest/gtest.h>

using namespace zoning;

namespace {

std::string rect(const geo::GeosContext& ctx, double x0, double y0, double x1, double y1) {
    auto pt = [](double x, double y) { return std::to_string(x) + " " + std::to_string(y); };
    return geo::to_wkb(
        ctx, geo::from_wkt(ctx, "POLYGON((" + pt(x0, y0) + "," + pt(x1, y0) + "," + pt(x1, y1) + "," + pt(x0, y1) + "," + pt(x0, y0) + "))")
                 .get());
}

struct Fixture {
    geo::GeosContext ctx;
    // 0: the west half of a 100 × 100 square, 1: the east half, 2: a far-away square.
    std::vector<std::string> frames = {rect(ctx, 0, 0, 50, 100), rect(ctx, 50, 0, 100, 100), rect(ctx, 500, 500, 600, 600)};
    analysis::FrameIndex index{ctx, std::vector<std::string_view>(frames.begin(), frames.end())};
    analysis::RobustnessLog log;
};

}  // namespace

TEST(FrameIndex, QueryFindsTheFramesWhoseEnvelopesMeetInAscendingOrder) {
    Fixture f;
    EXPECT_EQ(f.index.size(), 3u);
    geo::GeomPtr across = geo::from_wkb(f.ctx, rect(f.ctx, 40, 40, 60, 60));
    EXPECT_EQ(f.index.query(across.get()), (std::vector<std::size_t>{0, 1}));
    geo::GeomPtr nowhere = geo::from_wkb(f.ctx, rect(f.ctx, 200, 200, 210, 210));
    EXPECT_TRUE(f.index.query(nowhere.get()).empty());
}

TEST(FrameIndex, APartIsTheIntersectionOrTheWholeGeometry) {
    Fixture f;
    geo::GeomPtr across = geo::from_wkb(f.ctx, rect(f.ctx, 40, 40, 60, 60));  // 400 m², 200 in each half
    for (auto inside : {analysis::Inside::properly, analysis::Inside::touching, analysis::Inside::never}) {
        auto west = f.index.part(f.ctx, 0, across.get(), inside, "w", f.log);
        ASSERT_TRUE(west.has_value());
        EXPECT_FALSE(west->whole);
        EXPECT_DOUBLE_EQ(west->area(f.ctx, 400), 200);
    }
    geo::GeomPtr inner = geo::from_wkb(f.ctx, rect(f.ctx, 10, 10, 20, 20));  // 100 m², well inside the west half
    auto whole = f.index.part(f.ctx, 0, inner.get(), analysis::Inside::properly, "i", f.log);
    ASSERT_TRUE(whole.has_value());
    EXPECT_TRUE(whole->whole);
    EXPECT_DOUBLE_EQ(whole->area(f.ctx, 100), 100);
    EXPECT_DOUBLE_EQ(geo::area(f.ctx, whole->take(f.ctx, inner.get()).get()), 100);
    auto cut = f.index.part(f.ctx, 0, inner.get(), analysis::Inside::never, "i", f.log);
    ASSERT_TRUE(cut.has_value());
    EXPECT_FALSE(cut->whole);
    EXPECT_DOUBLE_EQ(cut->area(f.ctx, -1), 100);
    EXPECT_TRUE(f.log.notes.empty());
}

TEST(FrameIndex, TouchingFromInsideIsWholeOnlyWhenAskedSo) {
    Fixture f;
    geo::GeomPtr edge = geo::from_wkb(f.ctx, rect(f.ctx, 30, 0, 50, 10));  // shares the west half's edges
    auto properly = f.index.part(f.ctx, 0, edge.get(), analysis::Inside::properly, "e", f.log);
    ASSERT_TRUE(properly.has_value());
    EXPECT_FALSE(properly->whole);
    EXPECT_DOUBLE_EQ(properly->area(f.ctx, 200), 200);
    auto touching = f.index.part(f.ctx, 0, edge.get(), analysis::Inside::touching, "e", f.log);
    ASSERT_TRUE(touching.has_value());
    EXPECT_TRUE(touching->whole);
    // The east half only touches it along x = 50: they intersect, with an empty polygonal part.
    auto east = f.index.part(f.ctx, 1, edge.get(), analysis::Inside::touching, "e", f.log);
    ASSERT_TRUE(east.has_value());
    EXPECT_DOUBLE_EQ(east->area(f.ctx, 200), 0);
    EXPECT_FALSE(f.index.part(f.ctx, 2, edge.get(), analysis::Inside::touching, "e", f.log).has_value());
}

TEST(FrameIndex, AnEmptyIndexFindsNothing) {
    geo::GeosContext ctx;
    analysis::FrameIndex empty(ctx, static_cast<const core::Layer*>(nullptr));
    EXPECT_EQ(empty.size(), 0u);
    geo::GeomPtr g = geo::from_wkt(ctx, "POINT(1 1)");
    EXPECT_TRUE(empty.query(g.get()).empty());
}

TEST(FrameIndex, MapItemsGivesTheSameItemsAndNotesWithAnyThreadCount) {
    const std::size_t n = 3 * analysis::kChunk + 5;
    auto run = [n](unsigned threads) {
        struct None {};
        return analysis::map_items<std::size_t, None>(
            n, threads, [](const geo::GeosContext&) { return std::make_unique<None>(); },
            [](None&, const geo::GeosContext&, std::size_t i, analysis::RobustnessLog& log) {
                if (i % 100 == 0) log.notes.push_back("note " + std::to_string(i));
                return i * i;
            });
    };
    auto one = run(1);
    ASSERT_EQ(one.items.size(), n);
    EXPECT_EQ(one.items[7], 49u);
    EXPECT_EQ(one.notes.front(), "note 0");
    for (unsigned t : {2u, 8u, 0u}) {
        auto other = run(t);
        EXPECT_EQ(other.items, one.items);
        EXPECT_EQ(other.notes, one.notes);
    }
}

namespace {
// A 100 × 100 square whose edges carry 400 vertices (a staircase of 1 m steps would change the area:
// the extra vertices lie on the straight edges, so the area is exactly 10,000 m²).
std::string dense_square(const geo::GeosContext& ctx, bool with_hole = false) {
    std::string wkt = "POLYGON((";
    auto add = [&](double x, double y) { wkt += std::to_string(x) + " " + std::to_string(y) + ","; };
    for (int i = 0; i < 100; ++i) add(i, 0);
    for (int i = 0; i < 100; ++i) add(100, i);
    for (int i = 100; i > 0; --i) add(i, 100);
    for (int i = 100; i > 0; --i) add(0, i);
    wkt += "0 0)";
    if (with_hole) wkt += ",(40 40,40 60,60 60,60 40,40 40)";  // a region inside the grid that is outside the frame
    wkt += ")";
    return geo::to_wkb(ctx, geo::from_wkt(ctx, wkt).get());
}
}  // namespace

// Tiled, a frame gives each parcel the part it gave untiled: 3.5 × 3.5 lots on a lattice that
// overhangs the square by 5 m on every side; the parts inside add up to the square.
class TiledFrame : public ::testing::TestWithParam<bool> {};

TEST_P(TiledFrame, PartAreasAreTheUntiledOnesAndAddUpToTheFrame) {
    geo::GeosContext ctx;
    const bool hole = GetParam();
    std::vector<std::string> frame = {dense_square(ctx, hole)};
    const std::vector<std::string_view> wkbs(frame.begin(), frame.end());
    analysis::FrameIndex whole(ctx, wkbs), tiled(ctx, wkbs);
    tiled.tile(ctx, 16);
    analysis::RobustnessLog log;
    int labelled = 0;
    auto what = [&] { ++labelled; return std::string("lot × square"); };
    double sum = 0;
    int cut = 0, on_edge = 0;
    for (double x = -5; x < 105; x += 3.5)
        for (double y = -5; y < 105; y += 3.5) {
            geo::GeomPtr lot = geo::from_wkb(ctx, rect(ctx, x, y, x + 3.5, y + 3.5));
            const double own = geo::area(ctx, lot.get());
            std::optional<double> a = whole.part_area(ctx, 0, lot.get(), own, what, log), b = tiled.part_area(ctx, 0, lot.get(), own, what, log);
            ASSERT_EQ(a.has_value(), b.has_value()) << x << " " << y;
            if (!a) continue;
            EXPECT_NEAR(*a, *b, 1e-9) << x << " " << y;
            if (*a < own) ++cut;
            const bool meets_hole = hole && x <= 60 && x + 3.5 >= 40 && y <= 60 && y + 3.5 >= 40;
            if (x <= 0 || x + 3.5 >= 100 || y <= 0 || y + 3.5 >= 100 || meets_hole) ++on_edge;  // not properly inside
            sum += *b;
        }
    EXPECT_NEAR(sum, hole ? 9600 : 10000, 1e-6);
    EXPECT_GT(cut, 100);           // the lots on the edge were cut, through the tiles
    EXPECT_EQ(labelled, 2 * on_edge);  // only lots on the edge built their label
    EXPECT_TRUE(log.notes.empty());
}

INSTANTIATE_TEST_SUITE_P(FrameIndex, TiledFrame, ::testing::Bool());
