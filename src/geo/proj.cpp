// SPDX-License-Identifier: MIT
#include "geo/proj.hpp"

#include <proj.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numbers>

namespace zoning::geo {

ProjContext::ProjContext() : m_ctx(proj_context_create()) {
    if (!m_ctx) throw ProjError("proj_context_create failed");
    // Never reach for the network: grids must come from Debian's proj-data.
    proj_context_set_enable_network(m_ctx, 0);
    proj_log_level(m_ctx, PJ_LOG_NONE);
}

ProjContext::~ProjContext() { proj_context_destroy(m_ctx); }

std::string ProjContext::last_error() const {
    const char* s = proj_context_errno_string(m_ctx, proj_context_errno(m_ctx));
    return s ? s : "unknown PROJ error";
}

void ProjDeleter::operator()(PJconsts* p) const noexcept {
    if (p) proj_destroy(p);
}

namespace {
/// proj_identify's two results, each with its one owner.
struct ObjListDeleter {
    void operator()(PJ_OBJ_LIST* l) const noexcept {
        if (l) proj_list_destroy(l);
    }
};
struct IntListDeleter {
    void operator()(int* l) const noexcept {
        if (l) proj_int_list_destroy(l);
    }
};
using ObjList = std::unique_ptr<PJ_OBJ_LIST, ObjListDeleter>;
using IntList = std::unique_ptr<int, IntListDeleter>;

ProjPtr create_crs(const ProjContext& ctx, const std::string& def) {
    ProjPtr crs(proj_create(ctx.handle(), def.c_str()));
    if (!crs) throw ProjError("unknown CRS '" + def.substr(0, 80) + "': " + ctx.last_error());
    return crs;
}
std::string short_name(const ProjContext& ctx, PJ* crs) {
    const char* auth = proj_get_id_auth_name(crs, 0);
    const char* code = proj_get_id_code(crs, 0);
    if (auth && code) return std::string(auth) + ":" + code;
    // WKT from OGR often carries the code only through an identify() match.
    int* raw_confidence = nullptr;
    ObjList matches(proj_identify(ctx.handle(), crs, "EPSG", nullptr, &raw_confidence));
    IntList confidence(raw_confidence);
    std::string out;
    if (matches && proj_list_get_count(matches.get()) > 0 && confidence && confidence.get()[0] >= 90) {
        ProjPtr best(proj_list_get(ctx.handle(), matches.get(), 0));
        const char* c = proj_get_id_code(best.get(), 0);
        if (c) out = std::string("EPSG:") + c;
    }
    if (out.empty()) {
        const char* name = proj_get_name(crs);
        out = name ? name : "unnamed CRS";
    }
    return out;
}
}  // namespace

namespace {
/// Coordinate operations this thread has already found, each in the cache's own context. Finding
/// one reads PROJ's database in a fresh context (tens of ms) while cloning a found one into the
/// caller's context takes microseconds; `zoning serve` makes a transformer per request. Per
/// thread, as the thread rule wants; bounded, as the CRSs a process meets are few.
struct FoundOperation {
    ProjPtr op;
    bool noop = false;
    std::string source_name;
};
struct OperationCache {
    ProjContext ctx;
    std::map<std::pair<std::string, std::string>, FoundOperation> found;
};
constexpr std::size_t kMaxRemembered = 32;

FoundOperation find_operation(const ProjContext& ctx, const std::string& source, const std::string& target) {
    FoundOperation f;
    ProjPtr src = create_crs(ctx, source);
    ProjPtr dst = create_crs(ctx, target);
    f.source_name = short_name(ctx, src.get());
    f.noop = f.source_name == short_name(ctx, dst.get());
    ProjPtr op(proj_create_crs_to_crs_from_pj(ctx.handle(), src.get(), dst.get(), nullptr, nullptr));
    if (!op) throw ProjError("no transformation from " + f.source_name + " to " + target + ": " + ctx.last_error());
    f.op.reset(proj_normalize_for_visualization(ctx.handle(), op.get()));
    if (!f.op) throw ProjError("cannot normalise axis order: " + ctx.last_error());
    return f;
}
}  // namespace

Transformer::Transformer(const ProjContext& ctx, const std::string& source, const std::string& target) : m_ctx(ctx) {
    thread_local OperationCache cache;
    const auto key = std::make_pair(source, target);
    auto it = cache.found.find(key);
    if (it == cache.found.end()) {
        if (cache.found.size() >= kMaxRemembered) cache.found.clear();
        it = cache.found.emplace(key, find_operation(cache.ctx, source, target)).first;
    }
    m_source_name = it->second.source_name;
    m_noop = it->second.noop;
    m_op.reset(proj_clone(ctx.handle(), it->second.op.get()));
    if (!m_op) m_op = find_operation(ctx, source, target).op;  // an operation PROJ cannot clone: found afresh in the caller's context
}

bool Transformer::transform(double& x, double& y) const {
    if (!std::isfinite(x) || !std::isfinite(y)) return false;
    if (m_noop) return true;
    PJ_COORD c = proj_coord(x, y, 0, 0);
    PJ_COORD r = proj_trans(m_op.get(), PJ_FWD, c);
    if (!std::isfinite(r.xy.x) || !std::isfinite(r.xy.y) || r.xy.x == HUGE_VAL) return false;
    x = r.xy.x;
    y = r.xy.y;
    return true;
}

std::string crs_short_name(const ProjContext& ctx, const std::string& definition) {
    ProjPtr crs = create_crs(ctx, definition);
    return short_name(ctx, crs.get());
}

bool crs_is_geographic(const ProjContext& ctx, const std::string& definition) {
    // Remembered per thread as the operations are: the answer never changes, and asking costs a
    // database read in a fresh context on every proposal zoning serve reads.
    thread_local std::map<std::string, bool> known;
    if (auto it = known.find(definition); it != known.end()) return it->second;
    ProjPtr crs = create_crs(ctx, definition);
    PJ_TYPE t = proj_get_type(crs.get());
    const bool geographic = t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS || t == PJ_TYPE_GEOGRAPHIC_CRS;
    if (known.size() >= kMaxRemembered) known.clear();
    known.emplace(definition, geographic);
    return geographic;
}

std::string crs_name(const ProjContext& ctx, const std::string& definition) {
    ProjPtr crs = create_crs(ctx, definition);
    const char* name = proj_get_name(crs.get());
    return name ? name : "unnamed CRS";
}

namespace {
std::string wkt_of(const ProjContext& ctx, const PJ* crs) {
    const char* wkt = proj_as_wkt(ctx.handle(), crs, PJ_WKT2_2019, nullptr);
    if (!wkt) throw ProjError("cannot write the CRS as WKT: " + ctx.last_error());
    return wkt;
}
}  // namespace

std::string crs_wkt(const ProjContext& ctx, const std::string& definition) {
    ProjPtr crs = create_crs(ctx, definition);
    return wkt_of(ctx, crs.get());
}

std::string geodetic_crs_wkt(const ProjContext& ctx, const std::string& definition) {
    ProjPtr crs = create_crs(ctx, definition);
    ProjPtr geodetic(proj_crs_get_geodetic_crs(ctx.handle(), crs.get()));
    if (!geodetic) throw ProjError("the CRS '" + short_name(ctx, crs.get()) + "' has no geographic CRS: " + ctx.last_error());
    return wkt_of(ctx, geodetic.get());
}

bool AreaOfUse::contains(double lon, double lat) const {
    if (lat < south || lat > north) return false;
    return west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;
}

std::optional<AreaOfUse> crs_area_of_use(const ProjContext& ctx, const std::string& definition) {
    ProjPtr crs = create_crs(ctx, definition);
    AreaOfUse a;
    const char* name = nullptr;
    if (!proj_get_area_of_use(ctx.handle(), crs.get(), &a.west, &a.south, &a.east, &a.north, &name)) return std::nullopt;
    // PROJ says "unknown" with -1000 for each bound.
    if (a.west < -180 || a.south < -90) return std::nullopt;
    a.name = name ? name : "";
    return a;
}

std::optional<ArealScale> worst_areal_scale(const ProjContext& ctx, const std::string& definition,
                                            const std::vector<std::pair<double, double>>& lonlat) {
    ProjPtr crs = create_crs(ctx, definition);
    // PROJ 9.1's proj_factors gives nonsense on a CRS built from its EPSG code (the axis swaps and
    // unit conversion of its pipeline) but is right on the same projection as a PROJ string.
    const char* proj_string = proj_as_proj_string(ctx.handle(), crs.get(), PJ_PROJ_5, nullptr);
    if (!proj_string) return std::nullopt;
    ProjPtr projection(proj_create(ctx.handle(), proj_string));
    if (!projection) return std::nullopt;
    constexpr double rad = std::numbers::pi / 180.0;
    std::optional<ArealScale> worst;
    for (const auto& [lon, lat] : lonlat) {
        proj_errno_reset(projection.get());
        const PJ_FACTORS f = proj_factors(projection.get(), proj_coord(lon * rad, lat * rad, 0, 0));
        if (proj_errno(projection.get()) != 0 || !std::isfinite(f.areal_scale) || f.areal_scale <= 0) continue;
        if (!worst || std::fabs(f.areal_scale - 1) > std::fabs(worst->scale - 1)) worst = ArealScale{f.areal_scale, lon, lat};
    }
    proj_errno_reset(projection.get());
    return worst;
}

WorkCrsChoice choose_work_crs(const ProjContext& ctx, double lon, double lat) {
    char at[64];
    std::snprintf(at, sizeof at, "%.4f°%s %.4f°%s", std::fabs(lon), lon < 0 ? "W" : "E", std::fabs(lat), lat < 0 ? "S" : "N");
    const std::optional<AreaOfUse> china = crs_area_of_use(ctx, "EPSG:4490");
    if (china && china->contains(lon, lat)) {
        // EPSG:4534 is CM 75°E and each next code the next 3° zone, up to EPSG:4554 at 135°E.
        const long zone = std::lround(std::clamp((lon - 75.0) / 3.0, 0.0, 20.0));
        const std::string code = "EPSG:" + std::to_string(4534 + zone);
        return {code, std::string("the boundary's centroid (") + at + ") lies in the area of use of CGCS2000 (EPSG:4490), so " +
                          "the CGCS2000 3-degree Gauss-Kruger zone whose central meridian is nearest: " + code + " (CM " +
                          std::to_string(75 + 3 * zone) + "°E)"};
    }
    const int zone = std::clamp(static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1, 1, 60);
    const std::string code = "EPSG:" + std::to_string((lat >= 0 ? 32600 : 32700) + zone);
    return {code, std::string("the boundary's centroid (") + at + ") lies outside the area of use of CGCS2000 (EPSG:4490), so " +
                      "the WGS 84 UTM zone it is in: " + code + " (zone " + std::to_string(zone) + (lat >= 0 ? "N" : "S") + ")"};
}

CoordinateFit coordinate_fit(bool crs_geographic, double minx, double miny, double maxx, double maxy) {
    const bool looks_degrees = std::fabs(minx) <= 180 && std::fabs(maxx) <= 180 && std::fabs(miny) <= 90 && std::fabs(maxy) <= 90;
    if (crs_geographic && !looks_degrees) return CoordinateFit::metres_declared_lonlat;
    // A metric box within ±180/±90 can be real (a site near a false origin): only a small one is plainly degrees.
    if (!crs_geographic && looks_degrees && maxx - minx < 10 && maxy - miny < 10) return CoordinateFit::degrees_declared_metric;
    return CoordinateFit::plausible;
}

std::string coordinate_fit_text(CoordinateFit fit, double minx, double miny, double maxx, double maxy) {
    char box[160];
    std::snprintf(box, sizeof box, "(%.10g %.10g, %.10g %.10g)", minx, miny, maxx, maxy);
    return std::string("coordinates ") + box +
           (fit == CoordinateFit::metres_declared_lonlat ? " are plainly projected metres" : " are plainly lon/lat degrees");
}

}  // namespace zoning::geo
