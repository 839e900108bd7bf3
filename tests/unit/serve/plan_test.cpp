// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <atomic>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "analysis/siting.hpp"
#include "io/proposal_reader.hpp"
#include "report/check_render.hpp"

#include "core/catalog.hpp"
#include "io/store.hpp"
#include "fixtures.hpp"
#include "serve/api.hpp"
#include "serve/plan.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

/// The mini fixture (tests/fixtures/mini/ANSWERS.md) as a store, read by the server.
struct MiniPlan {
    test::TempDir dir;
    std::shared_ptr<const serve::Plan> plan;
    MiniPlan() {
        io::write_store(dir / "m.gpkg", test::mini_dataset(), test::bundled_catalog());
        plan = serve::load_plan({dir / "m.gpkg", core::Catalog::default_dir(), {}, dir / "cache", 1});
    }
};

}  // namespace

TEST(LoadPlan, TileGridCoversTheDistrictAndTilesAreCachedOutsideTheStore) {
    MiniPlan m;
    const serve::Plan& p = *m.plan;
    EXPECT_NEAR(p.extent[0], 430000, 1e-6);
    EXPECT_NEAR(p.extent[3], 3741000, 1e-6);
    // A square a little larger than the 1 km district, whose upper-left corner is above and left of it.
    EXPECT_LE(p.grid.origin_x, 430000);
    EXPECT_GE(p.grid.origin_y, 3741000);
    EXPECT_GE(p.grid.origin_x + p.grid.size0, 431000);
    EXPECT_EQ(p.grid.max_zoom, 1);  // ceil(log2(1021 m / 1000 m))
    EXPECT_EQ(p.tiles_dir.parent_path().parent_path(), m.dir / "cache");
    EXPECT_TRUE(std::filesystem::exists(p.tiles_dir / "parcels" / "0" / "0" / "0.pbf"));
    EXPECT_NE(p.proj4.find("+proj=tmerc"), std::string::npos);
    EXPECT_NE(p.report_json_zh.find("\"report_version\""), std::string::npos);
}

TEST(PlanSource, ReadsTheStoreAgainWhenItChanges) {
    MiniPlan m;
    serve::PlanSource source({m.dir / "m.gpkg", core::Catalog::default_dir(), {}, m.dir / "cache", 1});
    auto first = source.current();
    EXPECT_EQ(source.current(), first);  // unchanged: the same reading
    core::Dataset changed = test::mini_dataset();
    changed.find("projects")->features.pop_back();
    io::write_store(m.dir / "m.gpkg", changed, test::bundled_catalog());
    auto second = source.current();
    EXPECT_NE(second, first);
    // The new reading has its own tiles, and the earlier reading's are gone.
    EXPECT_NE(second->tiles_dir, first->tiles_dir);
    EXPECT_TRUE(std::filesystem::exists(second->tiles_dir / "parcels"));
    EXPECT_FALSE(std::filesystem::exists(first->tiles_dir));
    EXPECT_EQ(second->store.find("projects")->features.size(), first->store.find("projects")->features.size() - 1);
}

TEST(Api, FeatureGivesTheFramesLandUseFromTheReport) {
    MiniPlan m;
    auto j = nlohmann::json::parse(serve::feature(*m.plan, "functional_zones", "Z2", report::Lang::zh).body);
    EXPECT_EQ(j["name"], "东区");
    ASSERT_EQ(j["landuse"].size(), 2u);
    EXPECT_NEAR(j["landuse"][0]["area_m2"].get<double>(), 250000, 1);
    EXPECT_NEAR(j["landuse"][0]["share"].get<double>(), 0.5, 1e-6);
    EXPECT_EQ(serve::feature(*m.plan, "functional_zones", "Z9", report::Lang::zh).status, 404);
}

TEST(Api, CheckRefusesAProposalWithoutLandUseWithTheReadersMessage) {
    MiniPlan m;
    const std::string site = R"({"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Polygon","coordinates":[[[430100,3740100],[430200,3740100],[430200,3740200],[430100,3740200],[430100,3740100]]]}})";
    serve::Response r = serve::check(*m.plan, site, {{"crs", "EPSG:4547"}}, report::Lang::zh);
    EXPECT_EQ(r.status, 400);
    EXPECT_NE(r.body.find("no land use"), std::string::npos) << r.body;
    EXPECT_EQ(r.body.find("zoning-serve-"), std::string::npos) << "the temporary folder shows: " << r.body;
    serve::Response ok = serve::check(*m.plan, site, {{"crs", "EPSG:4547"}, {"landuse", "0701"}}, report::Lang::zh);
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(nlohmann::json::parse(ok.body)["proposal"]["area_m2"], 10000.0);
}

TEST(Api, ConcurrentChecksOnThreadsOwnIndexesAnswerAsOneCheckAlone) {
    MiniPlan m;
    const serve::Plan& p = *m.plan;
    // Three sites with different answers (tests/fixtures/mini/ANSWERS.md): in the core, the corridor's side, clear.
    const std::vector<std::string> sites = {
        R"({"type":"Feature","properties":{"landuse":"1001"},"geometry":{"type":"Polygon","coordinates":[[[430760,3740760],[430840,3740760],[430840,3740840],[430760,3740840],[430760,3740760]]]}})",
        R"({"type":"Feature","properties":{"landuse":"0901"},"geometry":{"type":"Polygon","coordinates":[[[430100,3740100],[430200,3740100],[430200,3740200],[430100,3740200],[430100,3740100]]]}})",
        R"({"type":"Feature","properties":{"landuse":"0701"},"geometry":{"type":"Polygon","coordinates":[[[430800,3740100],[430900,3740100],[430900,3740200],[430800,3740200],[430800,3740100]]]}})"};
    const std::map<std::string, std::string> params = {{"crs", "EPSG:4547"}};
    std::vector<std::string> alone;
    for (auto& s : sites) {
        serve::Response r = serve::check(p, s, params, report::Lang::zh);
        ASSERT_EQ(r.status, 200) << r.body;
        alone.push_back(r.body);
    }
    EXPECT_NE(alone[0], alone[1]);
    EXPECT_NE(alone[1], alone[2]);
    // Eight threads at once, each site many times: every answer is the one given alone.
    std::vector<std::thread> threads;
    std::atomic<int> wrong{0};
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            for (int k = 0; k < 6; ++k) {
                const std::size_t i = static_cast<std::size_t>(t + k) % sites.size();
                if (serve::check(p, sites[i], params, report::Lang::zh).body != alone[i]) ++wrong;
            }
        });
    for (auto& th : threads) th.join();
    EXPECT_EQ(wrong.load(), 0);
}

TEST(SitingIndex, GivesTheResultsOfACheckThatBuildsItsOwn) {
    MiniPlan m;
    const serve::Plan& p = *m.plan;
    io::ProposalInput in{"", "", "POLYGON ((430760 3740760, 430840 3740760, 430840 3740840, 430760 3740840, 430760 3740760))", "EPSG:4547", "1001",
                         "核心区厂房", "", false, {}};
    std::vector<core::Proposal> proposals = io::read_proposals(p.catalog, p.store.work_crs(), in);
    analysis::SitingIndex index(p.store);
    for (int round = 0; round < 2; ++round) {  // an index used twice answers the same
        std::vector<core::SitingResult> fresh = analysis::check_siting(p.store, p.catalog, p.rules, proposals);
        std::vector<core::SitingResult> reused = analysis::check_siting(index, p.catalog, p.rules, proposals);
        std::ostringstream a, b;
        report::write_check_json(a, fresh, p.store, report::Lang::zh, false);
        report::write_check_json(b, reused, p.store, report::Lang::zh, false);
        EXPECT_EQ(a.str(), b.str());
        EXPECT_EQ(reused.front().verdict, core::Verdict::conflict);
        EXPECT_DOUBLE_EQ(reused.front().area_m2, 6400.0);
    }
}
