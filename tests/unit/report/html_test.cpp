// SPDX-License-Identifier: MIT
// The HTML report's map draws every layer in its catalog style (layers/*.toml), and the
// page lists geometry retries only when there were some.
#include <gtest/gtest.h>

#include <sstream>

#include "fixtures.hpp"
#include "report/report.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

std::string html(const core::Catalog& cat, const std::vector<std::string>& notes = {}, report::Lang lang = report::Lang::zh) {
    report::ReportData r;
    r.dataset = &test::mini_dataset();
    r.catalog = &cat;
    r.analysis_notes = notes;
    std::ostringstream out;
    report::write_html(out, r, lang);
    return out.str();
}

/// The bundled catalog copied, with `from` replaced by `to` in one layer file.
core::Catalog edited_catalog(const test::TempDir& dir, const std::string& file, const std::string& from, const std::string& to) {
    std::filesystem::copy(test::source_dir() / "layers", dir.path(), std::filesystem::copy_options::recursive);
    std::string text = test::read_file(dir / file);
    auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    test::write_file(dir / file, text);
    return core::Catalog::load(dir.path());
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST(Html, TheMapDrawsEachLayerInItsCatalogStyle) {
    const std::string page = html(test::bundled_catalog());
    // boundary.toml: single, #c62828, no fill, 0.9 mm.
    EXPECT_NE(page.find("fill=\"none\" stroke=\"#c62828\" stroke-width=\"3.4\""), std::string::npos);
    // eco_structure.toml: 核 #00897b, filled at 0.35 with its own outline; the core K is labelled, the corridor L not.
    EXPECT_NE(page.find("fill=\"#00897b\" fill-opacity=\"0.35\" stroke=\"#00897b\""), std::string::npos);
    EXPECT_NE(page.find("paint-order=\"stroke\">测试湿地</text>"), std::string::npos);
    EXPECT_EQ(page.find("paint-order=\"stroke\">测试绿廊</text>"), std::string::npos);
    // roads.toml: a line in its kind's colour (主干路 #616161), 0.5 mm; the legend lists the kinds on the map (no 次干路 #8d8d8d).
    EXPECT_NE(page.find("<path d=\"M"), std::string::npos);
    EXPECT_NE(page.find("fill=\"none\" stroke=\"#616161\" stroke-width=\"1.89\"><title>测试路</title>"), std::string::npos);
    EXPECT_NE(page.find("stroke=\"#616161\" stroke-width=\"1.89\"/><text"), std::string::npos);
    EXPECT_EQ(page.find("stroke=\"#8d8d8d\""), std::string::npos);
    // projects.toml: by status, with the status as a class.
    EXPECT_EQ(count(page, "class=\"project completed\" fill=\"#2e7d32\" fill-opacity=\"0.85\" stroke=\"#212121\""), 3u);  // P1, P5, P8
}

TEST(Html, AColourChangedInTheCatalogIsTheColourOnTheMap) {
    test::TempDir dir;
    core::Catalog cat = edited_catalog(dir, "eco_structure.toml", "\"核\" = \"#00897b\"", "\"核\" = \"#123456\"");
    const std::string page = html(cat);
    EXPECT_NE(page.find("fill=\"#123456\" fill-opacity=\"0.35\" stroke=\"#123456\""), std::string::npos);  // K on the map
    EXPECT_NE(page.find("fill=\"#123456\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">测试湿地</text>"), std::string::npos);  // its label
    EXPECT_EQ(page.find("#00897b"), std::string::npos);                                                     // nowhere else
}

TEST(Html, WhatIsLabelledComesFromTheCatalog) {
    test::TempDir dir;
    core::Catalog cat = edited_catalog(dir, "eco_structure.toml", "label_kinds = [\"核\"]", "label_kinds = [\"廊\"]");
    const std::string page = html(cat);
    EXPECT_NE(page.find(">测试绿廊</text>"), std::string::npos);
    EXPECT_EQ(page.find(">测试湿地</text>"), std::string::npos);
}

TEST(Html, TheLegendComesFromTheSameStylesInTheCatalogsWords) {
    const std::string zh = html(test::bundled_catalog()), en = html(test::bundled_catalog(), {}, report::Lang::en);
    EXPECT_NE(zh.find(">生态核</text>"), std::string::npos);
    EXPECT_NE(en.find(">eco core</text>"), std::string::npos);
    EXPECT_NE(en.find(">arterial road</text>"), std::string::npos);
    EXPECT_NE(zh.find(">行政区界</text>"), std::string::npos);  // boundary.toml's title
    EXPECT_NE(zh.find(">已建成</text>"), std::string::npos);    // a project status in the dictionary's words
}

TEST(Html, RetryNotesHaveASectionOnlyWhenThereAreSome) {
    EXPECT_EQ(html(test::bundled_catalog()).find("id=\"robustness\""), std::string::npos);
    const std::string page = html(test::bundled_catalog(), {"P1 × K: retried on repaired input after TopologyException"});
    // In the technical appendix: GEOS's words are English.
    const auto appendix = page.find("<section id=\"appendix\">");
    ASSERT_NE(appendix, std::string::npos);
    EXPECT_GT(page.find("<h3 id=\"robustness\">几何运算重试</h3><ul>\n<li>P1 × K: retried on repaired input after TopologyException</li>"), appendix);
}
