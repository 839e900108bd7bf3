// SPDX-License-Identifier: MIT
#include "analysis/analysis_layers.hpp"

#include <map>

#include "analysis/robust.hpp"
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

}  // namespace

std::vector<core::Layer> build_analysis_layers(const core::Dataset& d, const core::Catalog& cat, const AnalysisCatalog& specs,
                                               const std::vector<ProgressRow>& progress, const std::vector<Conflict>& conflicts) {
    geo::GeosContext ctx;
    RobustnessLog log;
    std::vector<core::Layer> out;

    // Frame × first-level land use.
    {
        core::Layer l;
        l.spec = &specs.at("overlay_landuse");
        l.source = "analysis";
        const core::Layer* parcels = d.find("parcels");
        std::vector<geo::GeomPtr> pg;
        geo::StrTree tree(ctx);
        if (parcels) {
            for (auto& f : parcels->features) pg.push_back(geo::from_wkb(ctx, f.wkb));
            for (std::size_t i = 0; i < pg.size(); ++i) tree.insert(pg[i].get(), i);
        }
        std::int64_t fid = 0;
        for (const char* frame_layer : {"functional_zones", "eco_structure"}) {
            const core::Layer* frames = d.find(frame_layer);
            if (!frames || !parcels) continue;
            for (auto& fr : frames->features) {
                geo::PreparedGeom frame(ctx, geo::from_wkb(ctx, fr.wkb));
                double frame_area = geo::area(ctx, frame.base());
                std::map<std::string, std::vector<geo::GeomPtr>> pieces;
                for (std::size_t i : tree.query(frame.base())) {
                    if (!frame.intersects(pg[i].get())) continue;
                    geo::GeomPtr piece = frame.contains(pg[i].get()) ? geo::clone(ctx, pg[i].get())
                                                                     : robust_intersection(ctx, frame.base(), pg[i].get(), "overlay", log);
                    if (geo::is_empty(ctx, piece.get())) continue;
                    pieces[core::LanduseTable::first_level(parcels->text(parcels->features[i], "landuse"))].push_back(std::move(piece));
                }
                for (auto& [code, ps] : pieces) {
                    geo::GeomPtr u = robust_union(ctx, std::move(ps), "overlay union", log);
                    double a = geo::area(ctx, u.get());
                    const core::LanduseClass* c = cat.landuse().find(code);
                    ++fid;
                    l.features.push_back(feature(*l.spec, fid,
                                                 {{"id", "OL" + std::to_string(fid)}, {"frame_layer", std::string(frame_layer)}, {"frame_id", frames->id_of(fr)},
                                                  {"frame_name", frames->text(fr, "name")}, {"landuse", code}, {"landuse_name", c ? c->name_zh : std::string()},
                                                  {"area_m2", a}, {"share", frame_area > 0 ? a / frame_area : 0.0}},
                                                 geo::to_wkb(ctx, u.get())));
                }
            }
        }
        out.push_back(std::move(l));
    }

    // Each project's part inside each frame.
    {
        core::Layer l;
        l.spec = &specs.at("project_coverage");
        l.source = "analysis";
        const core::Layer* projects = d.find("projects");
        std::int64_t fid = 0;
        if (projects) {
            std::vector<geo::GeomPtr> pg;
            geo::StrTree tree(ctx);
            for (auto& f : projects->features) pg.push_back(geo::from_wkb(ctx, f.wkb));
            for (std::size_t i = 0; i < pg.size(); ++i) tree.insert(pg[i].get(), i);
            for (const char* frame_layer : {"functional_zones", "service_layout", "eco_structure", "industrial_parks"}) {
                const core::Layer* frames = d.find(frame_layer);
                if (!frames) continue;
                for (auto& fr : frames->features) {
                    geo::PreparedGeom frame(ctx, geo::from_wkb(ctx, fr.wkb));
                    for (std::size_t i : tree.query(frame.base())) {
                        if (!frame.intersects(pg[i].get())) continue;
                        geo::GeomPtr piece = robust_intersection(ctx, frame.base(), pg[i].get(), "coverage", log);
                        double a = geo::area(ctx, piece.get());
                        if (a <= 0) continue;
                        const auto& p = projects->features[i];
                        ++fid;
                        l.features.push_back(feature(*l.spec, fid,
                                                     {{"id", "PC" + std::to_string(fid)}, {"frame_layer", std::string(frame_layer)}, {"frame_id", frames->id_of(fr)},
                                                      {"frame_name", frames->text(fr, "name")}, {"project_id", projects->id_of(p)},
                                                      {"project_name", projects->text(p, "name")}, {"status", projects->text(p, "status")}, {"area_m2", a}},
                                                     geo::to_wkb(ctx, piece.get())));
                    }
                }
            }
        }
        out.push_back(std::move(l));
    }

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
            l.features.push_back(feature(*l.spec, fid,
                                         {{"id", "C" + std::to_string(fid)}, {"rule", c.rule}, {"severity", c.severity}, {"title", c.title}, {"clause", c.clause},
                                          {"subject_layer", a.layer}, {"subject_id", a.id}, {"subject_name", a.name}, {"other_layer", b.layer},
                                          {"other_id", b.id}, {"other_name", b.name}, {"overlap_m2", c.overlap_m2}, {"reason", c.reason_zh}},
                                         geo::to_wkb(ctx, g.get())));
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
    return out;
}

}  // namespace zoning::analysis
