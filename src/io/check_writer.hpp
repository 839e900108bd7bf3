// SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/results.hpp"

namespace zoning::io {

/// A result's words for its row, made by the report (io does not word findings).
struct CheckRowText {
    std::vector<std::string> reasons;  ///< one sentence per reason
    std::string control_lines;         ///< the control lines intruded, with the area
    std::string indicators;            ///< the 控规 figures beyond their limit
};

/// A GeoPackage of batch check results for QGIS: layer `check_results` (one proposal per
/// feature with verdict, reasons, control lines intruded and 控规 breaches) and
/// `check_overlaps` (each triggered rule's overlap).
/// Written atomically, in `work_crs` (the store's); throws Error(output).
void write_check_results(const std::filesystem::path& path, const std::vector<core::SitingResult>& results,
                         const std::vector<CheckRowText>& texts, const std::string& work_crs);

}  // namespace zoning::io
