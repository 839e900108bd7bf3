// SPDX-License-Identifier: MIT
#pragma once
// Renders `zoning sql` results: an aligned table, CSV, or GeoJSON in lon/lat. The rows
// come as core::SqlResult, which io's query produces.
#include <ostream>
#include <string>
#include <vector>

#include "core/results.hpp"

namespace zoning::report {

/// Columns padded to `width` (a terminal's columns for UTF-8 text: CJK takes two), numbers
/// right-aligned, geometries as <TYPE>, then "(n rows)".
void write_sql_table(std::ostream& out, const core::SqlResult& t);
void write_sql_csv(std::ostream& out, const core::SqlResult& t);
/// RFC 7946: lon/lat; the first geometry column is each feature's geometry, taken from
/// `work_crs` (the store's, io::Sqlite::work_crs).
void write_sql_geojson(std::ostream& out, const core::SqlResult& t, const std::string& work_crs);

}  // namespace zoning::report
