// SPDX-License-Identifier: MIT
#pragma once
// The work splitter lives in core (io uses it too); analysis code names it unqualified.
#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <thread>
#include <vector>

#include "core/parallel.hpp"

namespace zoning::analysis {
using core::default_threads;
using core::flatten;
using core::kChunk;
using core::parallel_chunks;
using core::parallel_chunks_with;

/// fn(ctx, i) for every i in [0, n), each item its own task on `threads` workers (0: default_threads()),
/// each worker with its own GEOS context; the results in item order, the first exception in item order
/// rethrown. For a few costly items (a rule's unions, one per subject), which parallel_chunks would
/// hand, as one chunk of kChunk, to one thread.
template <class R>
std::vector<R> parallel_each(std::size_t n, unsigned threads, const std::function<R(const geo::GeosContext&, std::size_t)>& fn) {
    std::vector<R> results(n);
    std::vector<std::exception_ptr> errors(n);
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        geo::GeosContext ctx;  // one context per thread, never shared
        for (std::size_t i; (i = next.fetch_add(1)) < n;) {
            try {
                results[i] = fn(ctx, i);
            } catch (...) {
                errors[i] = std::current_exception();
            }
        }
    };
    if (threads == 0) threads = default_threads();
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(n, 1)));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    for (auto& e : errors)
        if (e) std::rethrow_exception(e);
    return results;
}

}  // namespace zoning::analysis
