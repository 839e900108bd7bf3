// SPDX-License-Identifier: MIT
#include "io/sqlite.hpp"

#include <sqlite3.h>

#include <cctype>
#include <cstdio>

#include "core/error.hpp"
#include "io/gdal.hpp"

namespace zoning::io {

Statement::Statement(sqlite3* db, const std::string& sql, const std::string& origin) {
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &m_stmt, &tail) != SQLITE_OK)
        throw core::bad_input(core::FeatureRef{origin, {}, {}, {}}, std::string("SQL error: ") + sqlite3_errmsg(db));
    if (!m_stmt) throw core::bad_input(core::FeatureRef{origin, {}, {}, {}}, "empty SQL statement");
    for (; tail && *tail; ++tail)
        if (!std::isspace(static_cast<unsigned char>(*tail)) && *tail != ';') {
            // A constructor that throws runs no destructor: finalise here, or the database cannot close.
            sqlite3_finalize(m_stmt);
            m_stmt = nullptr;
            throw core::bad_input(core::FeatureRef{origin, {}, {}, {}}, "one statement at a time, please");
        }
}

Statement::~Statement() {
    if (m_stmt) sqlite3_finalize(m_stmt);
}

Sqlite::Sqlite(const std::filesystem::path& path) : m_path(path.string()) {
    try {
        open(path);
    } catch (...) {
        if (m_db) sqlite3_close_v2(m_db);  // the destructor does not run for a constructor that throws
        m_db = nullptr;
        throw;
    }
}

void Sqlite::open(const std::filesystem::path& path) {
    core::FeatureRef where{m_path, {}, {}, {}};
    if (!std::filesystem::exists(path)) throw core::bad_input(where, "store not found (run `zoning build` first)");
    if (sqlite3_open_v2(m_path.c_str(), &m_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        throw core::bad_input(where, std::string("cannot open: ") + sqlite3_errmsg(m_db));
    sqlite3_enable_load_extension(m_db, 1);
    char* err = nullptr;
    if (sqlite3_load_extension(m_db, "mod_spatialite", nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "unknown error";
        sqlite3_free(err);
        throw core::Error(core::ExitCode::internal, "cannot load SpatiaLite (Debian libsqlite3-mod-spatialite): " + msg);
    }
    sqlite3_enable_load_extension(m_db, 0);
    // GeoPackage geometry blobs work in ST_ functions directly.
    Statement amphibious(m_db, "SELECT EnableGpkgAmphibiousMode()", m_path);
    if (sqlite3_step(amphibious.get()) != SQLITE_ROW) throw core::bad_input(where, std::string("not a GeoPackage: ") + sqlite3_errmsg(m_db));
}

Sqlite::~Sqlite() {
    if (m_db) sqlite3_close_v2(m_db);
}

SqlResult Sqlite::query(const std::string& sql) {
    Statement st(m_db, sql, m_path);
    Statement to_wkb(m_db, "SELECT AsBinary(CastAutomagic(?)), GeometryType(CastAutomagic(?))", m_path);
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
                        OGRGeometry* g = nullptr;
                        if (OGRGeometryFactory::createFromWkb(c.wkb.data(), nullptr, &g, c.wkb.size()) == OGRERR_NONE && g) {
                            char* wkt = nullptr;
                            g->exportToWkt(&wkt, wkbVariantIso);
                            c.text = wkt ? wkt : "";
                            CPLFree(wkt);
                            OGRGeometryFactory::destroyGeometry(g);
                        }
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
    if (rc != SQLITE_DONE) throw core::bad_input(core::FeatureRef{m_path, {}, {}, {}}, std::string("SQL error: ") + sqlite3_errmsg(m_db));
    return r;
}

std::size_t display_width(const std::string& s) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        unsigned cp = c;
        if (len > 1 && i + len <= s.size()) {
            cp = c & (0xFF >> (len + 1));
            for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        }
        // East Asian wide ranges: Hangul Jamo, CJK, Hangul, compatibility, full-width forms.
        bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
                    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        w += wide ? 2 : 1;
        i += len;
    }
    return w;
}

}  // namespace zoning::io
