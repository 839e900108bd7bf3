// SPDX-License-Identifier: MIT
#pragma once
// Per-feature problems are data, not exceptions: readers and validate collect
// Findings so a user sees every problem at once.
#include <string>
#include <vector>

#include "core/error.hpp"

namespace zoning::core {

enum class Severity { error, warning, info };
const char* to_string(Severity s);

struct Finding {
    Severity severity = Severity::error;
    std::string check;    ///< short machine name: "geometry-type", "tiling-gap", ...
    FeatureRef where;
    std::string message;  ///< what is wrong, in words
    double area_m2 = 0;   ///< for gaps, overlaps, what sticks out
    std::string location; ///< "(x y)" in the work CRS
    std::string line() const;  ///< one line for stderr / text output
};

inline bool has_errors(const std::vector<Finding>& fs) {
    for (auto& f : fs)
        if (f.severity == Severity::error) return true;
    return false;
}

}  // namespace zoning::core
