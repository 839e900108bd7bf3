// SPDX-License-Identifier: MIT
#include "core/parallel.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace zoning::core {

unsigned default_threads() {
    if (const char* env = std::getenv("ZONING_THREADS"); env && *env) {
        int n = std::atoi(env);
        if (n > 0) return static_cast<unsigned>(std::min(n, 256));  // as --threads: more only costs memory
    }
    unsigned hw = std::thread::hardware_concurrency();
    return hw == 0 ? 1 : hw;
}

}  // namespace zoning::core
