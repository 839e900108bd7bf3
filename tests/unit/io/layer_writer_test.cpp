// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

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
