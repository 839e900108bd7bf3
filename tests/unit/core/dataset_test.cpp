// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/dataset.hpp"
#include "core/error.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

core::LayerSpec two_field_spec() {
    core::LayerSpec s;
    s.name = "projects";
    s.fields.resize(2);
    s.fields[0].name = "id";
    s.fields[1].name = "area";
    s.fields[1].type = core::FieldType::real;
    return s;
}

}  // namespace

TEST(Value, TextOfEachKind) {
    EXPECT_EQ(core::value_text(core::Value{}), "");
    EXPECT_EQ(core::value_text(core::Value{std::int64_t{-42}}), "-42");
    EXPECT_EQ(core::value_text(core::Value{std::string("P-1")}), "P-1");
    EXPECT_EQ(core::value_text(core::Value{2500.0}), "2500");
    EXPECT_EQ(core::value_text(core::Value{0.1}), "0.1");  // %.15g: no binary noise
    EXPECT_EQ(core::value_text(core::Value{1.0 / 3.0}), "0.333333333333333");
}

TEST(Layer, IdAndFieldTextByName) {
    const core::LayerSpec spec = two_field_spec();
    core::Layer layer;
    layer.spec = &spec;
    core::Feature f;
    f.values = {std::string("P-7"), 12.5};
    EXPECT_EQ(layer.name(), "projects");
    EXPECT_EQ(layer.id_of(f), "P-7");
    EXPECT_EQ(layer.text(f, "area"), "12.5");
    EXPECT_EQ(layer.text(f, "no_such_field"), "");
}

TEST(Dataset, FindsLayersByNameAndIsIllustrativeUnlessSurveyed) {
    const core::LayerSpec spec = two_field_spec();
    core::Dataset d;
    d.layers.resize(1);
    d.layers[0].spec = &spec;
    EXPECT_EQ(d.find("projects"), &d.layers[0]);
    EXPECT_EQ(static_cast<const core::Dataset&>(d).find("projects"), &d.layers[0]);
    EXPECT_EQ(d.find("roads"), nullptr);
    EXPECT_TRUE(d.illustrative());  // no word either way: not claimed as surveyed
    d.metadata["certainty"] = "illustrative";
    EXPECT_TRUE(d.illustrative());
    d.metadata["certainty"] = "surveyed";
    EXPECT_FALSE(d.illustrative());
}

TEST(DatasetConfig, RequiresHonestCertainty) {
    test::TempDir dir;
    test::write_file(dir / "dataset.toml", "[dataset]\nname = \"x\"\n[layers.boundary]\nsource = \"b.geojson\"\n");
    try {
        core::DatasetConfig::load(dir.path());
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_NE(std::string(e.what()).find("certainty"), std::string::npos);
    }
}

TEST(DatasetConfig, ReadsFieldAndValueMappings) {
    test::TempDir dir;
    test::write_file(dir / "dataset.toml",
                     "[dataset]\nname = \"x\"\ncertainty = \"surveyed\"\n"
                     "[layers.parcels]\nsource = \"p.shp\"\nencoding = \"GBK\"\ncrs = \"EPSG:4547\"\n"
                     "[layers.parcels.fields]\nid = \"DKBH\"\nlanduse = \"YDDM\"\n"
                     "[layers.parcels.values.landuse]\nR2 = \"0701\"\n");
    core::DatasetConfig c = core::DatasetConfig::load(dir.path());
    ASSERT_EQ(c.layers.size(), 1u);
    EXPECT_EQ(c.layers[0].fields.at("landuse"), "YDDM");
    EXPECT_EQ(c.layers[0].values.at("landuse").at("R2"), "0701");
    EXPECT_EQ(c.layers[0].encoding, "GBK");
}

TEST(DatasetConfig, ReadsMetadataAttachmentsAndForcedCrs) {
    test::TempDir dir;
    test::write_file(dir / "targets.toml", "");  // an attachment must exist inside the folder
    test::write_file(dir / "d.toml",
                     "[dataset]\nname = \"新华\"\ncertainty = \"illustrative\"\nsources = [\"plan\", \"map\"]\n"
                     "attach = [\"targets.toml\"]\n"
                     "[layers.boundary]\nsource = \"b.geojson\"\nlayer = \"edge\"\ncrs = \"EPSG:4547\"\nforce_crs = true\n");
    core::DatasetConfig c = core::DatasetConfig::load(dir / "d.toml");  // a file other than dataset.toml, named
    EXPECT_EQ(c.file, dir / "d.toml");
    EXPECT_EQ(c.dir(), dir.path());
    EXPECT_EQ(c.name, "新华");
    EXPECT_EQ(c.name_en, "新华");  // defaults to the name
    EXPECT_EQ(c.sources, (std::vector<std::string>{"plan", "map"}));
    EXPECT_EQ(c.attached_files, (std::vector<std::string>{"targets.toml"}));
    ASSERT_EQ(c.layers.size(), 1u);
    EXPECT_EQ(c.layers[0].source_layer, "edge");
    EXPECT_TRUE(c.layers[0].force_crs);
}

TEST(DatasetConfig, MistakesNameTheFile) {
    test::TempDir dir;
    auto message = [&](const std::string& toml) {
        test::write_file(dir / "dataset.toml", toml);
        try {
            core::DatasetConfig::load(dir.path());
        } catch (const core::Error& e) {
            EXPECT_EQ(e.code(), core::ExitCode::bad_input);
            EXPECT_EQ(e.where().file, (dir / "dataset.toml").string());
            return e.detail();
        }
        return std::string("no error");
    };
    const std::string head = "[dataset]\nname = \"x\"\ncertainty = \"surveyed\"\n";
    EXPECT_EQ(message(head), "no [layers.<name>] sections");
    EXPECT_EQ(message(head + "[layers.roads]\ncrs = \"EPSG:4547\"\n"), "[layers.roads] needs source = \"...\"");
    EXPECT_EQ(message(head + "[layers.roads]\nsource = \"r.shp\"\nforce_crs = true\n"),
              "[layers.roads] force_crs needs crs = \"EPSG:...\"");
    EXPECT_EQ(message("[dataset]\ncertainty = \"surveyed\"\n"), "[dataset] needs a name");
    EXPECT_EQ(message("[dataset\n").rfind("line 1: ", 0), 0u);  // TOML errors carry their line
    EXPECT_THROW(core::DatasetConfig::load(dir / "elsewhere"), core::Error);  // no dataset.toml there
}

TEST(DatasetConfig, ReportHeadAndLayerWords) {
    test::TempDir dir;
    test::write_file(dir / "dataset.toml",
                     "[dataset]\nname = \"x\"\ncertainty = \"surveyed\"\norganisation = \"某区规划局\"\ndata_date = \"2025-06\"\n"
                     "evaluation_year = 2025\n[titles]\nfunctional_zones = \"四片\"\n[titles_en]\nfunctional_zones = \"Four parts\"\n"
                     "[groups]\neco_structure = \"生态\"\n[colours.functional_zones]\n\"北片\" = \"#112233\"\n"
                     "[layers.roads]\nsource = \"r.shp\"\n");
    core::DatasetConfig c = core::DatasetConfig::load(dir.path());
    auto m = c.report_metadata();
    EXPECT_EQ(m["organisation"], "某区规划局");
    EXPECT_EQ(m["data_date"], "2025-06");
    EXPECT_EQ(m["evaluation_year"], "2025");
    EXPECT_EQ(m["title.functional_zones"], "四片");
    EXPECT_EQ(m["title_en.functional_zones"], "Four parts");
    EXPECT_EQ(m["group.eco_structure"], "生态");
    EXPECT_EQ(m["colour.functional_zones.北片"], "#112233");

    core::Catalog cat = core::Catalog::load(test::source_dir() / "layers");
    c.check_layer_words(cat);
    cat.apply_dataset_words(m);
    EXPECT_EQ(cat.at("functional_zones").title_zh, "四片");
    EXPECT_EQ(cat.at("functional_zones").title_en, "Four parts");
    EXPECT_EQ(cat.at("eco_structure").group, "生态");
    EXPECT_EQ(cat.at("functional_zones").style.color_of("北片"), "#112233");
    // A name no category lists: the catch-all palette, the same colour every time.
    EXPECT_EQ(cat.at("functional_zones").style.color_of("南片"), core::catch_all_colour("南片"));
    EXPECT_NE(core::catch_all_colour("南片"), cat.at("functional_zones").style.color);

    c.layer_words["title.no_such_layer"] = "?";
    try {
        c.check_layer_words(cat);
        FAIL() << "an unknown layer in [titles] was accepted";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.where().layer, "no_such_layer");
        EXPECT_EQ(e.detail(), "[titles] names a layer the catalog has not");
    }
}

TEST(DatasetConfig, ReportHeadMistakesAreRefused) {
    test::TempDir dir;
    auto message = [&](const std::string& extra, const std::string& after = "") {
        test::write_file(dir / "dataset.toml", "[dataset]\nname = \"x\"\ncertainty = \"surveyed\"\n" + extra + after + "[layers.roads]\nsource = \"r\"\n");
        try {
            core::DatasetConfig::load(dir.path());
        } catch (const core::Error& e) {
            return e.detail();
        }
        return std::string("no error");
    };
    EXPECT_EQ(message("data_date = \"2025-13\"\n"), "[dataset] data_date '2025-13' must be a date: \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"");
    EXPECT_EQ(message("evaluation_year = \"25\"\n"), "[dataset] evaluation_year '25' must be a year of four digits, e.g. 2025");
    EXPECT_EQ(message("", "[colours.functional_zones]\n\"a\" = \"red\"\n"), "[colours.functional_zones] 'a' must be a colour \"#rrggbb\"");
    EXPECT_EQ(message("", "[titles]\nfunctional_zones = \"\"\n"), "[titles] functional_zones must be non-empty text");
    EXPECT_EQ(message("certainty_note_en = \"only English\"\n"), "[dataset] certainty_note_en needs certainty_note (the Chinese report's) too");
    EXPECT_EQ(message("notes_en = \"one note\"\n"), "[dataset] notes_en must be a list of text, one note each");
    EXPECT_EQ(message("notes = [\"a\", 3]\n"), "[dataset] notes must be a list of text, one note each");
    // A wrongly typed entry is refused, not dropped without a word.
    EXPECT_EQ(message("attach = [\"targets.toml\", 1]\n"), "[dataset] attach must be a list of file names");
    EXPECT_EQ(message("sources = \"one source\"\n"), "[dataset] sources must be a list of text, one source each");
}

TEST(DatasetConfig, NotesInBothLanguagesAndTheCertaintyNote) {
    // The Chinese report prints `notes`, the English one `notes_en`; both kept in the store.
    test::TempDir dir;
    test::write_file(dir / "dataset.toml",
                     "[dataset]\nname = \"x\"\ncertainty = \"illustrative\"\nnotes = [\"甲\", \"乙\"]\nnotes_en = [\"a\", \"b\"]\n"
                     "certainty_note = \"几何为示意图形。\"\ncertainty_note_en = \"schematic geometry.\"\n[layers.roads]\nsource = \"r.shp\"\n");
    core::DatasetConfig c = core::DatasetConfig::load(dir.path());
    EXPECT_EQ(c.notes, (std::vector<std::string>{"甲", "乙"}));
    auto m = c.report_metadata();
    EXPECT_EQ(m["notes_en"], "a\nb\n");
    EXPECT_EQ(m["certainty_note"], "几何为示意图形。");
    EXPECT_EQ(m["certainty_note_en"], "schematic geometry.");
}

TEST(DatasetConfig, TwoLayersCannotShareATitle) {
    core::DatasetConfig c;
    c.file = "d/dataset.toml";
    c.layer_words["title.axes"] = "功能分区";  // the catalog's title of functional_zones
    core::Catalog cat = core::Catalog::load(test::source_dir() / "layers");
    try {
        c.check_layer_words(cat);
        FAIL() << "a title two layers share was accepted";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.where().file, "d/dataset.toml");
        EXPECT_NE(e.detail().find("'功能分区' is also the title of layer"), std::string::npos) << e.detail();
    }
}

TEST(DatasetConfig, WorkCrsAndKindOfArea) {
    test::TempDir dir;
    auto load = [&](const std::string& dataset_keys) {
        test::write_file(dir / "dataset.toml", "[dataset]\nname = \"x\"\ncertainty = \"surveyed\"\n" + dataset_keys +
                                                   "[layers.boundary]\nsource = \"b.geojson\"\n");
        return core::DatasetConfig::load(dir.path());
    };
    core::DatasetConfig plain = load("");
    EXPECT_EQ(plain.crs, "");  // chosen from the boundary at build
    EXPECT_EQ(plain.area, "planar");
    core::DatasetConfig named = load("crs = \"EPSG:4549\"\narea = \"ellipsoidal\"\n");
    EXPECT_EQ(named.crs, "EPSG:4549");
    EXPECT_EQ(named.area, "ellipsoidal");
    EXPECT_EQ(named.crs_option, "");  // dataset.toml named it, not --crs
    EXPECT_THROW(load("area = \"spherical\"\n"), core::Error);
    EXPECT_THROW(load("area = 1\n"), core::Error);
    EXPECT_THROW(load("crs = 4549\n"), core::Error);  // a number is not a CRS name
}

TEST(Dataset, WorkCrsIsTheRecordedWktElseItsName) {
    core::Dataset d;
    EXPECT_EQ(d.work_crs(), "");
    d.metadata["crs"] = "EPSG:4549";
    EXPECT_EQ(d.work_crs(), "EPSG:4549");
    EXPECT_EQ(d.work_crs_name(), "EPSG:4549");
    d.metadata["crs_wkt"] = "PROJCRS[...]";
    EXPECT_EQ(d.work_crs(), "PROJCRS[...]");
    EXPECT_EQ(d.work_crs_name(), "EPSG:4549");
    EXPECT_FALSE(d.ellipsoidal_areas());
    d.metadata["area"] = "ellipsoidal";
    EXPECT_TRUE(d.ellipsoidal_areas());
}

// [layers.X]'s keys for real files: each parsed, each wrong form refused with the layer named.
TEST(DatasetConfig, LayerKeysForRealFiles) {
    test::TempDir dir;
    const std::string head = "[dataset]\nname = \"n\"\ncertainty = \"surveyed\"\n[layers.parcels]\nsource = \"p.shp\"\n";
    test::write_file(dir / "dataset.toml", head +
                                               "where = \"DLBM <> '1203'\"\nopen_options = [\"SHAPE_RESTORE_SHX=YES\"]\n"
                                               "on_unmapped = \"skip\"\nvalues = \"gbt21010\"\nencoding = \"GB18030\"\n"
                                               "[layers.parcels.fields]\nid = \"@fid\"\n[layers.parcels.constants]\nname = \"无名\"\n"
                                               "[layers.water]\nsource = \"w.shp\"\n[layers.water.values]\nkind = { HL = \"河流\" }\nlanduse = \"gbt21010\"\n");
    const core::DatasetConfig c = core::DatasetConfig::load(dir.path());
    ASSERT_EQ(c.layers.size(), 2u);
    const core::LayerSource& p = c.layers[0];
    EXPECT_EQ(p.where, "DLBM <> '1203'");
    EXPECT_EQ(p.open_options, std::vector<std::string>{"SHAPE_RESTORE_SHX=YES"});
    EXPECT_EQ(p.on_unmapped, core::LayerSource::Unmapped::skip);
    EXPECT_EQ(p.landuse_crosswalk, "gbt21010");
    EXPECT_EQ(p.encoding, "GB18030");
    EXPECT_EQ(p.fields.at("id"), core::kFidField);
    EXPECT_EQ(p.constants.at("name"), "无名");
    EXPECT_EQ(c.layers[1].values.at("kind").at("HL"), "河流");
    EXPECT_EQ(c.layers[1].crosswalks.at("landuse"), "gbt21010");
    EXPECT_EQ(c.layers[1].on_unmapped, core::LayerSource::Unmapped::error);

    auto refused = [&](const std::string& extra, const std::string& needle) {
        test::write_file(dir / "dataset.toml", head + extra);
        try {
            core::DatasetConfig::load(dir.path());
            ADD_FAILURE() << "accepted: " << extra;
        } catch (const core::Error& e) {
            EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
        }
    };
    refused("on_unmapped = \"ignore\"\n", "[layers.parcels]: on_unmapped must be \"error\" or \"skip\", not 'ignore'");
    refused("open_options = [\"SHAPE_RESTORE_SHX\"]\n", "open option 'SHAPE_RESTORE_SHX' must be NAME=VALUE");
    refused("open_options = \"X=1\"\n", "open_options must be a list of strings");
    refused("where = \"\"\n", "where must be an attribute filter");
    refused("enconding = \"GBK\"\n", "[layers.parcels]: unknown key 'enconding'");
    refused("[layers.parcels.fields]\nid = 3\n", "[layers.parcels.fields].id must be a string");
    refused("[layers.parcels.fields]\nname = \"MC\"\n[layers.parcels.constants]\nname = \"x\"\n", "field 'name' is given both a source field and a constant");
    refused("[layers.parcels.values.landuse]\nR = 701\n", "'R' must map to a string");
    refused("values = 3\n", "values must be a crosswalk's name");
}
