// SPDX-License-Identifier: MIT
#include "io/proposal_reader.hpp"

#include <cpl_vsi.h>

#include <set>

#include "core/error.hpp"
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
    auto field = [&](const char* name, const char* domain = "") {
        core::FieldSpec f;
        f.name = name;
        f.domain = domain;
        s.fields.push_back(f);
    };
    field("id");
    field("name");
    field("landuse", "landuse");
    field("category");
    return s;
}

/// WKT becomes a one-feature GeoJSON in GDAL's memory file system, so it takes the same path as a file.
class VsiMemFile {
public:
    VsiMemFile(const std::string& name, const std::string& text) : m_name(name) {
        VSILFILE* f = VSIFOpenL(name.c_str(), "wb");
        if (!f) throw core::Error(core::ExitCode::internal, "cannot create " + name);
        VSIFWriteL(text.data(), 1, text.size(), f);
        VSIFCloseL(f);
    }
    ~VsiMemFile() { VSIUnlink(m_name.c_str()); }
    VsiMemFile(const VsiMemFile&) = delete;
    VsiMemFile& operator=(const VsiMemFile&) = delete;
    const std::string& name() const { return m_name; }

private:
    std::string m_name;
};

}  // namespace

std::vector<core::Proposal> read_proposals(const core::Catalog& catalog, const ProposalInput& in) {
    static const core::LayerSpec spec = proposal_spec();
    if (!in.landuse.empty() && !catalog.landuse().find(in.landuse))
        throw core::bad_input(core::FeatureRef{}, "--landuse '" + in.landuse + "' is not a national 用地用海 code (layers/landuse.toml)");

    std::unique_ptr<VsiMemFile> mem;
    core::LayerSource src;
    src.layer = "proposal";
    src.source_layer = in.layer;
    if (!in.wkt.empty()) {
        if (in.crs.empty()) throw core::bad_input(core::FeatureRef{"--wkt", {}, {}, {}}, "--wkt needs --crs EPSG:N (the CRS its coordinates are in)");
        OGRGeometry* g = nullptr;
        if (OGRGeometryFactory::createFromWkt(in.wkt.c_str(), nullptr, &g) != OGRERR_NONE || !g)
            throw core::bad_input(core::FeatureRef{"--wkt", {}, {}, {}}, "not readable as WKT");
        char* json = g->exportToJson();
        std::string text = std::string(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"proposal"},"geometry":)") +
                           json + "}]}";
        CPLFree(json);
        OGRGeometryFactory::destroyGeometry(g);
        mem = std::make_unique<VsiMemFile>("/vsimem/zoning-proposal-" + std::to_string(reinterpret_cast<std::uintptr_t>(&in)) + ".geojson", text);
        src.source = mem->name();
    } else {
        src.source = in.file;
    }
    if (!in.crs.empty()) {
        src.crs = in.crs;
        src.force_crs = true;
    }
    ReadResult r = read_layer(catalog, spec, src, ".");
    std::string origin = in.wkt.empty() ? in.file : std::string("--wkt");
    for (auto& f : r.findings)
        if (f.severity == core::Severity::error) {
            core::FeatureRef where = f.where;
            where.file = origin;
            throw core::bad_input(where, f.message);
        }

    std::vector<core::Proposal> out;
    std::set<std::string> ids;
    for (auto& f : r.layer.features) {
        core::Proposal p;
        p.fid = f.fid;
        p.id = r.layer.id_of(f);
        if (p.id.empty() || (!in.wkt.empty() && p.id == "proposal")) p.id = in.wkt.empty() ? "fid " + std::to_string(f.fid) : "proposal";
        if (!ids.insert(p.id).second)
            throw core::bad_input(core::FeatureRef{origin, r.layer.name(), f.fid, p.id}, "proposal id used twice");
        p.name = r.layer.text(f, "name");
        if (p.name.empty()) p.name = in.name.empty() ? p.id : in.name;
        p.landuse = r.layer.text(f, "landuse");
        if (p.landuse.empty()) p.landuse = in.landuse;
        if (p.landuse.empty())
            throw core::bad_input(core::FeatureRef{origin, r.layer.name(), f.fid, p.id}, "no land use: give --landuse CODE or a landuse field");
        p.category = r.layer.text(f, "category");
        if (p.category.empty()) p.category = in.category;
        p.wkb = f.wkb;
        for (auto& rep : r.layer.repairs)
            if (rep.fid == f.fid)
                p.warnings.push_back("the geometry was invalid (" + rep.reason + ") and was repaired with GEOS MakeValid; area " +
                                     std::to_string(static_cast<long long>(rep.area_before)) + " -> " +
                                     std::to_string(static_cast<long long>(rep.area_after)) + " m²");
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace zoning::io
