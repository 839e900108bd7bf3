// SPDX-License-Identifier: MIT
#pragma once
// RAII over PROJ. Thread rule: a ProjContext and the Transformers made from it
// belong to one thread (PROJ: all operations within one PJ_CONTEXT on one thread).
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

struct pj_ctx;
struct PJconsts;

namespace zoning::geo {

class ProjError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ProjContext {
public:
    ProjContext();
    ~ProjContext();
    ProjContext(const ProjContext&) = delete;
    ProjContext& operator=(const ProjContext&) = delete;
    pj_ctx* handle() const noexcept { return m_ctx; }
    std::string last_error() const;

private:
    pj_ctx* m_ctx;
};

struct ProjDeleter {
    void operator()(PJconsts* p) const noexcept;
};
using ProjPtr = std::unique_ptr<PJconsts, ProjDeleter>;

/// A coordinate operation from `source` to `target`, both given as anything
/// proj_create accepts (EPSG:4326, WKT, PROJJSON). Axis order is the traditional
/// GIS one on both sides (x = easting / longitude), whatever the CRS definitions say:
/// the CGCS2000 Gauss-Kruger CRSs and EPSG:4326 all list northing / latitude first.
class Transformer {
public:
    Transformer(const ProjContext& ctx, const std::string& source, const std::string& target);
    /// Transforms in place; false when PROJ cannot (out of domain) or the result is not finite.
    bool transform(double& x, double& y) const;
    bool is_noop() const noexcept { return m_noop; }
    const std::string& source_name() const noexcept { return m_source_name; }

private:
    const ProjContext& m_ctx;
    ProjPtr m_op;
    bool m_noop = false;
    std::string m_source_name;
};

/// Short name of a CRS definition ("EPSG:4326" when it has an authority code).
std::string crs_short_name(const ProjContext& ctx, const std::string& definition);
/// True when the CRS is geographic (lon/lat in degrees).
bool crs_is_geographic(const ProjContext& ctx, const std::string& definition);

/// The CRS's name as PROJ gives it ("CGCS2000 / 3-degree Gauss-Kruger CM 114E").
std::string crs_name(const ProjContext& ctx, const std::string& definition);
/// The CRS as WKT2 (2019), what a GeoPackage or a QGIS project is given.
std::string crs_wkt(const ProjContext& ctx, const std::string& definition);
/// The WKT2 of the CRS's own geographic CRS (for a projected CRS, its base: CGCS2000 for
/// the CGCS2000 Gauss-Kruger zones), whose ellipsoid the ellipsoidal areas are on.
std::string geodetic_crs_wkt(const ProjContext& ctx, const std::string& definition);

/// Where a CRS may be used, in degrees of longitude and latitude (EPSG's bounding box).
struct AreaOfUse {
    double west = 0, south = 0, east = 0, north = 0;
    std::string name;  ///< "China - between 112°30'E and 115°30'E"
    /// Whether (lon, lat) lies in the box; a box across the antimeridian (west > east) wraps.
    bool contains(double lon, double lat) const;
};
/// The CRS's area of use; empty when its definition gives none (a bare PROJ string).
std::optional<AreaOfUse> crs_area_of_use(const ProjContext& ctx, const std::string& definition);

/// PROJ's areal scale (proj_factors) of a projected CRS: a planar area near the point is
/// `scale` times the ellipsoidal one.
struct ArealScale {
    double scale = 1;
    double lon = 0, lat = 0;  ///< where, degrees
};
/// Of the points (lon, lat degrees on the CRS's geographic CRS, or one within a metre of it),
/// the one whose areal scale is farthest from 1; points outside the projection's domain are
/// skipped. Empty when PROJ gives a scale at none of them.
std::optional<ArealScale> worst_areal_scale(const ProjContext& ctx, const std::string& definition,
                                            const std::vector<std::pair<double, double>>& lonlat);

/// The work CRS a district gets when its dataset names none, from a point standing for it
/// (the boundary's centroid, lon/lat degrees): inside the area of use of CGCS2000
/// (EPSG:4490, PROJ's bounding box of China) the CGCS2000 3-degree Gauss-Kruger zone whose
/// central meridian is nearest (EPSG:4534 at 75°E to EPSG:4554 at 135°E), elsewhere the WGS 84
/// UTM zone (EPSG:326xx north of the equator, 327xx south).
struct WorkCrsChoice {
    std::string definition;  ///< "EPSG:4549"
    std::string reason;      ///< why, in a sentence naming the point and the rule
};
WorkCrsChoice choose_work_crs(const ProjContext& ctx, double lon, double lat);

/// What a bounding box says of the CRS its coordinates are declared in.
enum class CoordinateFit {
    plausible,
    metres_declared_lonlat,   ///< beyond ±180/±90 under a geographic CRS
    degrees_declared_metric,  ///< a box of a few units within ±180/±90 under a projected CRS
};
/// Coordinates plainly of the other kind mean the declared CRS is wrong; the box
/// `minx miny maxx maxy` is the data's extent (or a first feature's, standing for it).
CoordinateFit coordinate_fit(bool crs_geographic, double minx, double miny, double maxx, double maxy);
/// "coordinates (minx miny, maxx maxy) are plainly projected metres" / "... lon/lat degrees",
/// the shared start of every message about a CoordinateFit other than plausible.
std::string coordinate_fit_text(CoordinateFit fit, double minx, double miny, double maxx, double maxy);

}  // namespace zoning::geo
