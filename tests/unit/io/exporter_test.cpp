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

// The export command writes the store's layers while it works out the analysis (GeopackageExport), then
// adds the analysis layers, their styles and the project: the same files as one export_layers.
TEST(Exporter, AGeoPackageInTwoStepsHasEveryLayerStyledAndCounted) {
    test::TempDir dir;
    io::ExportOptions opt;
    opt.format = "qgis";
    opt.name = "t";
    const core::Dataset store = test::boundary_dataset(kX0, kY0);
    static core::LayerSpec analysis_spec = *store.layers[0].spec;  // stands for an analysis layer, made after the store's
    analysis_spec.name = "boundary_again";
    analysis_spec.title_zh = "行政区界（再）";  // GeoPackage identifiers are unique
    std::vector<core::Layer> analysis(1, store.layers[0]);
    analysis[0].spec = &analysis_spec;
    {
        io::GeopackageExport unfinished(dir / "out", store, {&analysis_spec}, test::catalog(), opt);
        EXPECT_FALSE(std::filesystem::exists(dir / "out"));  // nothing in place before finish()
    }
    EXPECT_EQ(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator());  // and nothing left behind

    io::GeopackageExport wrong(dir / "out", store, {&analysis_spec}, test::catalog(), opt);
    try {
        wrong.finish({});
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::internal);
    }

    io::GeopackageExport gpkg(dir / "out2", store, {&analysis_spec}, test::catalog(), opt);
    io::ExportSummary s = gpkg.finish(analysis);
    EXPECT_EQ(s.files, (std::vector<std::string>{"t.gpkg", "t.qgs"}));
    EXPECT_EQ(s.layers, 2u);
    EXPECT_EQ(s.styles, 2u);
    GDALDatasetUniquePtr ds = io::open_vector((dir / "out2" / "t.gpkg").string());
    auto number = [&](const char* sql) {
        OGRLayer* r = ds->ExecuteSQL(sql, nullptr, nullptr);
        OGRFeatureUniquePtr f(r->GetNextFeature());
        const GIntBig n = f && !f->IsFieldNull(0) ? f->GetFieldAsInteger64(0) : -1;
        ds->ReleaseResultSet(r);
        return n;
    };
    EXPECT_EQ(number("SELECT count(*) FROM boundary_again"), 1);
    EXPECT_EQ(number("SELECT count(*) FROM layer_styles WHERE f_table_name IN ('boundary', 'boundary_again')"), 2);
    // The count GDAL keeps for a table it wrote rows to (QGIS shows it), though the rows went in a second session.
    EXPECT_EQ(number("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'layer_styles'"), 2);
    // layer_styles stands before the feature layers, as when GDAL wrote it with its rows in one session.
    EXPECT_LT(number("SELECT rowid FROM gpkg_contents WHERE table_name = 'layer_styles'"),
              number("SELECT rowid FROM gpkg_contents WHERE table_name = 'boundary'"));
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
        // The catalog is the user's: bad input naming the layer file and the field, with a name to give.
        EXPECT_EQ(e.code(), core::ExitCode::bad_input);
        EXPECT_EQ(e.where().layer, "boundary");
        EXPECT_EQ(e.detail(), "field 'a_name_longer_than_ten' is 22 bytes, more than the 10 a Shapefile (DBF) field name holds: give the "
                              "field dbf_name = \"a_name_lon\" in boundary.toml, or export --format gpkg or geojson");
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "out"));

    long_names.fields[1].name = "ID";  // DBF names ignore case: 'id' and 'ID' would be one column
    try {
        io::export_layers(dir / "out", d, {}, test::catalog(), opt);
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::bad_input);
        EXPECT_EQ(e.detail(), "fields 'id' and 'ID' would both be DBF field 'ID' (DBF names ignore case): give one of them another dbf_name");
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "out"));
}

namespace {
/// Exports `name` as the boundary's name to a Shapefile in `encoding`; the error's detail, or "written".
std::string shapefile_with_name(const std::string& name, const std::string& encoding, const std::filesystem::path& out) {
    core::Dataset d = test::boundary_dataset();
    d.layers[0].features[0].values[1] = name;
    io::ExportOptions opt;
    opt.format = "shp";
    opt.encoding = encoding;
    try {
        io::export_layers(out, d, {}, test::catalog(), opt);
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::bad_input);
        EXPECT_EQ(e.where().layer, "boundary");
        EXPECT_EQ(e.where().fid, 1);
        EXPECT_EQ(e.where().id, "B1");
        EXPECT_FALSE(std::filesystem::exists(out)) << "nothing is written";
        return e.detail();
    }
    return "written";
}
std::string dbf_name_value(const std::filesystem::path& shp) {
    GDALDatasetUniquePtr ds = io::open_vector(shp.string());
    OGRFeatureUniquePtr f(ds->GetLayer(0)->GetNextFeature());
    return f->GetFieldAsString("name");
}
}  // namespace

TEST(Exporter, ShapefileTextOverTheDbfLimitIsAnErrorNotACut) {
    test::TempDir dir;
    std::string name;
    for (int i = 0; i < 84; ++i) name += "区";  // 252 bytes in UTF-8: fits
    EXPECT_EQ(shapefile_with_name(name, "UTF-8", dir / "a"), "written");
    EXPECT_EQ(dbf_name_value(dir / "a" / "boundary.shp"), name);
    EXPECT_EQ(shapefile_with_name(name + "区", "UTF-8", dir / "b"),
              "field 'name': 255 bytes in UTF-8, more than the 254 a Shapefile (DBF) text field holds: a Shapefile would cut it; "
              "export --format gpkg or geojson, or shorten it");
    // In GBK the same 85 characters are 170 bytes: they fit.
    EXPECT_EQ(shapefile_with_name(name + "区", "GBK", dir / "c"), "written");
}

TEST(Exporter, ShapefileInGbkRefusesCharactersGbkLacks) {
    test::TempDir dir;
    EXPECT_EQ(shapefile_with_name("东区😀", "GBK", dir / "a"),
              "field 'name': GBK has no '😀' (U+1F600): a Shapefile in GBK would lose it; export with --encoding UTF-8");
    EXPECT_EQ(shapefile_with_name("𠀀村", "GBK", dir / "b"),
              "field 'name': GBK has no '𠀀' (U+20000): a Shapefile in GBK would lose it; export with --encoding UTF-8");
    EXPECT_EQ(shapefile_with_name("东区😀", "UTF-8", dir / "c"), "written");
    EXPECT_EQ(dbf_name_value(dir / "c" / "boundary.shp"), "东区😀");
    // m² and m³ are spelt m2 and m3 in GBK, as Chinese GIS tables write them.
    EXPECT_EQ(shapefile_with_name("20 m² 与 3 m³", "GBK", dir / "d"), "written");
    EXPECT_EQ(dbf_name_value(dir / "d" / "boundary.shp"), "20 m2 与 3 m3");
}

