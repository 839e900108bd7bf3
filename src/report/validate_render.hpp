// SPDX-License-Identifier: MIT
#pragma once
// Renders `zoning validate`: a per-layer summary with the planner's checks as text, or
// every finding as JSON.
#include <ostream>
#include <string>

#include "core/catalog.hpp"
#include "core/dataset.hpp"
#include "core/results.hpp"

namespace zoning::report {

/// `input`: the store or dataset.toml that was checked, as the user named it.
void write_validation_text(std::ostream& out, const core::ValidationReport& rep, const core::Dataset& d, const core::Catalog& cat,
                           const std::string& input);
void write_validation_json(std::ostream& out, const core::ValidationReport& rep, const core::Dataset& d, const std::string& input);

}  // namespace zoning::report
