// SPDX-License-Identifier: MIT
#pragma once
// SQLite handles with SpatiaLite loaded, for `zoning sql` over the store; and what every reader
// and writer of a GeoPackage through SQLite shares (identifiers, the geometry blob's header).
// A Sqlite and its statements belong to one thread.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/results.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace zoning::io {

/// The one owner of each SQLite handle type.
struct SqliteCloser {
    void operator()(sqlite3* db) const noexcept;
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* st) const noexcept;
};

/// `name` as an SQL identifier: in double quotes, a double quote inside it doubled.
std::string sql_identifier(const std::string& name);

/// Where the WKB lies in a GeoPackage geometry blob ("GP", version, flags, srs_id, envelope, WKB).
struct GeoPackageWkb {
    const unsigned char* wkb;
    std::size_t size;
    unsigned version;    ///< the header's version byte (0 in GeoPackage 1.x)
    bool flagged_empty;  ///< the header's empty-geometry flag
};
/// Nothing when the bytes are no standard blob: not "GP", an extension's blob (flag 0x20), an
/// unknown envelope code, or shorter than the header and envelope it states.
std::optional<GeoPackageWkb> geopackage_wkb(const unsigned char* blob, std::size_t size);

using core::SqlCell;
using core::SqlResult;

/// Limits on one query: it ends with Error(bad_input) instead of running the machine dry.
struct SqlLimits {
    std::size_t max_rows = 1'000'000;
    double max_seconds = 60;
};

class Sqlite {
public:
    /// Opens read-only (SQLITE_OPEN_READONLY) and loads mod_spatialite with GeoPackage geometries
    /// usable by ST_ functions. SPATIALITE_SECURITY is removed from the environment first, so
    /// SpatiaLite's file functions (BlobToFile, BlobFromFile, Export*, Import*) stay off.
    explicit Sqlite(const std::filesystem::path& path);
    /// Runs one statement that only reads: an authorizer allows reads and functions, nothing
    /// else (no ATTACH, PRAGMA, VACUUM, writes, load_extension, file functions). Throws
    /// Error(bad_input) with SQLite's message on a bad or refused query, or over `limits`.
    SqlResult query(const std::string& sql, const SqlLimits& limits = {});
    /// The store's work CRS (zoning_metadata: crs_wkt, else crs), what its geometries are in.
    /// Throws Error(bad_input) when the store records none.
    std::string work_crs();

private:
    std::string m_path;
    std::unique_ptr<sqlite3, SqliteCloser> m_db;
};

/// A statement, finalised on scope exit.
class Statement {
public:
    Statement(sqlite3* db, const std::string& sql, const std::string& origin);
    sqlite3_stmt* get() const { return m_stmt.get(); }

private:
    std::unique_ptr<sqlite3_stmt, StatementFinalizer> m_stmt;
};

}  // namespace zoning::io
