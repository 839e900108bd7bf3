// SPDX-License-Identifier: MIT
#pragma once
// RAII over the GEOS reentrant C API. Thread rule: one GeosContext per thread;
// every geometry is created and destroyed through the context of the thread that
// owns it, and a context is never handed to another thread. Geometries cross
// threads only as WKB bytes (see core::Feature).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#ifndef GEOS_USE_ONLY_R_API
#define GEOS_USE_ONLY_R_API
#endif
#include <geos_c.h>

namespace zoning::geo {

/// Thrown when GEOS reports a failure; carries GEOS's own message.
class GeosError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Owns one GEOSContextHandle_t. Not copyable or movable: the error handler keeps a
/// pointer to this object.
class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GEOSContextHandle_t handle() const noexcept { return m_handle; }
    /// Throws GeosError "<op>: <last GEOS message>".
    [[noreturn]] void raise(std::string_view op) const;
    const std::string& last_error() const noexcept { return m_last_error; }

private:
    static void on_error(const char* message, void* self);
    GEOSContextHandle_t m_handle;
    std::string m_last_error;
};

struct GeomDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSGeometry* g) const noexcept { if (g) GEOSGeom_destroy_r(ctx, g); }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

/// Takes ownership of a GEOS result; a NULL result raises the context's error.
GeomPtr own(const GeosContext& ctx, GEOSGeometry* g, std::string_view op);

/// A prepared geometry together with the base it was prepared from. The base is
/// declared first so the prepared one is destroyed first, as geos_c.h asks.
/// PreparedGeometry builds lazy caches: use from the owning thread only.
struct XY {
    double x, y;
};

class PreparedGeom {
public:
    PreparedGeom(const GeosContext& ctx, GeomPtr base);
    ~PreparedGeom();
    PreparedGeom(const PreparedGeom&) = delete;
    PreparedGeom& operator=(const PreparedGeom&) = delete;

    const GEOSGeometry* base() const noexcept { return m_base.get(); }
    bool intersects(const GEOSGeometry* g) const;
    bool contains(const GEOSGeometry* g) const;
    bool contains_properly(const GEOSGeometry* g) const;
    bool covers(const GEOSGeometry* g) const;
    /// Distance to g, through the prepared geometry's facet index (built once, reused for every g).
    double distance(const GEOSGeometry* g) const;
    /// The nearest point of this geometry to g and of g to it, in that order.
    std::pair<XY, XY> nearest_points(const GEOSGeometry* g) const;

private:
    const GeosContext& m_ctx;
    GeomPtr m_base;
    const GEOSPreparedGeometry* m_prepared;
};

/// Packed R-tree of item indices. Owns neither geometries nor items. GEOS builds
/// the tree on the first query; `build()` forces that on the calling thread, after
/// which no more items can be inserted.
class StrTree {
public:
    explicit StrTree(const GeosContext& ctx, std::size_t node_capacity = 10);
    ~StrTree();
    StrTree(const StrTree&) = delete;
    StrTree& operator=(const StrTree&) = delete;

    /// `g` must outlive the tree (GEOS keeps only its envelope, but the pointer is used as key).
    void insert(const GEOSGeometry* g, std::size_t item);
    void build();
    /// Item indices whose envelopes intersect `g`'s envelope, in ascending order.
    std::vector<std::size_t> query(const GEOSGeometry* g) const;
    std::size_t size() const noexcept { return m_count; }

private:
    const GeosContext& m_ctx;
    GEOSSTRtree* m_tree;
    std::size_t m_count = 0;
};

/// Frees GEOS-allocated text or bytes (WKT, WKB, validity reasons) with GEOSFree_r.
class GeosString {
public:
    GeosString(const GeosContext& ctx, char* s) : m_ctx(ctx), m_s(s) {}
    ~GeosString() { if (m_s) GEOSFree_r(m_ctx.handle(), m_s); }
    GeosString(const GeosString&) = delete;
    GeosString& operator=(const GeosString&) = delete;
    std::string str() const { return m_s ? std::string(m_s) : std::string(); }
    const char* get() const noexcept { return m_s; }

private:
    const GeosContext& m_ctx;
    char* m_s;
};

struct Envelope {
    double minx = 0, miny = 0, maxx = 0, maxy = 0;
    bool intersects(const Envelope& o) const {
        return !(o.minx > maxx || o.maxx < minx || o.miny > maxy || o.maxy < miny);
    }
};

/// The box of a 2D WKB Polygon or MultiPolygon read off its bytes, with no geometry made: every
/// ring's points (GEOS's box is the shell's, so this one holds it). Nothing for another type, Z or M,
/// an empty geometry or part, a ring of fewer than 4 points, a coordinate that is not finite, or bytes
/// that end early or go on after it: the caller parses those. For a scan that
/// skips the features far from a few others before parsing them (a million parcels, two subjects).
std::optional<Envelope> wkb_envelope(std::string_view wkb);


// Free functions: each takes the context of the calling thread.
GeomPtr from_wkt(const GeosContext& ctx, std::string_view wkt);
GeomPtr from_wkb(const GeosContext& ctx, std::string_view wkb);
std::string to_wkb(const GeosContext& ctx, const GEOSGeometry* g);   // 2D, little-endian ISO WKB
std::string to_wkt(const GeosContext& ctx, const GEOSGeometry* g, int decimals = 3);
GeomPtr clone(const GeosContext& ctx, const GEOSGeometry* g);

double area(const GeosContext& ctx, const GEOSGeometry* g);
double length(const GeosContext& ctx, const GEOSGeometry* g);
Envelope envelope(const GeosContext& ctx, const GEOSGeometry* g);
bool is_empty(const GeosContext& ctx, const GEOSGeometry* g);
/// Empty string when valid, else GEOS's reason with its location.
std::string invalid_reason(const GeosContext& ctx, const GEOSGeometry* g);
GeomPtr make_valid(const GeosContext& ctx, const GEOSGeometry* g);
int type_id(const GeosContext& ctx, const GEOSGeometry* g);
std::string type_name(const GeosContext& ctx, const GEOSGeometry* g);
int num_geometries(const GeosContext& ctx, const GEOSGeometry* g);
const GEOSGeometry* geometry_n(const GeosContext& ctx, const GEOSGeometry* g, int n);

GeomPtr intersection(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b);
GeomPtr difference(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b);
GeomPtr unary_union(const GeosContext& ctx, const GEOSGeometry* g);
/// GEOSCoverageUnion: the union of polygons that form a coverage (no overlaps, neighbours sharing
/// exactly the same vertices along common edges), by dropping the edges met twice. Much faster
/// than unary_union, but it trusts its input: on anything else it throws or returns a wrong
/// (often invalid) result, so the caller must check either the input or the output.
GeomPtr coverage_union(const GeosContext& ctx, const GEOSGeometry* g);
GeomPtr buffer(const GeosContext& ctx, const GEOSGeometry* g, double width, int quadsegs = 8);
/// A buffer whose line ends are cut square at the end points (a road's red-line strip ends where the road does).
GeomPtr buffer_flat_ends(const GeosContext& ctx, const GEOSGeometry* g, double width, int quadsegs = 8);
GeomPtr point_on_surface(const GeosContext& ctx, const GEOSGeometry* g);
GeomPtr centroid(const GeosContext& ctx, const GEOSGeometry* g);
double distance(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b);
bool intersects(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b);
/// A collection of owned parts (consumed).
GeomPtr collect(const GeosContext& ctx, int type_id, std::vector<GeomPtr> parts);
/// Keeps only the polygonal (dim 2) or lineal (dim 1) parts of `g`, as a Multi* geometry.
GeomPtr extract_dimension(const GeosContext& ctx, const GEOSGeometry* g, int dim);
/// Coordinates of a point geometry.
XY point_xy(const GeosContext& ctx, const GEOSGeometry* point);
/// Snapped to a grid of `grid_size` (same units as the coordinates), topology kept.
GeomPtr set_precision(const GeosContext& ctx, const GEOSGeometry* g, double grid_size);
/// RFC 7946 geometry object text (coordinates as they are: transform first).
std::string to_geojson(const GeosContext& ctx, const GEOSGeometry* g);
/// First coordinate of the geometry's representative point, for messages.
std::string location_text(const GeosContext& ctx, const GEOSGeometry* g);

/// Every ring (polygons) or line (lineal) of g as point lists, for drawing.
std::vector<std::vector<XY>> paths(const GeosContext& ctx, const GEOSGeometry* g);
/// Douglas-Peucker that keeps topology, for drawing at a coarser scale.
GeomPtr simplify(const GeosContext& ctx, const GEOSGeometry* g, double tolerance);

/// Applies `fn(x, y)` to every coordinate; `fn` returns false to abort (then the
/// function returns nullptr and `aborted` is set).
using XYFunction = std::function<bool(double& x, double& y)>;
GeomPtr transform_xy(const GeosContext& ctx, const GEOSGeometry* g, const XYFunction& fn, bool& aborted);

}  // namespace zoning::geo
