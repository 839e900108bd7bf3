// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "geo/geos.hpp"
#include "io/gdal.hpp"
#include "io/source_reader.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

const core::Catalog& catalog() {
    static core::Catalog c = core::Catalog::load(test::source_dir() / "layers");
    return c;
}

core::LayerSource source_of(const std::string& layer, const std::string& file) {
    core::LayerSource s;
    s.layer = layer;
    s.source = file;
    return s;
}

/// Writes features with OGR: (field values, WKT) into `path` with the given driver.
void write_ogr(const std::filesystem::path& path, const char* driver, const char* layer_name, int epsg,
               OGRwkbGeometryType type, const std::vector<std::pair<std::vector<std::pair<std::string, std::string>>, std::string>>& feats,
               const std::vector<std::string>& layer_options = {}) {
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver);
    ASSERT_NE(drv, nullptr);
    GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(ds);
    OGRSpatialReference srs;
    OGRSpatialReference* srs_ptr = nullptr;
    if (epsg) {
        srs.importFromEPSG(epsg);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        srs_ptr = &srs;
    }
    CPLStringList opts;
    for (auto& o : layer_options) opts.AddString(o.c_str());
    OGRLayer* l = ds->CreateLayer(layer_name, srs_ptr, type, opts.List());
    ASSERT_NE(l, nullptr);
    if (!feats.empty())
        for (auto& [k, v] : feats[0].first) {
            OGRFieldDefn fd(k.c_str(), OFTString);
            l->CreateField(&fd);
        }
    for (auto& [attrs, wkt] : feats) {
        OGRFeature f(l->GetLayerDefn());
        for (auto& [k, v] : attrs) f.SetField(k.c_str(), v.c_str());
        OGRGeometry* g = nullptr;
        OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g);
        f.SetGeometryDirectly(g);
        ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
    }
}

double area_of(const core::Feature& f) {
    geo::GeosContext ctx;
    return geo::area(ctx, geo::from_wkb(ctx, f.wkb).get());
}

const char* kSquare = "POLYGON((430000 3740000,430100 3740000,430100 3740100,430000 3740100,430000 3740000))";

}  // namespace

TEST(SourceReader, GeoJsonIn4547IsReadAsIs) {
    io::ReadResult r = io::read_layer(catalog(), catalog().at("parcels"), source_of("parcels", "parcels.geojson"), "EPSG:4547", test::fixture("mini"));
    EXPECT_TRUE(r.findings.empty());
    ASSERT_EQ(r.layer.features.size(), 4u);
    EXPECT_EQ(r.layer.source_crs, "EPSG:4547");
    EXPECT_DOUBLE_EQ(area_of(r.layer.features[0]), 250000.0);
    EXPECT_EQ(r.layer.text(r.layer.features[1], "landuse"), "0901");
}

TEST(SourceReader, LonLatGeoJsonIsTransformedTo4547) {
    test::TempDir dir;
    test::write_file(dir / "b.geojson",
                     R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"G","name":"政府"},)"
                     R"("geometry":{"type":"Polygon","coordinates":[[[113.293,33.739],[113.294,33.739],[113.294,33.740],[113.293,33.740],[113.293,33.739]]]}}]})");
    io::ReadResult r = io::read_layer(catalog(), catalog().at("boundary"), source_of("boundary", "b.geojson"), "EPSG:4547", dir.path());
    ASSERT_EQ(r.layer.features.size(), 1u);
    EXPECT_EQ(r.layer.source_crs, "EPSG:4326");
    geo::GeosContext ctx;
    geo::GeomPtr g = geo::from_wkb(ctx, r.layer.features[0].wkb);
    // The first vertex is (113.293, 33.739): the cs2cs figure of proj_test.cpp, easting first.
    std::string wkt = geo::to_wkt(ctx, g.get(), 4);
    EXPECT_EQ(wkt.rfind("MULTIPOLYGON (((434484.2291 3734935.826,", 0), 0u) << wkt;
    EXPECT_NEAR(geo::area(ctx, g.get()), 92.6 * 111.0, 50.0);  // 0.001° x 0.001° at 33.7°N
}

TEST(SourceReader, GbkShapefileKeepsChineseNames) {
    test::TempDir dir;
    write_ogr(dir / "zones.shp", "ESRI Shapefile", "zones", 4547, wkbPolygon,
              {{{{"id", "FZ1"}, {"name", "新华区商业商务区"}}, kSquare}}, {"ENCODING=CP936"});
    // The DBF really holds GBK bytes: 新 = D0 C2, 华 = BB AA.
    std::string dbf = test::read_file(dir / "zones.dbf");
    EXPECT_NE(dbf.find("\xD0\xC2\xBB\xAA"), std::string::npos);
    EXPECT_EQ(dbf.find("新华"), std::string::npos);

    // With the .cpg GDAL wrote, the encoding is found by itself.
    io::ReadResult r = io::read_layer(catalog(), catalog().at("functional_zones"), source_of("functional_zones", "zones.shp"), "EPSG:4547", dir.path());
    ASSERT_EQ(r.layer.features.size(), 1u);
    EXPECT_EQ(r.layer.text(r.layer.features[0], "name"), "新华区商业商务区");

    // Without .cpg (as older Chinese GIS software leaves it), the user names the encoding.
    std::filesystem::remove(dir / "zones.cpg");
    core::LayerSource s = source_of("functional_zones", "zones.shp");
    s.encoding = "GBK";
    io::ReadResult r2 = io::read_layer(catalog(), catalog().at("functional_zones"), s, "EPSG:4547", dir.path());
    ASSERT_EQ(r2.layer.features.size(), 1u);
    EXPECT_EQ(r2.layer.text(r2.layer.features[0], "name"), "新华区商业商务区");
}

TEST(SourceReader, GbkShapefileWithoutCpgOrEncodingIsAnErrorNotRawBytes) {
    test::TempDir dir;
    write_ogr(dir / "zones.shp", "ESRI Shapefile", "zones", 4547, wkbPolygon,
              {{{{"id", "FZ1"}, {"name", "新华区商业商务区"}}, kSquare}}, {"ENCODING=CP936"});
    std::filesystem::remove(dir / "zones.cpg");
    io::ReadResult r = io::read_layer(catalog(), catalog().at("functional_zones"), source_of("functional_zones", "zones.shp"), "EPSG:4547", dir.path());
    EXPECT_TRUE(r.layer.features.empty());
    ASSERT_EQ(r.findings.size(), 1u);
    const core::Finding& f = r.findings[0];
    EXPECT_EQ(f.severity, core::Severity::error);
    EXPECT_EQ(f.check, "encoding");
    EXPECT_EQ(f.where.layer, "functional_zones");
    EXPECT_TRUE(f.where.fid.has_value());
    EXPECT_NE(f.message.find("field 'name'"), std::string::npos) << f.message;
    EXPECT_NE(f.line().find("fid"), std::string::npos) << f.line();
}

TEST(SourceReader, GeoPackageSourceWithFieldAndValueMapping) {
    test::TempDir dir;
    write_ogr(dir / "src.gpkg", "GPKG", "dk", 4547, wkbPolygon, {{{{"DKBH", "X1"}, {"YDDM", "R2"}}, kSquare}});
    core::LayerSource s = source_of("parcels", "src.gpkg");
    s.fields = {{"id", "DKBH"}, {"landuse", "YDDM"}};
    s.values["landuse"]["R2"] = "0701";
    io::ReadResult r = io::read_layer(catalog(), catalog().at("parcels"), s, "EPSG:4547", dir.path());
    ASSERT_EQ(r.layer.features.size(), 1u) << (r.findings.empty() ? "" : r.findings[0].line());
    EXPECT_EQ(r.layer.id_of(r.layer.features[0]), "X1");
    EXPECT_EQ(r.layer.text(r.layer.features[0], "landuse"), "0701");
}

TEST(SourceReader, NoCrsIsAnErrorUnlessTheUserNamesOne) {
    test::TempDir dir;
    write_ogr(dir / "p.shp", "ESRI Shapefile", "p", 0, wkbPolygon, {{{{"id", "A"}, {"landuse", "0701"}}, kSquare}});
    try {
        io::read_layer(catalog(), catalog().at("parcels"), source_of("parcels", "p.shp"), "EPSG:4547", dir.path());
        FAIL() << "expected an error";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::bad_input);
        std::string msg = e.what();
        EXPECT_NE(msg.find("p.shp"), std::string::npos) << msg;
        EXPECT_NE(msg.find("layer 'parcels'"), std::string::npos) << msg;
        EXPECT_NE(msg.find("no CRS"), std::string::npos) << msg;
    }
    core::LayerSource s = source_of("parcels", "p.shp");
    s.crs = "EPSG:4547";
    io::ReadResult r = io::read_layer(catalog(), catalog().at("parcels"), s, "EPSG:4547", dir.path());
    EXPECT_EQ(r.layer.features.size(), 1u);
}

TEST(SourceReader, BowTieIsRepairedAndReportedById) {
    test::TempDir dir;
    write_ogr(dir / "p.gpkg", "GPKG", "p", 4547, wkbPolygon,
              {{{{"id", "OK"}, {"landuse", "0701"}}, kSquare},
               {{{"id", "BOWTIE"}, {"landuse", "0901"}}, "POLYGON((0 0,10 10,10 0,0 10,0 0))"}});
    io::ReadResult r = io::read_layer(catalog(), catalog().at("parcels"), source_of("parcels", "p.gpkg"), "EPSG:4547", dir.path());
    ASSERT_EQ(r.layer.features.size(), 2u);
    ASSERT_EQ(r.layer.repairs.size(), 1u);
    EXPECT_EQ(r.layer.repairs[0].id, "BOWTIE");
    EXPECT_EQ(r.layer.repairs[0].fid, 2);
    EXPECT_NE(r.layer.repairs[0].reason.find("Self-intersection"), std::string::npos);
    EXPECT_NEAR(r.layer.repairs[0].area_after, 50.0, 1e-6);
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].severity, core::Severity::warning);
    EXPECT_NE(r.findings[0].line().find("(id 'BOWTIE')"), std::string::npos);
}

TEST(SourceReader, PerFeatureProblemsAreFindingsNamingTheFeature) {
    test::TempDir dir;
    write_ogr(dir / "p.gpkg", "GPKG", "p", 4547, wkbUnknown,
              {{{{"id", "GOOD"}, {"landuse", "0701"}}, kSquare},
               {{{"id", "CODE"}, {"landuse", "99"}}, kSquare},
               {{{"id", "LINE"}, {"landuse", "0701"}}, "LINESTRING(0 0,10 10)"},
               {{{"id", "GOOD"}, {"landuse", "0701"}}, kSquare},
               {{{"id", ""}, {"landuse", "0701"}}, kSquare},
               {{{"id", "FLAT"}, {"landuse", "0701"}}, "POLYGON((0 0,10 0,20 0,0 0))"}});
    io::ReadResult r = io::read_layer(catalog(), catalog().at("parcels"), source_of("parcels", "p.gpkg"), "EPSG:4547", dir.path());
    EXPECT_EQ(r.layer.features.size(), 1u);
    std::map<std::string, std::string> by_check;
    for (auto& f : r.findings) by_check[f.check] = f.line();
    EXPECT_NE(by_check["landuse-code"].find("fid 2 (id 'CODE'): unknown land-use code '99'"), std::string::npos) << by_check["landuse-code"];
    EXPECT_NE(by_check["geometry-type"].find("fid 3 (id 'LINE'): a Line String where a polygon belongs"), std::string::npos)
        << by_check["geometry-type"];
    EXPECT_NE(by_check["duplicate-id"].find("fid 4 (id 'GOOD'): id 'GOOD' is used again (first at fid 1)"), std::string::npos);
    EXPECT_NE(by_check["missing-value"].find("fid 5: required field 'id' is empty"), std::string::npos) << by_check["missing-value"];
    EXPECT_TRUE(by_check.count("geometry-invalid") || by_check.count("geometry-empty")) << "zero-area polygon not reported";
    for (auto& f : r.findings) EXPECT_NE(f.line().find("p.gpkg: layer 'parcels'"), std::string::npos) << f.line();
}

TEST(SourceReader, NonFiniteCoordinatesAreReported) {
    test::TempDir dir;
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    {
        GDALDatasetUniquePtr ds(drv->Create((dir / "n.gpkg").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRSpatialReference srs;
        srs.importFromEPSG(4547);
        OGRLayer* l = ds->CreateLayer("n", &srs, wkbPolygon, nullptr);
        for (const char* name : {"id", "landuse"}) {
            OGRFieldDefn fd(name, OFTString);
            l->CreateField(&fd);
        }
        OGRFeature f(l->GetLayerDefn());
        f.SetField("id", "NAN");
        f.SetField("landuse", "0701");
        OGRLinearRing ring;
        ring.addPoint(0, 0);
        ring.addPoint(std::numeric_limits<double>::quiet_NaN(), 0);
        ring.addPoint(10, 10);
        ring.addPoint(0, 0);
        OGRPolygon poly;
        poly.addRing(&ring);
        f.SetGeometry(&poly);
        ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
    }
    io::ReadResult r = io::read_layer(catalog(), catalog().at("parcels"), source_of("parcels", "n.gpkg"), "EPSG:4547", dir.path());
    EXPECT_TRUE(r.layer.features.empty());
    ASSERT_FALSE(r.findings.empty());
    EXPECT_NE(r.findings[0].line().find("(id 'NAN')"), std::string::npos) << r.findings[0].line();
    EXPECT_NE(r.findings[0].message.find("NaN"), std::string::npos) << r.findings[0].line();
}

TEST(SourceReader, WholeSourceProblemsThrowBadInput) {
    test::TempDir dir;
    auto expect_bad = [&](const core::LayerSource& s, const std::string& needle) {
        try {
            io::read_layer(catalog(), catalog().at(s.layer), s, "EPSG:4547", dir.path());
            ADD_FAILURE() << "expected an error containing " << needle;
        } catch (const core::Error& e) {
            EXPECT_EQ(e.code(), core::ExitCode::bad_input);
            EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
        }
    };
    expect_bad(source_of("parcels", "missing.geojson"), "missing.geojson: file not found");
    test::write_file(dir / "garbage.gpkg", "this is not a geopackage at all");
    expect_bad(source_of("parcels", "garbage.gpkg"), "cannot open as a vector dataset");
    write_ogr(dir / "noland.gpkg", "GPKG", "p", 4547, wkbPolygon, {{{{"id", "A"}}, kSquare}});
    expect_bad(source_of("parcels", "noland.gpkg"), "missing required field 'landuse'");
    core::LayerSource wrong_layer = source_of("parcels", "noland.gpkg");
    wrong_layer.source_layer = "nope";
    expect_bad(wrong_layer, "layer 'nope': no such layer");
}

TEST(SourceReader, EmptyLayerIsAnError) {
    test::TempDir dir;
    test::write_file(dir / "e.geojson", R"({"type":"FeatureCollection","features":[]})");
    io::ReadResult r = io::read_layer(catalog(), catalog().at("roads"), source_of("roads", "e.geojson"), "EPSG:4547", dir.path());
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].check, "empty-layer");
    EXPECT_EQ(r.findings[0].severity, core::Severity::error);
}

TEST(SourceReader, AnOpenLayerIsNamedAsTheCallerSays) {
    // The seam for sources that are not files (check --wkt): an in-memory layer, named "--wkt".
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("Memory")->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* l = ds->CreateLayer("wkt", nullptr, wkbUnknown, nullptr);
    OGRFieldDefn id("id", OFTString), landuse("landuse", OFTString);
    l->CreateField(&id);
    l->CreateField(&landuse);
    for (const char* wkt : {kSquare, "POLYGON((0 0,10 10,10 0,0 10,0 0))"}) {
        OGRFeature f(l->GetLayerDefn());
        f.SetField("id", wkt == kSquare ? "SQ" : "BT");
        f.SetField("landuse", "701");
        OGRGeometry* g = nullptr;
        OGRGeometryFactory::createFromWkt(wkt, nullptr, &g);
        f.SetGeometryDirectly(g);
        ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
    }
    core::LayerSource src;
    src.crs = "EPSG:4547";  // the layer has none: as --crs gives it
    io::ReadResult r = io::read_ogr_layer(catalog(), catalog().at("parcels"), src, *l, "EPSG:4547", "--wkt");
    ASSERT_EQ(r.layer.features.size(), 2u);
    EXPECT_EQ(r.layer.source, "--wkt");
    EXPECT_EQ(r.layer.source_crs, "EPSG:4547");
    EXPECT_EQ(r.layer.text(r.layer.features[0], "landuse"), "0701");  // padded by core's value parsing
    EXPECT_DOUBLE_EQ(area_of(r.layer.features[0]), 10000.0);
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].line().rfind("warning: --wkt: layer 'parcels': fid ", 0), 0u) << r.findings[0].line();

    core::LayerSource no_crs;
    try {
        io::read_ogr_layer(catalog(), catalog().at("parcels"), no_crs, *l, "EPSG:4547", "--wkt");
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.where().file, "--wkt");
        EXPECT_NE(e.detail().find("the source has no CRS"), std::string::npos);
    }
}

TEST(SourceReader, TransformAndRepairKeepsOrderAndLeavesOutWhatCannotBeUsed) {
    const core::LayerSpec& spec = catalog().at("parcels");
    geo::GeosContext ctx;
    auto source_feature = [&](std::int64_t fid, const std::string& wkt) {
        io::SourceFeature f;
        f.feature.fid = fid;
        f.feature.values.resize(spec.fields.size());
        f.feature.wkb = geo::to_wkb(ctx, geo::from_wkt(ctx, wkt).get());
        f.ref = core::FeatureRef{"s", "parcels", fid, "F" + std::to_string(fid)};
        return f;
    };
    std::vector<io::SourceFeature> in;
    // 0.001° x 0.001° boxes at 113.293°E 33.739°N, as in LonLatGeoJsonIsTransformedTo4547; one a bow-tie, one
    // beyond the pole.
    in.push_back(source_feature(1, "POLYGON((113.293 33.739,113.294 33.739,113.294 33.740,113.293 33.740,113.293 33.739))"));
    in.push_back(source_feature(2, "POLYGON((113.293 33.739,113.294 33.740,113.294 33.739,113.293 33.740,113.293 33.739))"));
    in.push_back(source_feature(3, "POLYGON((113 95,114 95,114 96,113 95))"));
    in.push_back(source_feature(4, "POLYGON((113.295 33.739,113.296 33.739,113.296 33.740,113.295 33.740,113.295 33.739))"));
    io::ReadResult r;
    r.layer.spec = &spec;
    io::transform_and_repair(r, std::move(in), "EPSG:4326", "EPSG:4547", 2);
    ASSERT_EQ(r.layer.features.size(), 3u);
    EXPECT_EQ(r.layer.features[0].fid, 1);
    EXPECT_EQ(r.layer.features[1].fid, 2);
    EXPECT_EQ(r.layer.features[2].fid, 4);
    const double box = area_of(r.layer.features[0]);
    EXPECT_NEAR(box, 92.6 * 111.0, 50.0);
    EXPECT_NEAR(area_of(r.layer.features[1]), box / 2, 5.0);  // the bow-tie's two triangles
    ASSERT_EQ(r.layer.repairs.size(), 1u);
    EXPECT_EQ(r.layer.repairs[0].id, "F2");
    std::vector<std::string> checks;
    for (auto& f : r.findings) checks.push_back(f.check);
    EXPECT_EQ(checks, (std::vector<std::string>{"geometry-repaired", "coordinates"}));
    EXPECT_EQ(r.findings[1].line(), "error: s: layer 'parcels': fid 3 (id 'F3'): NaN, infinite or untransformable coordinate (from EPSG:4326)");
}

// Unknown land-use codes: build (per_value) gets one finding per distinct value with its count and
// first fids; a batch of proposals (per_feature, the default) one per feature, each a row of its own.
TEST(SourceReader, UnmappedValuesPerValueOrPerFeature) {
    test::TempDir dir;
    std::vector<std::pair<std::vector<std::pair<std::string, std::string>>, std::string>> feats;
    for (int i = 0; i < 7; ++i) feats.push_back({{{"id", "P" + std::to_string(i)}, {"landuse", i < 6 ? "99" : "0701"}}, kSquare});
    write_ogr(dir / "p.gpkg", "GPKG", "parcels", 4547, wkbPolygon, feats);
    const core::LayerSource s = source_of("parcels", "p.gpkg");
    io::ReadResult by_value = io::read_layer(catalog(), catalog().at("parcels"), s, "EPSG:4547", dir.path(), 1, {}, io::UnmappedReport::per_value);
    ASSERT_EQ(by_value.findings.size(), 1u);
    EXPECT_EQ(by_value.findings[0].check, "landuse-code");
    EXPECT_EQ(*by_value.findings[0].where.fid, 1);
    EXPECT_NE(by_value.findings[0].message.find("6 features (fid 1, 2, 3, 4, 5, …)"), std::string::npos) << by_value.findings[0].message;
    EXPECT_EQ(by_value.layer.features.size(), 1u);
    io::ReadResult by_feature = io::read_layer(catalog(), catalog().at("parcels"), s, "EPSG:4547", dir.path(), 1);
    EXPECT_EQ(by_feature.findings.size(), 6u);
    core::LayerSource skip = s;
    skip.on_unmapped = core::LayerSource::Unmapped::skip;
    io::ReadResult skipped = io::read_layer(catalog(), catalog().at("parcels"), skip, "EPSG:4547", dir.path(), 1, {}, io::UnmappedReport::per_value);
    ASSERT_EQ(skipped.findings.size(), 1u);
    EXPECT_EQ(skipped.findings[0].severity, core::Severity::warning);
    EXPECT_EQ(skipped.layer.features.size(), 1u);
}

// A legacy DBF is decoded by the reader: field names too (地类编码 in GB18030 bytes is found by its
// UTF-8 name), and a where filter on Chinese text is put into the file's encoding.
TEST(SourceReader, Gb18030FieldNamesAndWhereOnChineseText) {
    test::TempDir dir;
    write_ogr(dir / "p.shp", "ESRI Shapefile", "p", 4547, wkbPolygon,
              {{{{"BSM", "1"}, {"地类编码", "0701"}, {"村", "㙟头村"}}, kSquare},
               {{{"BSM", "2"}, {"地类编码", "0901"}, {"村", "东村"}}, kSquare}},
              {"ENCODING=GB18030"});
    std::filesystem::remove(dir / "p.cpg");
    core::LayerSource s = source_of("parcels", "p.shp");
    s.encoding = "GB18030";
    s.fields = {{"id", "BSM"}, {"landuse", "地类编码"}, {"block", "村"}};
    s.where = "\"村\" = '㙟头村'";
    io::ReadResult r = io::read_layer(catalog(), catalog().at("parcels"), s, "EPSG:4547", dir.path());
    EXPECT_TRUE(r.findings.empty());
    ASSERT_EQ(r.layer.features.size(), 1u);
    EXPECT_EQ(r.layer.text(r.layer.features[0], "block"), "㙟头村");
    EXPECT_EQ(r.layer.text(r.layer.features[0], "landuse"), "0701");
}

// 三调's 可调整地类 (layers/crosswalk-gbt21010.toml): a DLTB with every K code builds, each as its
// base class. Without their rows these are unmapped codes and the features are findings, not parcels.
TEST(SourceReader, AdjustableKCodesOfTheThirdSurveyMapAsTheirBaseClass) {
    test::TempDir dir;
    const std::vector<std::pair<std::string, std::string>> codes = {
        {"0201K", "0201"}, {"0202K", "0202"}, {"0203K", "0203"}, {"0204K", "0205"}, {"0301K", "0301"},
        {"0302K", "0302"}, {"0307K", "0304"}, {"0403K", "0402"}, {"0404K", "0403"}, {"1104K", "1704"}};
    std::vector<std::pair<std::vector<std::pair<std::string, std::string>>, std::string>> feats;
    for (std::size_t i = 0; i < codes.size(); ++i) feats.push_back({{{"BSM", std::to_string(i + 1)}, {"DLBM", codes[i].first}}, kSquare});
    write_ogr(dir / "DLTB.shp", "ESRI Shapefile", "DLTB", 4547, wkbPolygon, feats, {"ENCODING=CP936"});
    core::LayerSource s = source_of("parcels", "DLTB.shp");
    s.fields = {{"id", "BSM"}, {"landuse", "DLBM"}};
    s.landuse_crosswalk = "gbt21010";
    io::ReadResult r = io::read_layer(catalog(), catalog().at("parcels"), s, "EPSG:4547", dir.path(), 1, {}, io::UnmappedReport::per_value);
    for (const auto& f : r.findings) ADD_FAILURE() << f.line();
    ASSERT_EQ(r.layer.features.size(), codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i) EXPECT_EQ(r.layer.text(r.layer.features[i], "landuse"), codes[i].second) << codes[i].first;
}

namespace {

/// A DLTB whose DBF holds GBK bytes and no .cpg, read with `encoding`.
io::ReadResult read_dltb_as(const test::TempDir& dir, const std::vector<std::string>& names, const std::string& encoding,
                            const char* written_as = "ENCODING=CP936") {
    std::vector<std::pair<std::vector<std::pair<std::string, std::string>>, std::string>> feats;
    for (std::size_t i = 0; i < names.size(); ++i) feats.push_back({{{"BSM", std::to_string(i + 1)}, {"DLBM", "0101"}, {"DLMC", names[i]}}, kSquare});
    write_ogr(dir / "DLTB.shp", "ESRI Shapefile", "DLTB", 4547, wkbPolygon, feats, {written_as});
    std::filesystem::remove(dir / "DLTB.cpg");
    core::LayerSource s = source_of("parcels", "DLTB.shp");
    s.fields = {{"id", "BSM"}, {"landuse", "DLBM"}, {"name", "DLMC"}};
    s.encoding = encoding;
    return io::read_layer(catalog(), catalog().at("parcels"), s, "EPSG:4547", dir.path());
}

std::vector<core::Finding> suspect(const io::ReadResult& r) {
    std::vector<core::Finding> out;
    for (const auto& f : r.findings)
        if (f.check == "encoding-suspect") out.push_back(f);
    return out;
}

const std::vector<std::string> kLanduseNames = {"水田", "旱地", "水浇地", "乔木林地", "农村宅基地"};

}  // namespace

// GBK bytes read as BIG5 all convert (阨泬 for 水田), so only their look gives them away: most of
// the characters are outside GB2312, and GB18030 reads the same bytes with none outside.
TEST(SourceReader, GbkReadAsBig5DecodesButIsFlaggedWithTheBetterReading) {
    test::TempDir dir;
    io::ReadResult r = read_dltb_as(dir, kLanduseNames, "BIG5");
    ASSERT_EQ(r.layer.features.size(), kLanduseNames.size());
    EXPECT_EQ(r.layer.text(r.layer.features[0], "name"), "阨泬");  // the garbling is real: nothing failed to convert
    const auto w = suspect(r);
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].severity, core::Severity::warning);
    EXPECT_EQ(w[0].where.layer, "parcels");
    EXPECT_EQ(*w[0].where.fid, 0);
    EXPECT_NE(w[0].message.find("field 'DLMC' (for name) decoded as BIG5 (encoding = \"BIG5\" in dataset.toml) reads \"阨泬\""),
              std::string::npos)
        << w[0].message;
    EXPECT_NE(w[0].message.find("it reads as GB18030: \"水田\""), std::string::npos) << w[0].message;
}

// The same bytes as ISO-8859-1: every byte is a character (Ë®Ìï for 水田), none a CJK one.
TEST(SourceReader, GbkReadAsLatin1IsFlaggedByItsAccentedLetters) {
    test::TempDir dir;
    io::ReadResult r = read_dltb_as(dir, kLanduseNames, "ISO-8859-1");
    ASSERT_EQ(r.layer.features.size(), kLanduseNames.size());
    const auto w = suspect(r);
    ASSERT_EQ(w.size(), 1u) << (r.findings.empty() ? "" : r.findings[0].line());
    EXPECT_NE(w[0].message.find("reads \"Ë®Ìï\": it has accented Latin letters"), std::string::npos) << w[0].message;
    EXPECT_NE(w[0].message.find("it reads as GB18030: \"水田\""), std::string::npos) << w[0].message;
}

// No warning where the reading is right: GB18030 names with rare characters (㙟, 硚, 埇 are not in
// GB2312), and real Latin-1 text (Crèche as GB18030 is Cr鑓he: no better reading).
TEST(SourceReader, RightEncodingsAreNotFlagged) {
    {
        test::TempDir dir;
        io::ReadResult r = read_dltb_as(dir, {"㙟头村", "硚口区", "埇桥区", "水田"}, "GB18030", "ENCODING=GB18030");
        EXPECT_TRUE(r.findings.empty()) << r.findings[0].line();
    }
    {
        test::TempDir dir;
        io::ReadResult r = read_dltb_as(dir, {"Crèche", "Zürich", "Gärten"}, "ISO-8859-1", "ENCODING=ISO-8859-1");
        EXPECT_TRUE(r.findings.empty()) << r.findings[0].line();
        EXPECT_EQ(r.layer.text(r.layer.features[0], "name"), "Crèche");
    }
    {
        test::TempDir dir;  // GBK read as GBK: the better guess would be itself
        io::ReadResult r = read_dltb_as(dir, kLanduseNames, "GBK");
        EXPECT_TRUE(r.findings.empty()) << r.findings[0].line();
    }
}

// A GeoPackage opened without open options has its rows read with SQLite (GeoPackageRows); with
// one, through OGR. Both must give the same features, values, WKB, repairs and findings, for
// plain rows and for every kind of row the SQLite path hands back to OGR.
TEST(SourceReader, GeoPackageRowsReadWithSqliteAsOgrReadsThem) {
    test::TempDir dir;
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    {
        GDALDatasetUniquePtr ds(drv->Create((dir / "rows.gpkg").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRSpatialReference srs;
        srs.importFromEPSG(4547);
        OGRLayer* l = ds->CreateLayer("parcels", &srs, wkbUnknown, nullptr);
        const std::pair<const char*, OGRFieldType> fields[] = {
            {"id", OFTInteger64}, {"landuse", OFTString}, {"name", OFTReal}, {"block", OFTInteger}, {"certainty", OFTString}};
        for (auto& [name, type] : fields) {
            OGRFieldDefn fd(name, type);
            l->CreateField(&fd);
        }
        struct Row {
            const char* wkt;  // nullptr: no geometry
            GIntBig id;
            const char* landuse;
            double name;
            int block;
        };
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const Row rows[] = {
            {kSquare, 1, "0701", 3.25, 7},
            {"MULTIPOLYGON(((430000 3740000,430100 3740000,430100 3740100,430000 3740000)),((430200 3740000,430300 3740000,430300 3740100,"
             "430200 3740000)))",
             2, "0901", 2.0, 8},
            {"POLYGON((430000 3740000,430100 3740000,430100 3740100,430000 3740100,430000 3740000),(430010 3740010,430020 3740010,430020 "
             "3740020,430010 3740010))",
             3, "0301", 1e-7, -3},
            {nullptr, 4, "0701", 0, 0},
            {"POLYGON EMPTY", 5, "0701", 0, 0},
            {"LINESTRING(430000 3740000,430100 3740100)", 6, "0701", 0, 0},
            {"CURVEPOLYGON(CIRCULARSTRING(430000 3740000,430100 3740100,430000 3740000))", 7, "0701", 0, 0},
            {"POLYGON Z((430000 3740000 1,430100 3740000 1,430100 3740100 1,430000 3740000 1))", 8, "0701", 0, 0},
            {"POLYGON((430000 3740000,430100 3740100,430100 3740000,430000 3740100,430000 3740000))", 9, "0901", 0, 0},
            {kSquare, 1, "0701", 0, 0},
            {kSquare, 11, "99", 0, 0},
            {kSquare, 12, "0701", nan, 0},
            {"GEOMETRYCOLLECTION(POLYGON((430000 3740000,430100 3740000,430100 3740100,430000 3740000)))", 13, "0701", 0, 0},
            {kSquare, 14, "0701", 0, 0},
            {kSquare, 15, "0701", 0, 0},
        };
        for (const Row& row : rows) {
            OGRFeature f(l->GetLayerDefn());
            f.SetField("id", row.id);
            f.SetField("landuse", row.landuse);
            f.SetField("name", row.name);
            f.SetField("block", row.block);
            if (row.wkt) {
                OGRGeometry* g = nullptr;
                ASSERT_EQ(OGRGeometryFactory::createFromWkt(row.wkt, nullptr, &g), OGRERR_NONE) << row.wkt;
                f.SetGeometryDirectly(g);
            }
            ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
        }
        // Values stored as another type than their column's (SQLite allows it) and NULLs.
        ds->ExecuteSQL("UPDATE parcels SET name = 'text in a real column' WHERE fid = 14", nullptr, nullptr);
        ds->ExecuteSQL("UPDATE parcels SET certainty = NULL, block = NULL, name = NULL WHERE fid = 15", nullptr, nullptr);
        ds->ExecuteSQL("UPDATE parcels SET landuse = 701 WHERE fid = 2", nullptr, nullptr);
    }
    auto read = [&](bool through_ogr) {
        core::LayerSource s = source_of("parcels", "rows.gpkg");
        if (through_ogr) s.open_options = {"LIST_ALL_TABLES=NO"};  // any open option keeps the read in OGR
        return io::read_layer(catalog(), catalog().at("parcels"), s, "EPSG:4547", dir.path());
    };
    const io::ReadResult sqlite = read(false), ogr = read(true);
    ASSERT_EQ(sqlite.layer.features.size(), ogr.layer.features.size());
    EXPECT_GE(ogr.layer.features.size(), 5u);
    for (std::size_t i = 0; i < ogr.layer.features.size(); ++i) {
        const core::Feature &a = sqlite.layer.features[i], &b = ogr.layer.features[i];
        EXPECT_EQ(a.fid, b.fid);
        EXPECT_EQ(a.wkb, b.wkb) << "fid " << b.fid;
        ASSERT_EQ(a.values.size(), b.values.size());
        for (std::size_t k = 0; k < a.values.size(); ++k)
        {
            EXPECT_EQ(a.values[k].index(), b.values[k].index()) << "fid " << b.fid << " field " << k;
            EXPECT_EQ(core::value_text(a.values[k]), core::value_text(b.values[k])) << "fid " << b.fid << " field " << k;
        }
    }
    ASSERT_EQ(sqlite.layer.repairs.size(), ogr.layer.repairs.size());
    EXPECT_EQ(ogr.layer.repairs.size(), 1u);
    std::vector<std::string> a, b;
    for (auto& f : sqlite.findings) a.push_back(f.line());
    for (auto& f : ogr.findings) b.push_back(f.line());
    EXPECT_EQ(a, b);
    EXPECT_GE(b.size(), 6u);  // no geometry, empty, line, collection, duplicate id, unknown code, repair...
}

// A column with a subtype (Boolean, Int16) is read as GDAL's driver reads it, which keeps the stored
// value: OGRFeature::SetField would clamp 2 to a Boolean's 1 and 34000 to an Int16's 32767 (and then
// call two parcels the same id).
TEST(SourceReader, GeoPackageColumnsWithASubtypeKeepTheirStoredValues) {
    test::TempDir dir;
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    {
        GDALDatasetUniquePtr ds(drv->Create((dir / "sub.gpkg").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRSpatialReference srs;
        srs.importFromEPSG(4547);
        OGRLayer* l = ds->CreateLayer("parcels", &srs, wkbPolygon, nullptr);
        OGRFieldDefn id("id", OFTInteger), landuse("landuse", OFTString), block("block", OFTInteger);
        id.SetSubType(OFSTInt16);
        block.SetSubType(OFSTBoolean);
        l->CreateField(&id);
        l->CreateField(&landuse);
        l->CreateField(&block);
        for (int i = 0; i < 2; ++i) {
            OGRFeature f(l->GetLayerDefn());
            f.SetField("id", i);
            f.SetField("landuse", "0701");
            f.SetField("block", 1);
            OGRGeometry* g = nullptr;
            ASSERT_EQ(OGRGeometryFactory::createFromWkt(kSquare, nullptr, &g), OGRERR_NONE);
            f.SetGeometryDirectly(g);
            ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
        }
        ds->ExecuteSQL("UPDATE parcels SET id = 34000 + fid, block = 2", nullptr, nullptr);
    }
    const io::ReadResult r = io::read_layer(catalog(), catalog().at("parcels"), source_of("parcels", "sub.gpkg"), "EPSG:4547", dir.path());
    ASSERT_EQ(r.layer.features.size(), 2u);
    const core::LayerSpec& spec = catalog().at("parcels");
    EXPECT_EQ(r.layer.id_of(r.layer.features[0]), "34001");
    EXPECT_EQ(r.layer.id_of(r.layer.features[1]), "34002");
    EXPECT_EQ(core::value_text(r.layer.features[0].values[static_cast<std::size_t>(spec.field_index("block"))]), "2");
    for (const auto& f : r.findings) EXPECT_EQ(f.line().find("used again"), std::string::npos) << f.line();
}

// A source already in the work CRS keeps its WKB bytes when they are what GEOS would write for
// the layer's MultiPolygon (a single polygon gets the one-part header): the same as the WKB of
// the geometry transformed (a no-op), reduced to polygons and written by GEOS.
TEST(SourceReader, SourceInTheWorkCrsKeepsTheWkbGeosWouldWrite) {
    test::TempDir dir;
    const std::vector<std::string> wkts = {
        kSquare,
        "MULTIPOLYGON(((430000 3740000,430100 3740000,430100 3740100,430000 3740000)),((430200 3740000,430300 3740000,430300 3740100,"
        "430200 3740000)))",
        "POLYGON((430000 3740000,430100 3740000,430100 3740100,430000 3740100,430000 3740000),(430010 3740010,430020 3740010,430020 "
        "3740020,430010 3740010))",
        "POLYGON((430000.123456789 3740000.987654321,430100.5 3740000.25,430100.75 3740100.125,430000.123456789 3740000.987654321))"};
    std::vector<std::pair<std::vector<std::pair<std::string, std::string>>, std::string>> feats;
    for (std::size_t i = 0; i < wkts.size(); ++i) feats.push_back({{{"id", "P" + std::to_string(i)}, {"landuse", "0701"}}, wkts[i]});
    write_ogr(dir / "same.gpkg", "GPKG", "p", 4547, wkbUnknown, feats);
    write_ogr(dir / "same.geojson", "GeoJSON", "p", 4547, wkbUnknown, feats);
    for (const char* file : {"same.gpkg", "same.geojson"}) {
        io::ReadResult r = io::read_layer(catalog(), catalog().at("parcels"), source_of("parcels", file), "EPSG:4547", dir.path());
        EXPECT_TRUE(r.findings.empty()) << file;
        ASSERT_EQ(r.layer.features.size(), wkts.size()) << file;
        geo::GeosContext ctx;
        for (std::size_t i = 0; i < wkts.size(); ++i) {
            const std::string expected = geo::to_wkb(ctx, geo::extract_dimension(ctx, geo::from_wkt(ctx, wkts[i]).get(), 2).get());
            EXPECT_EQ(r.layer.features[i].wkb, expected) << file << ": " << wkts[i];
        }
    }
}
