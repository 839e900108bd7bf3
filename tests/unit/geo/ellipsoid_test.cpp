// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "geo/ellipsoid.hpp"

using namespace zoning::geo;

namespace {
// GRS80, the ellipsoid of CGCS2000 (EPSG:1024 / EPSG:7019).
constexpr double kA = 6378137.0;
constexpr double kF = 1 / 298.257222101;
constexpr double kRad = std::numbers::pi / 180;

/// The area between two parallels and two meridians Δλ apart, closed form through the
/// authalic latitude: A = b²·Δλ/2 · [sinφ/(1 − e²sin²φ) + ln((1 + e·sinφ)/(1 − e·sinφ))/(2e)] from φ1 to φ2.
double quadrangle_area(double lat1, double lat2, double dlon) {
    const double e2 = kF * (2 - kF), e = std::sqrt(e2), b2 = kA * kA * (1 - e2);
    auto q = [&](double lat) {
        const double s = std::sin(lat * kRad);
        return s / (1 - e2 * s * s) + std::log((1 + e * s) / (1 - e * s)) / (2 * e);
    };
    return b2 * dlon * kRad / 2 * (q(lat2) - q(lat1));
}

/// The cell lon0..lon0+1, lat0..lat0+1 with its parallels drawn every 0.001°: a geodesic between
/// points that close follows the parallel to well under a millimetre.
std::vector<std::pair<double, double>> cell(double lon0, double lat0) {
    std::vector<std::pair<double, double>> ring;
    const int n = 1000;
    for (int i = 0; i < n; ++i) ring.emplace_back(lon0 + 1.0 * i / n, lat0);
    for (int i = 0; i < n; ++i) ring.emplace_back(lon0 + 1, lat0 + 1.0 * i / n);
    for (int i = 0; i < n; ++i) ring.emplace_back(lon0 + 1 - 1.0 * i / n, lat0 + 1);
    for (int i = 0; i < n; ++i) ring.emplace_back(lon0, lat0 + 1 - 1.0 * i / n);
    return ring;
}
}  // namespace

TEST(Ellipsoid, OneDegreeCellAt34NorthMatchesTheClosedForm) {
    const double expected = quadrangle_area(34, 35, 1);
    // The formula itself against the sphere of equal area (R = 6,371,007.2 m): R²·Δλ·(sin 35° − sin 34°) = 1.01893e10 m²;
    // the ellipsoid differs from it by a few parts in 10⁴ at this latitude.
    EXPECT_NEAR(expected, 1.01893e10, 0.0005e10);
    EXPECT_NEAR(geodesic_ring_area(kA, kF, cell(113, 34)), expected, expected * 1e-8);
}

TEST(Ellipsoid, TheSameCellDrawnInGaussKrugerMeasuresTheSame) {
    // Through the projected plane and back: EllipsoidalArea takes the ring to CGCS2000 lon/lat itself.
    ProjContext ctx;
    Transformer to_gk(ctx, "EPSG:4490", "EPSG:4547");
    std::vector<double> xy;
    for (auto [lon, lat] : cell(113, 34)) {
        ASSERT_TRUE(to_gk.transform(lon, lat));
        xy.push_back(lon);
        xy.push_back(lat);
    }
    xy.push_back(xy[0]);  // closed, as GEOS rings are
    xy.push_back(xy[1]);
    EllipsoidalArea ellipsoid(ctx, "EPSG:4547");
    EXPECT_DOUBLE_EQ(ellipsoid.semi_major(), kA);
    EXPECT_DOUBLE_EQ(ellipsoid.flattening(), kF);
    const double expected = quadrangle_area(34, 35, 1);
    EXPECT_NEAR(ellipsoid.ring_area(xy), expected, expected * 1e-8);
}

TEST(Ellipsoid, GaussKrugerSquareNearTheZoneEdgeIsSmallerByTheScaleFactor) {
    // A 1 km square 130 km east of CM 114°E (the zone edge is 1.5°, about 138 km, away at 34°N):
    // its plane area is k² times the ellipsoid's, k = 1 + y²/(2R²) + y⁴/(24R⁴), R² = M·N at its latitude.
    ProjContext ctx;
    const double y = 130000, x0 = 500000 + y - 500, n0 = 3765000 - 500;
    double lon = 500000 + y, lat = 3765000;
    Transformer to_lonlat(ctx, "EPSG:4547", "EPSG:4490");
    ASSERT_TRUE(to_lonlat.transform(lon, lat));
    const double e2 = kF * (2 - kF), s = std::sin(lat * kRad), w = 1 - e2 * s * s;
    const double m = kA * (1 - e2) / std::pow(w, 1.5), nu = kA / std::sqrt(w), r2 = m * nu;
    const double k = 1 + y * y / (2 * r2) + y * y * y * y / (24 * r2 * r2);

    GeosContext geos;
    GeomPtr square = from_wkt(geos, "POLYGON((" + std::to_string(x0) + " " + std::to_string(n0) + "," + std::to_string(x0 + 1000) + " " +
                                        std::to_string(n0) + "," + std::to_string(x0 + 1000) + " " + std::to_string(n0 + 1000) + "," +
                                        std::to_string(x0) + " " + std::to_string(n0 + 1000) + "," + std::to_string(x0) + " " +
                                        std::to_string(n0) + "))");
    EllipsoidalArea ellipsoid(ctx, "EPSG:4547");
    const double ellipsoidal = ellipsoid.area(geos, square.get());
    EXPECT_NEAR(area(geos, square.get()) / ellipsoidal, k * k, 2e-7);
    EXPECT_GT(k * k - 1, 4e-4);  // so the check above is about the scale, not noise: about +0.042 %

    // PROJ's own areal scale there says the same.
    auto scale = worst_areal_scale(ctx, "EPSG:4547", {{lon, lat}});
    ASSERT_TRUE(scale);
    EXPECT_NEAR(scale->scale, k * k, 2e-7);
}

TEST(Ellipsoid, HolesSubtractAndMultiPolygonsAdd) {
    ProjContext ctx;
    GeosContext geos;
    EllipsoidalArea ellipsoid(ctx, "EPSG:4547");
    const GeomPtr outer = from_wkt(geos, "POLYGON((430000 3740000,431000 3740000,431000 3741000,430000 3741000,430000 3740000))");
    const GeomPtr holed = from_wkt(geos,
                                   "POLYGON((430000 3740000,431000 3740000,431000 3741000,430000 3741000,430000 3740000),"
                                   "(430250 3740250,430750 3740250,430750 3740750,430250 3740750,430250 3740250))");
    const GeomPtr hole = from_wkt(geos, "POLYGON((430250 3740250,430750 3740250,430750 3740750,430250 3740750,430250 3740250))");
    const GeomPtr both = from_wkt(geos,
                                  "MULTIPOLYGON(((430000 3740000,431000 3740000,431000 3741000,430000 3741000,430000 3740000)),"
                                  "((432000 3740000,433000 3740000,433000 3741000,432000 3741000,432000 3740000)))");
    const GeomPtr second = from_wkt(geos, "POLYGON((432000 3740000,433000 3740000,433000 3741000,432000 3741000,432000 3740000))");
    const double a = ellipsoid.area(geos, outer.get());
    EXPECT_NEAR(ellipsoid.area(geos, holed.get()), a - ellipsoid.area(geos, hole.get()), 1e-6);
    EXPECT_NEAR(ellipsoid.area(geos, both.get()), a + ellipsoid.area(geos, second.get()), 1e-6);
    // 70 km west of the central meridian the plane is larger by about 1.2e-4.
    EXPECT_NEAR(1e6 / a - 1, 1.19e-4, 0.01e-4);
    // A line has no area.
    const GeomPtr line = from_wkt(geos, "LINESTRING(430000 3740000,431000 3741000)");
    EXPECT_EQ(ellipsoid.area(geos, line.get()), 0.0);
}

TEST(Ellipsoid, GeographicOrUnknownCrsIsRefused) {
    ProjContext ctx;
    EXPECT_THROW(EllipsoidalArea(ctx, "EPSG:999999"), ProjError);
}
