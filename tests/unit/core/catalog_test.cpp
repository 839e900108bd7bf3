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

// The national 用地用海 table is complete (自然资发〔2023〕234号): 24 first-level classes, every
// code under its parent, every class named; codes that the issue found missing are there.
TEST(Catalog, TheLanduseTableIsTheWholeNationalClassification) {
    core::Catalog c = core::Catalog::load(test::source_dir() / "layers");
    const core::LanduseTable& t = c.landuse();
    int first = 0;
    for (const auto& k : t.classes()) {
        EXPECT_NE(core::LanduseTable::level(k.code), 0) << k.code;
        EXPECT_FALSE(k.name_zh.empty()) << k.code;
        EXPECT_FALSE(k.name_en.empty()) << k.code;
        EXPECT_EQ(k.color.size(), 7u) << k.code;
        const std::string parent = core::LanduseTable::parent(k.code);
        if (parent.empty()) ++first;
        else EXPECT_NE(t.find(parent), nullptr) << k.code << " has no parent " << parent;
        // 建设用地 is 06–16, and only that.
        const int level1 = std::stoi(k.code.substr(0, 2));
        EXPECT_EQ(k.construction, level1 >= 6 && level1 <= 16) << k.code;
    }
    EXPECT_EQ(first, 24);
    EXPECT_EQ(t.find("24")->name_zh, "其他海域");
    EXPECT_EQ(t.find("1203")->name_zh, "机场用地");
    EXPECT_EQ(t.find("1206")->name_zh, "城市轨道交通用地");
    EXPECT_EQ(t.find("080403")->name_zh, "中小学用地");
    EXPECT_EQ(t.find("060102")->name_zh, "田间道");
    EXPECT_EQ(t.find("2302")->name_zh, "后备耕地");
    EXPECT_EQ(t.find("2307")->name_zh, "裸岩石砾地");
    EXPECT_EQ(t.find("2308"), nullptr);
    EXPECT_EQ(core::LanduseTable::level("070101"), 3);
    EXPECT_EQ(core::LanduseTable::parent("070101"), "0701");
    EXPECT_EQ(core::LanduseTable::level("701"), 0);
    EXPECT_EQ(core::LanduseTable::level("07a1"), 0);
}

TEST(Catalog, LanduseTableIsChecked) {
    test::TempDir dir;
    auto refused = [&](const std::string& body, const std::string& needle) {
        test::write_file(dir / "lu.toml", body);
        try {
            core::Catalog::load_landuse(dir / "lu.toml");
            ADD_FAILURE() << "accepted: " << body;
        } catch (const core::Error& e) {
            EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
        }
    };
    refused("[[class]]\ncode = \"0701\"\nname_zh = \"城镇住宅用地\"\n", "its parent class '07' is not listed before it");
    refused("[[class]]\ncode = \"7\"\nname_zh = \"居住\"\n", "a code is 2, 4 or 6 digits");
    refused("[[class]]\ncode = \"07\"\nname_zh = \"\"\n", "name_zh is empty");
    refused("[[class]]\ncode = \"07\"\nname_zh = \"a\"\n[[class]]\ncode = \"07\"\nname_zh = \"b\"\n", "listed twice");
    refused("[[class]]\ncode = \"07\"\nname_zh = \"a\"\ncolor = \"red\"\n", "#rrggbb");
}

// The 三调 / GB/T 21010 crosswalk: loaded by file name, every target a national code, the rows
// whose meaning differs between the two classifications mapped by meaning, not by code.
TEST(Catalog, Gbt21010CrosswalkMapsByMeaning) {
    core::Catalog c = core::Catalog::load(test::source_dir() / "layers");
    const core::Crosswalk* cw = c.crosswalk("gbt21010");
    ASSERT_NE(cw, nullptr);
    for (const auto& [from, to] : cw->to) EXPECT_NE(c.landuse().find(to), nullptr) << from << " -> " << to;
    EXPECT_EQ(cw->to.at("0305"), "0303");   // 灌木林地: 0305 in 三调, 0303 in 用地用海
    EXPECT_EQ(cw->to.at("0303"), "0507");   // 红树林地 is 湿地
    EXPECT_EQ(cw->to.at("1007"), "1203");   // 机场用地
    EXPECT_EQ(cw->to.at("1006"), "0601");   // 农村道路
    EXPECT_EQ(cw->to.at("0702"), "0703");   // 农村宅基地
    EXPECT_EQ(cw->to.at("05H1"), "09");     // lossy: the parent of every 商服 class
    EXPECT_EQ(cw->to.at("1203"), "2303");   // 田坎, not 机场用地
    EXPECT_EQ(cw->to.count("0906"), 0u);    // 风景名胜设施用地 has no counterpart: unmapped, said so
    EXPECT_EQ(c.crosswalk("nonexistent"), nullptr);
}

TEST(Catalog, CrosswalkTargetsMustBeCodes) {
    test::TempDir dir;
    core::LanduseTable t;
    t.add(core::LanduseClass{"07", "居住用地", "Residential", true, "#ffff2d"});
    test::write_file(dir / "crosswalk-x.toml", "[[row]]\nfrom = \"R\"\nto = \"0799\"\n");
    try {
        core::Catalog::load_crosswalk(dir / "crosswalk-x.toml", "x", t);
        ADD_FAILURE() << "accepted";
    } catch (const core::Error& e) {
        EXPECT_NE(std::string(e.what()).find("row 'R': '0799' is not a national 用地用海 code"), std::string::npos) << e.what();
    }
    test::write_file(dir / "crosswalk-x.toml", "[[row]]\nfrom = \"R\"\nto = \"07\"\n[[row]]\nfrom = \"R\"\nto = \"07\"\n");
    EXPECT_THROW(core::Catalog::load_crosswalk(dir / "crosswalk-x.toml", "x", t), core::Error);
}

TEST(Catalog, ControlLinesAreReadAndChecked) {
    core::Catalog c = core::Catalog::load(test::source_dir() / "layers");
    const auto& roads = c.at("roads").control_lines;
    ASSERT_EQ(roads.size(), 2u);
    EXPECT_EQ(roads[0].line, "road_red_line");
    EXPECT_TRUE(roads[0].width_is_full());
    EXPECT_EQ(roads[0].width_m.at("主干路"), 40.0);
    EXPECT_EQ(roads[0].override_field, "red_line_m");
    EXPECT_EQ(roads[1].line, "rail_protection");
    EXPECT_FALSE(roads[1].width_is_full());
    EXPECT_EQ(c.at("water").control_lines.at(0).width_m.at("沟渠"), 10.0);

    const std::string real = kFields + "[[fields]]\nname = \"w\"\ntype = \"real\"\n";
    EXPECT_EQ(layer_file_error(real + "[[control_lines]]\nline = \"road_red_line\"\noverride_field = \"w\"\nwidth_m = { a = 10.0 }\n"), "");
    EXPECT_NE(layer_file_error(real + "[[control_lines]]\nline = \"green_line\"\nwidth_m = { a = 1.0 }\n").find("green_line"), std::string::npos);
    EXPECT_NE(layer_file_error(real + "[[control_lines]]\nline = \"road_red_line\"\nby = \"class\"\nwidth_m = { a = 1.0 }\n").find("by = 'class'"),
              std::string::npos);
    EXPECT_NE(layer_file_error(real + "[[control_lines]]\nline = \"road_red_line\"\noverride_field = \"kind\"\nwidth_m = { a = 1.0 }\n")
                  .find("must be a real field"),
              std::string::npos);
    EXPECT_NE(layer_file_error(real + "[[control_lines]]\nline = \"road_red_line\"\nwidth_m = { a = -5.0 }\n").find("positive number"),
              std::string::npos);
    EXPECT_NE(layer_file_error(real + "[[control_lines]]\nline = \"road_red_line\"\nwidht_m = { a = 5.0 }\n").find("needs width_m"),
              std::string::npos);
    EXPECT_NE(layer_file_error(real + "[[control_lines]]\nline = \"road_red_line\"\nwidth_m = { a = 5.0 }\nextra = 1\n").find("unknown key 'extra'"),
              std::string::npos);
    EXPECT_NE(layer_file_error(real + "[[control_lines]]\nline = \"road_red_line\"\nwidth_m = { a = 5.0 }\n[[control_lines]]\nline = \"road_red_line\"\nwidth_m = { a = 5.0 }\n")
                  .find("declared twice"),
              std::string::npos);
}
