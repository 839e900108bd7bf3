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

#include "core/catalog.hpp"
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
// One per cmd_<name>.cpp, where the command's class lives.
std::unique_ptr<Command> make_build_command();
std::unique_ptr<Command> make_validate_command();
std::unique_ptr<Command> make_report_command();
std::unique_ptr<Command> make_check_command();
std::unique_ptr<Command> make_export_command();
std::unique_ptr<Command> make_sql_command();
std::unique_ptr<Command> make_diff_command();
std::unique_ptr<Command> make_serve_command();

/// `data/xinhua` relative to the working directory, else the bundled copy.
std::filesystem::path default_data_dir();
inline const char* kDefaultStore = "out/xinhua.gpkg";

/// What report, check and export work from: the catalog, the store, the plan's targets and
/// the rules (the store's, or those of --rules).
struct PlanInputs {
    core::Catalog catalog;
    core::Dataset store;
    std::vector<core::Target> targets;
    std::vector<core::Rule> rules;
    std::string rules_origin;  ///< "store" or the --rules path
};

/// --store and --rules, for the commands that read a store's plan.
struct PlanOptions {
    std::filesystem::path store = kDefaultStore;
    std::filesystem::path rules;  ///< empty: the store's rules.toml
    void add_to(CLI::App& app, const std::string& store_help);
    /// Reads everything and checks each rule's kind and keys before any geometry is touched,
    /// so a bad --rules file fails in a moment, not after the overlay.
    PlanInputs load(const CommonOptions& common) const;
};

/// A command that works from a store's plan (report, check, export).
class PlanCommand : public Command {
protected:
    /// The common options, then --store (described by `store_help`) and --rules.
    void add_plan_options(CLI::App& app, const std::string& store_help) {
        m_common.add_to(app);
        m_plan.add_to(app, store_help);
    }
    PlanInputs load_plan() const { return m_plan.load(m_common); }
    /// io::guard_output for `out` against the store, the --rules file and `more` inputs:
    /// called before anything is read, so an output never replaces an input.
    void guard_plan_output(const std::filesystem::path& out, const std::string& option,
                           std::vector<std::filesystem::path> more = {}) const;

    CommonOptions m_common;
    PlanOptions m_plan;
};

/// Warnings and progress go to stderr through here; `--quiet` silences them.
void log(bool quiet, const std::string& line);

}  // namespace zoning::cli
