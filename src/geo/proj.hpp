// SPDX-License-Identifier: MIT
#pragma once
// RAII over PROJ. Thread rule: a ProjContext and the Transformers made from it
// belong to one thread (PROJ: all operations within one PJ_CONTEXT on one thread).
#include <memory>
#include <stdexcept>
#include <string>

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
/// proj_create accepts (EPSG:4547, WKT, PROJJSON). Axis order is the traditional
/// GIS one on both sides (x = easting / longitude), whatever the CRS definitions say:
/// EPSG:4547 and EPSG:4326 both list northing / latitude first.
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

/// Short name of a CRS definition ("EPSG:4547" when it has an authority code).
std::string crs_short_name(const ProjContext& ctx, const std::string& definition);
/// True when the CRS is geographic (lon/lat in degrees).
bool crs_is_geographic(const ProjContext& ctx, const std::string& definition);

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
