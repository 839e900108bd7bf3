// SPDX-License-Identifier: MIT
#pragma once
// The 审查意见书: a siting check as the document a section chief signs (docs/opinion.md).
// One HTML page with print CSS (A4), printed to PDF by io::print_pdf: 项目概况, 审查依据,
// 审查结论, 审查意见 item by item, 附图 (a locator map numbered as the items), 界址坐标表.
// No exit codes, rule ids or layer paths: those stay in the JSON and text outputs.
#include <ostream>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/dataset.hpp"
#include "core/results.hpp"
#include "report/report.hpp"

namespace zoning::report {

/// A 界址点 of the site: named J1.. as the coordinate file names it, in the work CRS and in
/// lon/lat (computed by the caller: report/ has no PROJ).
struct OpinionVertex {
    std::string name;
    int ring = 1;
    double x = 0, y = 0, lon = 0, lat = 0;
};

struct OpinionInfo {
    std::string organisation;  ///< who signs: --organisation, else the dataset's; empty leaves a line to fill
    std::string date;          ///< --date, else the dataset's data_date; empty leaves a line to fill
    std::string crs_words;     ///< the work CRS in the document's language ("2000国家大地坐标系 3度带 中央经线114°")
    std::vector<OpinionVertex> vertices;
};

void write_opinion_html(std::ostream& out, const core::SitingResult& r, const core::Dataset& d, const core::Catalog& cat, const OpinionInfo& info,
                        Lang lang);

/// The numbered 审查意见 as plain sentences, in the order the document and its map number them.
std::vector<std::string> opinion_items(const core::SitingResult& r, const core::Catalog& cat, Lang lang);

}  // namespace zoning::report
