// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/finding.hpp"

using namespace zoning::core;

TEST(Error, MessageNamesFileLayerFidAndId) {
    Error e(ExitCode::bad_input, FeatureRef{"data/p.geojson", "parcels", 12, "P-12"}, "unknown land-use code '99'");
    EXPECT_STREQ(e.what(), "data/p.geojson: layer 'parcels': fid 12 (id 'P-12'): unknown land-use code '99'");
    EXPECT_EQ(e.code(), ExitCode::bad_input);
    Error outer = Error(ExitCode::bad_input, FeatureRef{{}, "roads", {}, {}}, "empty").with_file("x.shp");
    EXPECT_STREQ(outer.what(), "x.shp: layer 'roads': empty");
}

TEST(Finding, OneLineWithLocation) {
    Finding f{Severity::warning, "outside-district", FeatureRef{"s.gpkg", "roads", 3, "R3"}, "lies partly outside", 0, "(1.0 2.0)"};
    EXPECT_EQ(f.line(), "warning: s.gpkg: layer 'roads': fid 3 (id 'R3'): lies partly outside at (1.0 2.0)");
}
