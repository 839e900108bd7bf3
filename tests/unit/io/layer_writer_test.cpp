// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <set>

#include "core/error.hpp"
#include "io/layer_writer.hpp"
#include "io_support.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

core::LayerSpec spec_with_fields() {
    core::LayerSpec s;
    s.name = "zones";
    s.title_zh = "分区";
    s.title_en = "Zones";
    s.geometry = core::GeomKind::polygon;
    for (auto [name, type] : {std::pair{"id", core::FieldType::string}, std::pair{"floors", core::FieldType::integer},
                              std::pair{"built_floor_m2", core::FieldType::real}}) {
        core::FieldSpec f;
        f.name = name;
        f.type = type;
        s.fields.push_back(f);
    }
    return s;
}

core::Layer layer_of(const core::LayerSpec& spec, std::vector<core::Feature> features) {
    core::Layer layer;
    layer.spec = &spec;
    layer.features = std::move(features);
    return layer;
}

}  // namespace

TEST(LayerWriter, FeaturesKeepFidValuesAndGeometry) {
    test::TempDir dir;
    const core::LayerSpec spec = spec_with_fields();
    const core::Layer layer =
        layer_of(spec, {test::rectangle_feature(7, {std::string("Z-7"), std::int64_t{12}, 2500.5}, 0, 0, 100, 50),
                        test::rectangle_feature(9, {std::string("Z-9"), core::Value{}, core::Value{}}, 0, 0, 30, 30)});
    {
        GDALDatasetUniquePtr ds = io::create_dataset("GPKG", dir / "t.gpkg", "t.gpkg");
        io::write_feature_layer(*ds, layer, io::work_srs("EPSG:4547"), "t.gpkg", {"FID=fid"});
        io::close_or_throw(ds, "t.gpkg");
    }
    GDALDatasetUniquePtr ds = io::open_vector((dir / "t.gpkg").string());
    OGRLayer* l = ds->GetLayerByName("zones");
    ASSERT_NE(l, nullptr);
    EXPECT_EQ(l->GetGeomType(), wkbMultiPolygon);
    ASSERT_EQ(l->GetFeatureCount(), 2);
    OGRFeatureUniquePtr f(l->GetFeature(7));
    ASSERT_TRUE(f);
    EXPECT_STREQ(f->GetFieldAsString("id"), "Z-7");
    EXPECT_EQ(f->GetFieldDefnRef(f->GetFieldIndex("floors"))->GetType(), OFTInteger64);
    EXPECT_EQ(f->GetFieldAsInteger64("floors"), 12);
    EXPECT_EQ(f->GetFieldAsDouble("built_floor_m2"), 2500.5);
    EXPECT_DOUBLE_EQ(f->GetGeometryRef()->toPolygon()->get_Area(), 5000.0);
    OGRFeatureUniquePtr nine(l->GetFeature(9));
    ASSERT_TRUE(nine);
    EXPECT_TRUE(nine->IsFieldNull(nine->GetFieldIndex("floors")));  // no value stays NULL, not 0
    EXPECT_DOUBLE_EQ(nine->GetGeometryRef()->toPolygon()->get_Area(), 900.0);
}

TEST(LayerWriter, RenamedFieldsAndBadWkb) {
    test::TempDir dir;
    const core::LayerSpec spec = spec_with_fields();
    const core::Layer layer = layer_of(spec, {test::rectangle_feature(1, {std::string("Z-1"), std::int64_t{3}, 1.0}, 0, 0, 10, 10)});
    GDALDatasetUniquePtr ds = io::create_dataset("Memory", dir / "m", "m");
    OGRLayer* l = io::write_feature_layer(*ds, layer, io::work_srs("EPSG:4547"), "m", {}, {{"built_floor_m2", "bfa_m2"}});
    EXPECT_GE(l->GetLayerDefn()->GetFieldIndex("bfa_m2"), 0);
    EXPECT_LT(l->GetLayerDefn()->GetFieldIndex("built_floor_m2"), 0);

    core::Layer broken = layer;
    broken.features[0].wkb = "not wkb";
    try {
        io::write_feature_layer(*ds, broken, io::work_srs("EPSG:4547"), "m", {});
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::internal);
        EXPECT_EQ(std::string(e.what()), "m: layer 'zones': fid 1: bad WKB in memory");
    }
}

TEST(LayerWriter, AttributeTableRowsInFieldOrder) {
    test::TempDir dir;
    GDALDatasetUniquePtr ds = io::create_dataset("Memory", dir / "m", "m");
    OGRLayer* t = io::create_attribute_table(*ds, "codes", {{"code", OFTString}, {"level", OFTInteger}}, "m");
    EXPECT_EQ(t->GetGeomType(), wkbNone);
    io::add_row(t, {"0701", "2"}, "m");
    io::add_row(t, {"07", "1"}, "m");
    ASSERT_EQ(t->GetFeatureCount(), 2);
    t->ResetReading();
    OGRFeatureUniquePtr first(t->GetNextFeature());
    EXPECT_STREQ(first->GetFieldAsString("code"), "0701");
    EXPECT_EQ(first->GetFieldAsInteger("level"), 2);
}

// The bulk GeoPackage writer (the store's): 5,000 squares of 10 m on a 20 m lattice, 100 a
// row, so the R-tree it packs has leaves, a level of inner nodes and a root (51 cells a node).
TEST(LayerWriter, BulkGeoPackageReadsBackThroughGdalWithAWorkingSpatialIndex) {
    test::TempDir dir;
    const core::LayerSpec spec = spec_with_fields();
    std::vector<core::Feature> features;
    for (int i = 0; i < 5000; ++i) {
        const double x = 400000 + 20.0 * (i % 100), y = 3700000 + 20.0 * (i / 100);
        features.push_back(test::rectangle_feature(i + 1, {std::string("Z-") + std::to_string(i), std::int64_t{i}, i * 1.5}, x, y, x + 10, y + 10));
    }
    features[7].values[1] = core::Value{};  // no value stays NULL
    std::vector<core::Layer> layers{layer_of(spec, features)};
    const auto path = dir / "b.gpkg";
    {
        GDALDatasetUniquePtr ds = io::create_dataset("GPKG", path, "b.gpkg");
        io::create_feature_layer(*ds, spec, io::work_srs("EPSG:4547"), "b.gpkg", {"GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES"});
        io::close_or_throw(ds, "b.gpkg");
    }
    io::fill_geopackage_layers(path, layers, "b.gpkg");

    GDALDatasetUniquePtr ds = io::open_vector(path.string());
    OGRLayer* l = ds->GetLayerByName("zones");
    ASSERT_NE(l, nullptr);
    EXPECT_EQ(l->GetFeatureCount(), 5000);
    OGREnvelope extent;
    ASSERT_EQ(l->GetExtent(&extent, FALSE), OGRERR_NONE);  // gpkg_contents, not a scan
    EXPECT_EQ(extent.MinX, 400000);
    EXPECT_EQ(extent.MinY, 3700000);
    EXPECT_EQ(extent.MaxX, 400000 + 20 * 99 + 10);
    EXPECT_EQ(extent.MaxY, 3700000 + 20 * 49 + 10);
    OGRFeatureUniquePtr f(l->GetFeature(1234));
    ASSERT_TRUE(f);
    EXPECT_STREQ(f->GetFieldAsString("id"), "Z-1233");
    EXPECT_EQ(f->GetFieldAsInteger64("floors"), 1233);
    EXPECT_EQ(f->GetFieldAsDouble("built_floor_m2"), 1233 * 1.5);
    std::string wkb(static_cast<std::size_t>(f->GetGeometryRef()->WkbSize()), '\0');
    f->GetGeometryRef()->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()), wkbVariantIso);
    EXPECT_EQ(wkb, features[1233].wkb);  // the WKB as given, behind GDAL's blob header
    OGRFeatureUniquePtr eight(l->GetFeature(8));
    ASSERT_TRUE(eight);
    EXPECT_TRUE(eight->IsFieldNull(eight->GetFieldIndex("floors")));

    // Through the R-tree: columns 10-12 and rows 5-6 of the lattice, exactly.
    l->SetSpatialFilterRect(400205, 3700105, 400245, 3700125);
    std::set<GIntBig> fids;
    for (auto& g : *l) fids.insert(g->GetFID());
    EXPECT_EQ(fids, (std::set<GIntBig>{511, 512, 513, 611, 612, 613}));
    l->SetSpatialFilter(nullptr);

    // SQLite's own check of the tree, and the triggers GDAL keeps it with are back.
    OGRLayer* check = ds->ExecuteSQL("SELECT rtreecheck('rtree_zones_geom')", nullptr, nullptr);
    ASSERT_NE(check, nullptr);
    OGRFeatureUniquePtr verdict(check->GetNextFeature());
    ASSERT_TRUE(verdict);
    EXPECT_STREQ(verdict->GetFieldAsString(0), "ok");
    ds->ReleaseResultSet(check);
    OGRLayer* triggers = ds->ExecuteSQL("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'zones' AND name LIKE 'rtree_%'", nullptr, nullptr);
    ASSERT_NE(triggers, nullptr);
    OGRFeatureUniquePtr n(triggers->GetNextFeature());
    EXPECT_EQ(n->GetFieldAsInteger(0), 6);
    ds->ReleaseResultSet(triggers);
}

TEST(LayerWriter, BulkGeoPackageRefusesBytesThatAreNotWkb) {
    test::TempDir dir;
    const core::LayerSpec spec = spec_with_fields();
    std::vector<core::Layer> layers{layer_of(spec, {test::rectangle_feature(1, {std::string("Z-1"), std::int64_t{3}, 1.0}, 0, 0, 10, 10),
                                                    test::rectangle_feature(2, {std::string("Z-2"), std::int64_t{3}, 1.0}, 0, 0, 10, 10)})};
    layers[0].features[1].wkb.resize(layers[0].features[1].wkb.size() - 3);  // truncated
    {
        GDALDatasetUniquePtr ds = io::create_dataset("GPKG", dir / "b.gpkg", "b.gpkg");
        io::create_feature_layer(*ds, spec, io::work_srs("EPSG:4547"), "b.gpkg", {"GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES"});
        io::close_or_throw(ds, "b.gpkg");
    }
    try {
        io::fill_geopackage_layers(dir / "b.gpkg", layers, "b.gpkg");
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::internal);
        EXPECT_NE(std::string(e.what()).find("fid 2"), std::string::npos) << e.what();
    }
}
