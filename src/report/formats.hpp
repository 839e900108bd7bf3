// SPDX-License-Identifier: MIT
#pragma once
// The report's output formats as a table: `zoning report --format` offers exactly these,
// and writes through them. A new format is one writer file and one row in formats.cpp.
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "report/report.hpp"

namespace zoning::report {

struct ReportFormat {
    std::string name;         ///< the value of --format
    std::string description;  ///< for --help
    std::string default_out;  ///< where it goes without --out (a folder for table formats)
    /// A single document onto a stream; null for a folder of tables.
    void (*write)(std::ostream& out, const ReportData& r, Lang lang) = nullptr;
    /// A folder of tables (file name -> content); null for a single document.
    std::map<std::string, std::string> (*tables)(const ReportData& r, Lang lang) = nullptr;
    /// Draws the conflicts' geometry (a map): without it the review skips the costly parts of it.
    bool draws_conflicts = false;
};

/// In the order --help lists them; the first is the default.
const std::vector<ReportFormat>& report_formats();
/// Throws core::Error(bad_input) naming the formats there are.
const ReportFormat& report_format(const std::string& name);

}  // namespace zoning::report
