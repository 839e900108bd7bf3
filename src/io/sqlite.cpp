// SPDX-License-Identifier: MIT
#include "io/sqlite.hpp"

#include <sqlite3.h>

#include <cctype>
#include <cstdio>

#include "core/dataset.hpp"
#include "core/error.hpp"
#include "io/gdal.hpp"

namespace zoning::io {

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
    if (rc != SQLITE_OK) throw core::bad_input(core::FeatureRef{origin, {}, {}, {}}, std::string("SQL error: ") + sqlite3_errmsg(db));
    if (!m_stmt) throw core::bad_input(core::FeatureRef{origin, {}, {}, {}}, "empty SQL statement");
    for (; tail && *tail; ++tail)
        if (!std::isspace(static_cast<unsigned char>(*tail)) && *tail != ';')
            throw core::bad_input(core::FeatureRef{origin, {}, {}, {}}, "one statement at a time, please");
}

Sqlite::Sqlite(const std::filesystem::path& path) : m_path(path.string()) {
    core::FeatureRef where{m_path, {}, {}, {}};
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
}

SqlResult Sqlite::query(const std::string& sql) {
    Statement st(m_db.get(), sql, m_path);
    Statement to_wkb(m_db.get(), "SELECT AsBinary(CastAutomagic(?)), GeometryType(CastAutomagic(?))", m_path);
    SqlResult r;
    int n = sqlite3_column_count(st.get());
    for (int i = 0; i < n; ++i) r.columns.push_back(sqlite3_column_name(st.get(), i));
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
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
    if (rc != SQLITE_DONE)
        throw core::bad_input(core::FeatureRef{m_path, {}, {}, {}}, std::string("SQL error: ") + sqlite3_errmsg(m_db.get()));
    return r;
}

}  // namespace zoning::io
