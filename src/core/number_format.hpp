// SPDX-License-Identifier: MIT
#pragma once
// Numbers the way the plan writes them: 97.3万, 130万 m², 74.8%.
#include <string>

namespace zoning::core {

/// 973000 -> "97.3万"; 1300000 -> "130万"; 8500 -> "8500"; one decimal, trailing ".0" dropped.
std::string wan(double value);
/// Thousands-separated integer in English: 973000 -> "973,000".
std::string grouped(double value);
/// "12.3%" from a ratio 0.123.
std::string percent(double ratio, int decimals = 1);
/// Area in m² for a human: "97.3万 m²" (zh) or "973,000 m²" (en).
std::string area_text(double m2, bool zh);
/// 1 亩 = 10000/15 m².
inline constexpr double kMuPerM2 = 15.0 / 10000.0;

}  // namespace zoning::core
