// SPDX-License-Identifier: MIT
#include "io/sqlite.hpp"

#include <sqlite3.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <cstdio>

#include "core/dataset.hpp"
#include "core/error.hpp"
#include "io/gdal.hpp"

namespace zoning::io {

std::string sql_identifier(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::optional<GeoPackageWkb> geopackage_wkb(const unsigned char* blob, std::size_t size) {
    static const std::size_t envelope_bytes[] = {0, 32, 48, 48, 64};  // by the flags' envelope code
    if (size < 8 || blob[0] != 'G' || blob[1] != 'P' || (blob[3] & 0x20)) return std::nullopt;
    const unsigned envelope = (blob[3] >> 1) & 0x07;
    if (envelope > 4 || size < 8 + envelope_bytes[envelope]) return std::nullopt;
    const std::size_t header = 8 + envelope_bytes[envelope];
    return GeoPackageWkb{blob + header, size - header, blob[2], (blob[3] & 0x10) != 0};
}

void SqliteCloser::operator()(sqlite3* db) const noexcept {
    if (db) sqlite3_close_v2(db);
}

void StatementFinalizer::operator()(sqlite3_stmt* st) const noexcept {
    if (st) sqlite3_finalize(st);
}

namespace {
/// Text SQLite allocated for us (an error message).
struct SqliteFree {
    void operator()(char* s) const noexcept { sqlite3_free(s); }
};
}  // namespace

Statement::Statement(sqlite3* db, const std::string& sql, const std::string& origin) {
    const char* tail = nullptr;
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &raw, &tail);
    m_stmt.reset(raw);
    if (rc == SQLITE_AUTH)
        throw core::bad_input(core::FeatureRef{origin, {}, {}, {}}, "SQL error: not allowed: `zoning sql` is read-only and seals files off (docs/safety.md)");
    if (rc != SQLITE_OK) throw core::bad_input(core::FeatureRef{origin, {}, {}, {}}, std::string("SQL error: ") + sqlite3_errmsg(db));
    if (!m_stmt) throw core::bad_input(core::FeatureRef{origin, {}, {}, {}}, "empty SQL statement");
    for (; tail && *tail; ++tail)
        if (!std::isspace(static_cast<unsigned char>(*tail)) && *tail != ';')
            throw core::bad_input(core::FeatureRef{origin, {}, {}, {}}, "one statement at a time, please");
}

namespace {

/// SpatiaLite functions that touch files or other databases: refused by name even though
/// SpatiaLite itself refuses them without SPATIALITE_SECURITY=relaxed.
bool is_file_function(std::string name) {
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    static const char* const prefixes[] = {"blobtofile", "blobfromfile", "export", "import", "load_extension", "readfile", "writefile",
                                           "xb_loadxml", "xb_storexml", "createstylingtables", "registerexternalgraphic", "dropgeotable",
                                           "initspatialmetadata", "createspatialindex", "recovergeometrycolumn", "addgeometrycolumn",
                                           "discardgeometrycolumn", "createmissingsystemtables", "gpkgcreate", "gpkgadd", "gpkginsert",
                                           "gpkgwrite", "storetopo", "createtopo", "createnetwork", "sqlproc_execute", "sqlproc_fromfile",
                                           "createrastercoverage", "createvectorcoverage", "droptable", "renametable", "renamecolumn",
                                           "checkgeopackagemetadata", "elementarygeometries",
                                           "invalidatelayerstatistics", "updatelayerstatistics", "dropvirtualgeometry"};
    for (const char* p : prefixes)
        if (name.rfind(p, 0) == 0) return true;
    return false;
}

int read_only_authorizer(void*, int action, const char* a, const char* b, const char*, const char*) {
    switch (action) {
        case SQLITE_SELECT:
        case SQLITE_READ:
        case SQLITE_RECURSIVE:
            return SQLITE_OK;
        case SQLITE_INSERT:
        case SQLITE_UPDATE:
        case SQLITE_DELETE: {
            // The R*Tree module prepares (never runs, for a read) its own statements on its shadow
            // tables when it connects a spatial index (rtree_*_geom). A user's write is refused
            // before it runs (sqlite3_stmt_readonly) and by the read-only handle.
            const std::string table = a ? a : "";
            auto ends = [&](const char* s) {
                const std::string suf = s;
                return table.size() > suf.size() && table.compare(table.size() - suf.size(), suf.size(), suf) == 0;
            };
            return table.rfind("rtree_", 0) == 0 && (ends("_node") || ends("_rowid") || ends("_parent")) ? SQLITE_OK
                   : table == "sqlite_master"                                                            ? SQLITE_OK
                                                                                                         : SQLITE_DENY;
        }
        case SQLITE_FUNCTION:
            return is_file_function(b ? b : (a ? a : "")) ? SQLITE_DENY : SQLITE_OK;
        default:
            return SQLITE_DENY;  // writes, ATTACH, PRAGMA, transactions, schema changes
    }
}

struct Deadline {
    std::chrono::steady_clock::time_point end;
    bool expired = false;
};

int check_deadline(void* p) {
    auto* d = static_cast<Deadline*>(p);
    if (std::chrono::steady_clock::now() > d->end) d->expired = true;
    return d->expired ? 1 : 0;
}

}  // namespace

Sqlite::Sqlite(const std::filesystem::path& path) : m_path(path.string()) {
    core::FeatureRef where{m_path, {}, {}, {}};
    ::unsetenv("SPATIALITE_SECURITY");  // SpatiaLite's file functions stay off whatever the caller's environment says
    if (!core::input_exists(path, where)) throw core::bad_input(where, "store not found (run `zoning build` first)");
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(m_path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    m_db.reset(raw);  // SQLite hands out a handle even when it cannot open: it must be closed
    if (rc != SQLITE_OK) throw core::bad_input(where, std::string("cannot open: ") + sqlite3_errmsg(m_db.get()));
    sqlite3_enable_load_extension(m_db.get(), 1);
    char* raw_err = nullptr;
    const int loaded = sqlite3_load_extension(m_db.get(), "mod_spatialite", nullptr, &raw_err);
    std::unique_ptr<char, SqliteFree> err(raw_err);
    if (loaded != SQLITE_OK)
        throw core::Error(core::ExitCode::internal,
                          "cannot load SpatiaLite (Debian libsqlite3-mod-spatialite): " + std::string(err ? err.get() : "unknown error"));
    sqlite3_enable_load_extension(m_db.get(), 0);
    // GeoPackage geometry blobs work in ST_ functions directly.
    Statement amphibious(m_db.get(), "SELECT EnableGpkgAmphibiousMode()", m_path);
    if (sqlite3_step(amphibious.get()) != SQLITE_ROW)
        throw core::bad_input(where, std::string("not a GeoPackage: ") + sqlite3_errmsg(m_db.get()));
    sqlite3_limit(m_db.get(), SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_set_authorizer(m_db.get(), read_only_authorizer, nullptr);
}

SqlResult Sqlite::query(const std::string& sql, const SqlLimits& limits) {
    const core::FeatureRef where{m_path, {}, {}, {}};
    Statement st(m_db.get(), sql, m_path);
    // VACUUM INTO writes a file from a read-only handle and has no authorizer action of its own.
    if (!sqlite3_stmt_readonly(st.get())) throw core::bad_input(where, "SQL error: not allowed: `zoning sql` is read-only (only queries that read)");
    Deadline deadline{std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                               std::chrono::duration<double>(limits.max_seconds))};
    sqlite3_progress_handler(m_db.get(), 10000, check_deadline, &deadline);
    struct ProgressOff {
        sqlite3* db;
        ~ProgressOff() { sqlite3_progress_handler(db, 0, nullptr, nullptr); }
    } progress_off{m_db.get()};
    Statement to_wkb(m_db.get(), "SELECT AsBinary(CastAutomagic(?)), GeometryType(CastAutomagic(?))", m_path);
    SqlResult r;
    int n = sqlite3_column_count(st.get());
    for (int i = 0; i < n; ++i) r.columns.push_back(sqlite3_column_name(st.get(), i));
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
        if (r.rows.size() >= limits.max_rows)
            throw core::bad_input(where, "SQL error: more than " + std::to_string(limits.max_rows) +
                                             " rows; add a LIMIT or an aggregate (a query never ends?)");
        std::vector<SqlCell> row(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            SqlCell& c = row[static_cast<std::size_t>(i)];
            switch (sqlite3_column_type(st.get(), i)) {
                case SQLITE_NULL: c.kind = SqlCell::Kind::null; break;
                case SQLITE_INTEGER:
                    c.kind = SqlCell::Kind::integer;
                    c.text = std::to_string(sqlite3_column_int64(st.get(), i));
                    break;
                case SQLITE_FLOAT: {
                    c.kind = SqlCell::Kind::real;
                    char buf[64];
                    std::snprintf(buf, sizeof buf, "%.10g", sqlite3_column_double(st.get(), i));
                    c.text = buf;
                    break;
                }
                case SQLITE_TEXT:
                    c.kind = SqlCell::Kind::text;
                    c.text = reinterpret_cast<const char*>(sqlite3_column_text(st.get(), i));
                    break;
                default: {
                    const void* blob = sqlite3_column_blob(st.get(), i);
                    int size = sqlite3_column_bytes(st.get(), i);
                    // GeoPackage or SpatiaLite geometry -> WKB, via SpatiaLite itself.
                    sqlite3_reset(to_wkb.get());
                    sqlite3_bind_blob(to_wkb.get(), 1, blob, size, SQLITE_TRANSIENT);
                    sqlite3_bind_blob(to_wkb.get(), 2, blob, size, SQLITE_TRANSIENT);
                    if (sqlite3_step(to_wkb.get()) == SQLITE_ROW && sqlite3_column_type(to_wkb.get(), 0) == SQLITE_BLOB) {
                        c.kind = SqlCell::Kind::geometry;
                        c.wkb.assign(static_cast<const char*>(sqlite3_column_blob(to_wkb.get(), 0)),
                                     static_cast<std::size_t>(sqlite3_column_bytes(to_wkb.get(), 0)));
                        if (OGRGeometryUniquePtr g = ogr_from_wkb(c.wkb)) c.text = ogr_wkt(*g);
                    } else {
                        c.kind = SqlCell::Kind::blob;
                        static const char* hex = "0123456789ABCDEF";
                        const auto* p = static_cast<const unsigned char*>(blob);
                        for (int k = 0; k < size; ++k) {
                            c.text += hex[p[k] >> 4];
                            c.text += hex[p[k] & 15];
                        }
                    }
                }
            }
        }
        r.rows.push_back(std::move(row));
    }
    if (deadline.expired)
        throw core::bad_input(where, "SQL error: the query ran longer than " + std::to_string(static_cast<long>(limits.max_seconds)) +
                                         " s and was stopped (--timeout; a recursive query that never ends?)");
    if (rc == SQLITE_AUTH) throw core::bad_input(where, "SQL error: not allowed: `zoning sql` is read-only and seals files off (docs/safety.md)");
    if (rc != SQLITE_DONE) throw core::bad_input(where, std::string("SQL error: ") + sqlite3_errmsg(m_db.get()));
    return r;
}

std::string Sqlite::work_crs() {
    const SqlResult r = query("SELECT key, value FROM zoning_metadata WHERE key IN ('crs', 'crs_wkt') ORDER BY key DESC");
    for (const auto& row : r.rows)  // crs_wkt first
        if (row.size() == 2 && !row[1].text.empty()) return row[1].text;
    throw core::bad_input(core::FeatureRef{m_path, {}, {}, {}}, "store records no work CRS (rebuild it with `zoning build`)");
}

}  // namespace zoning::io
