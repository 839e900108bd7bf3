// SPDX-License-Identifier: MIT
// The GdalRuntime of test_main_gdal.cpp, as zoning's main() makes it.
#include <gtest/gtest.h>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>

#include "io/runtime.hpp"

TEST(GdalRuntime, RegistersTheDriversZoningUses) {
    for (const char* driver : {"GPKG", "ESRI Shapefile", "GeoJSON", "GeoJSONSeq", "PostgreSQL", "Memory"})
        EXPECT_NE(GetGDALDriverManager()->GetDriverByName(driver), nullptr) << driver;
}

TEST(GdalRuntime, GeoPackageRtreeIsFilledInBulkAtClose) {
    // Unless the user chose otherwise: the setting that made writing 200,000 parcels 2.6 times faster.
    EXPECT_STREQ(CPLGetConfigOption("OGR_GPKG_ALLOW_THREADED_RTREE", ""), "NO");
}

TEST(GdalRuntime, GdalNeverPrintsAndKeepsWhatItSaysOutsideAScope) {
    // GDAL's default handler printed "ERROR 1: ..." before zoning's own line (a full disk).
    zoning::io::take_gdal_messages();
    testing::internal::CaptureStderr();
    CPLError(CE_Failure, CPLE_AppDefined, "database or disk is full");
    CPLError(CE_Warning, CPLE_AppDefined, "a warning");
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
    std::size_t dropped = 1;
    auto messages = zoning::io::take_gdal_messages(&dropped);
    ASSERT_EQ(messages.size(), 2u);
    EXPECT_TRUE(messages[0].failure);
    EXPECT_EQ(messages[0].text, "database or disk is full");
    EXPECT_FALSE(messages[1].failure);
    EXPECT_EQ(messages[1].text, "a warning");
    EXPECT_EQ(dropped, 0u);
    EXPECT_TRUE(zoning::io::take_gdal_messages().empty());
}

TEST(GdalRuntime, KeepsABoundedNumberOfMessages) {
    zoning::io::take_gdal_messages();
    for (std::size_t i = 0; i < zoning::io::kMaxKeptGdalMessages + 5; ++i) CPLError(CE_Warning, CPLE_AppDefined, "w%d", static_cast<int>(i));
    std::size_t dropped = 0;
    EXPECT_EQ(zoning::io::take_gdal_messages(&dropped).size(), zoning::io::kMaxKeptGdalMessages);
    EXPECT_EQ(dropped, 5u);
}
