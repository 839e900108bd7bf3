// SPDX-License-Identifier: MIT
#include "core/results.hpp"

namespace zoning::core {

const char* to_string(Verdict v) {
    switch (v) {
        case Verdict::pass: return "pass";
        case Verdict::needs_review: return "needs_review";
        case Verdict::conflict: return "conflict";
    }
    return "?";
}

}  // namespace zoning::core
