// SPDX-License-Identifier: MIT
#pragma once
// Helpers the renderers share.
#include <string>
#include <vector>

#include "report/report.hpp"

namespace zoning::report::detail {

/// "生态智慧城区" (zh) or "生态智慧城区 (Eco-smart city area)" (en).
std::string frame_label(const analysis::CoverageRow& row, Lang lang);
/// The n largest first-level land uses: "07 居住用地 45.2%".
std::vector<std::string> top_landuse(const analysis::CoverageRow& row, const core::Catalog& cat, Lang lang, std::size_t n);
/// Area for tables: "97.3万 m²" / "973,000 m²".
std::string area(double m2, Lang lang);
/// Frame layers in report order, each once.
std::vector<std::string> frame_layers(const ReportData& r);
std::string html_escape(const std::string& s);
std::string csv_escape(const std::string& s);

}  // namespace zoning::report::detail
