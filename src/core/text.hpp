// SPDX-License-Identifier: MIT
#pragma once
// Escaping for the text formats the engine writes, and the width of text on a terminal.
#include <cstddef>
#include <string>

namespace zoning::core {

/// XML / HTML: & < > " and ' as entities; control characters XML 1.0 does not allow
/// (all below 0x20 but tab, newline, CR; and DEL) are dropped.
std::string xml_escape(const std::string& s);
/// One CSV field: quoted when it holds a comma, quote or newline.
std::string csv_field(const std::string& s);
/// A CSV field of text from the data (a name, an id): as csv_field, and a value beginning
/// with = + - @ tab or CR gets a leading ' so spreadsheets show it instead of running it.
std::string csv_text_field(const std::string& s);
/// True when `s` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool valid_utf8(const std::string& s);
/// Display width of UTF-8 text in a terminal (CJK characters take two columns).
std::size_t display_width(const std::string& s);

}  // namespace zoning::core
