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
