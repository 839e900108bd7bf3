// SPDX-License-Identifier: MIT
#pragma once
// The 审查意见书 of one checked site as the HTML page Chromium prints (docs/opinion.md): the
// report's document with the coordinates only io can compute (界址点 in lon/lat, the CRS in
// words). `zoning check --format pdf` and POST /api/review.pdf both print this one page, so the
// command and the web map give the same document for the same site.
#include <string>

#include "core/catalog.hpp"
#include "core/dataset.hpp"
#include "core/results.hpp"
#include "report/report.hpp"

namespace zoning::serve {

/// `organisation` and `date` empty: the dataset's `organisation` and `data_date`.
std::string opinion_html(const core::SitingResult& r, const core::Dataset& dataset, const core::Catalog& catalog, const std::string& organisation,
                         const std::string& date, report::Lang lang);

}  // namespace zoning::serve
