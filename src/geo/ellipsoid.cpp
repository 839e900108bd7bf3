// SPDX-License-Identifier: MIT
#include "geo/ellipsoid.hpp"

#include <geodesic.h>
#include <proj.h>

#include <algorithm>
#include <cmath>

namespace zoning::geo {

namespace {
/// The ellipsoid of a CRS's geographic CRS: (a, f).
std::pair<double, double> ellipsoid_of(const ProjContext& ctx, const std::string& crs) {
    ProjPtr obj(proj_create(ctx.handle(), crs.c_str()));
    if (!obj) throw ProjError("unknown CRS '" + crs.substr(0, 80) + "': " + ctx.last_error());
    ProjPtr ellipsoid(proj_get_ellipsoid(ctx.handle(), obj.get()));
    double a = 0, b = 0, inv_f = 0;
    int computed = 0;
    if (!ellipsoid || !proj_ellipsoid_get_parameters(ctx.handle(), ellipsoid.get(), &a, &b, &computed, &inv_f) || !(a > 0))
        throw ProjError("the CRS has no ellipsoid: " + ctx.last_error());
    return {a, inv_f > 0 ? 1.0 / inv_f : 0.0};  // a sphere has inverse flattening 0
}

void check(const GeosContext& ctx, int ok, const char* what) {
    if (!ok) ctx.raise(what);
}
}  // namespace

double geodesic_ring_area(double a, double f, const std::vector<std::pair<double, double>>& lonlat) {
    geod_geodesic g;
    geod_init(&g, a, f);
    geod_polygon p;
    geod_polygon_init(&p, 0);
    for (const auto& [lon, lat] : lonlat) geod_polygon_addpoint(&g, &p, lat, lon);
    double area = 0, perimeter = 0;
    geod_polygon_compute(&g, &p, 0, 1, &area, &perimeter);
    return std::fabs(area);
}

EllipsoidalArea::EllipsoidalArea(const ProjContext& ctx, const std::string& crs) : m_to_lonlat(ctx, crs, geodetic_crs_wkt(ctx, crs)) {
    std::tie(m_a, m_f) = ellipsoid_of(ctx, crs);
}

double EllipsoidalArea::ring_area(const std::vector<double>& xy) const {
    std::vector<std::pair<double, double>> lonlat;
    const std::size_t n = xy.size() / 2;
    lonlat.reserve(n);
    auto add = [&](double x, double y) {
        if (!m_to_lonlat.transform(x, y)) throw ProjError("a vertex cannot be taken back to longitude and latitude");
        lonlat.emplace_back(x, y);
    };
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const double x0 = xy[2 * i], y0 = xy[2 * i + 1], x1 = xy[2 * i + 2], y1 = xy[2 * i + 3];
        const auto steps = static_cast<std::size_t>(std::ceil(std::hypot(x1 - x0, y1 - y0) / kStep));
        for (std::size_t k = 0; k < std::max<std::size_t>(steps, 1); ++k) {
            const double t = static_cast<double>(k) / static_cast<double>(std::max<std::size_t>(steps, 1));
            add(x0 + t * (x1 - x0), y0 + t * (y1 - y0));
        }
    }
    // geod_polygon closes the ring itself: the repeated last vertex is left out above.
    return geodesic_ring_area(m_a, m_f, lonlat);
}

double EllipsoidalArea::polygon_area(const GeosContext& ctx, const GEOSGeometry* polygon) const {
    auto ring_xy = [&](const GEOSGeometry* ring) {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.handle(), ring);
        if (!seq) ctx.raise("coordinates of a ring");
        unsigned int size = 0;
        check(ctx, GEOSCoordSeq_getSize_r(ctx.handle(), seq, &size), "ring size");
        std::vector<double> xy(2 * static_cast<std::size_t>(size));
        for (unsigned int i = 0; i < size; ++i) check(ctx, GEOSCoordSeq_getXY_r(ctx.handle(), seq, i, &xy[2 * i], &xy[2 * i + 1]), "ring vertex");
        return xy;
    };
    const GEOSGeometry* shell = GEOSGetExteriorRing_r(ctx.handle(), polygon);
    if (!shell) ctx.raise("exterior ring");
    double a = ring_area(ring_xy(shell));
    const int holes = GEOSGetNumInteriorRings_r(ctx.handle(), polygon);
    if (holes < 0) ctx.raise("interior rings");
    for (int i = 0; i < holes; ++i) {
        const GEOSGeometry* hole = GEOSGetInteriorRingN_r(ctx.handle(), polygon, i);
        if (!hole) ctx.raise("interior ring");
        a -= ring_area(ring_xy(hole));
    }
    return a;
}

double EllipsoidalArea::area(const GeosContext& ctx, const GEOSGeometry* g) const {
    const int type = GEOSGeomTypeId_r(ctx.handle(), g);
    if (type == GEOS_POLYGON) return GEOSisEmpty_r(ctx.handle(), g) == 1 ? 0.0 : polygon_area(ctx, g);
    if (type != GEOS_MULTIPOLYGON && type != GEOS_GEOMETRYCOLLECTION) return 0.0;
    const int n = GEOSGetNumGeometries_r(ctx.handle(), g);
    if (n < 0) ctx.raise("parts");
    double a = 0;
    for (int i = 0; i < n; ++i) a += area(ctx, GEOSGetGeometryN_r(ctx.handle(), g, i));
    return a;
}

}  // namespace zoning::geo
