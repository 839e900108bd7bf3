// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <thread>

#include <sqlite3.h>

#include "core/error.hpp"
#include "io/gdal.hpp"
#include "io/source_reader.hpp"
#include "io/store.hpp"
#include "support.hpp"

using namespace zoning;

namespace {
const core::Catalog& catalog() {
    static core::Catalog c = core::Catalog::load(test::source_dir() / "layers");
    return c;
}
core::Dataset mini() {
    io::DatasetReadResult r = io::read_dataset(catalog(), core::DatasetConfig::load(test::fixture("mini")));
    return std::move(r.dataset);
}
}  // namespace

TEST(Store, RoundTripKeepsFeaturesValuesAndMetadata) {
    test::TempDir dir;
    core::Dataset d = mini();
    io::write_store(dir / "s.gpkg", d, catalog());
    core::Dataset back = io::read_store(dir / "s.gpkg", catalog());
    ASSERT_EQ(back.layers.size(), d.layers.size());
    const core::Layer* projects = back.find("projects");
    ASSERT_NE(projects, nullptr);
    ASSERT_EQ(projects->features.size(), 8u);
    EXPECT_EQ(projects->text(projects->features[0], "name"), "测试项目");
    EXPECT_EQ(projects->text(projects->features[0], "completion_year"), "2023");
    EXPECT_EQ(projects->text(projects->features[0], "built_floor_m2"), "80000");
    EXPECT_EQ(back.metadata.at("name"), "测试区");
    EXPECT_EQ(back.metadata.at("certainty"), "illustrative");
    EXPECT_TRUE(back.files.count("dataset.toml"));
    EXPECT_TRUE(back.files.count("targets.toml"));
    EXPECT_TRUE(back.files.count("rules.toml"));
    EXPECT_EQ(back.find("parcels")->features[2].wkb, d.find("parcels")->features[2].wkb);
}

namespace {
/// A store whose parcels are many enough to be read in FID ranges (65,536 rows a range): copies of
/// the mini fixture's first parcel with ids P0, P1, ... and FIDs 1, 4, 7, ... (gaps, so ranges differ in rows).
std::filesystem::path big_store(const test::TempDir& dir, std::size_t n) {
    core::Dataset d = mini();
    core::Layer* parcels = d.find("parcels");
    const core::Feature model = parcels->features[0];
    parcels->features.clear();
    for (std::size_t i = 0; i < n; ++i) {
        core::Feature f = model;
        f.fid = static_cast<std::int64_t>(3 * i + 1);
        f.values[0] = "P" + std::to_string(i);
        parcels->features.push_back(std::move(f));
    }
    io::write_store(dir / "big.gpkg", d, catalog());
    return dir / "big.gpkg";
}
}  // namespace

TEST(Store, ABigLayerReadsTheSameInFidOrderOnAnyThreadCount) {
    test::TempDir dir;
    const auto path = big_store(dir, 150000);
    const core::Dataset one = io::read_store(path, catalog(), 1);
    const auto& a = one.find("parcels")->features;
    ASSERT_EQ(a.size(), 150000u);
    for (std::size_t i = 0; i < a.size(); i += 7919) {
        EXPECT_EQ(a[i].fid, static_cast<std::int64_t>(3 * i + 1));
        EXPECT_EQ(one.find("parcels")->id_of(a[i]), "P" + std::to_string(i));
    }
    for (unsigned threads : {2u, 3u, 8u}) {
        const core::Dataset many = io::read_store(path, catalog(), threads);
        const auto& b = many.find("parcels")->features;
        ASSERT_EQ(b.size(), a.size()) << threads;
        std::size_t differ = 0;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (b[i].fid != a[i].fid || b[i].values != a[i].values || b[i].wkb != a[i].wkb) ++differ;
        EXPECT_EQ(differ, 0u) << threads << " threads";
        EXPECT_EQ(many.find("projects")->features.size(), one.find("projects")->features.size());
    }
}

TEST(Store, ABadGeometryInABigLayerIsTheLowestFidsWhateverTheThreadCount) {
    test::TempDir dir;
    const auto path = big_store(dir, 150000);
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ASSERT_TRUE(ds);
        // Two rows of no geometry, in the first and the last third of the FIDs.
        ds->ExecuteSQL("UPDATE parcels SET geom = X'00' WHERE fid IN (60001, 420001)", nullptr, nullptr);
    }
    for (unsigned threads : {1u, 3u}) {
        try {
            io::read_store(path, catalog(), threads);
            FAIL() << "read a store with broken geometry on " << threads << " threads";
        } catch (const core::Error& e) {
            EXPECT_EQ(e.code(), core::ExitCode::bad_input);
            const std::string what = e.what();
            EXPECT_NE(what.find("fid 60001"), std::string::npos) << what;
            EXPECT_NE(what.find("feature has no geometry"), std::string::npos) << what;
        }
    }
}

TEST(Store, FailedWriteLeavesTheOldStoreByteIdentical) {
    test::TempDir dir;
    core::Dataset d = mini();
    io::write_store(dir / "s.gpkg", d, catalog());
    std::string before = test::read_file(dir / "s.gpkg");
    core::Dataset broken = mini();
    broken.find("parcels")->features[1].wkb = "not wkb";
    EXPECT_THROW(io::write_store(dir / "s.gpkg", broken, catalog()), core::Error);
    EXPECT_EQ(test::read_file(dir / "s.gpkg"), before);
    for (auto& e : std::filesystem::directory_iterator(dir.path()))
        EXPECT_EQ(e.path().filename(), "s.gpkg") << "left behind: " << e.path();
}

TEST(Store, KilledBuildLeavesTheOldStoreByteIdentical) {
    test::TempDir dir;
    io::write_store(dir / "s.gpkg", mini(), catalog());
    std::string before = test::read_file(dir / "s.gpkg");

    // A big dataset so the write is still running when it is killed.
    core::Dataset big = mini();
    core::Layer& parcels = *big.find("parcels");
    auto proto = parcels.features[0];
    parcels.features.clear();
    for (int i = 0; i < 300000; ++i) {
        proto.fid = i + 1;
        proto.values[0] = std::string("P") + std::to_string(i);
        parcels.features.push_back(proto);
    }
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        try {
            io::write_store(dir / "s.gpkg", big, catalog());
        } catch (...) {
        }
        _exit(0);
    }
    // Kill it once its temporary file is being written.
    bool saw_temp = false;
    for (int i = 0; i < 2000 && !saw_temp; ++i) {
        for (auto& e : std::filesystem::directory_iterator(dir.path()))
            if (e.path().filename().string().find(".tmp-") != std::string::npos) saw_temp = true;
        if (!saw_temp) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(saw_temp);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the write finished before it was killed; make the dataset bigger";
    EXPECT_EQ(test::read_file(dir / "s.gpkg"), before);
    // The next build clears the dead process's temporary file.
    io::write_store(dir / "s.gpkg", mini(), catalog());
    for (auto& e : std::filesystem::directory_iterator(dir.path()))
        EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
}

TEST(Store, CorruptOrTruncatedOrForeignStoreIsBadInput) {
    test::TempDir dir;
    io::write_store(dir / "good.gpkg", mini(), catalog());
    std::string bytes = test::read_file(dir / "good.gpkg");
    test::write_file(dir / "truncated.gpkg", bytes.substr(0, bytes.size() / 3));
    test::write_file(dir / "garbage.gpkg", "SQLite format 3\0garbage garbage garbage");
    for (const char* name : {"truncated.gpkg", "garbage.gpkg", "absent.gpkg"}) {
        try {
            io::read_store(dir / name, catalog());
            ADD_FAILURE() << name << " was read without error";
        } catch (const core::Error& e) {
            EXPECT_EQ(e.code(), core::ExitCode::bad_input) << e.what();
            EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << e.what();
        }
    }
}

TEST(Store, UnwritablePathIsAnOutputError) {
    try {
        io::write_store("/dev/null/sub/s.gpkg", mini(), catalog());
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::output);
        EXPECT_NE(std::string(e.what()).find("/dev/null/sub/s.gpkg"), std::string::npos) << e.what();
    }
}

TEST(Store, RecordsTheWorkCrsAndEachLayersSourceCrs) {
    test::TempDir dir;
    io::DatasetReadResult r =
        io::read_dataset(catalog(), core::DatasetConfig::load(test::source_dir() / "tests/fixtures/crs-utm32"));
    EXPECT_EQ(r.dataset.work_crs_name(), "EPSG:32632");
    io::write_store(dir / "s.gpkg", r.dataset, catalog());
    core::Dataset back = io::read_store(dir / "s.gpkg", catalog());
    EXPECT_EQ(back.work_crs_name(), "EPSG:32632");
    EXPECT_NE(back.work_crs().find("ID[\"EPSG\",32632]"), std::string::npos);  // the WKT2 the store records
    EXPECT_EQ(back.meta("area"), "planar");
    EXPECT_EQ(back.find("boundary")->source_crs, "EPSG:25832");  // read from, not stored in
    EXPECT_EQ(back.find("functional_zones")->source_crs, "EPSG:25832");
    GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "s.gpkg").c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    EXPECT_STREQ(ds->GetLayerByName("boundary")->GetSpatialRef()->GetAuthorityCode(nullptr), "32632");
}

TEST(Store, ALayerInAnotherCrsThanTheStoreRecordsIsRefused) {
    test::TempDir dir;
    core::Dataset d = mini();
    io::write_store(dir / "s.gpkg", d, catalog());
    // The metadata says another CRS than the layers carry: neither is to be believed.
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "s.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ASSERT_TRUE(ds);
        ds->ExecuteSQL("UPDATE zoning_metadata SET value = 'EPSG:4549' WHERE key = 'crs'", nullptr, nullptr);
        ds->ExecuteSQL("DELETE FROM zoning_metadata WHERE key = 'crs_wkt'", nullptr, nullptr);
    }
    try {
        io::read_store(dir / "s.gpkg", catalog());
        FAIL() << "read a store whose layers are not in the CRS it records";
    } catch (const core::Error& e) {
        EXPECT_NE(std::string(e.what()).find("not the work CRS EPSG:4549 the store records"), std::string::npos) << e.what();
    }
}

namespace {
/// Every table's rows as text, by table name (gpkg_contents without last_change, the metadata
/// without built_at), ordered by their first column.
std::map<std::string, std::string> table_rows(const std::filesystem::path& gpkg) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(gpkg.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    std::vector<std::string> tables;
    auto collect = [](void* out, int, char** values, char**) {
        static_cast<std::vector<std::string>*>(out)->push_back(values[0]);
        return 0;
    };
    sqlite3_exec(db, "SELECT name FROM sqlite_master WHERE type = 'table'", collect, &tables, nullptr);
    std::map<std::string, std::string> rows;
    for (const auto& t : tables) {
        std::string sql = "SELECT * FROM \"" + t + "\" ORDER BY 1";
        if (t == "gpkg_contents") sql = "SELECT table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents ORDER BY 1";
        if (t == "zoning_metadata") sql = "SELECT key, value FROM zoning_metadata WHERE key <> 'built_at' ORDER BY 1";
        sqlite3_stmt* st = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sql;
        std::string& text = rows[t];
        while (sqlite3_step(st) == SQLITE_ROW)
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                const auto* v = static_cast<const char*>(sqlite3_column_blob(st, c));
                text.append(v ? v : "NULL", static_cast<std::size_t>(sqlite3_column_bytes(st, c)));
                text += '\x1f';
            }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return rows;
}
}  // namespace

// zoning build's store, written while the layers are read, holds the rows write_store writes
// from the whole dataset, R-trees included; the dataset keeps each feature's fid only.
TEST(Store, StreamedWhileReadingHoldsTheRowsWriteStoreWrites) {
    test::TempDir dir;
    const core::DatasetConfig config = core::DatasetConfig::load(test::fixture("mini"));
    io::write_store(dir / "whole.gpkg", mini(), catalog());
    for (unsigned threads : {1u, 2u}) {
        const std::filesystem::path streamed = dir / ("streamed-" + std::to_string(threads) + ".gpkg");
        io::StoreStream stream(streamed, catalog());
        io::DatasetReadResult r = io::read_dataset(catalog(), config, threads, &stream);
        const core::Layer* parcels = r.dataset.find("parcels");
        ASSERT_NE(parcels, nullptr);
        ASSERT_FALSE(parcels->features.empty());
        const core::Dataset held = mini();
        const core::Layer& all = *held.find("parcels");
        ASSERT_EQ(parcels->features.size(), all.features.size());
        for (std::size_t i = 0; i < all.features.size(); ++i) {
            EXPECT_TRUE(parcels->features[i].wkb.empty() && parcels->features[i].values.empty());  // in the store, not kept twice
            EXPECT_EQ(parcels->features[i].fid, all.features[i].fid);
        }
        stream.commit(r.dataset);
        const auto whole = table_rows(dir / "whole.gpkg"), got = table_rows(streamed);
        ASSERT_EQ(got.size(), whole.size());
        for (const auto& [table, rows] : whole) EXPECT_EQ(got.at(table), rows) << table << " at " << threads << " thread(s)";
    }
}

TEST(Store, StreamNeverCommittedLeavesTheOldStoreAndNoTemporary) {
    test::TempDir dir;
    io::write_store(dir / "s.gpkg", mini(), catalog());
    const std::string before = test::read_file(dir / "s.gpkg");
    {
        io::StoreStream stream(dir / "s.gpkg", catalog());
        io::DatasetReadResult r = io::read_dataset(catalog(), core::DatasetConfig::load(test::fixture("mini")), 2, &stream);
        // a build with errors returns here, without commit()
    }
    EXPECT_EQ(test::read_file(dir / "s.gpkg"), before);
    for (auto& e : std::filesystem::directory_iterator(dir.path())) EXPECT_EQ(e.path().filename(), "s.gpkg") << "left behind: " << e.path();
}
