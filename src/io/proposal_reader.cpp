// SPDX-License-Identifier: MIT
#include "io/proposal_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

#include "core/error.hpp"
#include "geo/geos.hpp"
#include "geo/proj.hpp"
#include "io/coords_txt.hpp"
#include "io/gdal.hpp"
#include "io/source_reader.hpp"

namespace zoning::io {

namespace {

/// The fields a proposal may carry; all optional so a bare polygon is enough.
core::LayerSpec proposal_spec() {
    core::LayerSpec s;
    s.name = "proposal";
    s.title_zh = "拟建项目";
    s.title_en = "Proposal";
    s.geometry = core::GeomKind::polygon;
    auto field = [&](const char* name, const char* domain = "", core::FieldType type = core::FieldType::string) {
        core::FieldSpec f;
        f.name = name;
        f.domain = domain;
        f.type = type;
        s.fields.push_back(f);
    };
    field("id");
    field("name");
    field("landuse", "landuse");
    field("category");
    // The 控规 figures a proposal states (容积率, 建筑高度 m, 建筑密度 and 绿地率 as shares 0..1).
    for (const char* f : {"far", "height", "density", "green"}) field(f, "", core::FieldType::real);
    return s;
}

/// The proposal's stated 控规 figures: its own fields first, else the command line's; a figure
/// out of its range is refused (a share given as a percentage, a negative height).
std::string read_indicators(const core::Layer& l, const core::Feature& f, const core::ProposalIndicators& given, core::ProposalIndicators& out) {
    auto number = [&](const char* field) { return l.number(f, field); };
    out.far = number("far") ? number("far") : given.far;
    out.height_m = number("height") ? number("height") : given.height_m;
    out.density = number("density") ? number("density") : given.density;
    out.green = number("green") ? number("green") : given.green;
    return core::indicator_problem(out);
}

/// Whole square metres as text; "%.0f" because a site's area can exceed what a long long holds
/// (coordinates near 1e10 give ~1e19 m²), and casting such a double is undefined.
std::string whole_m2(double m2) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", m2);
    return buf;
}

std::string repair_warning(const std::string& reason, double before, double after) {
    return "the geometry was invalid (" + reason + ") and was repaired with GEOS MakeValid; area " + whole_m2(before) + " -> " +
           whole_m2(after) + " m²";
}

/// A repair said in both languages: the review note of a Chinese opinion quotes the Chinese one.
void warn_repaired(core::Proposal& p, const std::string& reason, double before, double after) {
    p.warnings.push_back(repair_warning(reason, before, after));
    p.warnings_zh.push_back("用地图形无效，已自动修复，面积由 " + whole_m2(before) + " 平方米变为 " + whole_m2(after) + " 平方米，请核对用地范围。");
}

/// The --wkt text as 2D linear polygon WKB. Read by OGR, which knows every WKT type
/// (curves, TRIANGLE, TIN, POLYHEDRALSURFACE, Z and M) and says where it stopped:
/// text after the geometry (a second polygon pasted) is refused, not dropped; curves
/// are linearised; anything but a (multi)polygon or (multi)surface is refused by type.
std::string linear_polygon_wkb(const std::string& wkt, const core::FeatureRef& where) {
    GdalErrorScope quiet;  // OGR's own messages would print before ours
    const char* cursor = wkt.c_str();
    OGRGeometry* raw = nullptr;
    if (OGRGeometryFactory::createFromWkt(&cursor, nullptr, &raw) != OGRERR_NONE || !raw) throw core::bad_input(where, "not readable as WKT");
    OGRGeometryUniquePtr g(raw);
    while (*cursor == ' ' || *cursor == '\t' || *cursor == '\n' || *cursor == '\r') ++cursor;
    if (*cursor)
        throw core::bad_input(where, "text after the geometry ('" + std::string(cursor).substr(0, 40) +
                                         "'): give one POLYGON, or one MULTIPOLYGON for a site of several parts");
    const OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
    if (type != wkbPolygon && type != wkbMultiPolygon && type != wkbCurvePolygon && type != wkbMultiSurface)
        throw core::bad_input(where, std::string("a ") + OGRGeometryTypeToName(g->getGeometryType()) + " where a polygon belongs");
    if (g->IsEmpty()) throw core::bad_input(where, "the geometry is empty");
    if (g->hasCurveGeometry()) g.reset(g->getLinearGeometry());
    if (!g) throw core::bad_input(where, "the curves cannot be made into straight segments");
    g->flattenTo2D();
    std::string wkb(static_cast<std::size_t>(g->WkbSize()), '\0');
    g->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()), wkbVariantIso);
    return wkb;
}

/// The --wkt proposal: read by OGR into GEOS and checked in place, never through a file, so
/// every message names --wkt and suggests --crs; transform and repair are the layer reader's.
core::Proposal wkt_proposal(const ProposalInput& in, const std::string& work_crs, const core::LayerSpec& spec) {
    const core::FeatureRef where{"--wkt", {}, {}, {}};
    geo::GeosContext ctx;
    geo::GeomPtr g;
    try {
        g = geo::from_wkb(ctx, linear_polygon_wkb(in.wkt, where));
    } catch (const geo::GeosError&) {
        throw core::bad_input(where, "not readable as WKT");
    }

    geo::ProjContext proj;
    std::unique_ptr<geo::Transformer> to_work;
    try {
        to_work = std::make_unique<geo::Transformer>(proj, in.crs, work_crs);
    } catch (const geo::ProjError& e) {
        throw core::bad_input(where, std::string("--crs ") + in.crs + ": " + e.what());
    }
    // Coordinates plainly in the other kind of CRS mean --crs is wrong: say which to give.
    geo::Envelope e;
    try {
        e = geo::envelope(ctx, g.get());
    } catch (const geo::GeosError&) {
        // A degenerate arc can linearise to non-finite coordinates GEOS cannot bound.
        throw core::bad_input(where, "the geometry has no finite extent (a degenerate curve?)");
    }
    const geo::CoordinateFit fit = geo::coordinate_fit(geo::crs_is_geographic(proj, in.crs), e.minx, e.miny, e.maxx, e.maxy);
    if (fit != geo::CoordinateFit::plausible) {
        const bool lonlat_declared = fit == geo::CoordinateFit::metres_declared_lonlat;
        throw core::bad_input(where, geo::coordinate_fit_text(fit, e.minx, e.miny, e.maxx, e.maxy) + ", but --crs " + to_work->source_name() +
                                         (lonlat_declared ? " is lon/lat" : " is in metres") + "; give the CRS they are in, e.g. --crs " +
                                         (lonlat_declared ? geo::crs_short_name(proj, work_crs) : std::string("EPSG:4326")));
    }

    // The layer reader's own last step: transform, repair with MakeValid (noted), keep some area.
    ReadResult r;
    r.layer.spec = &spec;
    SourceFeature f{core::Feature{}, core::FeatureRef{"--wkt", spec.name, 1, {}}};
    f.feature.fid = 1;
    f.feature.values.resize(spec.fields.size());
    f.feature.wkb = geo::to_wkb(ctx, g.get());
    transform_and_repair(r, {std::move(f)}, in.crs, work_crs, 1);
    for (auto& finding : r.findings)
        if (finding.severity == core::Severity::error) throw core::bad_input(where, finding.message);
    core::Proposal p;
    p.id = "proposal";
    for (auto& rep : r.layer.repairs) warn_repaired(p, rep.reason, rep.area_before, rep.area_after);
    p.wkb = std::move(r.layer.features.at(0).wkb);
    return p;
}

/// A `.txt` proposal: the 界址点坐标 exchange file, each 地块 a proposal in the CRS its head names.
bool is_coords_txt(const std::string& file) {
    const std::string ext = std::filesystem::path(file).extension().string();
    return ext.size() == 4 && (ext == ".txt" || ext == ".TXT" || ext == ".Txt");
}

std::vector<core::Proposal> coords_proposals(const core::Catalog& catalog, const std::string& work_crs, const ProposalInput& in,
                                             const core::LayerSpec& spec) {
    const CoordsFile file = read_coords_txt(in.file);
    const std::string crs = in.crs.empty() ? coords_crs(file, in.file) : in.crs;
    ReadResult r;
    r.layer.spec = &spec;
    std::vector<SourceFeature> features;
    for (std::size_t i = 0; i < file.parcels.size(); ++i) {
        const CoordsParcel& parcel = file.parcels[i];
        const auto fid = static_cast<std::int64_t>(i + 1);
        SourceFeature f{core::Feature{}, core::FeatureRef{in.file, {}, fid, parcel.id}};
        f.feature.fid = fid;
        f.feature.values.resize(spec.fields.size());
        f.feature.wkb = parcel_wkb(parcel, in.file);
        features.push_back(std::move(f));
    }
    transform_and_repair(r, std::move(features), crs, work_crs, 1);
    std::map<std::int64_t, std::string> failed;
    for (auto& finding : r.findings)
        if (finding.severity == core::Severity::error) {
            core::FeatureRef where = finding.where;
            where.file = in.file;
            const std::string why = finding.message + " (parcel line " + std::to_string(file.parcels.at(static_cast<std::size_t>(*where.fid - 1)).line) + ")";
            if (!in.batch) throw core::bad_input(where, why);
            failed[*where.fid] += (failed[*where.fid].empty() ? "" : "; ") + why;
        }

    std::vector<core::Proposal> out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < file.parcels.size(); ++i) {
        const CoordsParcel& parcel = file.parcels[i];
        core::Proposal p;
        p.fid = static_cast<std::int64_t>(i + 1);
        p.id = parcel.id.empty() ? "地块" + std::to_string(i + 1) : parcel.id;
        p.name = !parcel.name.empty() ? parcel.name : !in.name.empty() ? in.name : p.id;
        p.category = in.category;
        p.indicators = in.indicators;
        // --landuse wins: a 报批 file's 地类编码 may be a 三调 code rather than a 用地用海 one.
        p.landuse = !in.landuse.empty() ? in.landuse : parcel.landuse_code;
        const core::FeatureRef where{in.file, {}, p.fid, p.id};
        auto reject = [&](const std::string& why) {
            if (!in.batch) throw core::bad_input(where, why);
            p.error = why;
            out.push_back(std::move(p));
        };
        if (failed.count(p.fid)) {
            reject(failed[p.fid]);
            continue;
        }
        const auto kept = std::find_if(r.layer.features.begin(), r.layer.features.end(), [&](const core::Feature& k) { return k.fid == p.fid; });
        if (kept == r.layer.features.end()) {
            reject("the parcel has no usable geometry (parcel line " + std::to_string(parcel.line) + ")");
            continue;
        }
        const core::Feature& f = *kept;
        if (!ids.insert(p.id).second) {
            reject("地块编号 used twice (parcel line " + std::to_string(parcel.line) + ")");
            continue;
        }
        if (p.landuse.empty()) {
            reject("parcel line " + std::to_string(parcel.line) + " has no 地类编码: give --landuse CODE");
            continue;
        }
        if (!catalog.landuse().find(p.landuse)) {
            reject("地类编码 '" + p.landuse + "' (parcel line " + std::to_string(parcel.line) +
                   ") is not a national 用地用海 code; give the site's code with --landuse CODE");
            continue;
        }
        // The opinion certifies the 界址点 as submitted: a boundary repaired here would be one the
        // applicant never drew, so an invalid ring is refused rather than mended.
        const auto repaired = std::find_if(r.layer.repairs.begin(), r.layer.repairs.end(), [&](const auto& rep) { return rep.fid == f.fid; });
        if (repaired != r.layer.repairs.end()) {
            reject("parcel line " + std::to_string(parcel.line) + ": the 界址点 do not make a valid polygon (" + repaired->reason +
                   "); correct the coordinates — a site is not repaired, since the opinion would certify a boundary that was not submitted");
            continue;
        }
        p.wkb = f.wkb;
        // The stated 地块面积 against the drawn polygon, in the file's own plane: a mismatch means a wrong point.
        double stated_ha = 0;
        if (!parcel.area_ha.empty() && (stated_ha = std::strtod(parcel.area_ha.c_str(), nullptr)) > 0) {
            OGRGeometryUniquePtr g = ogr_from_wkb(parcel_wkb(parcel, in.file));
            const double drawn_m2 = g ? OGR_G_Area(OGRGeometry::ToHandle(g.get())) : 0;
            if (std::abs(stated_ha * 10000 - drawn_m2) > std::max(1.0, drawn_m2 * 0.001)) {
                p.warnings.push_back("parcel line " + std::to_string(parcel.line) + " states 地块面积 " + parcel.area_ha + " ha, its points enclose " +
                                     whole_m2(drawn_m2) + " m²");
                p.warnings_zh.push_back("申报地块面积 " + parcel.area_ha + " 公顷，界址点围合面积 " + whole_m2(drawn_m2) + " 平方米，二者不符，请核对界址点。");
            }
        }
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace

std::vector<core::Proposal> read_proposals(const core::Catalog& catalog, const std::string& work_crs, const ProposalInput& in) {
    static const core::LayerSpec spec = proposal_spec();
    if (!in.landuse.empty() && !catalog.landuse().find(in.landuse))
        throw core::bad_input(core::FeatureRef{}, "--landuse '" + in.landuse + "' is not a national 用地用海 code (layers/landuse.toml)");

    if (!in.wkt.empty()) {
        if (in.crs.empty()) throw core::bad_input(core::FeatureRef{"--wkt", {}, {}, {}}, "--wkt needs --crs EPSG:N (the CRS its coordinates are in)");
        if (in.landuse.empty()) throw core::bad_input(core::FeatureRef{"--wkt", {}, {}, {}}, "no land use: give --landuse CODE");
        core::Proposal p = wkt_proposal(in, work_crs, spec);
        p.name = in.name.empty() ? p.id : in.name;
        p.landuse = in.landuse;
        p.category = in.category;
        p.indicators = in.indicators;
        return {std::move(p)};
    }

    if (is_coords_txt(in.file)) return coords_proposals(catalog, work_crs, in, spec);

    core::LayerSource src;
    src.layer = "proposal";
    src.source_layer = in.layer;
    src.source = in.file;
    if (!in.crs.empty()) {
        src.crs = in.crs;
        src.force_crs = true;
    }
    // With --crs the user names the CRS on the command line: advice says so, not dataset.toml.
    ReadResult r = read_layer(catalog, spec, src, work_crs, ".", 0, in.crs.empty() ? CrsAdvice{} : CrsAdvice{"--crs"});
    const std::string& origin = in.file;
    // Batch: the features the reader left out come back as error rows, one per fid.
    std::map<std::int64_t, core::Proposal> failed;
    for (auto& f : r.findings)
        if (f.severity == core::Severity::error) {
            core::FeatureRef where = f.where;
            where.file = origin;
            if (!in.batch || !where.fid) throw core::bad_input(where, f.message);
            core::Proposal& p = failed[*where.fid];
            p.fid = *where.fid;
            p.id = where.id.empty() ? "fid " + std::to_string(p.fid) : where.id;
            p.name = p.id;
            p.error += (p.error.empty() ? "" : "; ") + f.message;
        }

    std::vector<core::Proposal> out;
    std::set<std::string> ids;
    for (auto& f : r.layer.features) {
        core::Proposal p;
        p.fid = f.fid;
        p.id = r.layer.id_of(f);
        if (p.id.empty()) p.id = "fid " + std::to_string(f.fid);
        // A feature's own problem: the whole read fails, or in batch that row does.
        auto reject = [&](const std::string& why) {
            if (!in.batch) throw core::bad_input(core::FeatureRef{origin, r.layer.name(), f.fid, p.id}, why);
            p.error = why;
            p.wkb.clear();
            out.push_back(std::move(p));
        };
        if (!ids.insert(p.id).second) {
            reject("proposal id used twice");
            continue;
        }
        p.name = r.layer.text(f, "name");
        if (p.name.empty()) p.name = in.name.empty() ? p.id : in.name;
        p.landuse = r.layer.text(f, "landuse");
        if (p.landuse.empty()) p.landuse = in.landuse;
        if (p.landuse.empty()) {
            reject("no land use: give --landuse CODE or a landuse field");
            continue;
        }
        p.category = r.layer.text(f, "category");
        if (p.category.empty()) p.category = in.category;
        if (std::string bad = read_indicators(r.layer, f, in.indicators, p.indicators); !bad.empty()) {
            reject(bad);
            continue;
        }
        p.wkb = f.wkb;
        for (auto& rep : r.layer.repairs)
            if (rep.fid == f.fid) warn_repaired(p, rep.reason, rep.area_before, rep.area_after);
        out.push_back(std::move(p));
    }
    for (auto& [fid, p] : failed) out.push_back(std::move(p));
    std::stable_sort(out.begin(), out.end(), [](const core::Proposal& a, const core::Proposal& b) { return a.fid < b.fid; });
    return out;
}

}  // namespace zoning::io
