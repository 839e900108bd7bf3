// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/catalog.hpp"
#include "core/error.hpp"
#include "support.hpp"

using namespace zoning;

TEST(Catalog, BundledCatalogHasTheFixedStoreLayers) {
    core::Catalog c = core::Catalog::load(test::source_dir() / "layers");
    std::vector<std::string> names;
    for (auto& l : c.layers()) names.push_back(l.name);
    for (const char* want : {"boundary", "parcels", "functional_zones", "service_layout", "eco_structure", "industrial_parks",
                             "projects", "redevelopment_areas", "roads", "water", "axes"})
        EXPECT_NE(std::find(names.begin(), names.end(), want), names.end()) << want;
    EXPECT_EQ(c.at("roads").geometry, core::GeomKind::line);
    EXPECT_EQ(c.at("parcels").geometry, core::GeomKind::polygon);
    const auto& projects = c.at("projects");
    const auto& status = projects.fields.at(static_cast<std::size_t>(projects.field_index("status")));
    EXPECT_EQ(status.allowed, (std::vector<std::string>{"planned", "under_construction", "completed"}));
    EXPECT_EQ(c.at("service_layout").parameters.at("circle_half_width_m"), 400.0);
    EXPECT_THROW(c.at("nonexistent"), core::Error);
}

TEST(Catalog, LanduseCodesAndLevels) {
    core::Catalog c = core::Catalog::load(test::source_dir() / "layers");
    ASSERT_NE(c.landuse().find("07"), nullptr);
    EXPECT_EQ(c.landuse().find("07")->name_zh, "居住用地");
    EXPECT_EQ(c.landuse().find("1001")->name_zh, "工业用地");
    EXPECT_TRUE(c.landuse().find("0901")->construction);
    EXPECT_FALSE(c.landuse().find("0301")->construction);
    EXPECT_EQ(c.landuse().find("9999"), nullptr);
    EXPECT_EQ(core::LanduseTable::first_level("0701"), "07");
    EXPECT_EQ(core::LanduseTable::first_level("1001"), "10");
}

TEST(Catalog, MalformedTomlNamesFileAndLine) {
    test::TempDir dir;
    test::write_file(dir / "catalog.toml", "layers = [\"boundary\"]\n");
    test::write_file(dir / "boundary.toml", "name = \"boundary\"\ngeometry = \"polygon\"\n[[fields]\nname = \"id\"\n");
    try {
        core::Catalog::load(dir.path());
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::bad_input);
        std::string msg = e.what();
        EXPECT_NE(msg.find("boundary.toml"), std::string::npos) << msg;
        EXPECT_NE(msg.find("line 3"), std::string::npos) << msg;
    }
}

namespace {
/// load_layer_file on a layer file of `extra` after a valid head; the bad_input message, or "" when it loads.
std::string layer_file_error(const std::string& fields_and_style) {
    test::TempDir dir;
    test::write_file(dir / "x.toml", "name = \"x\"\ngeometry = \"polygon\"\n" + fields_and_style);
    try {
        core::Catalog::load_layer_file(dir / "x.toml");
        return "";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::bad_input);
        return e.what();
    }
}
const std::string kFields = "[[fields]]\nname = \"id\"\n[[fields]]\nname = \"kind\"\n";
}  // namespace

// Found by the layer_file fuzzer's seeds (tests/fuzz): values a layer file stated that were
// dropped or kept silently, and a NaN opacity that became alpha -2147483648 in the QGIS export.
TEST(Catalog, LayerFileStyleNumbersAreFiniteAndInRange) {
    EXPECT_EQ(layer_file_error(kFields + "[style]\nfill_opacity = 0.5\nwidth_mm = 0.3\nlabel_size = 9\n"), "");
    for (const char* bad : {"fill_opacity = nan", "fill_opacity = 1.5", "fill_opacity = -0.1", "width_mm = inf", "width_mm = -1",
                            "label_size = -inf", "label_size = 1e300", "fill_opacity = \"half\""}) {
        std::string msg = layer_file_error(kFields + "[style]\n" + bad + "\n");
        EXPECT_NE(msg.find("must be a number from"), std::string::npos) << bad << ": " << msg;
        EXPECT_NE(msg.find("x.toml"), std::string::npos) << msg;
    }
    EXPECT_NE(layer_file_error(kFields + "[parameters]\nbuffer_m = nan\n").find("finite"), std::string::npos);
}

TEST(Catalog, LayerFileColoursAreHexNotSilentlyGrey) {
    EXPECT_EQ(layer_file_error(kFields + "[style]\ncolor = \"#A0b1C2\"\n"), "");
    EXPECT_NE(layer_file_error(kFields + "[style]\ncolor = \"red\"\n").find("style color"), std::string::npos);
    EXPECT_NE(layer_file_error(kFields + "[style]\noutline = 3\n").find("style outline"), std::string::npos);
    EXPECT_NE(layer_file_error(kFields + "[style]\nrenderer = \"categorized\"\nattribute = \"kind\"\n[style.categories]\na = \"#ff0000\"\nb = 3\n")
                  .find("category 'b'"),
              std::string::npos);
}

TEST(Catalog, LayerFileFieldsAreChecked) {
    EXPECT_NE(layer_file_error(kFields + "[[fields]]\nname = \"kind\"\n").find("listed twice"), std::string::npos);
    EXPECT_NE(layer_file_error("[[fields]]\nname = \"id\"\nallowed = [\"a\", 1]\n").find("allowed values must be strings"), std::string::npos);
    EXPECT_NE(layer_file_error("[[fields]]\nname = \"id\"\ndbf_name = \"much_too_long\"\n").find("10 bytes"), std::string::npos);
    EXPECT_NE(layer_file_error(kFields + "[style]\nrenderer = \"categorized\"\nattribute = \"kin\"\n[style.categories]\na = \"#ff0000\"\n")
                  .find("style attribute 'kin'"),
              std::string::npos);
    EXPECT_NE(layer_file_error(kFields + "[style]\nlabel = \"nme\"\n").find("style label 'nme'"), std::string::npos);
}

TEST(Catalog, EveryBundledLayerFileStillLoads) {
    core::Catalog c = core::Catalog::load(test::source_dir() / "layers");
    EXPECT_FALSE(c.layers().empty());
    for (auto& e : std::filesystem::directory_iterator(test::source_dir() / "layers" / "analysis"))
        EXPECT_NO_THROW(core::Catalog::load_layer_file(e.path())) << e.path();
}
