// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "io/exporter.hpp"
#include "io/gdal.hpp"
#include "io_support.hpp"
#include "support.hpp"

using namespace zoning;

namespace {
// A rectangle near the central meridian 114°E of EPSG:4547, at about 34°N.
constexpr double kX0 = 500000, kY0 = 3762000;
}  // namespace

TEST(Exporter, GeoJsonIsOneLonLatFilePerLayer) {
    test::TempDir dir;
    io::ExportOptions opt;
    opt.format = "geojson";
    io::ExportSummary s = io::export_layers(dir / "out", test::boundary_dataset(kX0, kY0), {}, test::catalog(), opt);
    EXPECT_EQ(s.files, (std::vector<std::string>{"boundary.geojson"}));
    EXPECT_EQ(s.layers, 1u);
    GDALDatasetUniquePtr ds = io::open_vector((dir / "out" / "boundary.geojson").string());
    OGRLayer* l = ds->GetLayer(0);
    OGREnvelope e;
    ASSERT_EQ(l->GetExtent(&e), OGRERR_NONE);
    EXPECT_NEAR(e.MinX, 114.0, 1e-6);  // x = 500000 is the central meridian
    EXPECT_NEAR(e.MinY, 34.0, 0.05);
    EXPECT_NEAR((e.MaxX - e.MinX) * 92000, 100, 1.0);  // 100 m east at 34°N: about 92 km per degree
    l->ResetReading();
    OGRFeatureUniquePtr f(l->GetNextFeature());
    EXPECT_STREQ(f->GetFieldAsString("name"), "新华区");
}

TEST(Exporter, GeoPackageKeepsTheWorkCrsAndAddsStylesForQgis) {
    test::TempDir dir;
    io::ExportOptions opt;
    opt.format = "qgis";
    opt.name = "t";
    io::ExportSummary s = io::export_layers(dir / "out", test::boundary_dataset(), {}, test::catalog(), opt);
    EXPECT_EQ(s.files, (std::vector<std::string>{"t.gpkg", "t.qgs"}));
    EXPECT_EQ(s.styles, 1u);
    GDALDatasetUniquePtr ds = io::open_vector((dir / "out" / "t.gpkg").string());
    OGRLayer* b = ds->GetLayerByName("boundary");
    ASSERT_NE(b, nullptr);
    EXPECT_STREQ(b->GetSpatialRef()->GetAuthorityCode(nullptr), "4547");
    b->ResetReading();
    OGRFeatureUniquePtr f(b->GetNextFeature());
    EXPECT_DOUBLE_EQ(f->GetGeometryRef()->toMultiPolygon()->get_Area(), 5000.0);
    EXPECT_NE(ds->GetLayerByName("layer_styles"), nullptr);
    EXPECT_NE(ds->GetLayerByName("landuse_codes"), nullptr);
}

TEST(Exporter, UnknownFormatLeavesNoFolder) {
    test::TempDir dir;
    io::ExportOptions opt;
    opt.format = "kml";
    try {
        io::export_layers(dir / "out", test::boundary_dataset(), {}, test::catalog(), opt);
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::bad_input);
        EXPECT_EQ(e.detail(), "unknown export format 'kml' (qgis, gpkg, shp, geojson)");
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "out"));
    EXPECT_EQ(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator());
}

TEST(Exporter, ShapefileFieldNamesMustFitTheDbf) {
    core::FieldSpec f;
    f.name = "built_floor_m2";
    EXPECT_EQ(io::dbf_field_name(f), "built_floor_m2");
    f.dbf_name = "bfa_m2";
    EXPECT_EQ(io::dbf_field_name(f), "bfa_m2");

    test::TempDir dir;
    core::Dataset d = test::boundary_dataset();
    core::LayerSpec long_names = *d.layers[0].spec;
    long_names.fields[1].name = "a_name_longer_than_ten";
    d.layers[0].spec = &long_names;
    io::ExportOptions opt;
    opt.format = "shp";
    try {
        io::export_layers(dir / "out", d, {}, test::catalog(), opt);
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::internal);
        EXPECT_EQ(e.detail(), "field 'a_name_longer_than_ten' needs a unique dbf_name of at most 10 characters");
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "out"));
}
