// SPDX-License-Identifier: MIT
#include "io/work_crs.hpp"

#include <cmath>
#include <cstdio>

#include "geo/geos.hpp"
#include "geo/proj.hpp"
#include "io/source_reader.hpp"

namespace zoning::io {

using core::FeatureRef;

namespace {

/// Every vertex of the boundary in lon/lat (EPSG:4326), with the fid of its feature.
struct LonLatBoundary {
    std::vector<std::pair<double, double>> vertices;
    std::vector<std::int64_t> fids;
    double centroid_lon = 0, centroid_lat = 0;
};

LonLatBoundary read_boundary_lonlat(const core::Catalog& catalog, const core::DatasetConfig& config, unsigned threads,
                                    const FeatureRef& where) {
    const core::LayerSource* src = nullptr;
    for (const auto& ls : config.layers)
        if (ls.layer == "boundary") src = &ls;
    const core::LayerSpec* spec = catalog.find("boundary");
    if (!src || !spec)
        throw core::bad_input(where, "no boundary layer to choose the work CRS from: add [layers.boundary], or name the CRS with crs = \"EPSG:...\" in [dataset]");
    // The boundary's own problems are reported by the full read that follows; here only what reads well counts.
    ReadResult r = read_layer(catalog, *spec, *src, "EPSG:4326", config.dir(), threads);
    if (r.layer.features.empty())
        throw core::bad_input(FeatureRef{where.file, "boundary", {}, {}},
                              "no readable boundary feature to choose the work CRS from" +
                                  (r.findings.empty() ? std::string() : " (" + r.findings.front().line() + ")"));
    LonLatBoundary out;
    geo::GeosContext ctx;
    std::vector<geo::GeomPtr> parts;
    for (const auto& f : r.layer.features) {
        geo::GeomPtr g = geo::from_wkb(ctx, f.wkb);
        for (const auto& path : geo::paths(ctx, g.get()))
            for (const auto& p : path) {
                out.vertices.emplace_back(p.x, p.y);
                out.fids.push_back(f.fid);
            }
        parts.push_back(std::move(g));
    }
    geo::GeomPtr all = geo::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(parts));
    const geo::XY c = geo::point_xy(ctx, geo::centroid(ctx, all.get()).get());
    out.centroid_lon = c.x;
    out.centroid_lat = c.y;
    return out;
}

std::string degrees(double lon, double lat) {
    char s[80];
    std::snprintf(s, sizeof s, "%.4f°%s %.4f°%s", std::fabs(lon), lon < 0 ? "W" : "E", std::fabs(lat), lat < 0 ? "S" : "N");
    return s;
}

std::string percent(double fraction) {
    char pct[32];
    std::snprintf(pct, sizeof pct, "%.2f %%", fraction * 100);
    return pct;
}

}  // namespace

WorkCrs resolve_work_crs(const core::Catalog& catalog, const core::DatasetConfig& config, unsigned threads) {
    const FeatureRef where{config.file.string(), {}, {}, {}};
    geo::ProjContext proj;
    const LonLatBoundary boundary = read_boundary_lonlat(catalog, config, threads, where);
    WorkCrs w;
    const bool by_option = !config.crs_option.empty();
    const std::string named = by_option ? config.crs_option : "[dataset] crs";
    if (config.crs.empty()) {
        geo::WorkCrsChoice choice = geo::choose_work_crs(proj, boundary.centroid_lon, boundary.centroid_lat);
        w.definition = std::move(choice.definition);
        w.reason = std::move(choice.reason);
    } else {
        w.definition = config.crs;
        w.reason = by_option ? "named by " + config.crs_option : "named by crs in [dataset] of " + config.file.filename().string();
    }
    try {
        w.name = geo::crs_short_name(proj, w.definition);
        w.title = geo::crs_name(proj, w.definition);
        w.wkt = geo::crs_wkt(proj, w.definition);
        if (geo::crs_is_geographic(proj, w.definition))
            throw core::bad_input(where, named + " " + w.name + " is geographic (degrees): areas and lengths need a projected CRS in metres; " +
                                             "leave it out to have one chosen from the boundary (docs/crs.md)");
        // Every layer must be able to reach it: a CRS PROJ reads but cannot transform to is refused here, once.
        geo::Transformer(proj, "EPSG:4326", w.definition);
    } catch (const geo::ProjError& e) {
        throw core::bad_input(where, named + ": " + std::string(e.what()));
    }

    // The district must stay inside the CRS's area of use: outside it the plane's scale error grows fast
    // (a district 6° from the central meridian reads about 1 % too large).
    const std::optional<geo::AreaOfUse> use = geo::crs_area_of_use(proj, w.definition);
    if (!use) return w;  // a definition without one (a bare PROJ string): the user's own responsibility
    std::size_t first_out = boundary.vertices.size();
    for (std::size_t i = 0; i < boundary.vertices.size() && first_out == boundary.vertices.size(); ++i)
        if (!use->contains(boundary.vertices[i].first, boundary.vertices[i].second)) first_out = i;
    if (first_out == boundary.vertices.size()) return w;

    const std::optional<geo::ArealScale> worst = geo::worst_areal_scale(proj, w.definition, boundary.vertices);
    char bounds[160];
    std::snprintf(bounds, sizeof bounds, "%.2f°E–%.2f°E, %.2f°N–%.2f°N", use->west, use->east, use->south, use->north);
    std::string error, error_zh;
    char pct[32] = "";
    if (worst) {
        std::snprintf(pct, sizeof pct, "%+.2f %%", (worst->scale - 1) * 100);
        error = std::string("areas there would be off by about ") + pct + " (at " + degrees(worst->lon, worst->lat) + ")";
        error_zh = std::string("面积误差约 ") + pct;
    } else {
        error = "the projection cannot even be computed there";
        error_zh = "无法投影";
    }
    const auto& [lon, lat] = boundary.vertices[first_out];
    // A district that straddles a zone edge (a 3° zone ends where its areal error is about +0.05 %)
    // would otherwise have no zone at all: within kTolerableAreaError past the edge it is accepted,
    // and build says so.
    if (worst && std::abs(worst->scale - 1) <= kTolerableAreaError) {
        w.note = "the district leaves the area of use of " + w.name + " (" + bounds + ") at " + degrees(lon, lat) + ", but its areal error stays within " +
                 percent(kTolerableAreaError) + ": " + error + " (区界略超出 " + w.name + " 的适用范围，面积误差约 " + pct + "，在容许范围内)";
        return w;
    }
    const std::string remedy = config.crs.empty() ? "name a CRS whose area of use covers the whole district with crs = \"EPSG:...\" in [dataset] (docs/crs.md)"
                                                  : "leave " + named + " out to have the zone chosen from the boundary, or name one whose area of use covers it (docs/crs.md)";
    throw core::bad_input(FeatureRef{config.file.string(), "boundary", boundary.fids[first_out], {}},
                          "the district leaves the area of use of " + w.name + " (" + w.title + ": " + use->name + ", " + bounds + ") at " +
                              degrees(lon, lat) + "; " + error + " (区界超出 " + w.name + " 的适用范围：" + error_zh + "); " + remedy);
}

}  // namespace zoning::io
