// SPDX-License-Identifier: MIT
#include <iostream>

#include "cli/cmd_build.hpp"
#include "cli/cmd_check.hpp"
#include "cli/cmd_export.hpp"
#include "cli/cmd_sql.hpp"
#include "cli/cmd_report.hpp"
#include "cli/cmd_validate.hpp"
#include "cli/command.hpp"
#include "core/catalog.hpp"
#include "io/file_util.hpp"

namespace zoning::cli {

void CommonOptions::add_to(CLI::App& app) {
    catalog_dir = core::Catalog::default_dir();
    app.add_option("--catalog", catalog_dir, "Layer catalog directory (default: the bundled layers/)");
    app.add_flag("-q,--quiet", quiet, "Print no warnings or progress on stderr");
    app.add_option("--threads", threads, "Worker threads (default: all cores, or $ZONING_THREADS)");
}

std::vector<std::unique_ptr<Command>> make_commands() {
    std::vector<std::unique_ptr<Command>> r;
    r.push_back(std::make_unique<BuildCommand>());
    r.push_back(std::make_unique<ValidateCommand>());
    r.push_back(std::make_unique<ReportCommand>());
    r.push_back(std::make_unique<CheckCommand>());
    r.push_back(std::make_unique<ExportCommand>());
    r.push_back(std::make_unique<SqlCommand>());
    return r;
}

std::filesystem::path default_data_dir() {
    std::filesystem::path local = "data/xinhua";
    if (std::filesystem::exists(local / "dataset.toml")) return local;
    return std::filesystem::path(ZONING_SOURCE_DIR) / "data" / "xinhua";
}

std::vector<core::Target> store_targets(const core::Dataset& store, const std::filesystem::path& store_path) {
    auto it = store.files.find("targets.toml");
    if (it == store.files.end()) return {};
    return core::parse_targets(it->second, store_path.string() + ":targets.toml");
}

std::vector<core::Rule> plan_rules(const core::Dataset& store, const std::filesystem::path& store_path,
                                   const std::filesystem::path& override_file) {
    if (!override_file.empty()) return core::parse_rules(io::read_text_file(override_file), override_file.string());
    auto it = store.files.find("rules.toml");
    if (it == store.files.end()) return {};
    return core::parse_rules(it->second, store_path.string() + ":rules.toml");
}

void log(bool quiet, const std::string& line) {
    if (!quiet) std::cerr << line << '\n';
}

}  // namespace zoning::cli
