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

namespace {
/// Batches of up to 7 numbers from 0 to n - 1, each worked on into its numbers doubled.
std::vector<int> pipeline_doubled(unsigned threads, int n) {
    struct NoState {};
    int next = 0;
    auto batches = core::pipeline<std::vector<int>, std::vector<int>, NoState>(
        threads,
        [&](std::vector<int>& batch) {
            for (int k = 0; k < 7 && next < n; ++k) batch.push_back(next++);
            return next < n;
        },
        [](const geo::GeosContext&) { return std::make_unique<NoState>(); },
        [](NoState&, const geo::GeosContext&, std::vector<int>& batch) {
            std::vector<int> out;
            for (int v : batch) out.push_back(2 * v);
            return out;
        });
    std::vector<int> all;
    for (auto& b : batches) {
        EXPECT_EQ(b->batch.size(), b->result.size());
        all.insert(all.end(), b->result.begin(), b->result.end());
    }
    return all;
}
}  // namespace

TEST(Parallel, PipelineResultsInReadOrderWhateverTheThreadCount) {
    std::vector<int> expect;
    for (int i = 0; i < 1000; ++i) expect.push_back(2 * i);
    EXPECT_EQ(pipeline_doubled(1, 1000), expect);
    EXPECT_EQ(pipeline_doubled(2, 1000), expect);
    EXPECT_EQ(pipeline_doubled(8, 1000), expect);
    EXPECT_EQ(pipeline_doubled(2, 0), std::vector<int>{});  // one empty batch, nothing read
}

TEST(Parallel, PipelineRethrowsTheReadersErrorThenTheFirstWorkersInBatchOrder) {
    struct NoState {};
    auto make = [](const geo::GeosContext&) { return std::make_unique<NoState>(); };
    for (unsigned threads : {1u, 2u, 4u}) {
        int read = 0;
        try {
            core::pipeline<int, int, NoState>(
                threads, [&](int& b) { b = read++; if (b == 5) throw std::runtime_error("read 5"); return true; }, make,
                [](NoState&, const geo::GeosContext&, int& b) -> int { if (b >= 2) throw std::runtime_error("work " + std::to_string(b)); return b; });
            FAIL();
        } catch (const std::runtime_error& e) {
            // The reader's error first, though the work on batch 2 failed before batch 5 was read.
            EXPECT_STREQ(e.what(), "read 5") << threads;
        }
        int n = 0;
        try {
            core::pipeline<int, int, NoState>(
                threads, [&](int& b) { b = n++; return n < 40; }, make,
                [](NoState&, const geo::GeosContext&, int& b) -> int { if (b % 10 == 3) throw std::runtime_error("work " + std::to_string(b)); return b; });
            FAIL();
        } catch (const std::runtime_error& e) {
            EXPECT_STREQ(e.what(), "work 3") << threads;
        }
    }
}

// parallel_tasks (export: overlay_landuse's frame × class unions): results by task number, whatever the
// order the tasks start in and the thread count; the first error by task number.
TEST(Parallel, TasksComeBackByNumberWhateverTheirStartOrder) {
    const std::vector<std::size_t> order = {4, 0, 3, 1, 2};  // e.g. the largest first
    for (unsigned threads : {1u, 2u, 8u}) {
        std::vector<int> squares = core::parallel_tasks<int>(order, threads, [](const geo::GeosContext&, std::size_t t) { return int(t * t); });
        EXPECT_EQ(squares, (std::vector<int>{0, 1, 4, 9, 16})) << threads;
    }
    EXPECT_TRUE(core::parallel_tasks<int>({}, 2, [](const geo::GeosContext&, std::size_t) { return 1; }).empty());
    for (unsigned threads : {1u, 2u}) {
        try {
            core::parallel_tasks<int>(order, threads, [](const geo::GeosContext&, std::size_t t) -> int {
                if (t == 3 || t == 1) throw std::runtime_error("task " + std::to_string(t));
                return 0;
            });
            FAIL();
        } catch (const std::runtime_error& e) {
            EXPECT_STREQ(e.what(), "task 1") << threads;  // task 3 starts first, task 1 is first by number
        }
    }
}

TEST(Parallel, PipelineSinkTakesEveryBatchInReadOrderWhateverTheThreadCount) {
    struct NoState {};
    auto make = [](const geo::GeosContext&) { return std::make_unique<NoState>(); };
    for (unsigned threads : {1u, 2u, 8u}) {
        int next = 0;
        std::vector<int> sunk;
        auto batches = core::pipeline<std::vector<int>, std::vector<int>, NoState>(
            threads,
            [&](std::vector<int>& batch) {
                for (int k = 0; k < 7 && next < 1000; ++k) batch.push_back(next++);
                return next < 1000;
            },
            make,
            [](NoState&, const geo::GeosContext&, std::vector<int>& batch) {
                std::vector<int> out;
                for (int v : batch) out.push_back(2 * v);
                return out;
            },
            [&](std::vector<int>& batch, std::vector<int>& result) {
                EXPECT_EQ(batch.size(), result.size());
                sunk.insert(sunk.end(), result.begin(), result.end());
                batch.clear();  // the sink may take the batch's contents
            });
        std::vector<int> expect;
        for (int i = 0; i < 1000; ++i) expect.push_back(2 * i);
        EXPECT_EQ(sunk, expect) << threads;
        for (auto& b : batches) EXPECT_TRUE(b->batch.empty());
    }
}

TEST(Parallel, PipelineSinkStopsAtTheFirstFailedBatchAndItsErrorComesLast) {
    struct NoState {};
    auto make = [](const geo::GeosContext&) { return std::make_unique<NoState>(); };
    for (unsigned threads : {1u, 2u, 4u}) {
        int n = 0;
        std::vector<int> sunk;
        try {
            core::pipeline<int, int, NoState>(
                threads, [&](int& b) { b = n++; return n < 40; }, make,
                [](NoState&, const geo::GeosContext&, int& b) -> int { if (b == 13) throw std::runtime_error("work 13"); return b; },
                [&](int& b, int&) { sunk.push_back(b); });
            FAIL();
        } catch (const std::runtime_error& e) {
            EXPECT_STREQ(e.what(), "work 13") << threads;
        }
        std::vector<int> expect;
        for (int i = 0; i < 13; ++i) expect.push_back(i);
        EXPECT_EQ(sunk, expect) << threads;
        n = 0;
        try {
            core::pipeline<int, int, NoState>(
                threads, [&](int& b) { b = n++; return n < 40; }, make, [](NoState&, const geo::GeosContext&, int& b) -> int { return b; },
                [&](int& b, int&) { if (b == 7) throw std::runtime_error("sink 7"); });
            FAIL();
        } catch (const std::runtime_error& e) {
            EXPECT_STREQ(e.what(), "sink 7") << threads;
        }
    }
}
