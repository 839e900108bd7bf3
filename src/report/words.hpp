// SPDX-License-Identifier: MIT
#pragma once
// The report's dictionary: the words of every output, Chinese or English.
#include <string>

namespace zoning::report {

enum class Lang { zh, en };

/// UI words: key -> Chinese or English; an unknown key is returned as is.
std::string tr(const std::string& key, Lang lang);
/// A target's unit as it follows a number: " 亩" (zh), " mu" (en); "" for a ratio.
std::string unit_word(const std::string& unit, Lang lang);

}  // namespace zoning::report
