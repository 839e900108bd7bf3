// SPDX-License-Identifier: MIT
#include "analysis/analysis_layers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <optional>
#include <string_view>

#include "analysis/frame_index.hpp"
#include "core/error.hpp"
#include "geo/geos.hpp"

namespace zoning::analysis {

using core::Conflict;
using core::ConflictFeature;
using core::ProgressRow;

AnalysisCatalog AnalysisCatalog::load(const std::filesystem::path& dir) {
    AnalysisCatalog c;
    for (const char* name : {"overlay_landuse", "project_coverage", "conflicts", "progress"})
        c.specs.push_back(core::Catalog::load_layer_file(dir / "analysis" / (std::string(name) + ".toml")));
    return c;
}

const core::LayerSpec& AnalysisCatalog::at(const std::string& name) const {
    for (auto& s : specs)
        if (s.name == name) return s;
    throw core::Error(core::ExitCode::internal, "no analysis layer spec " + name);
}

namespace {

core::Feature feature(const core::LayerSpec& spec, std::int64_t fid, const std::map<std::string, core::Value>& values, std::string wkb) {
    core::Feature f;
    f.fid = fid;
    f.values.resize(spec.fields.size());
    for (auto& [k, v] : values) {
        int i = spec.field_index(k);
        if (i >= 0) f.values[static_cast<std::size_t>(i)] = v;
    }
    f.wkb = std::move(wkb);
    return f;
}

/// One output feature before its fid: made in a worker, so the geometry travels as WKB.
struct Row {
    std::map<std::string, core::Value> values;
    std::string wkb;
};

struct Frames {
    std::vector<std::pair<const core::Layer*, std::size_t>> features;  // (layer, feature), in layer order
    std::vector<std::string_view> wkbs;
};

Frames frames_of(const core::Dataset& d, std::initializer_list<const char*> names) {
    Frames out;
    for (const char* name : names)
        if (const core::Layer* l = d.find(name))
            for (std::size_t i = 0; i < l->features.size(); ++i) {
                out.features.emplace_back(l, i);
                out.wkbs.emplace_back(l->features[i].wkb);
            }
    return out;
}

std::map<std::string, core::Value> frame_values(const Frames& frames, std::size_t k) {
    auto [layer, i] = frames.features[k];
    const auto& f = layer->features[i];
    return {{"frame_layer", layer->name()}, {"frame_id", layer->id_of(f)}, {"frame_name", layer->text(f, "name")}};
}

/// The rows of each frame, in frame order then row order, numbered from 1 with `prefix`.
core::Layer numbered(const core::LayerSpec& spec, const std::string& prefix, Noted<std::vector<Row>> rows, std::vector<std::string>& notes) {
    core::Layer l;
    l.spec = &spec;
    l.source = "analysis";
    std::int64_t fid = 0;
    for (auto& frame_rows : rows.items)
        for (auto& row : frame_rows) {
            ++fid;
            row.values["id"] = prefix + std::to_string(fid);
            l.features.push_back(feature(spec, fid, row.values, std::move(row.wkb)));
        }
    notes.insert(notes.end(), rows.notes.begin(), rows.notes.end());
    return l;
}

/// Up to this many frames, a parcel's are found by comparing boxes, not through the frames' tree.
constexpr std::size_t kScannedFrames = 64;

/// A worker's frames for overlay_landuse's first pass: prepared, with their boxes and interior grids.
struct FrameCutter {
    FrameIndex index;
    std::vector<geo::Envelope> boxes;
    FrameCutter(const geo::GeosContext& ctx, const std::vector<std::string_view>& wkbs) : index(ctx, wkbs) {
        index.tile(ctx, std::numeric_limits<std::size_t>::max());  // the grids only: part() cuts by the whole frame, as it did
        for (std::size_t k = 0; k < index.size(); ++k) boxes.push_back(geo::envelope(ctx, index.base(k)));
    }
};

/// A parcel's part inside one frame, from the first pass of overlay_landuse: a million of them, kept small.
struct FramePart {
    std::uint32_t frame = 0, parcel = 0;
    std::uint32_t landuse = 0;  ///< the parcel's first-level class, as an index into the pass's classes
    std::string piece;          ///< WKB of parcel ∩ frame; empty when the frame contains the parcel (the part is the parcel)
};

/// One chunk of parcels' parts; classes and notes beside them (notes are rare).
struct FrameParts {
    std::vector<FramePart> parts;
    std::vector<std::string> landuse;                                 ///< the classes FramePart::landuse indexes
    std::vector<std::pair<std::size_t, std::vector<std::string>>> notes;  ///< (part, retries of its cut)
};

/// Frame × first-level land use: the parcels' parts inside each frame, unioned by class.
/// Two passes, each on every core: the parcels (in chunks) are cut by the frames they meet, then
/// each frame × class is unioned as a task of its own. One pass over the frames (each worker
/// holding every parcel parsed and indexed) ran on one core with 12 frames, which is one chunk,
/// and held a second copy of the million parcels as GEOS geometries. The parts, their order
/// (parcels ascending), the cuts and the unions are the same as that pass's, and so are the rows,
/// their order and the notes' order (by frame: the cuts' notes by parcel, then the unions' by class).
Noted<std::vector<Row>> overlay_landuse(const core::Dataset& d, const core::Catalog& cat, const Frames& frames, unsigned threads) {
    const core::Layer* parcels = d.find("parcels");
    if (!parcels) return {};
    std::vector<FrameParts> chunks = parallel_chunks_with<FrameParts, FrameCutter>(
        parcels->features.size(), threads, [&](const geo::GeosContext& ctx) { return std::make_unique<FrameCutter>(ctx, frames.wkbs); },
        [&](FrameCutter& cutter, const geo::GeosContext& ctx, std::size_t b, std::size_t e) {
            const FrameIndex& index = cutter.index;
            FrameParts out;
            std::map<std::string, std::uint32_t> classes;
            std::vector<std::size_t> meeting;
            for (std::size_t i = b; i < e; ++i) {
                const core::Feature& f = parcels->features[i];
                geo::GeomPtr g;  // parsed only where the box and the grid cannot tell
                std::optional<geo::Envelope> box = geo::wkb_envelope(f.wkb);
                if (!box) {
                    g = geo::from_wkb(ctx, f.wkb);
                    if (geo::is_empty(ctx, g.get())) continue;  // meets no frame's box
                    box = geo::envelope(ctx, g.get());
                }
                // The frames whose boxes meet the parcel's, ascending, as the frames' tree gives them: a few
                // frames are scanned by box; many are looked up in the tree, which needs the parcel parsed.
                if (cutter.boxes.size() <= kScannedFrames) {
                    meeting.clear();
                    for (std::size_t k = 0; k < cutter.boxes.size(); ++k)
                        if (cutter.boxes[k].intersects(*box)) meeting.push_back(k);
                } else {
                    if (!g) g = geo::from_wkb(ctx, f.wkb);
                    meeting = index.query(g.get());
                }
                if (meeting.empty()) continue;
                auto [c, fresh] = classes.try_emplace(core::LanduseTable::first_level(parcels->text(f, "landuse")),
                                                      static_cast<std::uint32_t>(out.landuse.size()));
                if (fresh) out.landuse.push_back(c->first);
                for (std::size_t k : meeting) {
                    FramePart fp{static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(i), c->second, {}};
                    // Properly inside by the grid: contained, so the part is the parcel (what part() finds).
                    if (index.grid_inside(k, *box)) {
                        out.parts.push_back(std::move(fp));
                        continue;
                    }
                    if (!g) g = geo::from_wkb(ctx, f.wkb);
                    RobustnessLog log;
                    std::optional<Part> part = index.part(ctx, k, g.get(), Inside::touching, "overlay", log);
                    if (!part) continue;
                    if (part->whole) {
                        if (geo::is_empty(ctx, g.get())) continue;
                    } else {
                        if (geo::is_empty(ctx, part->piece.get())) continue;
                        fp.piece = geo::to_wkb(ctx, part->piece.get());
                    }
                    if (!log.notes.empty()) out.notes.emplace_back(out.parts.size(), std::move(log.notes));
                    out.parts.push_back(std::move(fp));
                }
            }
            return out;
        });
    // The chunks' parts in parcel order, their classes in one table, and each frame's notes of cuts.
    std::vector<FramePart> parts;
    std::vector<std::string> classes;
    std::map<std::string, std::uint32_t> class_index;
    std::vector<std::vector<std::string>> cut_notes(frames.wkbs.size());
    for (FrameParts& chunk : chunks) {
        std::vector<std::uint32_t> to_global;
        for (const std::string& code : chunk.landuse) {
            auto [c, fresh] = class_index.try_emplace(code, static_cast<std::uint32_t>(classes.size()));
            if (fresh) classes.push_back(code);
            to_global.push_back(c->second);
        }
        for (auto& [p, notes] : chunk.notes) {
            auto& frame_notes = cut_notes[chunk.parts[p].frame];
            frame_notes.insert(frame_notes.end(), notes.begin(), notes.end());
        }
        for (FramePart& fp : chunk.parts) {
            fp.landuse = to_global[fp.landuse];
            parts.push_back(std::move(fp));
        }
        chunk = FrameParts{};
    }

    // One task per frame × class, in row order: frames in order, classes by code.
    struct Task {
        std::size_t frame;
        std::string landuse;
        std::vector<std::size_t> parts;  // into `parts`, parcels ascending
    };
    std::vector<std::map<std::string, std::vector<std::size_t>>> by_frame(frames.wkbs.size());
    for (std::size_t p = 0; p < parts.size(); ++p) by_frame[parts[p].frame][classes[parts[p].landuse]].push_back(p);
    std::vector<Task> tasks;
    for (std::size_t k = 0; k < by_frame.size(); ++k)
        for (auto& [code, members] : by_frame[k]) tasks.push_back(Task{k, code, std::move(members)});
    by_frame.clear();
    std::vector<double> frame_areas;
    {
        geo::GeosContext ctx;
        for (auto w : frames.wkbs) frame_areas.push_back(geo::area(ctx, geo::from_wkb(ctx, w).get()));
    }
    // The largest unions first, so that the last task to end is a small one.
    std::vector<std::size_t> order(tasks.size());
    for (std::size_t t = 0; t < order.size(); ++t) order[t] = t;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return tasks[a].parts.size() > tasks[b].parts.size(); });
    struct Unioned {
        Row row;
        std::vector<std::string> notes;
    };
    std::vector<Unioned> unioned = core::parallel_tasks<Unioned>(order, threads, [&](const geo::GeosContext& ctx, std::size_t t) {
        const Task& task = tasks[t];
        std::vector<geo::GeomPtr> ps;
        ps.reserve(task.parts.size());
        for (std::size_t p : task.parts) {
            const FramePart& fp = parts[p];
            ps.push_back(geo::from_wkb(ctx, fp.piece.empty() ? std::string_view(parcels->features[fp.parcel].wkb) : std::string_view(fp.piece)));
        }
        RobustnessLog log;
        // The layer shows the classes' extents; its areas may move in the last bits, the report's may not.
        geo::GeomPtr u = robust_union(ctx, std::move(ps), "overlay union", log, UnionMethod::coverage);
        double a = geo::area(ctx, u.get());
        const double frame_area = frame_areas[task.frame];
        const core::LanduseClass* c = cat.landuse().find(task.landuse);
        Row row{frame_values(frames, task.frame), geo::to_wkb(ctx, u.get())};
        row.values.insert({{"landuse", task.landuse}, {"landuse_name", c ? c->name_zh : std::string()}, {"area_m2", a},
                           {"share", frame_area > 0 ? a / frame_area : 0.0}});
        return Unioned{std::move(row), std::move(log.notes)};
    });

    Noted<std::vector<Row>> out;
    out.items.resize(frames.wkbs.size());
    std::size_t t = 0;
    for (std::size_t k = 0; k < frames.wkbs.size(); ++k) {
        out.notes.insert(out.notes.end(), cut_notes[k].begin(), cut_notes[k].end());
        for (; t < tasks.size() && tasks[t].frame == k; ++t) {
            out.items[k].push_back(std::move(unioned[t].row));
            out.notes.insert(out.notes.end(), unioned[t].notes.begin(), unioned[t].notes.end());
        }
    }
    return out;
}

/// Each project's part inside each frame.
Noted<std::vector<Row>> project_coverage(const core::Dataset& d, const Frames& frames, unsigned threads) {
    const core::Layer* projects = d.find("projects");
    if (!projects) return {};
    return map_frames<std::vector<Row>>(
        frames.wkbs, *projects, threads,
        [&](FramesAndItems& idx, const geo::GeosContext& ctx, std::size_t k, RobustnessLog& log) {
            std::vector<Row> rows;
            for (std::size_t i : idx.items.query(idx.frames.base(k))) {
                std::optional<Part> part = idx.frames.part(ctx, k, idx.items.base(i), Inside::never, "coverage", log);
                if (!part) continue;
                double a = geo::area(ctx, part->piece.get());
                if (a <= 0) continue;
                const auto& p = projects->features[i];
                Row row{frame_values(frames, k), geo::to_wkb(ctx, part->piece.get())};
                row.values.insert({{"project_id", projects->id_of(p)}, {"project_name", projects->text(p, "name")},
                                   {"status", projects->text(p, "status")}, {"area_m2", a}});
                rows.push_back(std::move(row));
            }
            return rows;
        });
}

}  // namespace

std::vector<core::Layer> build_analysis_layers(const core::Dataset& d, const core::Catalog& cat, const AnalysisCatalog& specs,
                                               const std::vector<ProgressRow>& progress, const std::vector<Conflict>& conflicts,
                                               const AnalysisLayerOptions& opt) {
    std::vector<core::Layer> out = frame_layers(d, cat, specs, opt);
    add_review_layers(out, specs, progress, conflicts);
    return out;
}

std::vector<core::Layer> frame_layers(const core::Dataset& d, const core::Catalog& cat, const AnalysisCatalog& specs, const AnalysisLayerOptions& opt) {
    std::vector<std::string> notes;
    std::vector<core::Layer> out;
    out.push_back(numbered(specs.at("overlay_landuse"), "OL", overlay_landuse(d, cat, frames_of(d, {"functional_zones", "eco_structure"}), opt.threads), notes));
    out.push_back(numbered(specs.at("project_coverage"), "PC",
                           project_coverage(d, frames_of(d, {"functional_zones", "service_layout", "eco_structure", "industrial_parks"}), opt.threads),
                           notes));
    if (opt.robustness_notes) *opt.robustness_notes = std::move(notes);
    return out;
}

void add_review_layers(std::vector<core::Layer>& out, const AnalysisCatalog& specs, const std::vector<ProgressRow>& progress,
                       const std::vector<Conflict>& conflicts) {
    geo::GeosContext ctx;
    // Conflicts with their overlap geometry.
    {
        core::Layer l;
        l.spec = &specs.at("conflicts");
        l.source = "analysis";
        std::int64_t fid = 0;
        for (auto& c : conflicts) {
            if (c.overlap_wkb.empty()) continue;
            ++fid;
            const auto& a = c.features.at(0);
            ConflictFeature b = c.features.size() > 1 ? c.features[1] : ConflictFeature{};
            geo::GeomPtr g = geo::extract_dimension(ctx, geo::from_wkb(ctx, c.overlap_wkb).get(), 2);
            std::map<std::string, core::Value> v = {{"id", "C" + std::to_string(fid)}, {"rule", c.rule}, {"severity", c.severity}, {"title", c.title},
                                                    // 质检 apart from the plan's reviews in the legend: the same severity is not the same finding
                                                    {"finding", c.category == "quality" ? std::string("quality") : c.severity},
                                                    {"category", c.category}, {"clause", c.clause}, {"subject_layer", a.layer}, {"subject_id", a.id},
                                                    {"subject_name", a.name}, {"other_layer", b.layer}, {"other_id", b.id}, {"other_name", b.name},
                                                    {"overlap_m2", c.overlap_m2}, {"reason", c.reason_zh}};
            if (c.quote) {
                v["quote"] = c.quote->text;
                v["quote_line"] = static_cast<std::int64_t>(c.quote->line);
            }
            l.features.push_back(feature(*l.spec, fid, v, geo::to_wkb(ctx, g.get())));
        }
        out.push_back(std::move(l));
    }

    // Progress, as a table.
    {
        core::Layer l;
        l.spec = &specs.at("progress");
        l.source = "analysis";
        std::int64_t fid = 0;
        for (auto& p : progress) {
            std::map<std::string, core::Value> v = {{"id", p.target.id}, {"name", p.target.name}, {"target", p.target.target},
                                                    {"unit", p.target.unit}, {"status", p.status}, {"source", p.target.source},
                                                    {"measurable", static_cast<std::int64_t>(p.target.measurable ? 1 : 0)}};
            if (p.measured) v["measured"] = *p.measured;
            if (p.ratio) v["ratio"] = *p.ratio;
            l.features.push_back(feature(*l.spec, ++fid, v, {}));
        }
        out.push_back(std::move(l));
    }
}

}  // namespace zoning::analysis
