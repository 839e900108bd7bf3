// SPDX-License-Identifier: MIT
#include "io/layer_writer.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>

#include "core/error.hpp"
#include "io/sqlite.hpp"

namespace zoning::io {

using core::FeatureRef;

namespace {

OGRFieldType ogr_type(core::FieldType t) {
    switch (t) {
        case core::FieldType::integer: return OFTInteger64;
        case core::FieldType::real: return OFTReal;
        default: return OFTString;
    }
}

OGRwkbGeometryType geometry_type(const core::LayerSpec& spec) {
    return spec.geometry == core::GeomKind::polygon ? wkbMultiPolygon : spec.geometry == core::GeomKind::line ? wkbMultiLineString : wkbNone;
}

}  // namespace

OGRLayer* create_feature_layer(GDALDataset& ds, const core::LayerSpec& spec, const OGRSpatialReference& srs, const std::string& path,
                               const std::vector<std::string>& options, const std::map<std::string, std::string>& rename) {
    GdalErrorScope scope;
    CPLStringList opts;
    for (auto& o : options) opts.AddString(o.c_str());
    if (std::string(ds.GetDriverName()) == "GPKG") {
        opts.SetNameValue("IDENTIFIER", spec.title_zh.c_str());
        opts.SetNameValue("DESCRIPTION", spec.title_en.c_str());
    }
    const OGRwkbGeometryType gt = geometry_type(spec);
    OGRLayer* l = ds.CreateLayer(spec.name.c_str(), gt == wkbNone ? nullptr : const_cast<OGRSpatialReference*>(&srs), gt, opts.List());
    if (!l) throw core::output_error(path, "cannot create layer " + spec.name + ": " + scope.message());
    for (auto& fs : spec.fields) {
        auto renamed = rename.find(fs.name);
        OGRFieldDefn fd(renamed == rename.end() ? fs.name.c_str() : renamed->second.c_str(), ogr_type(fs.type));
        if (l->CreateField(&fd) != OGRERR_NONE) throw core::output_error(path, "cannot create field " + spec.name + "." + fs.name);
    }
    return l;
}

OGRLayer* write_feature_layer(GDALDataset& ds, const core::Layer& layer, const OGRSpatialReference& srs, const std::string& path,
                              const std::vector<std::string>& options, const std::map<std::string, std::string>& rename) {
    const core::LayerSpec& spec = *layer.spec;
    OGRLayer* l = create_feature_layer(ds, spec, srs, path, options, rename);
    GdalErrorScope scope;
    const OGRwkbGeometryType gt = geometry_type(spec);
    // One transaction per layer, begun after the layer exists: GDAL's GeoPackage driver then
    // defers the R-tree and fills it in bulk at commit, several times faster than per insert.
    const bool transaction = ds.TestCapability(ODsCTransactions) && ds.StartTransaction() == OGRERR_NONE;
    OGRFeatureDefn* defn = l->GetLayerDefn();
    for (const auto& feat : layer.features) {
        OGRFeature f(defn);
        f.SetFID(feat.fid);
        for (std::size_t i = 0; i < feat.values.size(); ++i) {
            const auto& v = feat.values[i];
            int idx = static_cast<int>(i);
            if (auto* s = std::get_if<std::string>(&v)) f.SetField(idx, s->c_str());
            else if (auto* n = std::get_if<std::int64_t>(&v)) f.SetField(idx, static_cast<GIntBig>(*n));
            else if (auto* d = std::get_if<double>(&v)) f.SetField(idx, *d);
            else f.SetFieldNull(idx);
        }
        if (gt != wkbNone) {
            OGRGeometryUniquePtr g = ogr_from_wkb(feat.wkb);
            if (!g) throw core::Error(core::ExitCode::internal, FeatureRef{path, spec.name, feat.fid, {}}, "bad WKB in memory");
            f.SetGeometryDirectly(g.release());
        }
        if (l->CreateFeature(&f) != OGRERR_NONE)
            throw core::output_error(path, "cannot write " + spec.name + " fid " + std::to_string(feat.fid) + ": " + scope.message());
    }
    if (transaction && ds.CommitTransaction() != OGRERR_NONE)
        throw core::output_error(path, "cannot commit " + spec.name + ": " + scope.message_or("disk full?"));
    return l;
}

OGRLayer* create_attribute_table(GDALDataset& ds, const char* name, const std::vector<std::pair<const char*, OGRFieldType>>& fields,
                                 const std::string& path) {
    GdalErrorScope scope;
    const char* opts[] = {"FID=fid", nullptr};
    OGRLayer* l = ds.CreateLayer(name, nullptr, wkbNone, const_cast<char**>(opts));
    if (!l) throw core::output_error(path, std::string("cannot create table ") + name + ": " + scope.message());
    for (auto& [fname, ftype] : fields) {
        OGRFieldDefn fd(fname, ftype);
        if (l->CreateField(&fd) != OGRERR_NONE) throw core::output_error(path, std::string("cannot create field ") + fname);
    }
    return l;
}

void add_row(OGRLayer* l, const std::vector<std::string>& values, const std::string& path) {
    OGRFeature f(l->GetLayerDefn());
    for (std::size_t i = 0; i < values.size(); ++i) f.SetField(static_cast<int>(i), values[i].c_str());
    if (l->CreateFeature(&f) != OGRERR_NONE) throw core::output_error(path, std::string("cannot write to ") + l->GetName());
}

namespace {

// GeoPackage bulk writing ------------------------------------------------------

struct Envelope {
    double minx = std::numeric_limits<double>::infinity(), miny = minx;
    double maxx = -std::numeric_limits<double>::infinity(), maxy = maxx;
    bool empty() const noexcept { return minx > maxx; }
    void add(double x, double y) noexcept {
        if (std::isnan(x) || std::isnan(y)) return;  // WKB's empty point
        minx = std::min(minx, x), maxx = std::max(maxx, x);
        miny = std::min(miny, y), maxy = std::max(maxy, y);
    }
};

/// The extent of a WKB geometry (ISO or extended, either byte order, with Z and M), read from
/// its bytes without building it; false for bytes that are not such WKB.
class WkbExtent {
public:
    explicit WkbExtent(const std::string& wkb)
        : m_p(reinterpret_cast<const unsigned char*>(wkb.data())), m_end(m_p + wkb.size()) {}
    /// `point`: the geometry is a single point (GeoPackage gives a point no envelope).
    bool read(Envelope& env, bool& point) {
        std::uint32_t type = 0;
        if (!geometry(env, 0, type) || m_p != m_end) return false;
        point = type == 1;
        return true;
    }

private:
    bool u32(bool le, std::uint32_t& v) {
        if (m_end - m_p < 4) return false;
        v = le ? std::uint32_t(m_p[0]) | std::uint32_t(m_p[1]) << 8 | std::uint32_t(m_p[2]) << 16 | std::uint32_t(m_p[3]) << 24
               : std::uint32_t(m_p[3]) | std::uint32_t(m_p[2]) << 8 | std::uint32_t(m_p[1]) << 16 | std::uint32_t(m_p[0]) << 24;
        m_p += 4;
        return true;
    }
    double f64(bool le) {
        unsigned char b[8];
        for (int i = 0; i < 8; ++i) b[i] = m_p[le ? i : 7 - i];
        m_p += 8;
        double d;
        std::memcpy(&d, b, 8);  // the host is little-endian: GDAL's GeoPackage blobs below say so too
        return d;
    }
    bool points(bool le, std::size_t dims, std::uint32_t n, Envelope& env) {
        if (static_cast<std::size_t>(m_end - m_p) / (dims * 8) < n) return false;
        for (std::uint32_t i = 0; i < n; ++i) {
            const double x = f64(le), y = f64(le);
            m_p += (dims - 2) * 8;
            env.add(x, y);
        }
        return true;
    }
    bool geometry(Envelope& env, int depth, std::uint32_t& flat) {
        if (depth > 32 || m_end - m_p < 5 || m_p[0] > 1) return false;
        const bool le = *m_p++ == 1;
        std::uint32_t type = 0, n = 0;
        if (!u32(le, type)) return false;
        bool z = type & 0x80000000u, m = type & 0x40000000u;  // extended WKB's flags
        if (type & 0x20000000u) {                              // and its SRID
            std::uint32_t srid;
            if (!u32(le, srid)) return false;
        }
        type &= 0x0FFFFFFFu;
        if (type >= 1000 && type < 4000) {  // ISO: 1000s Z, 2000s M, 3000s ZM
            z = z || type / 1000 == 1 || type / 1000 == 3;
            m = m || type / 1000 >= 2;
            type %= 1000;
        }
        flat = type;
        const std::size_t dims = 2 + (z ? 1 : 0) + (m ? 1 : 0);
        switch (type) {
            case 1: return points(le, dims, 1, env);
            case 2: return u32(le, n) && points(le, dims, n, env);
            case 3:
                if (!u32(le, n)) return false;
                for (std::uint32_t r = 0; r < n; ++r) {
                    std::uint32_t count = 0;
                    if (!u32(le, count) || !points(le, dims, count, env)) return false;
                }
                return true;
            case 4:
            case 5:
            case 6:
            case 7:
                if (!u32(le, n)) return false;
                for (std::uint32_t i = 0; i < n; ++i) {
                    std::uint32_t part = 0;
                    if (!geometry(env, depth + 1, part)) return false;
                }
                return true;
            default: return false;
        }
    }
    const unsigned char* m_p;
    const unsigned char* m_end;
};

/// A GeoPackage geometry blob as GDAL writes it: "GP", version 0, flags (little-endian, an XY
/// envelope unless a point or empty), the srs_id, the envelope, then the WKB.
void gpkg_blob(const std::string& wkb, std::int32_t srs_id, const Envelope& env, bool point, std::string& out) {
    const bool with_envelope = !point && !env.empty();
    out.assign("GP\0", 3);
    out += static_cast<char>(0x01 | (with_envelope ? 0x02 : 0) | (env.empty() ? 0x10 : 0));
    out.append(reinterpret_cast<const char*>(&srs_id), 4);
    if (with_envelope)
        for (double d : {env.minx, env.maxx, env.miny, env.maxy}) out.append(reinterpret_cast<const char*>(&d), 8);
    out += wkb;
}

using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

/// One read-write SQLite connection on the file GDAL made; every failure names the file.
class GpkgFile {
public:
    GpkgFile(const std::filesystem::path& path, std::string shown) : m_shown(std::move(shown)) {
        sqlite3* raw = nullptr;
        const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
        m_db.reset(raw);
        if (rc != SQLITE_OK) fail("cannot open");
    }
    [[noreturn]] void fail(const std::string& what) const {
        throw core::output_error(m_shown, what + ": " + (m_db ? sqlite3_errmsg(m_db.get()) : "out of memory"));
    }
    void exec(const std::string& sql) {
        if (sqlite3_exec(m_db.get(), sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail("cannot write the GeoPackage");
    }
    StatementPtr prepare(const std::string& sql) {
        sqlite3_stmt* raw = nullptr;
        if (sqlite3_prepare_v2(m_db.get(), sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) fail("cannot write the GeoPackage");
        return StatementPtr(raw);
    }
    /// Runs a bound statement that returns no row, and resets it for the next.
    void run(sqlite3_stmt* st) {
        if (sqlite3_step(st) != SQLITE_DONE) fail("cannot write the GeoPackage");
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
    /// The first column of the first row, or nullopt.
    std::optional<std::string> text(const std::string& sql) {
        StatementPtr st = prepare(sql);
        const int rc = sqlite3_step(st.get());
        if (rc == SQLITE_ROW) {
            const auto* t = sqlite3_column_text(st.get(), 0);
            return std::string(t ? reinterpret_cast<const char*>(t) : "");
        }
        if (rc != SQLITE_DONE) fail("cannot read the GeoPackage");
        return std::nullopt;
    }

private:
    std::string m_shown;
    std::unique_ptr<sqlite3, SqliteCloser> m_db;
};

/// A feature's bounding box as the R-tree holds it: single precision, rounded outwards.
struct RtreeCell {
    float minx, maxx, miny, maxy;
    std::int64_t id;  // a leaf's fid, or a child's index in its level
};

float float_down(double d) {
    float f = static_cast<float>(d);
    return f > d ? std::nextafter(f, -std::numeric_limits<float>::infinity()) : f;
}
float float_up(double d) {
    float f = static_cast<float>(d);
    return f < d ? std::nextafter(f, std::numeric_limits<float>::infinity()) : f;
}

/// Sort-tile-recursive order: consecutive runs of `capacity` cells make compact nodes. Ties
/// broken by id, so the tree is the same on every run.
void str_order(std::vector<RtreeCell>& cells, std::size_t capacity) {
    auto cx = [](const RtreeCell& c) { return double(c.minx) + double(c.maxx); };
    auto cy = [](const RtreeCell& c) { return double(c.miny) + double(c.maxy); };
    std::sort(cells.begin(), cells.end(), [&](const RtreeCell& a, const RtreeCell& b) { return cx(a) != cx(b) ? cx(a) < cx(b) : a.id < b.id; });
    const std::size_t nodes = (cells.size() + capacity - 1) / capacity;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
    const std::size_t per_slice = slices * capacity;
    for (std::size_t s = 0; s < cells.size(); s += per_slice)
        std::sort(cells.begin() + static_cast<std::ptrdiff_t>(s), cells.begin() + static_cast<std::ptrdiff_t>(std::min(cells.size(), s + per_slice)),
                  [&](const RtreeCell& a, const RtreeCell& b) { return cy(a) != cy(b) ? cy(a) < cy(b) : a.id < b.id; });
}

void put_be(unsigned char* p, std::uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i, v >>= 8) p[i] = static_cast<unsigned char>(v & 0xFF);
}

/// Writes SQLite's R*Tree shadow tables (<name>_node, _rowid, _parent) for `cells` in one
/// packed tree, in the format of SQLite's rtree.c: node 1 is the root and starts with the
/// tree's depth; a node is a 16-bit cell count then cells of a 64-bit id and four 32-bit
/// floats, all big-endian, in blobs of the size the table was created with.
void write_rtree(GpkgFile& db, const std::string& rtree, std::vector<RtreeCell> cells) {
    const std::optional<std::string> size = db.text("SELECT length(data) FROM " + sql_identifier(rtree + "_node") + " WHERE nodeno = 1");
    if (!size) db.fail("the spatial index " + rtree + " has no root node");
    const std::size_t node_size = static_cast<std::size_t>(std::atoll(size->c_str()));
    if (node_size < 4 + 24 * 3) db.fail("the spatial index " + rtree + " has nodes of " + *size + " bytes");
    const std::size_t capacity = (node_size - 4) / 24;
    db.exec("DELETE FROM " + sql_identifier(rtree + "_node") + "; DELETE FROM " + sql_identifier(rtree + "_rowid") + "; DELETE FROM " +
            sql_identifier(rtree + "_parent"));

    // levels[0]: the features; levels[L + 1]: the nodes of level L, one cell each.
    std::vector<std::vector<RtreeCell>> levels{std::move(cells)};
    while (levels.back().size() > capacity) {
        std::vector<RtreeCell>& below = levels.back();
        str_order(below, capacity);
        std::vector<RtreeCell> nodes;
        for (std::size_t b = 0; b < below.size(); b += capacity) {
            RtreeCell box{below[b].minx, below[b].maxx, below[b].miny, below[b].maxy, static_cast<std::int64_t>(nodes.size())};
            for (std::size_t i = b; i < std::min(below.size(), b + capacity); ++i) {
                box.minx = std::min(box.minx, below[i].minx), box.maxx = std::max(box.maxx, below[i].maxx);
                box.miny = std::min(box.miny, below[i].miny), box.maxy = std::max(box.maxy, below[i].maxy);
            }
            nodes.push_back(box);
        }
        levels.push_back(std::move(nodes));
    }
    const std::size_t top = levels.size() - 1;  // the root holds levels[top]; the tree's depth
    // Node numbers: the root 1, then level by level from the top.
    std::vector<std::int64_t> first(top + 1, 1);
    std::int64_t next = 2;
    for (std::size_t l = top; l-- > 0;) {
        first[l] = next;
        next += static_cast<std::int64_t>(levels[l + 1].size());
    }
    auto node_of = [&](std::size_t level, std::size_t k) { return level == top ? std::int64_t{1} : first[level] + static_cast<std::int64_t>(k); };

    StatementPtr node = db.prepare("INSERT INTO " + sql_identifier(rtree + "_node") + " (nodeno, data) VALUES (?, ?)");
    StatementPtr rowid = db.prepare("INSERT INTO " + sql_identifier(rtree + "_rowid") + " (rowid, nodeno) VALUES (?, ?)");
    StatementPtr parent = db.prepare("INSERT INTO " + sql_identifier(rtree + "_parent") + " (nodeno, parentnode) VALUES (?, ?)");
    std::vector<unsigned char> blob(node_size);
    std::vector<std::pair<std::int64_t, std::int64_t>> leaves;  // (feature's fid, its leaf node)
    // Node k of level l (the root: l == top, k == 0) holds cells [k * capacity, ...) of levels[l].
    auto write_node = [&](std::size_t l, std::size_t k) {
        std::fill(blob.begin(), blob.end(), 0);
        const std::vector<RtreeCell>& in = levels[l];
        const std::size_t b = l == top ? 0 : k * capacity, e = l == top ? in.size() : std::min(in.size(), b + capacity);
        const std::int64_t self = node_of(l, k);
        if (l == top) put_be(blob.data(), top, 2);
        put_be(blob.data() + 2, e - b, 2);
        unsigned char* p = blob.data() + 4;
        for (std::size_t i = b; i < e; ++i, p += 24) {
            const std::int64_t id = l == 0 ? in[i].id : node_of(l - 1, static_cast<std::size_t>(in[i].id));
            put_be(p, static_cast<std::uint64_t>(id), 8);
            const float coords[4] = {in[i].minx, in[i].maxx, in[i].miny, in[i].maxy};
            for (int c = 0; c < 4; ++c) {
                std::uint32_t bits;
                std::memcpy(&bits, &coords[c], 4);
                put_be(p + 8 + 4 * c, bits, 4);
            }
            if (l == 0) {
                leaves.emplace_back(id, self);
            } else {
                sqlite3_bind_int64(parent.get(), 1, id);
                sqlite3_bind_int64(parent.get(), 2, self);
                db.run(parent.get());
            }
        }
        sqlite3_bind_int64(node.get(), 1, self);
        sqlite3_bind_blob(node.get(), 2, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC);
        db.run(node.get());
    };
    write_node(top, 0);
    for (std::size_t l = top; l-- > 0;)
        for (std::size_t k = 0; k < levels[l + 1].size(); ++k) write_node(l, k);
    // In fid order the rows are appended to the _rowid table's B-tree; in the tree's order each
    // was a search and an insert in the middle (a third of the R-tree's time at a million).
    std::sort(leaves.begin(), leaves.end());
    for (const auto& [id, leaf] : leaves) {
        sqlite3_bind_int64(rowid.get(), 1, id);
        sqlite3_bind_int64(rowid.get(), 2, leaf);
        db.run(rowid.get());
    }
}

void bind_value(sqlite3_stmt* st, int column, const core::Value& v, core::FieldType type) {
    // As OGR's SetField converts a value to its field's type.
    if (std::holds_alternative<std::monostate>(v)) {
        sqlite3_bind_null(st, column);
    } else if (type == core::FieldType::integer) {
        if (auto* n = std::get_if<std::int64_t>(&v)) sqlite3_bind_int64(st, column, *n);
        else if (auto* d = std::get_if<double>(&v)) sqlite3_bind_int64(st, column, static_cast<sqlite3_int64>(*d));
        else sqlite3_bind_int64(st, column, std::strtoll(std::get<std::string>(v).c_str(), nullptr, 10));
    } else if (type == core::FieldType::real) {
        if (auto* d = std::get_if<double>(&v)) sqlite3_bind_double(st, column, *d);
        else if (auto* n = std::get_if<std::int64_t>(&v)) sqlite3_bind_double(st, column, static_cast<double>(*n));
        else sqlite3_bind_double(st, column, std::strtod(std::get<std::string>(v).c_str(), nullptr));
    } else if (auto* s = std::get_if<std::string>(&v)) {
        sqlite3_bind_text(st, column, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
    } else {
        const std::string text = core::value_text(v);
        sqlite3_bind_text(st, column, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    }
}

/// One layer's rows going into its table: GDAL's triggers on the table (R-tree upkeep through
/// GDAL's own ST_ functions, the feature count) set aside at the start and put back with their
/// text unchanged at the end, where the R-tree is packed and the extent and count are set.
class LayerFill {
public:
    LayerFill(GpkgFile& db, const core::LayerSpec& spec, std::string shown)
        : m_db(db), m_spec(spec), m_table(spec.name), m_shown(std::move(shown)), m_geometry(geometry_type(spec) != wkbNone) {
        if (m_geometry) {
            const auto srs = db.text("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = '" + m_table + "' AND column_name = 'geom'");
            if (!srs) db.fail("layer " + m_table + " has no geometry column geom");
            m_srs_id = static_cast<std::int32_t>(std::atol(srs->c_str()));
        }
        {
            StatementPtr st = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name");
            sqlite3_bind_text(st.get(), 1, m_table.c_str(), -1, SQLITE_TRANSIENT);
            std::vector<std::string> names;
            for (int rc; (rc = sqlite3_step(st.get())) == SQLITE_ROW;) {
                names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st.get(), 0)));
                m_triggers.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st.get(), 1)));
            }
            for (const auto& n : names) db.exec("DROP TRIGGER " + sql_identifier(n));
        }
        std::string columns = "\"fid\"", marks = "?";
        if (m_geometry) columns += ", \"geom\"", marks += ", ?";
        for (const auto& fs : spec.fields) columns += ", " + sql_identifier(fs.name), marks += ", ?";
        m_insert = db.prepare("INSERT INTO " + sql_identifier(m_table) + " (" + columns + ") VALUES (" + marks + ")");
    }

    void add(const core::Feature& feat) {
        sqlite3_stmt* insert = m_insert.get();
        sqlite3_bind_int64(insert, 1, feat.fid);
        if (m_geometry) {
            Envelope env;
            bool point = false;
            if (!WkbExtent(feat.wkb).read(env, point))
                throw core::Error(core::ExitCode::internal, FeatureRef{m_shown, m_table, feat.fid, {}}, "bad WKB in memory");
            gpkg_blob(feat.wkb, m_srs_id, env, point, m_blob);
            sqlite3_bind_blob(insert, 2, m_blob.data(), static_cast<int>(m_blob.size()), SQLITE_STATIC);
            if (!env.empty()) {
                m_extent.add(env.minx, env.miny), m_extent.add(env.maxx, env.maxy);
                m_cells.push_back(RtreeCell{float_down(env.minx), float_up(env.maxx), float_down(env.miny), float_up(env.maxy), feat.fid});
            }
        }
        const int first_field = m_geometry ? 3 : 2;
        for (std::size_t i = 0; i < m_spec.fields.size() && i < feat.values.size(); ++i)
            bind_value(insert, first_field + static_cast<int>(i), feat.values[i], m_spec.fields[i].type);
        if (sqlite3_step(insert) != SQLITE_DONE) m_db.fail("cannot write " + m_table + " fid " + std::to_string(feat.fid));
        sqlite3_reset(insert);
        sqlite3_clear_bindings(insert);
        ++m_count;
    }

    void finish() {
        m_insert.reset();
        if (m_geometry) {
            if (m_db.text("SELECT name FROM sqlite_master WHERE name = 'rtree_" + m_table + "_geom'"))
                write_rtree(m_db, "rtree_" + m_table + "_geom", std::move(m_cells));
            if (!m_extent.empty()) {
                StatementPtr st =
                    m_db.prepare("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE lower(table_name) = lower(?)");
                sqlite3_bind_double(st.get(), 1, m_extent.minx);
                sqlite3_bind_double(st.get(), 2, m_extent.miny);
                sqlite3_bind_double(st.get(), 3, m_extent.maxx);
                sqlite3_bind_double(st.get(), 4, m_extent.maxy);
                sqlite3_bind_text(st.get(), 5, m_table.c_str(), -1, SQLITE_TRANSIENT);
                m_db.run(st.get());
            }
        }
        // GDAL leaves the count of a layer it wrote no feature to NULL (unknown): so is it here.
        if (m_count > 0 && m_db.text("SELECT name FROM sqlite_master WHERE name = 'gpkg_ogr_contents'")) {
            StatementPtr st = m_db.prepare("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)");
            sqlite3_bind_int64(st.get(), 1, static_cast<sqlite3_int64>(m_count));
            sqlite3_bind_text(st.get(), 2, m_table.c_str(), -1, SQLITE_TRANSIENT);
            m_db.run(st.get());
        }
        for (const auto& sql : m_triggers) m_db.exec(sql);
    }

private:
    GpkgFile& m_db;
    const core::LayerSpec& m_spec;
    const std::string m_table, m_shown;
    const bool m_geometry;
    std::int32_t m_srs_id = 0;
    std::vector<std::string> m_triggers;
    StatementPtr m_insert;
    Envelope m_extent;
    std::vector<RtreeCell> m_cells;
    std::string m_blob;
    std::size_t m_count = 0;
};

}  // namespace

void fill_geopackage_layers(const std::filesystem::path& gpkg, const std::vector<core::Layer>& layers, const std::string& shown) {
    std::vector<const core::Layer*> held;
    for (const auto& layer : layers) held.push_back(&layer);
    fill_geopackage_layers(gpkg, held, shown);
}

void fill_geopackage_layers(const std::filesystem::path& gpkg, const std::vector<const core::Layer*>& layers, const std::string& shown) {
    GeoPackageFiller filler(gpkg, shown);
    for (const core::Layer* layer : layers) {
        filler.begin_layer(*layer->spec);
        filler.add(*layer, 0);
        filler.end_layer();
    }
    filler.commit();
}

struct GeoPackageFiller::State {
    GpkgFile db;
    std::string shown;
    std::unique_ptr<LayerFill> layer;
    State(const std::filesystem::path& gpkg, const std::string& shown_as) : db(gpkg, shown_as), shown(shown_as) {}
};

GeoPackageFiller::GeoPackageFiller(const std::filesystem::path& gpkg, const std::string& shown) : m_state(std::make_unique<State>(gpkg, shown)) {
    // The file is a temporary that AtomicFile fsyncs and renames, or deletes on failure: a crash
    // leaves no half-written store to protect, so no rollback journal on disk and no syncs.
    m_state->db.exec("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536");
    m_state->db.exec("BEGIN");
}

GeoPackageFiller::~GeoPackageFiller() = default;

void GeoPackageFiller::begin_layer(const core::LayerSpec& spec) {
    if (m_state->layer) m_state->db.fail("layer " + spec.name + " begun before the last one ended");
    m_state->layer = std::make_unique<LayerFill>(m_state->db, spec, m_state->shown);
}

void GeoPackageFiller::add(const core::Layer& layer, std::size_t from) {
    if (!m_state->layer) m_state->db.fail("rows of " + layer.name() + " before its layer was begun");
    for (std::size_t i = from; i < layer.features.size(); ++i) m_state->layer->add(layer.features[i]);
}

void GeoPackageFiller::end_layer() {
    if (!m_state->layer) return;
    m_state->layer->finish();
    m_state->layer.reset();
}

void GeoPackageFiller::commit() {
    end_layer();
    m_state->db.exec("COMMIT");
}

}  // namespace zoning::io
