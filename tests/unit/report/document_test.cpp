// SPDX-License-Identifier: MIT
// The report as a bureau's document: its head from the dataset, conflicts counted apart, land in
// 公顷 one unit per column, and layer titles from the catalog or the dataset's own.
#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "report/internal.hpp"
#include "support.hpp"

using namespace zoning;
using report::Lang;

namespace {
core::Conflict conflict(const std::string& severity) {
    core::Conflict c;
    c.severity = severity;
    c.rule = "R";
    c.features = {{"projects", "P1", "某项目"}, {"eco_structure", "K", ""}};
    return c;
}
}  // namespace

TEST(Document, TheHeadSaysYearDateOrganisationAndCertainty) {
    core::Dataset d;
    d.metadata = {{"certainty", "surveyed"}, {"organisation", "某区自然资源局"}, {"evaluation_year", "2025"}};
    report::ReportData r;
    r.dataset = &d;
    r.catalog = &test::bundled_catalog();
    r.overlay.district_area_m2 = 194528266.02;
    const auto zh = report::detail::head_items(r, Lang::zh);
    ASSERT_EQ(zh.size(), 5u);
    EXPECT_EQ(zh[0], (std::pair<std::string, std::string>{"评估年度", "2025"}));
    EXPECT_EQ(zh[1], (std::pair<std::string, std::string>{"数据日期", "未注明"}));
    EXPECT_EQ(zh[2], (std::pair<std::string, std::string>{"编制单位", "某区自然资源局"}));
    EXPECT_EQ(zh[3], (std::pair<std::string, std::string>{"数据性质", "实测数据"}));
    EXPECT_EQ(zh[4], (std::pair<std::string, std::string>{"行政区面积", "194.53 km²"}));
    EXPECT_EQ(report::detail::head_items(r, Lang::en)[1].second, "not stated");
    r.zone = "西区";  // a zone's report: no district area in its head
    EXPECT_EQ(report::detail::head_items(r, Lang::zh).size(), 4u);
}

TEST(Document, ConflictsAndReviewsAreCountedApart) {
    std::vector<core::Conflict> cs = {conflict("conflict"), conflict("review"), conflict("conflict")};
    EXPECT_EQ(report::detail::conflict_counts(cs, Lang::zh), "冲突 (2) · 需复核 (1)");
    EXPECT_EQ(report::detail::conflict_counts(cs, Lang::en), "Conflicts (2) · To review (1)");
    EXPECT_EQ(report::detail::conflict_counts({}, Lang::zh), "冲突 (0) · 需复核 (0)");
    // The body names features; the appendix gives layer and id.
    EXPECT_EQ(report::detail::feature_names(cs[0], Lang::zh), "某项目、K");
    EXPECT_EQ(report::detail::feature_refs(cs[0]), "projects/P1, eco_structure/K");
}

TEST(Document, CoverageIsInHectaresOneUnitPerColumn) {
    report::ReportData r;
    r.dataset = &test::mini_dataset();
    r.catalog = &test::bundled_catalog();
    core::CoverageRow row;
    row.layer = "eco_structure";
    row.name = "测试湿地";
    row.kind = "核";
    row.area_m2 = 40000;
    row.projects_m2 = 8596;  // under 1 公顷: still 公顷, never "8596 m²" among the others
    row.projects_by_status_m2 = {{"completed", 8596}};
    r.overlay.coverage.push_back(row);
    const auto t = report::detail::coverage_table(r, "eco_structure", Lang::zh);
    ASSERT_EQ(t.header.size(), 10u);
    EXPECT_EQ(t.header[2], "面积（公顷）");
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0][1], "核");
    EXPECT_EQ(t.rows[0][2], "4.00");
    EXPECT_EQ(t.rows[0][4], "0.86");
    EXPECT_EQ(t.rows[0][5], "21.5%");
    EXPECT_EQ(t.rows[0][6], "0.86");
    EXPECT_EQ(t.rows[0][7], "0.00");
    EXPECT_EQ(report::detail::coverage_table(r, "eco_structure", Lang::en).rows[0][1], "core");  // the catalog's English word
    // A layer without kinds has no kind column.
    r.overlay.coverage[0].kind.clear();
    EXPECT_EQ(report::detail::coverage_table(r, "eco_structure", Lang::zh).header.size(), 9u);
}

TEST(Document, LayerTitlesAreTheCatalogsOrTheDatasets) {
    core::Catalog cat = core::Catalog::load(test::source_dir() / "layers");
    EXPECT_EQ(report::detail::layer_title(cat, "functional_zones", Lang::zh), "功能分区");
    EXPECT_EQ(report::detail::layer_title(cat, "eco_structure", Lang::zh), "生态格局");
    cat.apply_dataset_words({{"title.functional_zones", "四片"}, {"title_en.functional_zones", "Four parts"}});
    EXPECT_EQ(report::detail::layer_title(cat, "functional_zones", Lang::zh), "四片");
    EXPECT_EQ(report::detail::layer_title(cat, "functional_zones", Lang::en), "Four parts");
}
