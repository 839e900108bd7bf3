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
