// SPDX-License-Identifier: MIT
#include "core/results.hpp"

#include <cmath>

namespace zoning::core {

std::string indicator_problem(const ProposalIndicators& f) {
    auto positive = [](const std::optional<double>& v) { return !v || (std::isfinite(*v) && *v > 0); };
    auto share = [](const std::optional<double>& v) { return !v || (std::isfinite(*v) && *v >= 0 && *v <= 1); };
    if (!positive(f.far)) return "far (容积率) must be a positive number";
    if (!positive(f.height_m)) return "height (建筑高度) must be a positive number of metres";
    if (!share(f.density)) return "density (建筑密度) must be a share from 0 to 1 (0.35 for 35%)";
    if (!share(f.green)) return "green (绿地率) must be a share from 0 to 1 (0.30 for 30%)";
    return {};
}

const char* to_string(Verdict v) {
    switch (v) {
        case Verdict::pass: return "pass";
        case Verdict::needs_review: return "needs_review";
        case Verdict::conflict: return "conflict";
    }
    return "?";
}

}  // namespace zoning::core
