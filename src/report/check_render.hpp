// SPDX-License-Identifier: MIT
#pragma once
// Renders siting checks: a reviewer's text note, JSON (docs/check-json.md), a one-page
// HTML note with a locator map, and batch tables.
#include <ostream>
#include <string>
#include <vector>

#include "core/results.hpp"
#include "core/catalog.hpp"
#include "core/dataset.hpp"
#include "report/report.hpp"

namespace zoning::report {

void write_check_text(std::ostream& out, const core::SitingResult& r, const core::Catalog& cat, Lang lang);
void write_check_json(std::ostream& out, const std::vector<core::SitingResult>& rs, const core::Dataset& d, Lang lang, bool batch);
void write_check_csv(std::ostream& out, const std::vector<core::SitingResult>& rs, Lang lang);
void write_check_html(std::ostream& out, const core::SitingResult& r, const core::Dataset& d, const core::Catalog& cat, Lang lang);
/// The 8-point compass word for a bearing (clockwise from grid north): 北, 东北, … / N, NE, ….
std::string compass_point(double bearing_deg, Lang lang);
/// One sentence per reason (rules first), for tables.
std::vector<std::string> check_reasons(const core::SitingResult& r, Lang lang);
/// For tables, what a reviewer must act on: the control lines the site intrudes (with the area),
/// and the 控规 figures beyond their lot's limit; " | " between items, empty when there is none.
std::string check_intrusions(const core::SitingResult& r, Lang lang);
std::string check_breaches(const core::SitingResult& r, Lang lang);

}  // namespace zoning::report
