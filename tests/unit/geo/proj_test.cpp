// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cstdio>
#include <limits>
#include <memory>

#include "geo/proj.hpp"

using namespace zoning::geo;

namespace {
// The district government, 建设路277号 (GEOGRAPHY.md), in EPSG:4547 according to
// `echo "33.739 113.293" | cs2cs -f %.4f EPSG:4326 EPSG:4547` (PROJ 9.1.1):
//   3734935.8260 434484.2291   (northing first: the CRS's own axis order)
constexpr double kLon = 113.293, kLat = 33.739;
constexpr double kEasting = 434484.2291, kNorthing = 3734935.8260;
}  // namespace

TEST(Proj, KnownPointTo4547WithEastingFirst) {
    ProjContext ctx;
    Transformer t(ctx, "EPSG:4326", "EPSG:4547");
    double x = kLon, y = kLat;  // traditional GIS order: lon, lat in
    ASSERT_TRUE(t.transform(x, y));
    EXPECT_NEAR(x, kEasting, 0.01);   // easting out first, to the centimetre
    EXPECT_NEAR(y, kNorthing, 0.01);
}

TEST(Proj, AgreesWithCs2csAtRunTime) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(
        popen("echo '33.739 113.293' | cs2cs -f %.4f EPSG:4326 EPSG:4547 2>/dev/null", "r"), pclose);
    ASSERT_TRUE(pipe) << "cs2cs (Debian proj-bin) must be installed: scripts/install-deps";
    double northing = 0, easting = 0;
    ASSERT_EQ(fscanf(pipe.get(), "%lf %lf", &northing, &easting), 2) << "cs2cs printed nothing: is proj-bin installed?";
    ProjContext ctx;
    Transformer t(ctx, "EPSG:4326", "EPSG:4547");
    double x = kLon, y = kLat;
    ASSERT_TRUE(t.transform(x, y));
    EXPECT_NEAR(x, easting, 0.01);
    EXPECT_NEAR(y, northing, 0.01);
}

TEST(Proj, SameCrsIsNoop) {
    ProjContext ctx;
    Transformer t(ctx, "EPSG:4547", "EPSG:4547");
    EXPECT_TRUE(t.is_noop());
    double x = 1, y = 2;
    EXPECT_TRUE(t.transform(x, y));
    EXPECT_EQ(x, 1);
    EXPECT_EQ(y, 2);
}

TEST(Proj, NonFiniteInputIsRejected) {
    ProjContext ctx;
    Transformer t(ctx, "EPSG:4326", "EPSG:4547");
    double x = std::numeric_limits<double>::quiet_NaN(), y = 33.7;
    EXPECT_FALSE(t.transform(x, y));
    x = std::numeric_limits<double>::infinity();
    EXPECT_FALSE(t.transform(x, y));
}

TEST(Proj, UnknownCrsThrows) {
    ProjContext ctx;
    EXPECT_THROW(Transformer(ctx, "EPSG:999999", "EPSG:4547"), ProjError);
    EXPECT_EQ(crs_short_name(ctx, "EPSG:4547"), "EPSG:4547");
    EXPECT_TRUE(crs_is_geographic(ctx, "EPSG:4326"));
    EXPECT_FALSE(crs_is_geographic(ctx, "EPSG:4547"));
}

TEST(Proj, CoordinatesOfTheOtherKindThanTheirCrsAreNamed) {
    // Gauss-Krüger metres under EPSG:4326, and Xinhua's lon/lat under EPSG:4547.
    EXPECT_EQ(coordinate_fit(true, 38370000, 3740000, 38380000, 3750000), CoordinateFit::metres_declared_lonlat);
    EXPECT_EQ(coordinate_fit(false, 113.1, 33.7, 113.3, 33.9), CoordinateFit::degrees_declared_metric);
    EXPECT_EQ(coordinate_fit(true, 113.1, 33.7, 113.3, 33.9), CoordinateFit::plausible);
    EXPECT_EQ(coordinate_fit(false, 370000, 3740000, 380000, 3750000), CoordinateFit::plausible);
    // A metric box inside ±180/±90 but tens of units wide is a real (small-valued) projected extent.
    EXPECT_EQ(coordinate_fit(false, 0, 0, 50, 50), CoordinateFit::plausible);
    EXPECT_EQ(coordinate_fit_text(CoordinateFit::degrees_declared_metric, 113.1, 33.7, 113.3, 33.9),
              "coordinates (113.1 33.7, 113.3 33.9) are plainly lon/lat degrees");
    EXPECT_EQ(coordinate_fit_text(CoordinateFit::metres_declared_lonlat, 1, 2, 300, 400),
              "coordinates (1 2, 300 400) are plainly projected metres");
}

// ---- The work CRS: chosen from the district, its area of use, its scale (docs/crs.md) ----

TEST(Proj, WorkCrsInChinaIsTheNearestGaussKrugerZone) {
    ProjContext ctx;
    EXPECT_EQ(choose_work_crs(ctx, 113.25, 33.75).definition, "EPSG:4547");  // Xinhua: CM 114°E
    EXPECT_EQ(choose_work_crs(ctx, 120.4, 36.1).definition, "EPSG:4549");   // Qingdao: CM 120°E
    EXPECT_EQ(choose_work_crs(ctx, 112.4, 33.0).definition, "EPSG:4546");   // nearer 111°E than 114°E
    EXPECT_EQ(choose_work_crs(ctx, 73.7, 39.5).definition, "EPSG:4534");    // the westernmost zone, CM 75°E
    EXPECT_EQ(choose_work_crs(ctx, 134.5, 47.5).definition, "EPSG:4554");   // the easternmost, CM 135°E
    // The codes are what their names say.
    EXPECT_EQ(crs_name(ctx, "EPSG:4549"), "CGCS2000 / 3-degree Gauss-Kruger CM 120E");
    EXPECT_EQ(crs_name(ctx, "EPSG:4534"), "CGCS2000 / 3-degree Gauss-Kruger CM 75E");
    EXPECT_EQ(crs_name(ctx, "EPSG:4554"), "CGCS2000 / 3-degree Gauss-Kruger CM 135E");
    EXPECT_NE(choose_work_crs(ctx, 113.25, 33.75).reason.find("EPSG:4490"), std::string::npos);
}

TEST(Proj, WorkCrsElsewhereIsTheUtmZone) {
    ProjContext ctx;
    EXPECT_EQ(choose_work_crs(ctx, 9.18, 48.78).definition, "EPSG:32632");    // Stuttgart
    EXPECT_EQ(choose_work_crs(ctx, -77.04, 38.9).definition, "EPSG:32618");   // Washington
    EXPECT_EQ(choose_work_crs(ctx, -58.4, -34.6).definition, "EPSG:32721");   // Buenos Aires: south
    EXPECT_EQ(choose_work_crs(ctx, 179.9, -17.0).definition, "EPSG:32760");
    EXPECT_EQ(choose_work_crs(ctx, -180.0, 10.0).definition, "EPSG:32601");
    EXPECT_EQ(crs_name(ctx, "EPSG:32632"), "WGS 84 / UTM zone 32N");
}

TEST(Proj, AreaOfUseOfAGaussKrugerZoneIsItsThreeDegrees) {
    ProjContext ctx;
    auto use = crs_area_of_use(ctx, "EPSG:4547");
    ASSERT_TRUE(use);
    EXPECT_DOUBLE_EQ(use->west, 112.5);
    EXPECT_DOUBLE_EQ(use->east, 115.5);
    EXPECT_TRUE(use->contains(113.3, 33.7));
    EXPECT_FALSE(use->contains(120.4, 36.1));
    EXPECT_FALSE(use->contains(113.3, 60));
    AreaOfUse across{170, -50, -170, -10, "across the antimeridian"};
    EXPECT_TRUE(across.contains(179, -20));
    EXPECT_TRUE(across.contains(-175, -20));
    EXPECT_FALSE(across.contains(0, -20));
    EXPECT_FALSE(crs_area_of_use(ctx, "+proj=tmerc +lon_0=114 +ellps=GRS80 +type=crs"));
}

TEST(Proj, ArealScaleIsWorstWhereFarthestFromTheCentralMeridian) {
    ProjContext ctx;
    // On the central meridian GK has scale 1; 6.4° away at 36°N about +0.8 %.
    auto worst = worst_areal_scale(ctx, "EPSG:4547", {{114.0, 36.0}, {120.4, 36.0}, {116.0, 36.0}});
    ASSERT_TRUE(worst);
    EXPECT_DOUBLE_EQ(worst->lon, 120.4);
    EXPECT_GT(worst->scale, 1.007);
    EXPECT_LT(worst->scale, 1.009);
    auto centre = worst_areal_scale(ctx, "EPSG:4547", {{114.0, 36.0}});
    ASSERT_TRUE(centre);
    EXPECT_NEAR(centre->scale, 1.0, 1e-9);  // PROJ differentiates numerically
    EXPECT_FALSE(worst_areal_scale(ctx, "EPSG:4547", {}));
}

TEST(Proj, WktOfACrsAndOfItsGeographicCrs) {
    ProjContext ctx;
    const std::string wkt = crs_wkt(ctx, "EPSG:4549");
    EXPECT_EQ(wkt.rfind("PROJCRS[\"CGCS2000 / 3-degree Gauss-Kruger CM 120E\"", 0), 0u) << wkt;
    EXPECT_EQ(crs_short_name(ctx, wkt), "EPSG:4549");  // the WKT a store records names its code
    const std::string geodetic = geodetic_crs_wkt(ctx, "EPSG:4549");
    EXPECT_EQ(crs_short_name(ctx, geodetic), "EPSG:4490");
    EXPECT_TRUE(crs_is_geographic(ctx, geodetic));
}
