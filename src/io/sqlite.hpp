// SPDX-License-Identifier: MIT
#pragma once
// SQLite handles with SpatiaLite loaded, for `zoning sql` over the store.
// A Sqlite and its statements belong to one thread.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace zoning::io {

/// One result cell: text, a number as text, NULL, or a geometry as ISO WKB (EPSG:4547).
struct SqlCell {
    enum class Kind { null, integer, real, text, geometry, blob } kind = Kind::null;
    std::string text;  ///< the value as text (WKT for a geometry, hex for a blob)
    std::string wkb;   ///< geometry only
};

struct SqlResult {
    std::vector<std::string> columns;
    std::vector<std::vector<SqlCell>> rows;
};

class Sqlite {
public:
    /// Opens read-only and loads mod_spatialite with GeoPackage geometries usable by ST_ functions.
    explicit Sqlite(const std::filesystem::path& path);
    ~Sqlite();
    Sqlite(const Sqlite&) = delete;
    Sqlite& operator=(const Sqlite&) = delete;
    /// Runs one statement. Throws Error(bad_input) with SQLite's message on a bad query.
    SqlResult query(const std::string& sql);

private:
    void open(const std::filesystem::path& path);
    sqlite3* m_db = nullptr;
    std::string m_path;
};

/// A statement, finalised on scope exit.
class Statement {
public:
    Statement(sqlite3* db, const std::string& sql, const std::string& origin);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    sqlite3_stmt* get() const { return m_stmt; }

private:
    sqlite3_stmt* m_stmt = nullptr;
};

/// Display width of UTF-8 text in a terminal (CJK characters take two columns).
std::size_t display_width(const std::string& s);

}  // namespace zoning::io
