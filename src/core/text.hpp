// SPDX-License-Identifier: MIT
#pragma once
// Escaping for the text formats the engine writes.
#include <string>

namespace zoning::core {

/// XML / HTML: & < > " and ' as entities.
std::string xml_escape(const std::string& s);
/// One CSV field: quoted when it holds a comma, quote or newline.
std::string csv_field(const std::string& s);

}  // namespace zoning::core
