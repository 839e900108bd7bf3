// SPDX-License-Identifier: MIT
#include "geo/geos.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace zoning::geo {

GeosContext::GeosContext() : m_handle(GEOS_init_r()) {
    if (!m_handle) throw GeosError("GEOS_init_r failed");
    GEOSContext_setErrorMessageHandler_r(m_handle, &GeosContext::on_error, this);
    // Notices (e.g. self-intersection diagnostics) are reported through
    // invalid_reason(); they would only add noise on stderr.
    GEOSContext_setNoticeMessageHandler_r(m_handle, nullptr, nullptr);
}

GeosContext::~GeosContext() { GEOS_finish_r(m_handle); }

void GeosContext::on_error(const char* message, void* self) {
    static_cast<GeosContext*>(self)->m_last_error = message ? message : "";
}

void GeosContext::raise(std::string_view op) const {
    std::string msg(op);
    msg += ": ";
    msg += m_last_error.empty() ? std::string("GEOS error") : m_last_error;
    throw GeosError(msg);
}

GeomPtr own(const GeosContext& ctx, GEOSGeometry* g, std::string_view op) {
    if (!g) ctx.raise(op);
    return GeomPtr(g, GeomDeleter{ctx.handle()});
}

// PreparedGeom ---------------------------------------------------------------

PreparedGeom::PreparedGeom(const GeosContext& ctx, GeomPtr base)
    : m_ctx(ctx), m_base(std::move(base)), m_prepared(GEOSPrepare_r(ctx.handle(), m_base.get())) {
    if (!m_prepared) ctx.raise("GEOSPrepare");
}

PreparedGeom::~PreparedGeom() { GEOSPreparedGeom_destroy_r(m_ctx.handle(), m_prepared); }

namespace {
bool predicate_result(const GeosContext& ctx, char r, std::string_view op) {
    if (r == 2) ctx.raise(op);
    return r == 1;
}
}  // namespace

bool PreparedGeom::intersects(const GEOSGeometry* g) const {
    return predicate_result(m_ctx, GEOSPreparedIntersects_r(m_ctx.handle(), m_prepared, g), "prepared intersects");
}
bool PreparedGeom::contains(const GEOSGeometry* g) const {
    return predicate_result(m_ctx, GEOSPreparedContains_r(m_ctx.handle(), m_prepared, g), "prepared contains");
}
bool PreparedGeom::contains_properly(const GEOSGeometry* g) const {
    return predicate_result(m_ctx, GEOSPreparedContainsProperly_r(m_ctx.handle(), m_prepared, g),
                            "prepared containsProperly");
}
bool PreparedGeom::covers(const GEOSGeometry* g) const {
    return predicate_result(m_ctx, GEOSPreparedCovers_r(m_ctx.handle(), m_prepared, g), "prepared covers");
}

double PreparedGeom::distance(const GEOSGeometry* g) const {
    double d = 0;
    if (!GEOSPreparedDistance_r(m_ctx.handle(), m_prepared, g, &d)) m_ctx.raise("prepared distance");
    return d;
}

// StrTree --------------------------------------------------------------------

StrTree::StrTree(const GeosContext& ctx, std::size_t node_capacity)
    : m_ctx(ctx), m_tree(GEOSSTRtree_create_r(ctx.handle(), node_capacity)) {
    if (!m_tree) ctx.raise("GEOSSTRtree_create");
}

StrTree::~StrTree() { GEOSSTRtree_destroy_r(m_ctx.handle(), m_tree); }

void StrTree::insert(const GEOSGeometry* g, std::size_t item) {
    // Items are indices stored in the pointer slot; GEOS never dereferences them.
    GEOSSTRtree_insert_r(m_ctx.handle(), m_tree, g, reinterpret_cast<void*>(item + 1));
    ++m_count;
}

namespace {
void collect_item(void* item, void* userdata) {
    static_cast<std::vector<std::size_t>*>(userdata)->push_back(reinterpret_cast<std::size_t>(item) - 1);
}
}  // namespace

void StrTree::build() {
    // GEOS 3.11 has no GEOSSTRtree_build; a query on an empty point builds the tree.
    GeomPtr probe = own(m_ctx, GEOSGeom_createEmptyPolygon_r(m_ctx.handle()), "empty polygon");
    std::vector<std::size_t> ignored;
    GEOSSTRtree_query_r(m_ctx.handle(), m_tree, probe.get(), &collect_item, &ignored);
}

std::vector<std::size_t> StrTree::query(const GEOSGeometry* g) const {
    std::vector<std::size_t> out;
    if (m_count == 0) return out;
    GEOSSTRtree_query_r(m_ctx.handle(), m_tree, g, &collect_item, &out);
    std::sort(out.begin(), out.end());
    return out;
}

// Free functions -------------------------------------------------------------

namespace {

/// The reader, writer and parameter handles the free functions use for one call: each
/// type has this one owner, destroyed through the context that made it.
template <class T, void (*Destroy)(GEOSContextHandle_t, T*)>
struct HandleDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(T* p) const noexcept {
        if (p) Destroy(ctx, p);
    }
};
template <class T, void (*Destroy)(GEOSContextHandle_t, T*)>
using Handle = std::unique_ptr<T, HandleDeleter<T, Destroy>>;

/// Takes a handle GEOS just made; NULL raises the context's error.
template <class H>
H make_handle(const GeosContext& ctx, typename H::pointer p, std::string_view op) {
    if (!p) ctx.raise(op);
    return H(p, typename H::deleter_type{ctx.handle()});
}

using WktReader = Handle<GEOSWKTReader, GEOSWKTReader_destroy_r>;
using WkbReader = Handle<GEOSWKBReader, GEOSWKBReader_destroy_r>;
using WktWriter = Handle<GEOSWKTWriter, GEOSWKTWriter_destroy_r>;
using WkbWriter = Handle<GEOSWKBWriter, GEOSWKBWriter_destroy_r>;
using GeoJsonWriter = Handle<GEOSGeoJSONWriter, GEOSGeoJSONWriter_destroy_r>;
using MakeValidParams = Handle<GEOSMakeValidParams, GEOSMakeValidParams_destroy_r>;
using CoordSeq = Handle<GEOSCoordSequence, GEOSCoordSeq_destroy_r>;

}  // namespace

GeomPtr from_wkt(const GeosContext& ctx, std::string_view wkt) {
    auto r = make_handle<WktReader>(ctx, GEOSWKTReader_create_r(ctx.handle()), "WKT reader");
    std::string text(wkt);
    return own(ctx, GEOSWKTReader_read_r(ctx.handle(), r.get(), text.c_str()), "WKT read");
}

GeomPtr from_wkb(const GeosContext& ctx, std::string_view wkb) {
    auto r = make_handle<WkbReader>(ctx, GEOSWKBReader_create_r(ctx.handle()), "WKB reader");
    return own(ctx, GEOSWKBReader_read_r(ctx.handle(), r.get(), reinterpret_cast<const unsigned char*>(wkb.data()), wkb.size()),
               "WKB read");
}

std::string to_wkb(const GeosContext& ctx, const GEOSGeometry* g) {
    auto w = make_handle<WkbWriter>(ctx, GEOSWKBWriter_create_r(ctx.handle()), "WKB writer");
    GEOSWKBWriter_setOutputDimension_r(ctx.handle(), w.get(), 2);
    GEOSWKBWriter_setByteOrder_r(ctx.handle(), w.get(), GEOS_WKB_NDR);
    GEOSWKBWriter_setFlavor_r(ctx.handle(), w.get(), GEOS_WKB_ISO);
    std::size_t size = 0;
    GeosString buf(ctx, reinterpret_cast<char*>(GEOSWKBWriter_write_r(ctx.handle(), w.get(), g, &size)));
    if (!buf.get()) ctx.raise("WKB write");
    return std::string(buf.get(), size);
}

std::string to_wkt(const GeosContext& ctx, const GEOSGeometry* g, int decimals) {
    auto w = make_handle<WktWriter>(ctx, GEOSWKTWriter_create_r(ctx.handle()), "WKT writer");
    GEOSWKTWriter_setRoundingPrecision_r(ctx.handle(), w.get(), decimals);
    GEOSWKTWriter_setTrim_r(ctx.handle(), w.get(), 1);
    return GeosString(ctx, GEOSWKTWriter_write_r(ctx.handle(), w.get(), g)).str();
}

GeomPtr clone(const GeosContext& ctx, const GEOSGeometry* g) { return own(ctx, GEOSGeom_clone_r(ctx.handle(), g), "clone"); }

double area(const GeosContext& ctx, const GEOSGeometry* g) {
    double a = 0;
    if (!GEOSArea_r(ctx.handle(), g, &a)) ctx.raise("area");
    return a;
}

double length(const GeosContext& ctx, const GEOSGeometry* g) {
    double l = 0;
    if (!GEOSLength_r(ctx.handle(), g, &l)) ctx.raise("length");
    return l;
}

Envelope envelope(const GeosContext& ctx, const GEOSGeometry* g) {
    Envelope e;
    if (!GEOSGeom_getExtent_r(ctx.handle(), g, &e.minx, &e.miny, &e.maxx, &e.maxy)) ctx.raise("extent");
    return e;
}

namespace {

/// Reads WKB numbers in the byte order its geometry header gives.
struct WkbBytes {
    const unsigned char* p;
    const unsigned char* end;
    bool little = true;

    bool order() {
        if (p == end || *p > 1) return false;
        little = *p++ == 1;
        return true;
    }
    template <class T>
    bool read(T& out) {
        if (static_cast<std::size_t>(end - p) < sizeof(T)) return false;
        unsigned char b[sizeof(T)];
        for (std::size_t i = 0; i < sizeof(T); ++i) b[i] = little ? p[i] : p[sizeof(T) - 1 - i];
        if constexpr (std::endian::native == std::endian::big) std::reverse(b, b + sizeof(T));
        std::memcpy(&out, b, sizeof(T));
        p += sizeof(T);
        return true;
    }
    /// A Polygon's rings (after its type), into `e`; `any` once a point is seen.
    bool polygon(Envelope& e, bool& any) {
        std::uint32_t rings = 0;
        if (!read(rings) || rings == 0) return false;
        for (std::uint32_t r = 0; r < rings; ++r) {
            std::uint32_t n = 0;
            // fewer than 4 points is no closed ring: GEOS decides what it is
            if (!read(n) || n < 4 || static_cast<std::size_t>(end - p) / 16 < n) return false;
            for (std::uint32_t i = 0; i < n; ++i) {
                double x = 0, y = 0;
                read(x);
                read(y);
                if (!std::isfinite(x) || !std::isfinite(y)) return false;
                if (!any) e = Envelope{x, y, x, y};
                any = true;
                e.minx = std::min(e.minx, x), e.maxx = std::max(e.maxx, x);
                e.miny = std::min(e.miny, y), e.maxy = std::max(e.maxy, y);
            }
        }
        return true;
    }
};

}  // namespace

std::optional<Envelope> wkb_envelope(std::string_view wkb) {
    WkbBytes in{reinterpret_cast<const unsigned char*>(wkb.data()), reinterpret_cast<const unsigned char*>(wkb.data()) + wkb.size()};
    std::uint32_t type = 0;
    if (!in.order() || !in.read(type)) return std::nullopt;
    Envelope e;
    bool any = false;
    if (type == 3) {
        if (!in.polygon(e, any)) return std::nullopt;
    } else if (type == 6) {
        std::uint32_t parts = 0;
        if (!in.read(parts)) return std::nullopt;
        for (std::uint32_t k = 0; k < parts; ++k) {
            std::uint32_t part_type = 0;
            if (!in.order() || !in.read(part_type) || part_type != 3 || !in.polygon(e, any)) return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    if (!any || in.p != in.end) return std::nullopt;  // empty, or bytes after the geometry
    return e;
}

bool is_empty(const GeosContext& ctx, const GEOSGeometry* g) {
    return predicate_result(ctx, GEOSisEmpty_r(ctx.handle(), g), "isEmpty");
}

std::string invalid_reason(const GeosContext& ctx, const GEOSGeometry* g) {
    char* raw_reason = nullptr;
    GEOSGeometry* raw_location = nullptr;
    char r = GEOSisValidDetail_r(ctx.handle(), g, 0, &raw_reason, &raw_location);
    GeosString reason(ctx, raw_reason);
    GeomPtr location(raw_location, GeomDeleter{ctx.handle()});
    if (r == 2) ctx.raise("isValidDetail");
    if (r != 0) return {};
    std::string out = reason.get() ? reason.str() : "invalid";
    if (location) {
        XY p = point_xy(ctx, location.get());
        char buf[96];
        std::snprintf(buf, sizeof buf, " at (%.3f %.3f)", p.x, p.y);
        out += buf;
    }
    return out;
}

GeomPtr make_valid(const GeosContext& ctx, const GEOSGeometry* g) {
    // The "structure" method keeps the area a planner drew (a bow-tie becomes its
    // two triangles) rather than the linework method's holes for overlaps.
    auto p = make_handle<MakeValidParams>(ctx, GEOSMakeValidParams_create_r(ctx.handle()), "MakeValid parameters");
    GEOSMakeValidParams_setMethod_r(ctx.handle(), p.get(), GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(ctx.handle(), p.get(), 0);
    return own(ctx, GEOSMakeValidWithParams_r(ctx.handle(), g, p.get()), "MakeValid");
}

int type_id(const GeosContext& ctx, const GEOSGeometry* g) {
    int t = GEOSGeomTypeId_r(ctx.handle(), g);
    if (t < 0) ctx.raise("GeomTypeId");
    return t;
}

std::string type_name(const GeosContext& ctx, const GEOSGeometry* g) {
    GeosString s(ctx, GEOSGeomType_r(ctx.handle(), g));
    return s.str();
}

int num_geometries(const GeosContext& ctx, const GEOSGeometry* g) {
    int n = GEOSGetNumGeometries_r(ctx.handle(), g);
    if (n < 0) ctx.raise("GetNumGeometries");
    return n;
}

const GEOSGeometry* geometry_n(const GeosContext& ctx, const GEOSGeometry* g, int n) {
    const GEOSGeometry* part = GEOSGetGeometryN_r(ctx.handle(), g, n);
    if (!part) ctx.raise("GetGeometryN");
    return part;
}

GeomPtr intersection(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b) {
    return own(ctx, GEOSIntersection_r(ctx.handle(), a, b), "intersection");
}
GeomPtr difference(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b) {
    return own(ctx, GEOSDifference_r(ctx.handle(), a, b), "difference");
}
GeomPtr unary_union(const GeosContext& ctx, const GEOSGeometry* g) {
    return own(ctx, GEOSUnaryUnion_r(ctx.handle(), g), "union");
}
GeomPtr coverage_union(const GeosContext& ctx, const GEOSGeometry* g) {
    return own(ctx, GEOSCoverageUnion_r(ctx.handle(), g), "coverage union");
}
GeomPtr buffer(const GeosContext& ctx, const GEOSGeometry* g, double width, int quadsegs) {
    return own(ctx, GEOSBuffer_r(ctx.handle(), g, width, quadsegs), "buffer");
}
GeomPtr buffer_flat_ends(const GeosContext& ctx, const GEOSGeometry* g, double width, int quadsegs) {
    return own(ctx, GEOSBufferWithStyle_r(ctx.handle(), g, width, quadsegs, GEOSBUF_CAP_FLAT, GEOSBUF_JOIN_ROUND, 5.0), "buffer (flat ends)");
}
GeomPtr point_on_surface(const GeosContext& ctx, const GEOSGeometry* g) {
    return own(ctx, GEOSPointOnSurface_r(ctx.handle(), g), "pointOnSurface");
}
GeomPtr centroid(const GeosContext& ctx, const GEOSGeometry* g) {
    return own(ctx, GEOSGetCentroid_r(ctx.handle(), g), "centroid");
}
double distance(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b) {
    double d = 0;
    if (!GEOSDistance_r(ctx.handle(), a, b, &d)) ctx.raise("distance");
    return d;
}
bool intersects(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b) {
    return predicate_result(ctx, GEOSIntersects_r(ctx.handle(), a, b), "intersects");
}

GeomPtr collect(const GeosContext& ctx, int type, std::vector<GeomPtr> parts) {
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (auto& p : parts) raw.push_back(p.get());
    // The collection owns the parts only once made: until then `parts` does.
    GeomPtr c = own(ctx, GEOSGeom_createCollection_r(ctx.handle(), type, raw.data(), static_cast<unsigned>(raw.size())), "createCollection");
    for (auto& p : parts) p.release();
    return c;
}

namespace {
void gather_dimension(const GeosContext& ctx, const GEOSGeometry* g, int dim, std::vector<GeomPtr>& out) {
    int t = type_id(ctx, g);
    if (t == GEOS_GEOMETRYCOLLECTION || t == GEOS_MULTIPOLYGON || t == GEOS_MULTILINESTRING || t == GEOS_MULTIPOINT) {
        int n = num_geometries(ctx, g);
        for (int i = 0; i < n; ++i) gather_dimension(ctx, geometry_n(ctx, g, i), dim, out);
        return;
    }
    bool keep = (dim == 2 && t == GEOS_POLYGON) || (dim == 1 && (t == GEOS_LINESTRING || t == GEOS_LINEARRING)) ||
                (dim == 0 && t == GEOS_POINT);
    if (keep && !is_empty(ctx, g)) out.push_back(clone(ctx, g));
}
}  // namespace

GeomPtr extract_dimension(const GeosContext& ctx, const GEOSGeometry* g, int dim) {
    std::vector<GeomPtr> parts;
    gather_dimension(ctx, g, dim, parts);
    int multi = dim == 2 ? GEOS_MULTIPOLYGON : dim == 1 ? GEOS_MULTILINESTRING : GEOS_MULTIPOINT;
    return collect(ctx, multi, std::move(parts));
}

std::string location_text(const GeosContext& ctx, const GEOSGeometry* g) {
    if (is_empty(ctx, g)) return "(empty)";
    XY p = point_xy(ctx, point_on_surface(ctx, g).get());
    char buf[96];
    std::snprintf(buf, sizeof buf, "(%.1f %.1f)", p.x, p.y);
    return buf;
}

namespace {
void append_sequence(const GeosContext& ctx, const GEOSGeometry* line, std::vector<std::vector<XY>>& out) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.handle(), line);
    if (!seq) ctx.raise("getCoordSeq");
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(ctx.handle(), seq, &n);
    std::vector<XY> pts(n);
    for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(ctx.handle(), seq, i, &pts[i].x, &pts[i].y);
    out.push_back(std::move(pts));
}
void gather_paths(const GeosContext& ctx, const GEOSGeometry* g, std::vector<std::vector<XY>>& out) {
    switch (type_id(ctx, g)) {
        case GEOS_POLYGON: {
            append_sequence(ctx, GEOSGetExteriorRing_r(ctx.handle(), g), out);
            int holes = GEOSGetNumInteriorRings_r(ctx.handle(), g);
            for (int i = 0; i < holes; ++i) append_sequence(ctx, GEOSGetInteriorRingN_r(ctx.handle(), g, i), out);
            break;
        }
        case GEOS_LINESTRING:
        case GEOS_LINEARRING: append_sequence(ctx, g, out); break;
        case GEOS_POINT: break;
        default: {
            int n = num_geometries(ctx, g);
            for (int i = 0; i < n; ++i) gather_paths(ctx, geometry_n(ctx, g, i), out);
        }
    }
}
}  // namespace

std::vector<std::vector<XY>> paths(const GeosContext& ctx, const GEOSGeometry* g) {
    std::vector<std::vector<XY>> out;
    if (!is_empty(ctx, g)) gather_paths(ctx, g, out);
    return out;
}

GeomPtr simplify(const GeosContext& ctx, const GEOSGeometry* g, double tolerance) {
    return own(ctx, GEOSTopologyPreserveSimplify_r(ctx.handle(), g, tolerance), "simplify");
}

namespace {
struct TransformState {
    const XYFunction* fn;
    bool aborted = false;
};
int transform_callback(double* x, double* y, void* userdata) {
    auto* st = static_cast<TransformState*>(userdata);
    if (!(*st->fn)(*x, *y)) {
        st->aborted = true;
        return 0;
    }
    return 1;
}
}  // namespace

GeomPtr transform_xy(const GeosContext& ctx, const GEOSGeometry* g, const XYFunction& fn, bool& aborted) {
    TransformState st{&fn};
    GEOSGeometry* out = GEOSGeom_transformXY_r(ctx.handle(), g, &transform_callback, &st);
    aborted = st.aborted;
    if (!out) {
        if (aborted) return GeomPtr(nullptr, GeomDeleter{ctx.handle()});
        ctx.raise("transformXY");
    }
    return GeomPtr(out, GeomDeleter{ctx.handle()});
}

XY point_xy(const GeosContext& ctx, const GEOSGeometry* point) {
    XY p{0, 0};
    if (!GEOSGeomGetX_r(ctx.handle(), point, &p.x) || !GEOSGeomGetY_r(ctx.handle(), point, &p.y)) ctx.raise("point coordinates");
    return p;
}

std::pair<XY, XY> PreparedGeom::nearest_points(const GEOSGeometry* g) const {
    auto seq = make_handle<CoordSeq>(m_ctx, GEOSPreparedNearestPoints_r(m_ctx.handle(), m_prepared, g), "prepared nearest points");
    std::pair<XY, XY> out{{0, 0}, {0, 0}};
    if (!GEOSCoordSeq_getXY_r(m_ctx.handle(), seq.get(), 0, &out.first.x, &out.first.y) ||
        !GEOSCoordSeq_getXY_r(m_ctx.handle(), seq.get(), 1, &out.second.x, &out.second.y))
        m_ctx.raise("prepared nearest points");
    return out;
}

GeomPtr set_precision(const GeosContext& ctx, const GEOSGeometry* g, double grid_size) {
    return own(ctx, GEOSGeom_setPrecision_r(ctx.handle(), g, grid_size, 0), "setPrecision");
}

std::string to_geojson(const GeosContext& ctx, const GEOSGeometry* g) {
    auto w = make_handle<GeoJsonWriter>(ctx, GEOSGeoJSONWriter_create_r(ctx.handle()), "GeoJSON writer");
    GeosString text(ctx, GEOSGeoJSONWriter_writeGeometry_r(ctx.handle(), w.get(), g, -1));
    std::string out = text.str();
    if (out.empty()) ctx.raise("GeoJSON writer");
    return out;
}

}  // namespace zoning::geo
