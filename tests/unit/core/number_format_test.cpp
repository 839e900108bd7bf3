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
    // Land in 公顷 in a Chinese sentence, as in the tables: never 万 m² beside a bare m².
    EXPECT_EQ(area_text(935000, true), "93.50 公顷");
    EXPECT_EQ(area_text(8596, true), "0.86 公顷");
    EXPECT_EQ(area_text(20, true), "不足 0.01 公顷");
    EXPECT_EQ(area_text(973000, false), "973,000 m²");
    EXPECT_NEAR(732333.33 * kMuPerM2, 1098.5, 0.001);
}

TEST(NumberFormat, AsThePlanWritesAndLandInHectares) {
    EXPECT_EQ(plan_number(391.9), "391.9");
    EXPECT_EQ(plan_number(391.90000001), "391.9");
    EXPECT_EQ(plan_number(10.0), "10");
    EXPECT_EQ(plan_number(0.126, 2), "0.13");
    EXPECT_EQ(plan_number(-0.001), "0");
    EXPECT_EQ(hectares(123456), "12.35");
    EXPECT_EQ(hectares(8596), "0.86");
    EXPECT_EQ(hectares(0), "0.00");
    EXPECT_EQ(square_km(194520000), "194.52");
}

TEST(NumberFormat, InWanBesideATargetInWan) {
    EXPECT_EQ(in_wan(973000), "97.3万");
    EXPECT_EQ(in_wan(8596), "0.86万");
    EXPECT_EQ(in_wan(0), "0");
}
