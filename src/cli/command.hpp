// SPDX-License-Identifier: MIT
#pragma once
// One class per subcommand. setup() declares options and must not open files;
// check_options() rejects option combinations, still without I/O, so a usage error is
// reported as such and never hidden behind a missing store; run() does the work and
// returns the exit code. Errors are thrown as core::Error
// and caught once, in main.cpp.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/dataset.hpp"
#include "core/error.hpp"
#include "core/plan_rules.hpp"

namespace zoning::cli {

class Command {
public:
    virtual ~Command() = default;
    virtual const char* name() const = 0;
    virtual const char* description() const = 0;
    virtual void setup(CLI::App& app) = 0;
    /// Throws core::Error(bad_input) for options that do not go together. No I/O.
    virtual void check_options() {}
    virtual core::ExitCode run() = 0;
};

/// Options most commands share.
struct CommonOptions {
    std::filesystem::path catalog_dir;
    bool quiet = false;
    unsigned threads = 0;
    void add_to(CLI::App& app);
};

/// The registry, in the order `zoning --help` lists them.
std::vector<std::unique_ptr<Command>> make_commands();

/// `data/xinhua` relative to the working directory, else the bundled copy.
std::filesystem::path default_data_dir();
inline const char* kDefaultStore = "out/xinhua.gpkg";

/// The targets a store carries (its targets.toml), none if it has none.
std::vector<core::Target> store_targets(const core::Dataset& store, const std::filesystem::path& store_path);
/// The rules of `override_file` when given (try rules without a rebuild), else the store's rules.toml.
std::vector<core::Rule> plan_rules(const core::Dataset& store, const std::filesystem::path& store_path,
                                   const std::filesystem::path& override_file);

/// Warnings and progress go to stderr through here; `--quiet` silences them.
void log(bool quiet, const std::string& line);

}  // namespace zoning::cli
