// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "io/work_crs.hpp"
#include "support.hpp"

using namespace zoning;

namespace {
const core::Catalog& catalog() {
    static core::Catalog c = core::Catalog::load(test::source_dir() / "layers");
    return c;
}
core::DatasetConfig fixture(const std::string& name) { return core::DatasetConfig::load(test::source_dir() / "tests/fixtures" / name); }
std::string refusal(core::DatasetConfig config) {
    try {
        io::resolve_work_crs(catalog(), config, 1);
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::bad_input);
        return e.what();
    }
    return "accepted";
}
}  // namespace

TEST(WorkCrs, ChosenFromTheBoundary) {
    const io::WorkCrs east = io::resolve_work_crs(catalog(), fixture("crs-east120"), 1);
    EXPECT_EQ(east.name, "EPSG:4549");
    EXPECT_EQ(east.title, "CGCS2000 / 3-degree Gauss-Kruger CM 120E");
    EXPECT_EQ(east.wkt.rfind("PROJCRS[\"CGCS2000 / 3-degree Gauss-Kruger CM 120E\"", 0), 0u);
    EXPECT_NE(east.reason.find("(120.4100°E 36.0800°N)"), std::string::npos) << east.reason;
    EXPECT_EQ(io::resolve_work_crs(catalog(), fixture("crs-utm32"), 1).name, "EPSG:32632");
    EXPECT_EQ(io::resolve_work_crs(catalog(), fixture("mini"), 1).name, "EPSG:4547");
}

TEST(WorkCrs, NamedIsTakenWhenTheDistrictFitsIt) {
    core::DatasetConfig c = fixture("crs-east120");
    c.crs = "EPSG:32651";  // UTM 51N: 120°E–126°E
    const io::WorkCrs w = io::resolve_work_crs(catalog(), c, 1);
    EXPECT_EQ(w.name, "EPSG:32651");
    EXPECT_EQ(w.reason, "named by crs in [dataset] of dataset.toml");
    c.crs_option = "--crs";
    EXPECT_EQ(io::resolve_work_crs(catalog(), c, 1).reason, "named by --crs");
}

TEST(WorkCrs, RefusedOutsideItsAreaOfUseWithTheScaleError) {
    core::DatasetConfig c = fixture("crs-east120");
    c.crs = "EPSG:4547";
    const std::string e = refusal(c);
    EXPECT_NE(e.find("layer 'boundary'"), std::string::npos) << e;
    EXPECT_NE(e.find("the district leaves the area of use of EPSG:4547"), std::string::npos) << e;
    EXPECT_NE(e.find("面积误差约 +0.83 %"), std::string::npos) << e;
    c.crs = "EPSG:4326";
    EXPECT_NE(refusal(c).find("[dataset] crs EPSG:4326 is geographic"), std::string::npos);
    c.crs = "EPSG:999999";
    EXPECT_NE(refusal(c).find("[dataset] crs: unknown CRS"), std::string::npos);
}

TEST(WorkCrs, NoBoundaryToChooseFrom) {
    core::DatasetConfig c = fixture("crs-east120");
    std::erase_if(c.layers, [](const core::LayerSource& l) { return l.layer == "boundary"; });
    EXPECT_NE(refusal(c).find("no boundary layer to choose the work CRS from"), std::string::npos);
    c.crs = "EPSG:4549";  // a named CRS still needs the boundary, to check its area of use
    EXPECT_NE(refusal(c).find("no boundary layer"), std::string::npos);
}
