// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <functional>

#include "core/error.hpp"
#include "io/sqlite.hpp"
#include "io/store.hpp"
#include "io_support.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

/// A store with one boundary: the rectangle (0 0, 100 50), 5000 m².
std::filesystem::path one_rectangle_store(const test::TempDir& dir) {
    io::write_store(dir / "s.gpkg", test::boundary_dataset(), test::catalog());
    return dir / "s.gpkg";
}

std::string bad_input_detail(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::bad_input) << e.what();
        return e.detail();
    }
    return "no error";
}

}  // namespace

TEST(Sqlite, CellsOfEveryKindWithSpatialiteOnGeoPackageGeometry) {
    test::TempDir dir;
    io::Sqlite db(one_rectangle_store(dir));
    io::SqlResult r = db.query("SELECT id, ST_Area(geom) AS a, 3 AS i, NULL AS n, X'00FF' AS b, geom FROM boundary");
    EXPECT_EQ(r.columns, (std::vector<std::string>{"id", "a", "i", "n", "b", "geom"}));
    ASSERT_EQ(r.rows.size(), 1u);
    const auto& row = r.rows[0];
    EXPECT_EQ(row[0].kind, io::SqlCell::Kind::text);
    EXPECT_EQ(row[0].text, "B1");
    EXPECT_EQ(row[1].kind, io::SqlCell::Kind::real);
    EXPECT_EQ(row[1].text, "5000");
    EXPECT_EQ(row[2].kind, io::SqlCell::Kind::integer);
    EXPECT_EQ(row[2].text, "3");
    EXPECT_EQ(row[3].kind, io::SqlCell::Kind::null);
    EXPECT_EQ(row[4].kind, io::SqlCell::Kind::blob);
    EXPECT_EQ(row[4].text, "00FF");
    EXPECT_EQ(row[5].kind, io::SqlCell::Kind::geometry);
    EXPECT_NE(row[5].text.find("POLYGON (("), std::string::npos) << row[5].text;
    EXPECT_NE(row[5].text.find("100 50"), std::string::npos) << row[5].text;
    geo::GeosContext ctx;
    EXPECT_DOUBLE_EQ(geo::area(ctx, geo::from_wkb(ctx, row[5].wkb).get()), 5000.0);
}

TEST(Sqlite, BadQueriesAreBadInputAndTheHandleStaysUsable) {
    test::TempDir dir;
    io::Sqlite db(one_rectangle_store(dir));
    EXPECT_EQ(bad_input_detail([&] { db.query("SELECT * FROM no_such_table"); }), "SQL error: no such table: no_such_table");
    EXPECT_EQ(bad_input_detail([&] { db.query("SELECT 1; SELECT 2"); }), "one statement at a time, please");
    EXPECT_EQ(bad_input_detail([&] { db.query("  ;"); }), "empty SQL statement");
    EXPECT_EQ(bad_input_detail([&] { db.query("DELETE FROM boundary"); }).rfind("SQL error: not allowed: `zoning sql` is read-only", 0), 0u);
    EXPECT_EQ(bad_input_detail([&] { db.query("VACUUM INTO 'x.gpkg'"); }).rfind("SQL error: not allowed", 0), 0u);
    EXPECT_EQ(db.query("SELECT count(*) FROM boundary").rows.at(0).at(0).text, "1");
}

TEST(Sqlite, OpeningNamesWhatIsWrong) {
    test::TempDir dir;
    EXPECT_EQ(bad_input_detail([&] { io::Sqlite db(dir / "missing.gpkg"); }), "store not found (run `zoning build` first)");
    test::write_file(dir / "text.gpkg", std::string(2048, 'x'));
    // SQLite reads a file's header only when a query needs it: then it says what is wrong.
    EXPECT_EQ(bad_input_detail([&] { io::Sqlite(dir / "text.gpkg").query("SELECT count(*) FROM boundary"); }),
              "SQL error: file is not a database");
}
