// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <unistd.h>

#include "core/error.hpp"
#include "io/file_util.hpp"
#include "support.hpp"

using namespace zoning;

namespace {
std::size_t entries(const std::filesystem::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] auto& e : std::filesystem::directory_iterator(dir)) ++n;
    return n;
}
}  // namespace

TEST(AtomicFile, CommitReplacesTheTargetAndLeavesNoTemporary) {
    test::TempDir dir;
    test::write_file(dir / "a.txt", "old");
    {
        io::AtomicFile f(dir / "a.txt");
        EXPECT_EQ(f.temp_path().parent_path(), dir.path());
        test::write_file(f.temp_path(), "new");
        EXPECT_EQ(test::read_file(dir / "a.txt"), "old");  // not before commit
        f.commit();
    }
    EXPECT_EQ(test::read_file(dir / "a.txt"), "new");
    EXPECT_EQ(entries(dir.path()), 1u);
}

TEST(AtomicFile, LeavingWithoutCommitKeepsTheOldFile) {
    test::TempDir dir;
    test::write_file(dir / "a.txt", "old");
    std::filesystem::path temp;
    {
        io::AtomicFile f(dir / "a.txt");
        temp = f.temp_path();
        test::write_file(temp, "half");
        test::write_file(temp.string() + "-journal", "j");
    }
    EXPECT_EQ(test::read_file(dir / "a.txt"), "old");
    EXPECT_FALSE(std::filesystem::exists(temp));
    EXPECT_FALSE(std::filesystem::exists(temp.string() + "-journal"));
}

TEST(AtomicFile, ClearsTemporariesOfDeadProcessesOnly) {
    test::TempDir dir;
    // pid 2^22+1 is above Linux's pid_max default: never alive. Our own pid is alive.
    const auto dead = dir / ".a.txt.tmp-4194305";
    const auto alive = dir / (".a.txt.tmp-" + std::to_string(::getppid()));
    const auto other_file = dir / ".b.txt.tmp-4194305";
    test::write_file(dead, "x");
    test::write_file(alive, "y");
    test::write_file(other_file, "z");
    io::AtomicFile f(dir / "a.txt");
    EXPECT_FALSE(std::filesystem::exists(dead));
    EXPECT_TRUE(std::filesystem::exists(alive));       // a build still running (our parent): its file
    EXPECT_TRUE(std::filesystem::exists(other_file));  // another target's temporary: not this one's to clear
}

TEST(AtomicFile, CreatesTheFolderAndSaysWhenItCannot) {
    test::TempDir dir;
    io::write_text_atomically(dir / "new" / "deep" / "t.txt", "text");
    EXPECT_EQ(io::read_text_file(dir / "new" / "deep" / "t.txt"), "text");
    test::write_file(dir / "file", "x");
    try {
        io::AtomicFile f(dir / "file" / "t.txt");  // a file where the folder should be
        ADD_FAILURE() << "expected an output error";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::output);
        EXPECT_EQ(e.where().file, (dir / "file" / "t.txt").string());
        EXPECT_EQ(e.detail().rfind("cannot create directory " + (dir / "file").string() + ": ", 0), 0u) << e.what();
    }
}

TEST(AtomicDir, CommitSwapsTheFolderInWhole) {
    test::TempDir dir;
    test::write_file(dir / "out" / "old.txt", "old");
    {
        io::AtomicDir d(dir / "out", /*force=*/true);
        test::write_file(d.temp() / "new.txt", "new");
        EXPECT_TRUE(std::filesystem::exists(dir / "out" / "old.txt"));
        d.commit();
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "out" / "old.txt"));
    EXPECT_EQ(test::read_file(dir / "out" / "new.txt"), "new");
    EXPECT_EQ(entries(dir.path()), 1u);  // neither the temporary nor the old folder is left
}

TEST(AtomicDir, FailureLeavesTheOldFolderAndNoTemporary) {
    test::TempDir dir;
    test::write_file(dir / "out" / "old.txt", "old");
    {
        io::AtomicDir d(dir / "out", true);
        test::write_file(d.temp() / "half.txt", "half");
    }
    EXPECT_EQ(test::read_file(dir / "out" / "old.txt"), "old");
    EXPECT_EQ(entries(dir.path()), 1u);
}

TEST(AtomicDir, RefusesANonEmptyFolderWithoutForceAndAFile) {
    test::TempDir dir;
    test::write_file(dir / "out" / "x.txt", "x");
    test::write_file(dir / "file", "x");
    auto detail = [](const std::filesystem::path& p) {
        try {
            io::AtomicDir d(p, false);
        } catch (const core::Error& e) {
            EXPECT_EQ(e.code(), core::ExitCode::bad_input);
            return e.detail();
        }
        return std::string("accepted");
    };
    EXPECT_EQ(detail(dir / "out"), "folder exists and is not empty; add --force to replace it");
    EXPECT_EQ(detail(dir / "file"), "exists and is not a folder");
    EXPECT_EQ(detail(dir / "fresh"), "accepted");
    std::filesystem::create_directories(dir / "empty");
    EXPECT_EQ(detail(dir / "empty"), "accepted");  // an empty folder needs no --force
}

TEST(TextFile, ReadWhatWasWrittenAndNameAMissingFile) {
    test::TempDir dir;
    io::write_text_atomically(dir / "t.toml", "a = 1\n新 = \"华\"\n");
    EXPECT_EQ(io::read_text_file(dir / "t.toml"), "a = 1\n新 = \"华\"\n");
    try {
        io::read_text_file(dir / "missing.toml");
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::bad_input);
        EXPECT_EQ(std::string(e.what()), (dir / "missing.toml").string() + ": cannot read file");
    }
}
