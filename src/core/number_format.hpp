// SPDX-License-Identifier: MIT
#pragma once
// Numbers the way the plan writes them: 97.3万, 130万 m², 74.8%, 391.9; land in 公顷 and km².
#include <string>

namespace zoning::core {

/// 973000 -> "97.3万"; 1300000 -> "130万"; 8500 -> "8500"; one decimal, trailing ".0" dropped.
std::string wan(double value);
/// Always in 万, for a figure beside others in 万 (a plan's target): 973000 -> "97.3万", 8596 -> "0.86万", 0 -> "0".
std::string in_wan(double value);
/// Thousands-separated integer in English: 973000 -> "973,000".
std::string grouped(double value);
/// "12.3%" from a ratio 0.123.
std::string percent(double ratio, int decimals = 1);
/// Land area for a sentence: in 公顷 like the tables, "93.50 公顷" (zh; "不足 0.01 公顷" for a sliver), or
/// "935,000 m²" (en). Not for floor area, which the plan states in 万 m².
std::string area_text(double m2, bool zh);
/// A number as the plan writes it: at most `max_decimals` decimals, trailing zeros dropped
/// (391.9, not 391.90; 10, not 10.00).
std::string plan_number(double value, int max_decimals = 2);
/// Land area in 公顷 (hectares) for a table whose header names the unit: 2 decimals, as
/// 国土空间规划 tables print them ("12.35" for 123,456 m²).
std::string hectares(double m2);
/// A district's area in km², 2 decimals ("194.52").
std::string square_km(double m2);
/// 1 亩 = 10000/15 m².
inline constexpr double kMuPerM2 = 15.0 / 10000.0;

}  // namespace zoning::core
