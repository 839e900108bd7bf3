// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "serve/api.hpp"
#include "serve/server.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

/// A page folder with one file of each kind, a hidden file, node_modules and a secret beside it.
struct PageDir {
    test::TempDir dir;
    PageDir() {
        std::filesystem::create_directories(dir / "web" / "img");
        std::filesystem::create_directories(dir / "web" / "node_modules" / "ol");
        test::write_file(dir / "web" / "index.html", "<html>");
        test::write_file(dir / "web" / "app.js", "js");
        test::write_file(dir / "web" / "img" / "north.svg", "<svg/>");
        test::write_file(dir / "web" / ".env", "secret");
        test::write_file(dir / "web" / "package.json", "{}");
        test::write_file(dir / "web" / "node_modules" / "ol" / "ol.js", "ol");
        test::write_file(dir / "secret.js", "outside");
        std::filesystem::create_symlink(dir / "secret.js", dir / "web" / "link.js");
    }
    std::filesystem::path web() const { return dir / "web"; }
};

}  // namespace

TEST(StaticFile, ServesThePagesOwnFiles) {
    PageDir p;
    EXPECT_EQ(serve::static_file(p.web(), "/"), std::filesystem::canonical(p.web() / "index.html"));
    EXPECT_EQ(serve::static_file(p.web(), "/app.js"), std::filesystem::canonical(p.web() / "app.js"));
    EXPECT_EQ(serve::static_file(p.web(), "/img/north.svg"), std::filesystem::canonical(p.web() / "img" / "north.svg"));
}

TEST(StaticFile, RefusesEveryWayOutOfItsFolder) {
    PageDir p;
    for (const char* path : {"/../secret.js", "/img/../../secret.js", "/./app.js", "/.env", "/link.js", "/node_modules/ol/ol.js",
                             "/package.json", "app.js", "//app.js", "/img\\..\\..\\secret.js", "/missing.js", "/img"})
        EXPECT_FALSE(serve::static_file(p.web(), path).has_value()) << path;
    EXPECT_FALSE(serve::static_file(p.dir / "nosuch", "/app.js").has_value());
}

TEST(UploadName, KeepsAPlainProposalNameElseNamesItByContent) {
    EXPECT_EQ(serve::upload_name("{}", "site.geojson"), "site.geojson");
    EXPECT_EQ(serve::upload_name("J1,1,2", "界址点.txt"), "界址点.txt");
    EXPECT_EQ(serve::upload_name("  \n{\"type\":\"Feature\"}", ""), "site.geojson");
    EXPECT_EQ(serve::upload_name("\xEF\xBB\xBF{}", ""), "site.geojson");  // a BOM before the JSON
    EXPECT_EQ(serve::upload_name("J1,3740000,430000", ""), "site.txt");
    // Paths, hidden names and other extensions are not taken from the request.
    EXPECT_EQ(serve::upload_name("{}", "../../etc/passwd"), "site.geojson");
    EXPECT_EQ(serve::upload_name("{}", "dir/site.geojson"), "site.geojson");
    EXPECT_EQ(serve::upload_name("{}", ".geojson"), "site.geojson");
    EXPECT_EQ(serve::upload_name("x", "site.gpkg"), "site.txt");
}

TEST(StoreStamp, ChangesWhenTheFileIsReplaced) {
    test::TempDir dir;
    test::write_file(dir / "s.gpkg", "one");
    const serve::StoreStamp a = serve::stamp_of(dir / "s.gpkg");
    EXPECT_EQ(a, serve::stamp_of(dir / "s.gpkg"));
    test::write_file(dir / "t.gpkg", "two!");
    std::filesystem::rename(dir / "t.gpkg", dir / "s.gpkg");
    EXPECT_NE(a, serve::stamp_of(dir / "s.gpkg"));
    EXPECT_THROW(serve::stamp_of(dir / "none.gpkg"), core::Error);
}

TEST(ErrorResponse, IsJsonWithTheMessage) {
    serve::Response r = serve::error_response(400, "site.geojson: no land use");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.body, R"({"error":"site.geojson: no land use"})");
    EXPECT_NE(r.content_type.find("application/json"), std::string::npos);
}
