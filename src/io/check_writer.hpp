// SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/results.hpp"

namespace zoning::io {

/// A GeoPackage of batch check results for QGIS: layer `check_results` (one proposal per
/// feature with verdict and reasons) and `check_overlaps` (each triggered rule's overlap).
/// Written atomically, in `work_crs` (the store's); throws Error(output).
void write_check_results(const std::filesystem::path& path, const std::vector<core::SitingResult>& results,
                         const std::vector<std::vector<std::string>>& reasons, const std::string& work_crs);

}  // namespace zoning::io
