// SPDX-License-Identifier: MIT
#include "io/coords_txt.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include <cpl_string.h>

#include "core/error.hpp"
#include "geo/proj.hpp"
#include "io/file_util.hpp"
#include "io/gdal.hpp"

namespace zoning::io {

namespace {

core::Error at_line(const std::string& origin, int line, const std::string& what) {
    return core::bad_input(core::FeatureRef{origin, {}, {}, {}}, "line " + std::to_string(line) + ": " + what);
}

std::string trim(std::string s) {
    const char* ws = " \t\r";
    const auto b = s.find_first_not_of(ws);
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

std::vector<std::string> split_commas(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const auto comma = s.find(',', start);
        out.push_back(trim(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
        if (comma == std::string::npos) return out;
        start = comma + 1;
    }
}

bool parse_double(const std::string& s, double& v) {
    if (s.empty()) return false;
    char* end = nullptr;
    v = std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() && std::isfinite(v);
}

bool parse_int(const std::string& s, int& v) {
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return false;
    v = std::atoi(s.c_str());
    return true;
}

/// "[属性描述]" or "【属性描述】" -> "属性描述"; empty when the line is no section head.
std::string section_of(const std::string& line) {
    for (auto [open, close] : {std::pair<const char*, const char*>{"[", "]"}, {"【", "】"}}) {
        const std::string o = open, c = close;
        if (line.size() > o.size() + c.size() && line.compare(0, o.size(), o) == 0 && line.compare(line.size() - c.size(), c.size(), c) == 0)
            return line.substr(o.size(), line.size() - o.size() - c.size());
    }
    return {};
}

/// The text as UTF-8: Windows tools write these files in GB18030 (GBK).
std::string as_utf8(const std::string& raw) {
    std::string text = raw.compare(0, 3, "\xEF\xBB\xBF") == 0 ? raw.substr(3) : raw;
    if (CPLIsUTF8(text.c_str(), static_cast<int>(text.size()))) return text;
    char* recoded = CPLRecode(text.c_str(), "GB18030", CPL_ENC_UTF8);
    std::string out = recoded ? recoded : "";
    CPLFree(recoded);
    return out;
}

void check_points_counted(const CoordsParcel& p, const std::string& origin) {
    if (static_cast<int>(p.points.size()) != p.point_count)
        throw at_line(origin, p.line, "the parcel line states " + std::to_string(p.point_count) + " points (界址点数) but " +
                                          std::to_string(p.points.size()) + " point lines follow it");
}

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

/// A name inside a comma-separated line: its commas become full-width ones, line breaks spaces.
std::string field_text(std::string s) {
    std::string out;
    for (char c : s) {
        if (c == ',') out += "，";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

/// The CGCS2000 3-degree Gauss-Kruger zone, with the zone number in front of the easting, for a longitude.
int cgcs2000_3deg_epsg(int zone) { return 4513 + zone - 25; }

struct RingWalk {
    int ring;
    std::vector<std::pair<double, double>> xy;  ///< closed, as OGR holds it
};

/// A polygonal WKB's rings in writing order: each part's exterior, then its holes.
std::vector<RingWalk> rings_of(const std::string& wkb) {
    OGRGeometryUniquePtr g = ogr_from_wkb(wkb);
    std::vector<RingWalk> out;
    if (!g) return out;
    auto add_ring = [&](const OGRLinearRing* r) {
        RingWalk w{static_cast<int>(out.size()) + 1, {}};
        for (int i = 0; i < r->getNumPoints(); ++i) w.xy.emplace_back(r->getX(i), r->getY(i));
        if (!w.xy.empty() && w.xy.front() != w.xy.back()) w.xy.push_back(w.xy.front());
        out.push_back(std::move(w));
    };
    auto add_polygon = [&](const OGRPolygon* p) {
        if (!p->getExteriorRing()) return;
        add_ring(p->getExteriorRing());
        for (int i = 0; i < p->getNumInteriorRings(); ++i) add_ring(p->getInteriorRing(i));
    };
    const OGRwkbGeometryType t = wkbFlatten(g->getGeometryType());
    if (t == wkbPolygon) add_polygon(g->toPolygon());
    else if (t == wkbMultiPolygon)
        for (const OGRPolygon* p : *g->toMultiPolygon()) add_polygon(p);
    return out;
}

}  // namespace

std::string CoordsFile::value(const std::string& key) const {
    for (auto& [k, v] : head)
        if (k == key) return v;
    return {};
}

CoordsFile parse_coords_txt(const std::string& raw, const std::string& origin) {
    const std::string text = as_utf8(raw);
    if (text.empty() && !raw.empty()) throw core::bad_input(core::FeatureRef{origin, {}, {}, {}}, "neither UTF-8 nor GB18030 text");
    CoordsFile file;
    enum class Part { before, head, body } part = Part::before;
    bool saw_body = false;
    std::size_t pos = 0;
    int line_no = 0;
    while (pos <= text.size()) {
        const auto nl = text.find('\n', pos);
        const std::string line = trim(text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos));
        pos = nl == std::string::npos ? text.size() + 1 : nl + 1;
        ++line_no;
        if (line.empty()) continue;
        const std::string section = section_of(line);
        if (section == "属性描述") {
            part = Part::head;
            continue;
        }
        if (section == "地块坐标") {
            part = Part::body;
            saw_body = true;
            continue;
        }
        if (!section.empty()) throw at_line(origin, line_no, "unknown section [" + section + "] (expected [属性描述] or [地块坐标])");
        if (part == Part::before) throw at_line(origin, line_no, "text before [属性描述]: is this a 界址点坐标 file?");
        if (part == Part::head) {
            const auto eq = line.find('=');
            if (eq == std::string::npos) throw at_line(origin, line_no, "'" + line + "' in [属性描述] is not KEY=VALUE");
            file.head.emplace_back(trim(line.substr(0, eq)), trim(line.substr(eq + 1)));
            continue;
        }
        std::vector<std::string> f = split_commas(line);
        if (f.back() == "@") {
            if (!file.parcels.empty()) check_points_counted(file.parcels.back(), origin);
            if (f.size() < 8)
                throw at_line(origin, line_no, "a parcel line has 9 fields (界址点数,地块面积,地块编号,地块名称,图形属性,图幅号,地块用途,地类编码,@), this one " +
                                                   std::to_string(f.size()));
            CoordsParcel p;
            p.line = line_no;
            if (!parse_int(f[0], p.point_count) || p.point_count < 4)
                throw at_line(origin, line_no, "界址点数 '" + f[0] + "' is not a whole number of at least 4");
            double ha = 0;
            if (!f[1].empty() && !parse_double(f[1], ha)) throw at_line(origin, line_no, "地块面积 '" + f[1] + "' is not a number (hectares)");
            p.area_ha = f[1];
            p.id = f[2];
            p.name = f[3];
            p.shape = f[4];
            p.sheet = f[5];
            p.use = f[6];
            p.landuse_code = f.size() >= 9 ? f[7] : "";
            if (!p.shape.empty() && p.shape != "面")
                throw at_line(origin, line_no, "图形属性 '" + p.shape + "': only 面 (a polygon) can be a site");
            file.parcels.push_back(std::move(p));
            continue;
        }
        if (file.parcels.empty()) throw at_line(origin, line_no, "a point before any parcel line (…,@)");
        if (f.size() != 4) throw at_line(origin, line_no, "a point line is 点号,圈号,X,Y; this one has " + std::to_string(f.size()) + " fields");
        CoordsPoint pt;
        pt.line = line_no;
        pt.name = f[0];
        if (!parse_int(f[1], pt.ring) || pt.ring < 1) throw at_line(origin, line_no, "圈号 '" + f[1] + "' is not a ring number from 1");
        if (!parse_double(f[2], pt.x_north)) throw at_line(origin, line_no, "X '" + f[2] + "' is not a number");
        if (!parse_double(f[3], pt.y_east)) throw at_line(origin, line_no, "Y '" + f[3] + "' is not a number");
        if (pt.x_north >= 1e7 && pt.y_east < 1e7)
            throw at_line(origin, line_no, "X and Y look swapped: the format's X is the northing (7 digits), Y the easting with the zone number in front (8 digits)");
        if (pt.y_east < 1e6)
            throw at_line(origin, line_no, "Y " + f[3] + " has no zone number in front: the format's Y is the easting with its 带号 first, e.g. 38430000.000");
        CoordsParcel& parcel = file.parcels.back();
        if (!parcel.points.empty() && pt.ring < parcel.points.back().ring)
            throw at_line(origin, line_no, "ring " + std::to_string(pt.ring) + " after ring " + std::to_string(parcel.points.back().ring) +
                                               ": a ring's points must follow one another");
        parcel.points.push_back(std::move(pt));
    }
    if (!saw_body) throw core::bad_input(core::FeatureRef{origin, {}, {}, {}}, "no [地块坐标] section: is this a 界址点坐标 file?");
    if (file.parcels.empty()) throw core::bad_input(core::FeatureRef{origin, {}, {}, {}}, "[地块坐标] has no parcel");
    check_points_counted(file.parcels.back(), origin);
    return file;
}

CoordsFile read_coords_txt(const std::filesystem::path& path) { return parse_coords_txt(read_text_file(path), path.string()); }

std::string format_coords_txt(const CoordsFile& file) {
    std::string out = "[属性描述]\r\n";
    for (auto& [k, v] : file.head) out += k + "=" + v + "\r\n";
    out += "[地块坐标]\r\n";
    for (auto& p : file.parcels) {
        out += std::to_string(p.points.size()) + "," + p.area_ha + "," + field_text(p.id) + "," + field_text(p.name) + "," + p.shape + "," +
               field_text(p.sheet) + "," + field_text(p.use) + "," + field_text(p.landuse_code) + ",@\r\n";
        for (auto& pt : p.points)
            out += field_text(pt.name) + "," + std::to_string(pt.ring) + "," + fixed(pt.x_north, 3) + "," + fixed(pt.y_east, 3) + "\r\n";
    }
    return out;
}

std::string coords_crs(const CoordsFile& file, const std::string& origin) {
    const core::FeatureRef where{origin, {}, {}, {}};
    const std::string datum = file.value("坐标系");
    enum class Datum { cgcs2000, xian80, beijing54 } d;
    if (datum.find("2000") != std::string::npos) d = Datum::cgcs2000;
    else if (datum.find("西安") != std::string::npos || datum.find("1980") != std::string::npos) d = Datum::xian80;
    else if (datum.find("北京") != std::string::npos || datum.find("1954") != std::string::npos) d = Datum::beijing54;
    else
        throw core::bad_input(where, datum.empty() ? "[属性描述] has no 坐标系 (e.g. 坐标系=2000国家大地坐标系)"
                                                   : "坐标系 '" + datum + "' is none of 2000国家大地坐标系, 1980西安坐标系, 1954北京坐标系");
    const std::string projection = file.value("投影类型");
    if (!projection.empty() && projection.find("高斯") == std::string::npos)
        throw core::bad_input(where, "投影类型 '" + projection + "': only 高斯克吕格 (Gauss-Kruger) is read");
    const std::string unit = file.value("计量单位");
    if (!unit.empty() && unit != "米" && unit != "m")
        throw core::bad_input(where, "计量单位 '" + unit + "': coordinates must be in 米 (metres)");

    int zone = 0;
    const std::string zone_text = file.value("带号");
    if (!zone_text.empty() && !parse_int(zone_text, zone)) throw core::bad_input(where, "带号 '" + zone_text + "' is not a zone number");
    // The zone also leads every Y: the two must agree, and the Y gives it when the head does not.
    for (auto& p : file.parcels)
        for (auto& pt : p.points) {
            const int prefix = static_cast<int>(std::floor(pt.y_east / 1e6));
            if (zone == 0) zone = prefix;
            if (prefix != zone)
                throw at_line(origin, pt.line, "Y " + fixed(pt.y_east, 3) + " is in zone " + std::to_string(prefix) + ", the head's 带号 is " +
                                                   std::to_string(zone));
        }
    int width = 0;
    std::string width_text = file.value("几度分带");
    for (const char* suffix : {"度带", "度"})
        if (width_text.size() > std::string(suffix).size() && width_text.compare(width_text.size() - std::string(suffix).size(), std::string::npos, suffix) == 0)
            width_text.resize(width_text.size() - std::string(suffix).size());
    if (width_text.empty()) width = zone >= 25 ? 3 : 6;  // China's 6-degree zones are 13-23, its 3-degree zones 25-45
    else if (!parse_int(width_text, width) || (width != 3 && width != 6))
        throw core::bad_input(where, "几度分带 '" + file.value("几度分带") + "' is neither 3 nor 6");
    const int lo = width == 3 ? 25 : 13, hi = width == 3 ? 45 : 23;
    if (zone < lo || zone > hi)
        throw core::bad_input(where, "带号 " + std::to_string(zone) + " is not a " + std::to_string(width) + "-degree zone of China (" + std::to_string(lo) +
                                         "–" + std::to_string(hi) + ")");
    int epsg = 0;
    switch (d) {
        case Datum::cgcs2000: epsg = width == 3 ? cgcs2000_3deg_epsg(zone) : 4491 + zone - 13; break;
        case Datum::xian80: epsg = width == 3 ? 2349 + zone - 25 : 2327 + zone - 13; break;
        case Datum::beijing54: epsg = width == 3 ? 2401 + zone - 25 : 21413 + zone - 13; break;
    }
    return "EPSG:" + std::to_string(epsg);
}

std::string parcel_wkb(const CoordsParcel& parcel, const std::string& origin) {
    // Rings in file order; a ring inside an earlier outer ring is that ring's hole.
    std::vector<std::unique_ptr<OGRPolygon>> parts;
    std::size_t i = 0;
    while (i < parcel.points.size()) {
        const int ring_no = parcel.points[i].ring;
        const int first_line = parcel.points[i].line;
        auto ring = std::make_unique<OGRLinearRing>();
        for (; i < parcel.points.size() && parcel.points[i].ring == ring_no; ++i) ring->addPoint(parcel.points[i].y_east, parcel.points[i].x_north);
        ring->closeRings();
        if (ring->getNumPoints() < 4)
            throw at_line(origin, first_line, "ring " + std::to_string(ring_no) + " of parcel '" + parcel.id + "' has fewer than 3 distinct points");
        OGRPolygon* host = nullptr;
        OGRPoint first;
        ring->getPoint(0, &first);
        for (auto& p : parts)
            if (p->getExteriorRing()->isPointInRing(&first)) host = p.get();
        if (host) {
            host->addRingDirectly(ring.release());
        } else {
            parts.push_back(std::make_unique<OGRPolygon>());
            parts.back()->addRingDirectly(ring.release());
        }
    }
    OGRGeometryUniquePtr g;
    if (parts.size() == 1) {
        g.reset(parts.front().release());
    } else {
        auto multi = std::make_unique<OGRMultiPolygon>();
        for (auto& p : parts) multi->addGeometryDirectly(p.release());
        g.reset(multi.release());
    }
    std::string wkb(static_cast<std::size_t>(g->WkbSize()), '\0');
    g->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()), wkbVariantIso);
    return wkb;
}

CoordsFile coords_from_sites(const std::vector<CoordsSite>& sites, const std::string& work_crs, const CoordsHeadValues& values) {
    geo::ProjContext proj;
    // The zone from the sites' middle: one 带号 in the head serves all of them.
    double minx = HUGE_VAL, miny = HUGE_VAL, maxx = -HUGE_VAL, maxy = -HUGE_VAL;
    std::vector<std::vector<RingWalk>> rings;
    for (auto& s : sites) {
        rings.push_back(rings_of(s.wkb));
        for (auto& r : rings.back())
            for (auto [x, y] : r.xy) minx = std::min(minx, x), miny = std::min(miny, y), maxx = std::max(maxx, x), maxy = std::max(maxy, y);
    }
    if (!(minx <= maxx)) throw core::bad_input(core::FeatureRef{}, "no site with a polygon to write as coordinates");
    double lon = (minx + maxx) / 2, lat = (miny + maxy) / 2;
    if (!geo::Transformer(proj, work_crs, "EPSG:4490").transform(lon, lat))
        throw core::bad_input(core::FeatureRef{}, "the sites cannot be placed in longitude and latitude");
    const int zone = static_cast<int>(std::lround(lon / 3));
    if (zone < 25 || zone > 45)
        throw core::bad_input(core::FeatureRef{}, "the sites lie at " + fixed(lon, 2) + "°E, outside China's 3-degree Gauss-Kruger zones (75°E–135°E)");
    const std::string zone_crs = "EPSG:" + std::to_string(cgcs2000_3deg_epsg(zone));
    const geo::Transformer to_zone(proj, work_crs, zone_crs);

    CoordsFile file;
    file.head = {{"格式版本号", "1.01"},   {"数据产生单位", values.organisation}, {"数据产生日期", values.date}, {"坐标系", "2000国家大地坐标系"},
                 {"几度分带", "3"},         {"投影类型", "高斯克吕格"},            {"计量单位", "米"},            {"带号", std::to_string(zone)},
                 {"精度", "0.001"},         {"转换参数", ",,,,,,"}};
    for (std::size_t s = 0; s < sites.size(); ++s) {
        CoordsParcel p;
        p.id = sites[s].id;
        p.name = sites[s].name;
        p.use = sites[s].use;
        p.landuse_code = sites[s].landuse_code;
        int n = 0;
        for (auto& r : rings[s]) {
            const int first = n + 1;
            for (std::size_t k = 0; k < r.xy.size(); ++k) {
                double x = r.xy[k].first, y = r.xy[k].second;
                if (!to_zone.transform(x, y))
                    throw core::bad_input(core::FeatureRef{{}, {}, {}, sites[s].id}, "a vertex cannot be transformed to " + zone_crs);
                // The ring's closing point repeats its first point's name, as 勘测定界 tables do.
                const bool closing = k + 1 == r.xy.size();
                p.points.push_back({"J" + std::to_string(closing ? first : ++n), r.ring, y, x, 0});
            }
        }
        // The area as a reader of the file computes it: the zone plane's polygon.
        OGRGeometryUniquePtr g = ogr_from_wkb(sites[s].wkb);
        double planar = 0;
        if (g) {
            OGRSpatialReference src, dst;
            src.SetFromUserInput(work_crs.c_str());
            dst.SetFromUserInput(zone_crs.c_str());
            src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            dst.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            g->assignSpatialReference(&src);
            if (g->transformTo(&dst) == OGRERR_NONE) planar = OGR_G_Area(OGRGeometry::ToHandle(g.get()));
            g->assignSpatialReference(nullptr);
        }
        p.area_ha = fixed(planar / 10000.0, 4);
        p.point_count = static_cast<int>(p.points.size());
        file.parcels.push_back(std::move(p));
    }
    return file;
}

std::vector<BoundaryVertex> boundary_vertices(const std::string& wkb, const std::string& work_crs) {
    geo::ProjContext proj;
    const geo::Transformer to_lonlat(proj, work_crs, "EPSG:4490");
    std::vector<BoundaryVertex> out;
    int n = 0;
    for (auto& r : rings_of(wkb)) {
        const int first = n + 1;
        for (std::size_t k = 0; k < r.xy.size(); ++k) {
            BoundaryVertex v;
            const bool closing = k + 1 == r.xy.size();
            v.name = "J" + std::to_string(closing ? first : ++n);
            v.ring = r.ring;
            v.x = v.lon = r.xy[k].first;
            v.y = v.lat = r.xy[k].second;
            if (!to_lonlat.transform(v.lon, v.lat)) throw core::bad_input(core::FeatureRef{}, "a vertex of the site cannot be placed in longitude and latitude");
            out.push_back(v);
        }
    }
    return out;
}

std::string crs_words(const std::string& work_crs, bool zh) {
    geo::ProjContext proj;
    const std::string name = geo::crs_name(proj, work_crs);
    // "CGCS2000 / 3-degree Gauss-Kruger CM 114E", "CGCS2000 / Gauss-Kruger zone 19"
    const std::string prefix = "CGCS2000 / ";
    if (name.compare(0, prefix.size(), prefix) != 0 || name.find("Gauss-Kruger") == std::string::npos) return name;
    const bool three = name.find("3-degree") != std::string::npos;
    std::string out = zh ? std::string("2000国家大地坐标系 高斯-克吕格投影 ") + (three ? "3度带" : "6度带") : std::string("CGCS2000 Gauss-Kruger, ") + (three ? "3-degree" : "6-degree") + " zones";
    if (const auto cm = name.find(" CM "); cm != std::string::npos) {
        const std::string deg = name.substr(cm + 4, name.size() - cm - 5);  // "114E" without the E
        out += zh ? " 中央经线" + deg + "°E" : ", central meridian " + deg + "°E";
    } else if (const auto z = name.find(" zone "); z != std::string::npos) {
        out += zh ? " 第" + name.substr(z + 6) + "带" : ", zone " + name.substr(z + 6);
    }
    return out;
}

}  // namespace zoning::io
