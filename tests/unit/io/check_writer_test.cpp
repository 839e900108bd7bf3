// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "io/check_writer.hpp"
#include "io/gdal.hpp"
#include "io_support.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

core::SitingResult result(const std::string& id, core::Verdict verdict, double x0) {
    core::SitingResult r;
    r.proposal.id = id;
    r.proposal.name = "项目 " + id;
    r.proposal.landuse = "1001";
    r.proposal.wkb = test::rectangle_wkb(x0, 0, x0 + 100, 50);
    r.area_m2 = 5000;
    r.verdict = verdict;
    return r;
}

}  // namespace

TEST(CheckWriter, OneProposalPerFeatureAndOneOverlapPerRule) {
    test::TempDir dir;
    std::vector<core::SitingResult> results{result("A", core::Verdict::pass, 0), result("B", core::Verdict::conflict, 1000)};
    core::Conflict c;
    c.rule = "no-industry-in-eco";
    c.severity = "conflict";
    c.features = {{"proposal", "B", "项目 B"}, {"eco_structure", "E1", "生态廊道"}};
    c.overlap_m2 = 1250;
    c.overlap_wkb = test::rectangle_wkb(1000, 0, 1050, 25);
    c.reason_zh = "工业用地位于生态廊道内";
    results[1].conflicts = {c, c};
    io::write_check_results(dir / "r.gpkg", results, {{}, {{"reason one", "reason two"}, "道路红线 建设路 1,250 平方米", "容积率 2.80 超标"}}, "EPSG:4547");

    GDALDatasetUniquePtr ds = io::open_vector((dir / "r.gpkg").string());
    OGRLayer* res = ds->GetLayerByName("check_results");
    OGRLayer* ovl = ds->GetLayerByName("check_overlaps");
    ASSERT_TRUE(res && ovl);
    ASSERT_EQ(res->GetFeatureCount(), 2);
    ASSERT_EQ(ovl->GetFeatureCount(), 2);
    res->SetAttributeFilter("proposal_id = 'B'");
    OGRFeatureUniquePtr b(res->GetNextFeature());
    ASSERT_TRUE(b);
    EXPECT_STREQ(b->GetFieldAsString("verdict"), core::to_string(core::Verdict::conflict));
    EXPECT_EQ(b->GetFieldAsInteger("exit_code"), 2);
    EXPECT_STREQ(b->GetFieldAsString("rules"), "no-industry-in-eco; no-industry-in-eco");
    EXPECT_STREQ(b->GetFieldAsString("reasons"), "reason one | reason two");
    EXPECT_STREQ(b->GetFieldAsString("control_lines"), "道路红线 建设路 1,250 平方米");
    EXPECT_STREQ(b->GetFieldAsString("indicators"), "容积率 2.80 超标");
    EXPECT_EQ(wkbFlatten(b->GetGeometryRef()->getGeometryType()), wkbMultiPolygon);
    EXPECT_DOUBLE_EQ(b->GetGeometryRef()->toMultiPolygon()->get_Area(), 5000.0);
    ovl->ResetReading();
    OGRFeatureUniquePtr o(ovl->GetNextFeature());
    EXPECT_STREQ(o->GetFieldAsString("with_layer"), "eco_structure");
    EXPECT_STREQ(o->GetFieldAsString("with_name"), "生态廊道");
    EXPECT_EQ(o->GetFieldAsDouble("overlap_m2"), 1250);
    EXPECT_DOUBLE_EQ(o->GetGeometryRef()->toMultiPolygon()->get_Area(), 1250.0);
}

TEST(CheckWriter, AnUnwritablePlaceLeavesNoFile) {
    test::TempDir dir;
    test::write_file(dir / "file", "x");
    EXPECT_THROW(io::write_check_results(dir / "file" / "r.gpkg", {}, {}, "EPSG:4547"), core::Error);  // a file where a folder should be
    EXPECT_FALSE(std::filesystem::exists(dir / "file" / "r.gpkg"));
}
