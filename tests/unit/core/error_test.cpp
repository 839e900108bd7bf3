// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/error.hpp"

using namespace zoning::core;

TEST(Error, MessageNamesFileLayerFidAndId) {
    Error e(ExitCode::bad_input, FeatureRef{"data/p.geojson", "parcels", 12, "P-12"}, "unknown land-use code '99'");
    EXPECT_STREQ(e.what(), "data/p.geojson: layer 'parcels': fid 12 (id 'P-12'): unknown land-use code '99'");
    EXPECT_EQ(e.code(), ExitCode::bad_input);
    Error outer = Error(ExitCode::bad_input, FeatureRef{{}, "roads", {}, {}}, "empty").with_file("x.shp");
    EXPECT_STREQ(outer.what(), "x.shp: layer 'roads': empty");
}

TEST(Error, WithFileAndLayerFillOnlyWhatIsUnknown) {
    Error inner(ExitCode::output, FeatureRef{"a.gpkg", {}, {}, {}}, "disk full");
    EXPECT_STREQ(inner.with_file("b.gpkg").what(), "a.gpkg: disk full");
    Error named = inner.with_layer("parcels");
    EXPECT_STREQ(named.what(), "a.gpkg: layer 'parcels': disk full");
    EXPECT_EQ(named.code(), ExitCode::output);
    EXPECT_EQ(named.detail(), "disk full");
    EXPECT_STREQ(named.with_layer("roads").what(), "a.gpkg: layer 'parcels': disk full");
}

TEST(FeatureRef, TextLeavesOutWhatIsNotKnown) {
    EXPECT_EQ((FeatureRef{"", "", 7, ""}).text(), "fid 7");
    EXPECT_EQ((FeatureRef{"", "", {}, "P-1"}).text(), "(id 'P-1')");
    EXPECT_EQ((FeatureRef{}).text(), "");
    EXPECT_STREQ(Error(ExitCode::internal, "bare").what(), "bare");
}
