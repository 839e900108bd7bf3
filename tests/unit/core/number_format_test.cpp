// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/number_format.hpp"

using namespace zoning::core;

TEST(NumberFormat, WanTheWayThePlanWritesIt) {
    EXPECT_EQ(wan(973000), "97.3万");
    EXPECT_EQ(wan(1300000), "130万");
    EXPECT_EQ(wan(1820000), "182万");
    EXPECT_EQ(wan(8500), "8500");
    EXPECT_EQ(wan(10000), "1万");
}

TEST(NumberFormat, PercentAndGrouping) {
    EXPECT_EQ(percent(973000.0 / 1300000.0), "74.8%");
    EXPECT_EQ(grouped(1234567), "1,234,567");
    EXPECT_EQ(grouped(-1000), "-1,000");
    EXPECT_EQ(grouped(999), "999");
    EXPECT_EQ(area_text(973000, true), "97.3万 m²");
    EXPECT_EQ(area_text(973000, false), "973,000 m²");
    EXPECT_NEAR(732333.33 * kMuPerM2, 1098.5, 0.001);
}
