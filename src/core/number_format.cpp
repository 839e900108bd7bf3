// SPDX-License-Identifier: MIT
#include "core/number_format.hpp"

#include <cmath>
#include <cstdio>

namespace zoning::core {

namespace {
std::string one_decimal(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.erase(s.size() - 2);
    if (s == "-0") s = "0";
    return s;
}
}  // namespace

std::string wan(double value) {
    if (std::fabs(value) >= 10000.0) return one_decimal(value / 10000.0) + "万";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", value);
    return buf;
}

std::string in_wan(double value) {
    if (std::fabs(value) >= 10000.0) return wan(value);
    const std::string n = plan_number(value / 10000.0, 2);
    return n == "0" ? n : n + "万";  // nothing is 0, in any unit
}

std::string grouped(double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", std::fabs(value));
    std::string digits = buf, out;
    int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        out += digits[static_cast<std::size_t>(i)];
        if ((n - i - 1) % 3 == 0 && i != n - 1) out += ',';
    }
    return (value < 0 && out != "0" ? "-" : "") + out;
}

std::string percent(double ratio, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f%%", decimals, ratio * 100.0);
    return buf;
}


std::string plan_number(double value, int max_decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", max_decimals, value);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

namespace {
std::string two_decimals(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    return s == "-0.00" ? "0.00" : s;
}
}  // namespace

std::string hectares(double m2) { return two_decimals(m2 / 10000.0); }

std::string square_km(double m2) { return two_decimals(m2 / 1e6); }

std::string area_text(double m2, bool zh) {
    if (!zh) return grouped(m2) + " m²";
    // Land in 公顷 like the report's tables; an area that rounds to 0.00 is still there, so not "0.00".
    if (m2 > 0 && m2 < 50.0) return "不足 0.01 公顷";
    return hectares(m2) + " 公顷";
}

}  // namespace zoning::core
