// SPDX-License-Identifier: MIT
#include "analysis/frame_index.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace zoning::analysis {

FrameIndex::FrameIndex(const geo::GeosContext& ctx, const std::vector<std::string_view>& wkbs) {
    for (auto w : wkbs) m_prepared.push_back(std::make_unique<geo::PreparedGeom>(ctx, geo::from_wkb(ctx, w)));
    m_tree = std::make_unique<geo::StrTree>(ctx);
    for (std::size_t k = 0; k < m_prepared.size(); ++k) m_tree->insert(m_prepared[k]->base(), k);
    if (!m_prepared.empty()) m_tree->build();
}

FrameIndex::FrameIndex(const geo::GeosContext& ctx, const core::Layer* layer)
    : FrameIndex(ctx, layer ? wkbs_of(*layer) : std::vector<std::string_view>{}) {}

FrameIndex::FrameIndex(const geo::GeosContext& ctx, const core::Layer& layer, const std::vector<std::size_t>& features)
    : FrameIndex(ctx, wkbs_of(layer, features)) {}

FrameIndex::~FrameIndex() {
    m_tree.reset();
    m_tiles.clear();
    m_prepared.clear();
}

namespace {

std::size_t vertex_count(const geo::GeosContext& ctx, const GEOSGeometry* g) {
    std::size_t n = 0;
    for (const auto& ring : geo::paths(ctx, g)) n += ring.size();
    return n;
}

geo::GeomPtr box_polygon(const geo::GeosContext& ctx, const geo::Envelope& b) {
    char wkt[256];
    std::snprintf(wkt, sizeof wkt, "POLYGON((%.17g %.17g,%.17g %.17g,%.17g %.17g,%.17g %.17g,%.17g %.17g))", b.minx, b.miny, b.maxx, b.miny, b.maxx,
                  b.maxy, b.minx, b.maxy, b.minx, b.miny);
    return geo::from_wkt(ctx, wkt);
}

/// piece (inside `box`) cut in halves of the box's longer side until each has at most `max` vertices.
void split(const geo::GeosContext& ctx, geo::GeomPtr piece, const geo::Envelope& box, std::size_t max, int depth, std::vector<geo::Envelope>& boxes,
           std::vector<geo::GeomPtr>& out) {
    if (geo::is_empty(ctx, piece.get())) return;
    if (depth == 0 || vertex_count(ctx, piece.get()) <= max) {
        boxes.push_back(geo::envelope(ctx, piece.get()));
        out.push_back(std::move(piece));
        return;
    }
    geo::Envelope a = box, b = box;
    if (box.maxx - box.minx >= box.maxy - box.miny)
        a.maxx = b.minx = (box.minx + box.maxx) / 2;
    else
        a.maxy = b.miny = (box.miny + box.maxy) / 2;
    for (const geo::Envelope& half : {a, b})
        split(ctx, geo::extract_dimension(ctx, geo::intersection(ctx, piece.get(), box_polygon(ctx, half).get()).get(), 2), half, max, depth - 1,
              boxes, out);
}

constexpr int kGridCells = 256;  // per side: cells of ~30 m in a 7.5 km zone

FrameIndex::InteriorGrid interior_grid(const geo::GeosContext& ctx, const geo::PreparedGeom& item) {
    FrameIndex::InteriorGrid grid;
    const geo::Envelope e = geo::envelope(ctx, item.base());
    grid.cell = std::max(e.maxx - e.minx, e.maxy - e.miny) / kGridCells;
    if (!(grid.cell > 0)) return grid;
    grid.x0 = e.minx;
    grid.y0 = e.miny;
    grid.nx = static_cast<int>((e.maxx - e.minx) / grid.cell) + 1;
    grid.ny = static_cast<int>((e.maxy - e.miny) / grid.cell) + 1;
    // 0 unknown, 1 inside, 2 edge, 3 outside. Every cell a segment's box meets, and one more each
    // side, is an edge cell: the rest lie wholly on one side, in regions the edges enclose.
    std::vector<unsigned char> state(static_cast<std::size_t>(grid.nx) * grid.ny, 0);
    auto col = [&](double x) { return std::clamp(static_cast<int>(std::floor((x - grid.x0) / grid.cell)), 0, grid.nx - 1); };
    auto row = [&](double y) { return std::clamp(static_cast<int>(std::floor((y - grid.y0) / grid.cell)), 0, grid.ny - 1); };
    auto mark = [&](double ax, double ay, double bx, double by) {
        for (int r = std::max(row(std::min(ay, by)) - 1, 0); r <= std::min(row(std::max(ay, by)) + 1, grid.ny - 1); ++r)
            for (int c = std::max(col(std::min(ax, bx)) - 1, 0); c <= std::min(col(std::max(ax, bx)) + 1, grid.nx - 1); ++c)
                state[static_cast<std::size_t>(r) * grid.nx + c] = 2;
    };
    for (const auto& ring : geo::paths(ctx, item.base()))
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const geo::XY a = ring[i], b = ring[i + 1];
            // long segments in steps of half a cell, so a diagonal marks a band, not its whole box
            const int steps = std::max(1, static_cast<int>(std::hypot(b.x - a.x, b.y - a.y) / (grid.cell / 2)) + 1);
            for (int s = 0; s < steps; ++s) {
                const double t0 = static_cast<double>(s) / steps, t1 = static_cast<double>(s + 1) / steps;
                mark(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0, a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1);
            }
        }
    // Each region of unmarked cells is inside or outside as a whole: its first cell's centre says which.
    std::vector<std::size_t> stack;
    for (std::size_t start = 0; start < state.size(); ++start) {
        if (state[start] != 0) continue;
        const double cx = grid.x0 + (static_cast<double>(start % grid.nx) + 0.5) * grid.cell;
        const double cy = grid.y0 + (static_cast<double>(start / grid.nx) + 0.5) * grid.cell;
        char wkt[96];
        std::snprintf(wkt, sizeof wkt, "POINT(%.17g %.17g)", cx, cy);
        const unsigned char side = item.contains_properly(geo::from_wkt(ctx, wkt).get()) ? 1 : 3;
        stack.push_back(start);
        state[start] = side;
        while (!stack.empty()) {
            const std::size_t i = stack.back();
            stack.pop_back();
            const int r = static_cast<int>(i / grid.nx), c = static_cast<int>(i % grid.nx);
            const int nr[4] = {r - 1, r + 1, r, r}, nc[4] = {c, c, c - 1, c + 1};
            for (int n = 0; n < 4; ++n) {
                if (nr[n] < 0 || nr[n] >= grid.ny || nc[n] < 0 || nc[n] >= grid.nx) continue;
                const std::size_t j = static_cast<std::size_t>(nr[n]) * grid.nx + nc[n];
                if (state[j] != 0) continue;
                state[j] = side;
                stack.push_back(j);
            }
        }
    }
    grid.inside.resize(state.size());
    for (std::size_t i = 0; i < state.size(); ++i) grid.inside[i] = state[i] == 1;
    return grid;
}

}  // namespace

bool FrameIndex::InteriorGrid::covers(const geo::Envelope& b) const {
    if (nx == 0 || b.minx < x0 || b.miny < y0) return false;
    const double c0 = (b.minx - x0) / cell, c1 = (b.maxx - x0) / cell, r0 = (b.miny - y0) / cell, r1 = (b.maxy - y0) / cell;
    if (c1 >= nx || r1 >= ny) return false;
    for (int r = static_cast<int>(r0); r <= static_cast<int>(r1); ++r)
        for (int c = static_cast<int>(c0); c <= static_cast<int>(c1); ++c)
            if (!inside[static_cast<std::size_t>(r) * nx + c]) return false;
    return true;
}

void FrameIndex::tile(const geo::GeosContext& ctx, std::size_t max_vertices) {
    m_tiles.clear();
    m_tiles.resize(m_prepared.size());
    m_grids.clear();
    for (std::size_t k = 0; k < m_prepared.size(); ++k) {
        m_grids.push_back(interior_grid(ctx, *m_prepared[k]));
        const GEOSGeometry* g = m_prepared[k]->base();
        if (vertex_count(ctx, g) <= max_vertices) continue;
        std::vector<geo::Envelope> boxes;
        std::vector<geo::GeomPtr> pieces;
        try {
            split(ctx, geo::clone(ctx, g), geo::envelope(ctx, g), max_vertices, 16, boxes, pieces);
        } catch (const geo::GeosError&) {
            continue;  // an item GEOS cannot cut is intersected whole, as untiled ones are
        }
        for (std::size_t t = 0; t < pieces.size(); ++t) m_tiles[k].push_back(Tile{boxes[t], std::move(pieces[t])});
    }
}

std::optional<double> FrameIndex::part_area(const geo::GeosContext& ctx, std::size_t k, const GEOSGeometry* g, double own_area,
                                            const std::function<std::string()>& what, RobustnessLog& log) const {
    const geo::PreparedGeom& item = *m_prepared[k];
    const geo::Envelope box = geo::envelope(ctx, g);
    if (k < m_grids.size() && m_grids[k].covers(box)) return own_area;
    if (item.contains_properly(g)) return own_area;
    if (!item.intersects(g)) return std::nullopt;
    const std::string label = what();
    if (k >= m_tiles.size() || m_tiles[k].empty()) return geo::area(ctx, robust_intersection(ctx, item.base(), g, label, log).get());
    double a = 0;
    for (const Tile& t : m_tiles[k])
        if (t.box.intersects(box)) a += geo::area(ctx, robust_intersection(ctx, t.piece.get(), g, label, log).get());
    return a;
}

std::vector<std::size_t> FrameIndex::query(const GEOSGeometry* g) const {
    if (m_prepared.empty()) return {};
    return m_tree->query(g);
}

std::optional<Part> FrameIndex::part(const geo::GeosContext& ctx, std::size_t k, const GEOSGeometry* g, Inside inside,
                                     const std::string& what, RobustnessLog& log) const {
    const geo::PreparedGeom& item = *m_prepared[k];
    // contains_properly is tested before intersects: for the parcels that fill a frame it
    // settles most pairs with one cheap predicate.
    if (inside == Inside::properly && item.contains_properly(g)) return Part{true, nullptr};
    if (!item.intersects(g)) return std::nullopt;
    if (inside == Inside::touching && item.contains(g)) return Part{true, nullptr};
    return Part{false, robust_intersection(ctx, item.base(), g, what, log)};
}

geo::GeomPtr FrameIndex::cut(const geo::GeosContext& ctx, std::size_t k, const GEOSGeometry* g, const std::string& what, RobustnessLog& log) const {
    if (k >= m_tiles.size() || m_tiles[k].empty()) return robust_intersection(ctx, m_prepared[k]->base(), g, what, log);
    const geo::Envelope box = geo::envelope(ctx, g);
    std::vector<geo::GeomPtr> pieces;
    for (const Tile& t : m_tiles[k])
        if (t.box.intersects(box)) pieces.push_back(robust_intersection(ctx, g, t.piece.get(), what, log));
    geo::GeomPtr all = geo::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(pieces));
    return geo::extract_dimension(ctx, all.get(), 2);
}

std::vector<std::string_view> wkbs_of(const core::Layer& layer) {
    std::vector<std::string_view> out;
    for (auto& f : layer.features) out.emplace_back(f.wkb);
    return out;
}

std::vector<std::string_view> wkbs_of(const core::Layer& layer, const std::vector<std::size_t>& features) {
    std::vector<std::string_view> out;
    for (std::size_t i : features) out.emplace_back(layer.features[i].wkb);
    return out;
}

}  // namespace zoning::analysis
