// SPDX-License-Identifier: MIT
#pragma once
// Ellipsoidal areas (椭球面积, the areas of China's land surveys) of polygons held in a
// projected work CRS, on that CRS's own ellipsoid: each ring's vertices are taken back to
// the CRS's geographic CRS and measured with PROJ's geodesic polygon area (Karney).
// Thread rule: an EllipsoidalArea belongs to one thread, like the ProjContext it uses.
#include <string>
#include <utility>
#include <vector>

#include "geo/geos.hpp"
#include "geo/proj.hpp"

namespace zoning::geo {

/// The area of a ring of (lon, lat) degrees on the ellipsoid of semi-major axis `a` (m) and
/// flattening `f`, by geodesic edges; m², never negative (either winding).
double geodesic_ring_area(double a, double f, const std::vector<std::pair<double, double>>& lonlat);

class EllipsoidalArea {
public:
    /// `crs`: the projected CRS the geometries are in (anything proj_create reads).
    /// Throws ProjError when it has no geographic CRS or ellipsoid.
    EllipsoidalArea(const ProjContext& ctx, const std::string& crs);
    /// Ellipsoidal area of a polygonal geometry (Polygon, MultiPolygon or a collection of
    /// them; other parts add nothing): exterior rings add, holes subtract. Edges are
    /// densified to at most `kStep` metres first, so a long straight edge of the projected
    /// plane is measured along its image on the ellipsoid, not along the geodesic between its ends.
    /// Throws ProjError when a vertex cannot be taken back to lon/lat.
    double area(const GeosContext& ctx, const GEOSGeometry* g) const;
    /// One ring given in the projected CRS as x0 y0 x1 y1 ...; m², never negative.
    double ring_area(const std::vector<double>& xy) const;
    double semi_major() const noexcept { return m_a; }
    double flattening() const noexcept { return m_f; }

    static constexpr double kStep = 100.0;

private:
    double polygon_area(const GeosContext& ctx, const GEOSGeometry* polygon) const;
    Transformer m_to_lonlat;
    double m_a = 0, m_f = 0;
};

}  // namespace zoning::geo
