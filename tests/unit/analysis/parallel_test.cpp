// SPDX-License-Identifier: MIT
#include "analysis/parallel.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>
#include <thread>

using namespace zoning;

TEST(ParallelEach, ResultsInItemOrderWhateverTheThreadCount) {
    for (unsigned threads : {1u, 2u, 3u, 8u}) {
        std::vector<std::string> out = analysis::parallel_each<std::string>(
            5, threads, [](const geo::GeosContext&, std::size_t i) { return std::string(i + 1, 'x'); });
        ASSERT_EQ(out.size(), 5u) << threads;
        for (std::size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i], std::string(i + 1, 'x')) << threads;
    }
    EXPECT_TRUE((analysis::parallel_each<int>(0, 2, [](const geo::GeosContext&, std::size_t) { return 1; }).empty()));
}

TEST(ParallelEach, EachItemIsItsOwnTask) {
    // Two items on two threads: both run at once (parallel_chunks would give both, one chunk, to one thread).
    std::mutex m;
    std::set<std::thread::id> ran_on;
    analysis::parallel_each<int>(2, 2, [&](const geo::GeosContext&, std::size_t) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        std::lock_guard<std::mutex> lock(m);
        ran_on.insert(std::this_thread::get_id());
        return 0;
    });
    EXPECT_EQ(ran_on.size(), 2u);
}

TEST(ParallelEach, TheFirstErrorInItemOrderIsRethrown) {
    for (unsigned threads : {1u, 4u}) {
        try {
            analysis::parallel_each<int>(6, threads, [](const geo::GeosContext&, std::size_t i) -> int {
                if (i == 4 || i == 2) throw std::runtime_error("item " + std::to_string(i));
                return 0;
            });
            FAIL() << "no error at " << threads << " threads";
        } catch (const std::runtime_error& e) {
            EXPECT_STREQ(e.what(), "item 2") << threads;
        }
    }
}
