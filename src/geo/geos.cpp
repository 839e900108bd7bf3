// SPDX-License-Identifier: MIT
#include "geo/geos.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

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

GeomPtr from_wkt(const GeosContext& ctx, std::string_view wkt) {
    GEOSWKTReader* r = GEOSWKTReader_create_r(ctx.handle());
    std::string text(wkt);
    GEOSGeometry* g = GEOSWKTReader_read_r(ctx.handle(), r, text.c_str());
    GEOSWKTReader_destroy_r(ctx.handle(), r);
    return own(ctx, g, "WKT read");
}

GeomPtr from_wkb(const GeosContext& ctx, std::string_view wkb) {
    GEOSWKBReader* r = GEOSWKBReader_create_r(ctx.handle());
    GEOSGeometry* g = GEOSWKBReader_read_r(ctx.handle(), r, reinterpret_cast<const unsigned char*>(wkb.data()),
                                           wkb.size());
    GEOSWKBReader_destroy_r(ctx.handle(), r);
    return own(ctx, g, "WKB read");
}

std::string to_wkb(const GeosContext& ctx, const GEOSGeometry* g) {
    GEOSWKBWriter* w = GEOSWKBWriter_create_r(ctx.handle());
    GEOSWKBWriter_setOutputDimension_r(ctx.handle(), w, 2);
    GEOSWKBWriter_setByteOrder_r(ctx.handle(), w, GEOS_WKB_NDR);
    GEOSWKBWriter_setFlavor_r(ctx.handle(), w, GEOS_WKB_ISO);
    std::size_t size = 0;
    unsigned char* buf = GEOSWKBWriter_write_r(ctx.handle(), w, g, &size);
    GEOSWKBWriter_destroy_r(ctx.handle(), w);
    if (!buf) ctx.raise("WKB write");
    std::string out(reinterpret_cast<char*>(buf), size);
    GEOSFree_r(ctx.handle(), buf);
    return out;
}

std::string to_wkt(const GeosContext& ctx, const GEOSGeometry* g, int decimals) {
    GEOSWKTWriter* w = GEOSWKTWriter_create_r(ctx.handle());
    GEOSWKTWriter_setRoundingPrecision_r(ctx.handle(), w, decimals);
    GEOSWKTWriter_setTrim_r(ctx.handle(), w, 1);
    GeosString s(ctx, GEOSWKTWriter_write_r(ctx.handle(), w, g));
    GEOSWKTWriter_destroy_r(ctx.handle(), w);
    return s.str();
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

bool is_empty(const GeosContext& ctx, const GEOSGeometry* g) {
    return predicate_result(ctx, GEOSisEmpty_r(ctx.handle(), g), "isEmpty");
}

std::string invalid_reason(const GeosContext& ctx, const GEOSGeometry* g) {
    char* reason = nullptr;
    GEOSGeometry* location = nullptr;
    char r = GEOSisValidDetail_r(ctx.handle(), g, 0, &reason, &location);
    if (r == 2) ctx.raise("isValidDetail");
    std::string out;
    if (r == 0) {
        out = reason ? reason : "invalid";
        if (location) {
            double x = 0, y = 0;
            GEOSGeomGetX_r(ctx.handle(), location, &x);
            GEOSGeomGetY_r(ctx.handle(), location, &y);
            char buf[96];
            std::snprintf(buf, sizeof buf, " at (%.3f %.3f)", x, y);
            out += buf;
        }
    }
    if (reason) GEOSFree_r(ctx.handle(), reason);
    if (location) GEOSGeom_destroy_r(ctx.handle(), location);
    return out;
}

GeomPtr make_valid(const GeosContext& ctx, const GEOSGeometry* g) {
    // The "structure" method keeps the area a planner drew (a bow-tie becomes its
    // two triangles) rather than the linework method's holes for overlaps.
    GEOSMakeValidParams* p = GEOSMakeValidParams_create_r(ctx.handle());
    GEOSMakeValidParams_setMethod_r(ctx.handle(), p, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(ctx.handle(), p, 0);
    GEOSGeometry* out = GEOSMakeValidWithParams_r(ctx.handle(), g, p);
    GEOSMakeValidParams_destroy_r(ctx.handle(), p);
    return own(ctx, out, "MakeValid");
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
GeomPtr buffer(const GeosContext& ctx, const GEOSGeometry* g, double width, int quadsegs) {
    return own(ctx, GEOSBuffer_r(ctx.handle(), g, width, quadsegs), "buffer");
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
    for (auto& p : parts) raw.push_back(p.release());
    GEOSGeometry* c = GEOSGeom_createCollection_r(ctx.handle(), type, raw.data(), static_cast<unsigned>(raw.size()));
    if (!c) {
        for (auto* p : raw) GEOSGeom_destroy_r(ctx.handle(), p);
        ctx.raise("createCollection");
    }
    return GeomPtr(c, GeomDeleter{ctx.handle()});
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
    GeomPtr p = point_on_surface(ctx, g);
    double x = 0, y = 0;
    GEOSGeomGetX_r(ctx.handle(), p.get(), &x);
    GEOSGeomGetY_r(ctx.handle(), p.get(), &y);
    char buf[96];
    std::snprintf(buf, sizeof buf, "(%.1f %.1f)", x, y);
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

GeomPtr set_precision(const GeosContext& ctx, const GEOSGeometry* g, double grid_size) {
    return own(ctx, GEOSGeom_setPrecision_r(ctx.handle(), g, grid_size, 0), "setPrecision");
}

std::string to_geojson(const GeosContext& ctx, const GEOSGeometry* g) {
    struct WriterDeleter {
        GEOSContextHandle_t h;
        void operator()(GEOSGeoJSONWriter* w) const noexcept { GEOSGeoJSONWriter_destroy_r(h, w); }
    };
    std::unique_ptr<GEOSGeoJSONWriter, WriterDeleter> w(GEOSGeoJSONWriter_create_r(ctx.handle()), WriterDeleter{ctx.handle()});
    if (!w) ctx.raise("GeoJSON writer");
    GeosString text(ctx, GEOSGeoJSONWriter_writeGeometry_r(ctx.handle(), w.get(), g, -1));
    std::string out = text.str();
    if (out.empty()) ctx.raise("GeoJSON writer");
    return out;
}

}  // namespace zoning::geo
