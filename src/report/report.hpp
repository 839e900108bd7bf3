// SPDX-License-Identifier: MIT
#pragma once
// The planner's report, rendered from analysis results onto a stream: JSON (the
// machine-readable contract, docs/report-json.md), Markdown, CSV tables, and one
// self-contained HTML file with an SVG map. Chinese by default (the plan's names
// verbatim), English with Lang::en.
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/dataset.hpp"
#include "core/results.hpp"

namespace zoning::report {

enum class Lang { zh, en };

struct ReportData {
    const core::Dataset* dataset = nullptr;
    const core::Catalog* catalog = nullptr;
    core::OverlayResult overlay;
    std::vector<core::ProgressRow> progress;
    std::vector<core::Conflict> conflicts;
    std::string zone;          ///< --zone filter, empty for the whole district
    std::string rules_origin;  ///< "store" or the --rules path
};

void write_json(std::ostream& out, const ReportData& r, Lang lang);
void write_markdown(std::ostream& out, const ReportData& r, Lang lang);
/// One CSV per table: file name -> content (UTF-8 with BOM so spreadsheet programs read the Chinese).
std::map<std::string, std::string> csv_tables(const ReportData& r, Lang lang);
void write_html(std::ostream& out, const ReportData& r, Lang lang);

/// "84.2万 / 130万 m² (64.8%)" (zh) or "842,000 / 1,300,000 m² (64.8%)" (en).
std::string progress_text(const core::ProgressRow& row, Lang lang);
/// The honesty footer: what in the data is illustrative, from the dataset's own labels.
std::string footer(const ReportData& r, Lang lang);
/// UI words: key -> Chinese or English.
std::string tr(const std::string& key, Lang lang);

}  // namespace zoning::report
