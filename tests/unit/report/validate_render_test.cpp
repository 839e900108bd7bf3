// SPDX-License-Identifier: MIT
// `zoning validate`'s output from a hand-made result: the summary, the findings, and the
// geometry retries only when there were some.
#include "report/validate_render.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "fixtures.hpp"

using namespace zoning;

namespace {

core::ValidationReport sample() {
    core::ValidationReport rep;
    core::LayerSummary s;
    s.layer = "functional_zones";
    s.title_zh = "四大分区";
    s.count = 2;
    s.crs = "EPSG:4547";
    s.geometry_types = {{"Polygon", 2}};
    s.total_area_m2 = 1e6;
    rep.layers.push_back(s);
    rep.tiling = core::TilingResult{true, 1e6, 1e6, 0, 12.5};
    rep.findings.push_back(core::Finding{core::Severity::error, "tiling-overlap", core::FeatureRef{"z.geojson", "functional_zones", 1, "Z1"},
                                         "overlaps 'Z2' (fid 2) by 12.50 m²", 12.5, {}});
    return rep;
}

std::string text(const core::ValidationReport& rep) {
    std::ostringstream out;
    report::write_validation_text(out, rep, test::mini_dataset(), test::bundled_catalog(), "m.gpkg");
    return out.str();
}

std::string json(const core::ValidationReport& rep) {
    std::ostringstream out;
    report::write_validation_json(out, rep, test::mini_dataset(), "m.gpkg");
    return out.str();
}

}  // namespace

TEST(ValidateRender, TextSummarisesLayersTilingAndFindings) {
    const std::string t = text(sample());
    EXPECT_EQ(t.rfind("Validating m.gpkg\n", 0), 0u) << t;
    EXPECT_NE(t.find("  functional_zones            2  EPSG:4547           0  1.000 km²     Polygon 2\n"), std::string::npos) << t;
    EXPECT_NE(t.find("district 1.000 km², zones 1.000 km², gaps 0.000 m², overlaps 12.500 m²"), std::string::npos) << t;
    EXPECT_NE(t.find("\n1 error(s), 0 warning(s)\n"), std::string::npos) << t;
    EXPECT_NE(t.find("overlaps 'Z2' (fid 2) by 12.50 m²"), std::string::npos) << t;
    EXPECT_EQ(t.find("Geometry retries"), std::string::npos) << t;
}

TEST(ValidateRender, JsonListsEveryFinding) {
    const std::string j = json(sample());
    EXPECT_NE(j.find("\"input\": \"m.gpkg\""), std::string::npos) << j;
    EXPECT_NE(j.find("\"ok\": false"), std::string::npos) << j;
    EXPECT_NE(j.find("\"check\": \"tiling-overlap\""), std::string::npos) << j;
    EXPECT_NE(j.find("\"overlap_area_m2\": 12.5"), std::string::npos) << j;
    EXPECT_EQ(j.find("robustness_notes"), std::string::npos) << j;  // absent when there were no retries
}

TEST(ValidateRender, RetryNotesAreShownWhenThereAreSome) {
    core::ValidationReport rep = sample();
    rep.robustness_notes = {"zones Z1 × Z2: retried on repaired input after TopologyException"};
    EXPECT_NE(text(rep).find("\nGeometry retries:\n  - zones Z1 × Z2: retried on repaired input after TopologyException\n"), std::string::npos)
        << text(rep);
    EXPECT_NE(json(rep).find("\"robustness_notes\": [\n    \"zones Z1 × Z2: retried on repaired input after TopologyException\"\n  ]"),
              std::string::npos)
        << json(rep);
}

TEST(ValidateRender, ZonesOutsideTheBoundaryHaveTheirOwnLine) {
    core::ValidationReport rep = sample();
    rep.tiling.outside_area_m2 = 25000.0;
    EXPECT_NE(text(rep).find("\nFunctional zones outside the boundary: 25000.000 m²\n"), std::string::npos) << text(rep);
    EXPECT_NE(json(rep).find("\"outside_area_m2\": 25000.0"), std::string::npos) << json(rep);
}
