// SPDX-License-Identifier: MIT
#include "core/finding.hpp"

namespace zoning::core {

const char* to_string(Severity s) {
    switch (s) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::info:
            return "info";
    }
    return "?";
}

std::string Finding::line() const {
    std::string out = std::string(to_string(severity)) + ": ";
    std::string w = where.text();
    if (!w.empty()) out += w + ": ";
    out += message;
    if (!location.empty()) out += " at " + location;
    return out;
}

}  // namespace zoning::core
