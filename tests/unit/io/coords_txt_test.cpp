// SPDX-License-Identifier: MIT
// The 界址点坐标 exchange TXT: read, written back byte for byte, the CRS from its head,
// rings into outer and hole, and errors that name the line.
#include <gtest/gtest.h>

#include <cpl_string.h>

#include "core/error.hpp"
#include "geo/geos.hpp"
#include "io/coords_txt.hpp"
#include "io_support.hpp"

using namespace zoning;

namespace {

const std::filesystem::path kTwo = test::source_dir() / "tests/fixtures/proposals/two_parcels.txt";

std::string error_of(const std::string& text) {
    try {
        io::CoordsFile f = io::parse_coords_txt(text, "site.txt");
        io::coords_crs(f, "site.txt");
    } catch (const core::Error& e) {
        return e.what();
    }
    return "";
}

const std::string kHead = "[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=3\n投影类型=高斯克吕格\n计量单位=米\n带号=38\n[地块坐标]\n";
const std::string kSquare = "5,1.0000,A,甲,面,,,0901,@\nJ1,1,3740000.000,38430000.000\nJ2,1,3740100.000,38430000.000\n"
                            "J3,1,3740100.000,38430100.000\nJ4,1,3740000.000,38430100.000\nJ1,1,3740000.000,38430000.000\n";

}  // namespace

TEST(CoordsTxt, ReadsTwoParcelsAndAHole) {
    const io::CoordsFile f = io::read_coords_txt(kTwo);
    ASSERT_EQ(f.parcels.size(), 2u);
    EXPECT_EQ(f.value("数据产生单位"), "测试区自然资源局");
    EXPECT_EQ(f.parcels[0].id, "clean");
    EXPECT_EQ(f.parcels[0].name, "合规商业");
    EXPECT_EQ(f.parcels[0].landuse_code, "0901");
    EXPECT_EQ(f.parcels[0].points.size(), 10u);
    EXPECT_EQ(f.parcels[0].points[5].ring, 2);
    EXPECT_DOUBLE_EQ(f.parcels[0].points[0].x_north, 3740100.0);
    EXPECT_DOUBLE_EQ(f.parcels[0].points[0].y_east, 38430800.0);
    EXPECT_EQ(io::coords_crs(f, "x"), "EPSG:4526");

    geo::GeosContext ctx;
    // Outer 100 × 100 less the 20 × 20 hole; Y (the easting) is x.
    geo::GeomPtr g = geo::from_wkb(ctx, io::parcel_wkb(f.parcels[0], "x"));
    EXPECT_EQ(geo::type_name(ctx, g.get()), "Polygon");
    EXPECT_DOUBLE_EQ(geo::area(ctx, g.get()), 9600.0);
    EXPECT_DOUBLE_EQ(geo::envelope(ctx, g.get()).minx, 38430800.0);
    EXPECT_DOUBLE_EQ(geo::envelope(ctx, g.get()).miny, 3740100.0);
    EXPECT_DOUBLE_EQ(geo::area(ctx, geo::from_wkb(ctx, io::parcel_wkb(f.parcels[1], "x")).get()), 5000.0);
}

TEST(CoordsTxt, ARingOutsideTheFirstIsAnotherPart) {
    std::string two = kSquare;
    two.replace(0, 1, "10");
    two += "J5,2,3740200.000,38430200.000\nJ6,2,3740210.000,38430200.000\nJ7,2,3740210.000,38430210.000\nJ8,2,3740200.000,38430210.000\n"
           "J5,2,3740200.000,38430200.000\n";
    const io::CoordsFile f = io::parse_coords_txt(kHead + two, "x");
    geo::GeosContext ctx;
    geo::GeomPtr g = geo::from_wkb(ctx, io::parcel_wkb(f.parcels.at(0), "x"));
    EXPECT_EQ(geo::type_name(ctx, g.get()), "MultiPolygon");
    EXPECT_DOUBLE_EQ(geo::area(ctx, g.get()), 10100.0);
}

TEST(CoordsTxt, WritesBackWhatItRead) {
    const std::string text = test::read_file(kTwo);
    EXPECT_EQ(io::format_coords_txt(io::parse_coords_txt(text, "x")), text);
}

TEST(CoordsTxt, SitesFromTheWorkCrsRoundTripToTheMillimetre) {
    // Read, move to the work CRS (EPSG:4547, the zone's CM without the zone number), write back.
    const io::CoordsFile in = io::read_coords_txt(kTwo);
    geo::GeosContext ctx;
    std::vector<io::CoordsSite> sites;
    for (auto& p : in.parcels) {
        geo::GeomPtr g = geo::from_wkb(ctx, io::parcel_wkb(p, "x"));
        bool aborted = false;
        geo::GeomPtr moved = geo::transform_xy(ctx, g.get(), [](double& x, double&) { x -= 38000000.0; return true; }, aborted);
        sites.push_back({p.id, p.name, p.use, p.landuse_code, geo::to_wkb(ctx, moved.get())});
    }
    const io::CoordsFile out = io::coords_from_sites(sites, "EPSG:4547", {"测试区自然资源局", "2026-01-15"});
    EXPECT_EQ(io::format_coords_txt(out), test::read_file(kTwo));
}

TEST(CoordsTxt, BoundaryVerticesInLonLat) {
    const auto v = io::boundary_vertices(test::rectangle_wkb(500000, 3740000, 500100, 3740100), "EPSG:4547");
    ASSERT_EQ(v.size(), 5u);
    EXPECT_EQ(v[0].name, "J1");
    EXPECT_EQ(v[4].name, "J1");  // the ring closed on its first point
    EXPECT_EQ(v[3].name, "J4");
    EXPECT_DOUBLE_EQ(v[0].x, 500000.0);
    EXPECT_NEAR(v[0].lon, 114.0, 1e-9);  // on the central meridian
    EXPECT_NEAR(v[0].lat, 33.8, 0.05);
}

TEST(CoordsTxt, CrsFromTheHead) {
    auto crs = [](const std::string& head) { return io::coords_crs(io::parse_coords_txt("[属性描述]\n" + head + "[地块坐标]\n" + kSquare, "x"), "x"); };
    EXPECT_EQ(crs("坐标系=2000国家大地坐标系\n几度分带=3\n带号=38\n"), "EPSG:4526");
    EXPECT_EQ(crs("坐标系=2000国家大地坐标系\n"), "EPSG:4526");  // zone from the Y, 3 degrees from the zone
    EXPECT_EQ(crs("坐标系=1980西安坐标系\n几度分带=3度带\n带号=38\n"), "EPSG:2362");
    EXPECT_EQ(crs("坐标系=1954北京坐标系\n带号=38\n"), "EPSG:2414");
}

TEST(CoordsTxt, ErrorsNameTheLine) {
    EXPECT_NE(error_of("hello\n").find("line 1: text before [属性描述]"), std::string::npos);
    EXPECT_NE(error_of("[属性描述]\n坐标系\n").find("line 2: '坐标系' in [属性描述] is not KEY=VALUE"), std::string::npos);
    EXPECT_NE(error_of("[属性描述]\n坐标系=2000国家大地坐标系\n").find("no [地块坐标]"), std::string::npos);
    EXPECT_NE(error_of("[属性描述]\n坐标系=火星坐标系\n[地块坐标]\n" + kSquare).find("坐标系 '火星坐标系'"), std::string::npos);
    EXPECT_NE(error_of(kHead + "J1,1,3740000.000,38430000.000\n").find("line 8: a point before any parcel line"), std::string::npos);
    std::string bad = kSquare;
    bad.replace(bad.find("3740100.000,38430000.000"), 24, "3740100.000;38430000.000");
    EXPECT_NE(error_of(kHead + bad).find("line 10: a point line is 点号,圈号,X,Y; this one has 3 fields"), std::string::npos);
    bad = kSquare;
    bad.replace(bad.find("3740100.000,38430000.000"), 24, "3740100.00x,38430000.000");
    EXPECT_NE(error_of(kHead + bad).find("line 10: X '3740100.00x' is not a number"), std::string::npos);
    bad = kSquare;
    bad.replace(0, 1, "6");
    EXPECT_NE(error_of(kHead + bad).find("line 8: the parcel line states 6 points (界址点数) but 5 point lines follow it"), std::string::npos);
    bad = kSquare;
    bad.replace(bad.find("J2,1,3740100.000,38430000.000"), 29, "J2,1,38430000.000,3740100.000");
    EXPECT_NE(error_of(kHead + bad).find("line 10: X and Y look swapped"), std::string::npos);
    bad = kSquare;
    bad.replace(bad.find("38430000.000"), 12, "430000.000");
    EXPECT_NE(error_of(kHead + bad).find("line 9: Y 430000.000 has no zone number in front"), std::string::npos);
    bad = kSquare;
    bad.replace(bad.find("38430000.000"), 12, "39430000.000");
    EXPECT_NE(error_of(kHead + bad).find("line 9: Y 39430000.000 is in zone 39, the head's 带号 is 38"), std::string::npos);
    EXPECT_NE(error_of(kHead + "5,1.0,A,甲,线,,,,@\n").find("line 8: 图形属性 '线'"), std::string::npos);
}

TEST(CoordsTxt, ReadsGb18030AndFullWidthBrackets) {
    std::string utf8 = "【属性描述】\r\n坐标系=2000国家大地坐标系\r\n【地块坐标】\r\n" + kSquare;
    char* gbk = CPLRecode(utf8.c_str(), CPL_ENC_UTF8, "GB18030");
    const std::string text = gbk;
    CPLFree(gbk);
    ASSERT_NE(text, utf8);
    const io::CoordsFile f = io::parse_coords_txt(text, "x");
    EXPECT_EQ(f.parcels.at(0).name, "甲");
    EXPECT_EQ(io::coords_crs(f, "x"), "EPSG:4526");
}
