// SPDX-License-Identifier: MIT
#pragma once
// Escaping for the text formats the engine writes, and the width of text on a terminal.
#include <cstddef>
#include <string>

namespace zoning::core {

/// XML / HTML: & < > " and ' as entities.
std::string xml_escape(const std::string& s);
/// One CSV field: quoted when it holds a comma, quote or newline.
std::string csv_field(const std::string& s);
/// Display width of UTF-8 text in a terminal (CJK characters take two columns).
std::size_t display_width(const std::string& s);

}  // namespace zoning::core
