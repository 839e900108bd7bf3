// SPDX-License-Identifier: MIT
// The mini fixture's answers are worked out by hand in tests/fixtures/mini/ANSWERS.md.
#include "analysis/analysis_layers.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

const analysis::AnalysisCatalog& specs() {
    static analysis::AnalysisCatalog c = analysis::AnalysisCatalog::load(test::source_dir() / "layers");
    return c;
}

std::vector<core::Layer> build(unsigned threads, std::vector<std::string>* notes = nullptr) {
    const core::Dataset& d = test::mini_dataset();
    auto rules = core::parse_rules(test::read_file(test::fixture("mini/rules.toml")), "rules.toml");
    analysis::AnalysisLayerOptions o;
    o.threads = threads;
    o.robustness_notes = notes;
    return analysis::build_analysis_layers(d, test::bundled_catalog(), specs(), {},
                                           analysis::find_conflicts(d, test::bundled_catalog(), rules).conflicts, o);
}

const core::Layer& layer(const std::vector<core::Layer>& layers, const std::string& name) {
    for (auto& l : layers)
        if (l.name() == name) return l;
    throw std::runtime_error("no layer " + name);
}

}  // namespace

TEST(AnalysisLayers, FrameLandUseHasTheHandComputedAreas) {
    std::vector<std::string> notes = {"stale"};
    auto layers = build(1, &notes);
    EXPECT_TRUE(notes.empty());
    const core::Layer& ol = layer(layers, "overlay_landuse");
    std::map<std::string, double> west;  // 西区: 0701 and 0301 parcels, 250,000 m² each
    for (auto& f : ol.features)
        if (ol.text(f, "frame_name") == "西区") west[ol.text(f, "landuse")] = std::get<double>(f.values[ol.spec->field_index("area_m2")]);
    EXPECT_EQ(west, (std::map<std::string, double>{{"03", 250000}, {"07", 250000}}));
    EXPECT_EQ(ol.text(ol.features.front(), "id"), "OL1");
    // Project coverage: P1 (40,000) lies whole in 西区.
    const core::Layer& pc = layer(layers, "project_coverage");
    bool p1 = false;
    for (auto& f : pc.features)
        if (pc.text(f, "project_id") == "P1" && pc.text(f, "frame_name") == "西区")
            p1 = std::get<double>(f.values[pc.spec->field_index("area_m2")]) == 40000;
    EXPECT_TRUE(p1);
    EXPECT_EQ(layer(layers, "conflicts").features.size(), 5u);
}

TEST(AnalysisLayers, SameLayersWithAnyThreadCount) {
    auto one = build(1);
    for (unsigned threads : {2u, 8u}) {
        auto other = build(threads);
        ASSERT_EQ(other.size(), one.size());
        for (std::size_t i = 0; i < one.size(); ++i) {
            ASSERT_EQ(other[i].features.size(), one[i].features.size()) << one[i].name();
            for (std::size_t k = 0; k < one[i].features.size(); ++k) {
                EXPECT_EQ(other[i].features[k].wkb, one[i].features[k].wkb);
                EXPECT_EQ(other[i].features[k].values, one[i].features[k].values);
                EXPECT_EQ(other[i].features[k].fid, one[i].features[k].fid);
            }
        }
    }
}

// The export makes the frame layers while the review runs, and adds the review's after: the same layers.
TEST(AnalysisLayers, FrameLayersThenReviewLayersAreTheWholeSet) {
    const core::Dataset& d = test::mini_dataset();
    auto rules = core::parse_rules(test::read_file(test::fixture("mini/rules.toml")), "rules.toml");
    auto conflicts = analysis::find_conflicts(d, test::bundled_catalog(), rules).conflicts;
    std::vector<core::Layer> split = analysis::frame_layers(d, test::bundled_catalog(), specs());
    ASSERT_EQ(split.size(), 2u);
    analysis::add_review_layers(split, specs(), {}, conflicts);
    std::vector<core::Layer> whole = build(2);
    ASSERT_EQ(split.size(), whole.size());
    for (std::size_t i = 0; i < whole.size(); ++i) {
        EXPECT_EQ(split[i].name(), whole[i].name());
        ASSERT_EQ(split[i].features.size(), whole[i].features.size()) << whole[i].name();
        for (std::size_t f = 0; f < whole[i].features.size(); ++f) {
            EXPECT_EQ(split[i].features[f].wkb, whole[i].features[f].wkb) << whole[i].name() << " " << f;
            EXPECT_EQ(split[i].features[f].values, whole[i].features[f].values) << whole[i].name() << " " << f;
        }
    }
}
