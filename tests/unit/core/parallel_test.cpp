// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <mutex>
#include <numeric>
#include <set>
#include <thread>

#include "core/parallel.hpp"

using namespace zoning;

TEST(Parallel, ResultsInChunkOrderWhateverTheThreadCount) {
    const std::size_t n = 10 * core::kChunk + 17;
    auto run = [n](unsigned threads) {
        auto chunks = core::parallel_chunks<std::vector<std::size_t>>(
            n, threads, [](const geo::GeosContext&, std::size_t b, std::size_t e) {
                std::vector<std::size_t> v(e - b);
                std::iota(v.begin(), v.end(), b);
                return v;
            });
        std::vector<std::size_t> all;
        for (auto& c : chunks) all.insert(all.end(), c.begin(), c.end());
        return all;
    };
    std::vector<std::size_t> expect(n);
    std::iota(expect.begin(), expect.end(), 0);
    EXPECT_EQ(run(1), expect);
    EXPECT_EQ(run(2), expect);
    EXPECT_EQ(run(8), expect);
}

TEST(Parallel, FirstErrorInChunkOrderIsRethrown) {
    EXPECT_THROW(core::parallel_chunks<int>(5 * core::kChunk, 4,
                                                [](const geo::GeosContext&, std::size_t b, std::size_t) -> int {
                                                    if (b >= 2 * core::kChunk) throw std::runtime_error("chunk " + std::to_string(b));
                                                    return 0;
                                                }),
                 std::runtime_error);
}

TEST(Parallel, ZeroThreadsMeansTheDefaultNotOne) {
    // Callers pass their option through: 0 is resolved to default_threads() in the splitter.
    // Each of two chunks waits for the other's worker, which only a second thread can be.
    ::setenv("ZONING_THREADS", "2", 1);
    std::mutex m;
    std::set<std::thread::id> ids;
    core::parallel_chunks<int>(2 * core::kChunk, 0, [&](const geo::GeosContext&, std::size_t, std::size_t) {
        { std::lock_guard<std::mutex> lock(m); ids.insert(std::this_thread::get_id()); }
        for (int i = 0; i < 500; ++i) {
            { std::lock_guard<std::mutex> lock(m); if (ids.size() >= 2) break; }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return 0;
    });
    ::unsetenv("ZONING_THREADS");
    EXPECT_EQ(ids.size(), 2u);
}
