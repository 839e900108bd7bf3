// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "io/gdal.hpp"
#include "support.hpp"

using namespace zoning;

TEST(Gdal, ConnectionsAreNotPathsInAFolder) {
    EXPECT_TRUE(io::is_connection("PG:dbname=zoning"));
    EXPECT_TRUE(io::is_connection("/vsimem/p.geojson"));
    EXPECT_TRUE(io::is_connection("https://example.org/p.geojson"));
    EXPECT_FALSE(io::is_connection("data/parcels.shp"));
    EXPECT_FALSE(io::is_connection("/abs/PG:odd name.geojson"));
}

TEST(Gdal, OpenVectorNamesTheSourceInItsErrors) {
    test::TempDir dir;
    auto detail = [](const std::string& source) {
        try {
            io::open_vector(source);
        } catch (const core::Error& e) {
            EXPECT_EQ(e.code(), core::ExitCode::bad_input);
            EXPECT_EQ(e.where().file, source);
            return e.detail();
        }
        return std::string("opened");
    };
    EXPECT_EQ(detail((dir / "missing.geojson").string()), "file not found");
    test::write_file(dir / "junk.geojson", "this is not GeoJSON");
    EXPECT_EQ(detail((dir / "junk.geojson").string()).rfind("cannot open as a vector dataset: ", 0), 0u);
    test::write_file(dir / "ok.geojson", R"({"type":"FeatureCollection","features":[]})");
    EXPECT_EQ(detail((dir / "ok.geojson").string()), "opened");
}

TEST(Gdal, ErrorScopeKeepsTheLastMessageAndWhetherItFailed) {
    io::GdalErrorScope scope;
    EXPECT_FALSE(scope.failed());
    EXPECT_EQ(scope.message_or("fallback"), "fallback");
    CPLError(CE_Warning, CPLE_AppDefined, "first");
    EXPECT_FALSE(scope.failed());
    CPLError(CE_Failure, CPLE_AppDefined, "second");
    EXPECT_TRUE(scope.failed());
    EXPECT_EQ(scope.message(), "second");
    // The first failure names the cause (a full disk); later ones its consequences.
    CPLError(CE_Failure, CPLE_AppDefined, "third");
    CPLError(CE_Warning, CPLE_AppDefined, "fourth");
    EXPECT_EQ(scope.message(), "second");
}

TEST(Gdal, ErrorScopesNestAndNeverPrint) {
    testing::internal::CaptureStderr();
    {
        io::GdalErrorScope outer;
        {
            io::GdalErrorScope inner;
            CPLError(CE_Failure, CPLE_AppDefined, "inner");
            EXPECT_EQ(inner.message(), "inner");
        }
        EXPECT_FALSE(outer.failed());
        CPLError(CE_Failure, CPLE_AppDefined, "outer");
        EXPECT_EQ(outer.message(), "outer");
    }
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
    EXPECT_TRUE(io::take_gdal_messages().empty());
}

TEST(Gdal, WkbToOgrAndWktBack) {
    // 2D ISO WKB of POINT(1 2), little-endian.
    const std::string wkb("\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\xf0\x3f\x00\x00\x00\x00\x00\x00\x00\x40", 21);
    OGRGeometryUniquePtr g = io::ogr_from_wkb(wkb);
    ASSERT_TRUE(g);
    EXPECT_EQ(io::ogr_wkt(*g), "POINT (1 2)");
    EXPECT_FALSE(io::ogr_from_wkb("not wkb"));
    EXPECT_FALSE(io::ogr_from_wkb(""));
}

TEST(Gdal, WorkCrsIsEpsg4547EastingFirst) {
    OGRSpatialReference srs = io::work_srs("EPSG:4547");
    EXPECT_STREQ(srs.GetAuthorityCode(nullptr), "4547");
    EXPECT_EQ(srs.GetDataAxisToSRSAxisMapping(), (std::vector<int>{2, 1}));  // data x = easting, the CRS's second axis
    const std::string wkt = io::srs_wkt(srs);
    EXPECT_EQ(wkt.rfind("PROJCRS[\"CGCS2000 / 3-degree Gauss-Kruger CM 114E\"", 0), 0u) << wkt;
    EXPECT_NE(wkt.find("ID[\"EPSG\",4547]"), std::string::npos);
}

TEST(Gdal, WorkCrsFollowsTheDefinitionAndRefusesNonsense) {
    OGRSpatialReference utm = io::work_srs("EPSG:32632");
    EXPECT_STREQ(utm.GetAuthorityCode(nullptr), "32632");
    EXPECT_EQ(utm.GetDataAxisToSRSAxisMapping(), (std::vector<int>{1, 2}));  // UTM lists easting first already
    // The WKT a store records reads back as the same CRS, easting first.
    OGRSpatialReference from_wkt = io::work_srs(io::srs_wkt(io::work_srs("EPSG:4549")));
    EXPECT_STREQ(from_wkt.GetAuthorityCode(nullptr), "4549");
    EXPECT_EQ(from_wkt.GetDataAxisToSRSAxisMapping(), (std::vector<int>{2, 1}));
    EXPECT_THROW(io::work_srs(""), core::Error);
    EXPECT_THROW(io::work_srs("EPSG:999999"), core::Error);
}

TEST(Gdal, CreateDatasetAndCloseOrThrow) {
    test::TempDir dir;
    GDALDatasetUniquePtr ds = io::create_dataset("GPKG", dir / "t.gpkg", "shown.gpkg");
    ASSERT_TRUE(ds);
    io::close_or_throw(ds, "shown.gpkg");
    EXPECT_FALSE(ds);
    EXPECT_TRUE(std::filesystem::exists(dir / "t.gpkg"));
    io::close_or_throw(ds, "shown.gpkg");  // nothing left to close: no error
    try {
        io::create_dataset("GPKG", dir / "no" / "such" / "folder" / "t.gpkg", "shown.gpkg");
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::output);
        EXPECT_EQ(e.where().file, "shown.gpkg");  // the user's path, not the temporary one
    }
    try {
        io::create_dataset("NoSuchDriver", dir / "x", "x");
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::internal);
        EXPECT_EQ(e.detail(), "GDAL has no NoSuchDriver driver");
    }
}

// A GeoPackage's own count (gpkg_ogr_contents) is a hint nothing checks: four billion rows claimed by
// a file of three must not become four billion features' worth of memory.
TEST(Gdal, FeatureCountHintIsNoMoreThanTheFileCouldHold) {
    test::TempDir dir;
    const std::string path = (dir / "count.gpkg").string();
    {
        GDALDatasetUniquePtr ds = io::create_dataset("GPKG", path, path);
        OGRLayer* l = ds->CreateLayer("p", nullptr, wkbPoint, nullptr);
        for (int i = 0; i < 3; ++i) {
            OGRFeature f(l->GetLayerDefn());
            f.SetGeometryDirectly(new OGRPoint(i, i));
            ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
        }
        io::close_or_throw(ds, path);
    }
    {
        GDALDatasetUniquePtr ds = io::open_vector(path);
        EXPECT_EQ(io::feature_count_hint(*ds->GetLayerByName("p"), path), 3u);
    }
    {
        GDALDatasetUniquePtr ds = io::open_for_update(path, path);
        ds->ExecuteSQL("UPDATE gpkg_ogr_contents SET feature_count = 4000000000", nullptr, nullptr);
    }
    GDALDatasetUniquePtr ds = io::open_vector(path);
    OGRLayer* l = ds->GetLayerByName("p");
    ASSERT_EQ(l->GetFeatureCount(FALSE), 4000000000);  // what GDAL believes
    const std::size_t hint = io::feature_count_hint(*l, path);
    EXPECT_LE(hint, std::filesystem::file_size(path) / 16);
    EXPECT_LE(io::feature_count_hint(*l, "PG:dbname=not-a-file"), std::size_t{1} << 20);
}
