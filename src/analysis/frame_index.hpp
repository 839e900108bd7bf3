// SPDX-License-Identifier: MIT
#pragma once
// Features parsed, prepared and indexed in one worker's GEOS context, and the one
// way the analysis cuts a geometry by them. Every engine (overlay, conflicts,
// siting, analysis layers) builds one per worker through parallel_chunks_with:
// GEOS objects live and die in the context that made them, and the tree is built
// before the first query so queries never mutate it.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/parallel.hpp"
#include "analysis/robust.hpp"
#include "core/dataset.hpp"
#include "geo/geos.hpp"

namespace zoning::analysis {

/// When an item's containment of g makes g its own part, with no intersection computed.
/// The engines differ on purpose (cost and boundary cases), and results must stay as they were.
enum class Inside {
    properly,  ///< contains_properly: g does not touch the item's boundary (cheapest for prepared frames)
    touching,  ///< contains: g may touch the item's boundary from inside
    never,     ///< always intersect (e.g. pieces written out as geometry)
};

/// g's part inside one item: g itself when the item contains it (`whole`), else the intersection.
struct Part {
    bool whole = false;
    geo::GeomPtr piece;  ///< the intersection, polygonal (may be empty when they only touch); null when whole

    /// The part's area; `own_area` is g's and is used when whole.
    double area(const geo::GeosContext& ctx, double own_area) const { return whole ? own_area : geo::area(ctx, piece.get()); }
    /// The part as a geometry of its own (a copy of g when whole).
    geo::GeomPtr take(const geo::GeosContext& ctx, const GEOSGeometry* g) { return whole ? geo::clone(ctx, g) : std::move(piece); }
};

class FrameIndex {
public:
    /// Items are the geometries in `wkbs`, in that order; the strings must outlive the constructor only.
    FrameIndex(const geo::GeosContext& ctx, const std::vector<std::string_view>& wkbs);
    /// All features of `layer` (none when null), or the ones at `features`.
    FrameIndex(const geo::GeosContext& ctx, const core::Layer* layer);
    FrameIndex(const geo::GeosContext& ctx, const core::Layer& layer, const std::vector<std::size_t>& features);
    ~FrameIndex();
    FrameIndex(const FrameIndex&) = delete;
    FrameIndex& operator=(const FrameIndex&) = delete;

    std::size_t size() const noexcept { return m_prepared.size(); }
    const geo::PreparedGeom& prepared(std::size_t k) const { return *m_prepared[k]; }
    const GEOSGeometry* base(std::size_t k) const { return m_prepared[k]->base(); }
    /// Items whose envelopes meet g's, ascending.
    std::vector<std::size_t> query(const GEOSGeometry* g) const;

    /// g's part inside item k, or nothing when they do not intersect. The intersection is
    /// item ∩ g, retried through `log` (labelled `what`) when GEOS fails.
    std::optional<Part> part(const geo::GeosContext& ctx, std::size_t k, const GEOSGeometry* g, Inside inside, const std::string& what,
                             RobustnessLog& log) const;

    /// Cuts every item of more than `max_vertices` vertices into tiles of at most that many (halving
    /// its box until each piece is small), for part_area. Called once, before the first query.
    void tile(const geo::GeosContext& ctx, std::size_t max_vertices = 64);
    /// The area of g's part inside item k (g's own area `own_area` when the item contains it properly),
    /// or nothing when they do not intersect. Where the item is tiled, the sum over the tiles g meets:
    /// an intersection clips the whole item ring to g's box first, so a frame of 3,000 vertices
    /// costs that much for every parcel on its edge, a tile of 64 a fraction of it.
    /// `what` labels a retry; it is called only when an intersection is computed, so the label of
    /// the many parcels well inside a frame is never built.
    std::optional<double> part_area(const geo::GeosContext& ctx, std::size_t k, const GEOSGeometry* g, double own_area,
                                    const std::function<std::string()>& what, RobustnessLog& log) const;

    /// Whether a geometry with box `b` lies properly inside item k by its interior grid alone (false
    /// when the item is not tiled, or the grid cannot tell).
    bool grid_inside(std::size_t k, const geo::Envelope& b) const { return k < m_grids.size() && m_grids[k].covers(b); }
    bool tiled(std::size_t k) const { return k < m_tiles.size() && !m_tiles[k].empty(); }
    /// g ∩ item k, polygonal: through the tiles g's box meets when the item is tiled (the pieces
    /// gathered, not unioned), else one intersection. Retried through `log` as robust_intersection is.
    geo::GeomPtr cut(const geo::GeosContext& ctx, std::size_t k, const GEOSGeometry* g, const std::string& what, RobustnessLog& log) const;

    /// A grid over an item's box whose cells are marked when they lie inside the item, one cell clear
    /// of every edge: a geometry whose box covers only marked cells is properly inside, decided without
    /// a predicate (most parcels, in a frame of thousands of vertices).
    struct InteriorGrid {
        double x0 = 0, y0 = 0, cell = 0;
        int nx = 0, ny = 0;
        std::vector<unsigned char> inside;  // ny rows of nx
        bool covers(const geo::Envelope& b) const;
    };

private:
    struct Tile {
        geo::Envelope box;
        geo::GeomPtr piece;
    };
    std::vector<std::vector<Tile>> m_tiles;  // per item; empty when the item is small or not tiled
    std::vector<InteriorGrid> m_grids;       // per item, once tiled
    std::vector<std::unique_ptr<geo::PreparedGeom>> m_prepared;
    std::unique_ptr<geo::StrTree> m_tree;  // refers to the prepared bases: reset first
};

/// The WKB of every feature of `layer`, or of those at `features`, for FrameIndex.
std::vector<std::string_view> wkbs_of(const core::Layer& layer);
std::vector<std::string_view> wkbs_of(const core::Layer& layer, const std::vector<std::size_t>& features);

/// A worker's frames and the items looked up for each frame (e.g. projects by zone).
struct FramesAndItems {
    FrameIndex frames, items;
    FramesAndItems(const geo::GeosContext& ctx, const std::vector<std::string_view>& frame_wkbs,
                   const std::vector<std::string_view>& item_wkbs)
        : frames(ctx, frame_wkbs), items(ctx, item_wkbs) {}
};

/// Per-item results in item order, and the retry notes in the same order.
template <class R>
struct Noted {
    std::vector<R> items;
    std::vector<std::string> notes;
};

/// fn(state, ctx, i, log) -> R for every i in [0, n), on `threads` workers (0: default_threads()),
/// each with its own state from make(ctx). Output does not depend on the thread count.
template <class R, class State, class Make, class Fn>
Noted<R> map_items(std::size_t n, unsigned threads, const Make& make, const Fn& fn) {
    auto chunks = parallel_chunks_with<Noted<R>, State>(n, threads, make,
                                                        [&fn](State& state, const geo::GeosContext& ctx, std::size_t b, std::size_t e) {
                                                            Noted<R> out;
                                                            RobustnessLog log;
                                                            for (std::size_t i = b; i < e; ++i) out.items.push_back(fn(state, ctx, i, log));
                                                            out.notes = std::move(log.notes);
                                                            return out;
                                                        });
    Noted<R> all;
    for (auto& c : chunks) {
        all.items.insert(all.items.end(), std::make_move_iterator(c.items.begin()), std::make_move_iterator(c.items.end()));
        all.notes.insert(all.notes.end(), c.notes.begin(), c.notes.end());
    }
    return all;
}

/// fn(index, ctx, k, log) -> R for every frame k, each worker with the frames and every
/// feature of `items` indexed: the per-frame view (what lies in each zone).
template <class R, class Fn>
Noted<R> map_frames(const std::vector<std::string_view>& frame_wkbs, const core::Layer& items, unsigned threads, const Fn& fn) {
    return map_items<R, FramesAndItems>(
        frame_wkbs.size(), threads,
        [&](const geo::GeosContext& ctx) { return std::make_unique<FramesAndItems>(ctx, frame_wkbs, wkbs_of(items)); }, fn);
}

}  // namespace zoning::analysis
