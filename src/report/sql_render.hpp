// SPDX-License-Identifier: MIT
#pragma once
// Renders `zoning sql` results: an aligned table, CSV, or GeoJSON in lon/lat. The rows
// come as a plain table so report/ needs nothing of io/ (the CLI copies io's SqlResult in).
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace zoning::report {

struct SqlValue {
    enum class Kind { null, integer, real, text, geometry, blob } kind = Kind::null;
    std::string text;  ///< the value as text (WKT for a geometry, hex for a blob)
    std::string wkb;   ///< geometry only, EPSG:4547
};

struct SqlTable {
    std::vector<std::string> columns;
    std::vector<std::vector<SqlValue>> rows;
};

/// Columns padded to `width` (a terminal's columns for UTF-8 text: CJK takes two), numbers
/// right-aligned, geometries as <TYPE>, then "(n rows)".
void write_sql_table(std::ostream& out, const SqlTable& t);
void write_sql_csv(std::ostream& out, const SqlTable& t);
/// RFC 7946: lon/lat; the first geometry column is each feature's geometry.
void write_sql_geojson(std::ostream& out, const SqlTable& t);

}  // namespace zoning::report
