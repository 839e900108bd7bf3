// SPDX-License-Identifier: MIT
#include "analysis/overlay.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "analysis/frame_index.hpp"
#include "core/error.hpp"
#include "geo/ellipsoid.hpp"
#include "geo/geos.hpp"

namespace zoning::analysis {

using core::CoverageRow;
using core::OverlayResult;
using core::ProjectShare;
using core::Reconciliation;

namespace {

struct Frame {
    const core::Layer* layer;
    std::size_t feature;
    std::string id, name, kind;
};

/// Land-use area by (frame, code), summed in item order within a chunk.
struct ParcelChunk {
    std::vector<std::pair<std::size_t, double>> cells;  ///< (frame * codes + code, m²), ascending key
    std::vector<std::string> notes;
};

/// One project or redevelopment union inside one frame.
struct UnionRow {
    std::vector<ProjectShare> projects;
    double covered_m2 = 0;
    std::map<std::string, double> by_status_m2;
};

std::vector<std::string_view> frame_wkbs(const std::vector<Frame>& frames) {
    std::vector<std::string_view> out;
    for (auto& f : frames) out.emplace_back(f.layer->features[f.feature].wkb);
    return out;
}

/// Features of `layer` inside each frame, unioned so overlaps count once; per status when `by_status`.
Noted<UnionRow> union_cover(const core::Layer& layer, const std::vector<Frame>& frames, bool by_status, unsigned threads) {
    return map_frames<UnionRow>(
        frame_wkbs(frames), layer, threads,
        [&](FramesAndItems& idx, const geo::GeosContext& ctx, std::size_t k, RobustnessLog& log) {
            UnionRow row;
            std::vector<geo::GeomPtr> pieces;
            std::map<std::string, std::vector<geo::GeomPtr>> by_status_pieces;
            for (std::size_t i : idx.items.query(idx.frames.base(k))) {
                const GEOSGeometry* g = idx.items.base(i);
                std::optional<Part> part = idx.frames.part(ctx, k, g, Inside::properly, layer.id_of(layer.features[i]) + " × " + frames[k].id, log);
                if (!part) continue;
                geo::GeomPtr piece = part->take(ctx, g);
                double a = geo::area(ctx, piece.get());
                if (a <= 0) continue;
                if (by_status) {
                    const auto& f = layer.features[i];
                    std::string status = layer.text(f, "status");
                    row.projects.push_back(ProjectShare{layer.id_of(f), layer.text(f, "name"), status, a});
                    by_status_pieces[status].push_back(geo::clone(ctx, piece.get()));
                }
                pieces.push_back(std::move(piece));
            }
            const std::string what = "union in " + frames[k].id;
            if (!pieces.empty()) row.covered_m2 = geo::area(ctx, robust_union(ctx, std::move(pieces), what, log).get());
            for (auto& [status, ps] : by_status_pieces) row.by_status_m2[status] = geo::area(ctx, robust_union(ctx, std::move(ps), what, log).get());
            return row;
        });
}

std::vector<Frame> collect_frames(const core::Dataset& d, const OverlayOptions& opt) {
    std::vector<Frame> frames;
    for (const auto& layer_name : opt.frame_layers) {
        const core::Layer* layer = d.find(layer_name);
        if (!layer) continue;
        for (std::size_t i = 0; i < layer->features.size(); ++i) {
            const auto& f = layer->features[i];
            frames.push_back(Frame{layer, i, layer->id_of(f), layer->text(f, "name"), layer->text(f, "kind")});
        }
    }
    return frames;
}

/// The district's and every frame's area on the work CRS's ellipsoid, beside the planar one.
void measure_on_ellipsoid(const core::Dataset& d, const std::vector<Frame>& frames, const geo::GeosContext& ctx, OverlayResult& result) {
    const std::string crs = d.work_crs();
    if (crs.empty()) throw core::bad_input(core::FeatureRef{}, "the dataset records no work CRS (rebuild the store with `zoning build`)");
    geo::ProjContext proj;
    geo::EllipsoidalArea ellipsoid(proj, crs);
    for (std::size_t k = 0; k < frames.size(); ++k) {
        CoverageRow& row = result.coverage[k];
        row.planar_area_m2 = row.area_m2;
        geo::GeomPtr g = geo::from_wkb(ctx, frames[k].layer->features[frames[k].feature].wkb);
        row.ellipsoidal_area_m2 = ellipsoid.area(ctx, g.get());
    }
    result.district_planar_area_m2 = result.district_area_m2;
    if (const core::Layer* b = d.find("boundary"))
        for (auto& f : b->features) result.district_ellipsoidal_area_m2 += ellipsoid.area(ctx, geo::from_wkb(ctx, f.wkb).get());
}

/// [dataset] area = "ellipsoidal": every figure of a frame times that frame's ellipsoidal/planar
/// ratio (the plane's scale hardly changes across one frame), the district's by the district's.
void scale_to_ellipsoid(OverlayResult& result) {
    result.ellipsoidal = true;
    for (auto& row : result.coverage) {
        const double k = row.planar_area_m2 > 0 ? row.ellipsoidal_area_m2 / row.planar_area_m2 : 1.0;
        row.area_m2 *= k;
        row.parcels_m2 *= k;
        for (auto& [code, a] : row.landuse_m2) a *= k;
        for (auto& [code, a] : row.landuse_level1_m2) a *= k;
        row.projects_m2 *= k;
        for (auto& [status, a] : row.projects_by_status_m2) a *= k;
        for (auto& p : row.projects) p.area_m2 *= k;
        row.redevelopment_m2 *= k;
    }
    if (result.district_planar_area_m2 > 0) result.district_area_m2 = result.district_ellipsoidal_area_m2;
}

}  // namespace

OverlayResult overlay(const core::Dataset& d, const OverlayOptions& opt) {
    OverlayResult result;
    std::vector<Frame> frames = collect_frames(d, opt);
    geo::GeosContext ctx;
    RobustnessLog log;

    for (auto& fr : frames) {
        CoverageRow row;
        row.layer = fr.layer->name();
        row.id = fr.id;
        row.name = fr.name;
        row.kind = fr.kind;
        row.name_en = fr.layer->text(fr.layer->features[fr.feature], "name_en");
        row.area_m2 = geo::area(ctx, geo::from_wkb(ctx, fr.layer->features[fr.feature].wkb).get());
        result.coverage.push_back(std::move(row));
    }
    if (const core::Layer* b = d.find("boundary"))
        for (auto& f : b->features) result.district_area_m2 += geo::area(ctx, geo::from_wkb(ctx, f.wkb).get());
    measure_on_ellipsoid(d, frames, ctx, result);

    // 1. Parcels: land use by frame, in parallel over parcel chunks.
    if (const core::Layer* parcels = d.find("parcels"); parcels && !frames.empty()) {
        std::vector<std::string> codes;
        std::unordered_map<std::string, std::size_t> code_index;
        std::vector<std::size_t> parcel_code(parcels->features.size());
        for (std::size_t i = 0; i < parcels->features.size(); ++i) {
            std::string c = parcels->text(parcels->features[i], "landuse");
            auto [it, inserted] = code_index.emplace(c, codes.size());
            if (inserted) codes.push_back(c);
            parcel_code[i] = it->second;
        }
        const std::size_t ncodes = codes.size();
        // Summed per chunk, then chunk by chunk: the order of additions, and so the last bits, never depend on threads.
        auto chunks = parallel_chunks_with<ParcelChunk, FrameIndex>(
            parcels->features.size(), opt.threads,
            [&frames](const geo::GeosContext& c) {
                auto index = std::make_unique<FrameIndex>(c, frame_wkbs(frames));
                index->tile(c);
                return index;
            },
            [&](FrameIndex& fs, const geo::GeosContext& c, std::size_t begin, std::size_t end) {
                ParcelChunk out;
                RobustnessLog local;
                std::map<std::size_t, double> sums;
                for (std::size_t i = begin; i < end; ++i) {
                    geo::GeomPtr g = geo::from_wkb(c, parcels->features[i].wkb);
                    const double own_area = geo::area(c, g.get());
                    for (std::size_t k : fs.query(g.get())) {
                        std::optional<double> a = fs.part_area(
                            c, k, g.get(), own_area, [&] { return "parcel " + parcels->id_of(parcels->features[i]) + " × " + frames[k].id; }, local);
                        if (a && *a > 0) sums[k * ncodes + parcel_code[i]] += *a;
                    }
                }
                out.cells.assign(sums.begin(), sums.end());
                out.notes = std::move(local.notes);
                return out;
            });
        std::vector<double> total(frames.size() * ncodes, 0.0);
        for (auto& chunk : chunks) {
            for (auto& [key, a] : chunk.cells) total[key] += a;
            log.notes.insert(log.notes.end(), chunk.notes.begin(), chunk.notes.end());
        }
        for (std::size_t k = 0; k < frames.size(); ++k) {
            CoverageRow& row = result.coverage[k];
            for (std::size_t c = 0; c < ncodes; ++c) {
                double a = total[k * ncodes + c];
                if (a <= 0) continue;
                row.landuse_m2[codes[c]] += a;
                row.landuse_level1_m2[core::LanduseTable::first_level(codes[c])] += a;
                row.parcels_m2 += a;
            }
        }
    }

    // 2. Projects and redevelopment areas: union inside each frame, overlaps counted once.
    for (bool projects : {true, false}) {
        const core::Layer* layer = d.find(projects ? "projects" : "redevelopment_areas");
        if (!layer || layer->features.empty()) continue;
        Noted<UnionRow> rows = union_cover(*layer, frames, projects, opt.threads);
        for (std::size_t k = 0; k < frames.size(); ++k) {
            CoverageRow& row = result.coverage[k];
            UnionRow& u = rows.items[k];
            if (projects) {
                row.projects = std::move(u.projects);
                row.projects_m2 = u.covered_m2;
                row.projects_by_status_m2 = std::move(u.by_status_m2);
            } else {
                row.redevelopment_m2 = u.covered_m2;
            }
        }
        log.notes.insert(log.notes.end(), rows.notes.begin(), rows.notes.end());
    }

    if (d.ellipsoidal_areas()) scale_to_ellipsoid(result);

    // 3. Reconciliation: over a layer that tiles the district, land use adds up to the district's.
    double district_landuse = 0;
    for (auto& row : result.coverage)
        if (row.layer == "boundary") district_landuse += row.parcels_m2;
    if (district_landuse > 0) {
        Reconciliation r;
        r.layer = opt.tiling_layer;
        for (auto& row : result.coverage)
            if (row.layer == opt.tiling_layer) r.frames_landuse_m2 += row.parcels_m2;
        r.parcels_in_district_m2 = district_landuse;
        r.relative_difference = std::fabs(r.frames_landuse_m2 - district_landuse) / district_landuse;
        result.reconciliation.push_back(r);
    }
    result.robustness_notes = std::move(log.notes);
    return result;
}

}  // namespace zoning::analysis
