// SPDX-License-Identifier: MIT
#include <iostream>

#include "analysis/rules/rule_kind.hpp"
#include "cli/command.hpp"
#include "core/catalog.hpp"
#include "io/file_util.hpp"
#include "io/store.hpp"

namespace zoning::cli {

void CommonOptions::add_to(CLI::App& app) {
    catalog_dir = core::Catalog::default_dir();
    app.add_option("--catalog", catalog_dir, "Layer catalog directory (default: the bundled layers/)");
    app.add_flag("-q,--quiet", quiet, "Print no warnings or progress on stderr");
    // Each worker holds its own copy of the frames: thousands would exhaust memory, not speed anything up.
    app.add_option("--threads", threads, "Worker threads, 1 to 256 (default: all cores, or $ZONING_THREADS)")->check(CLI::Range(1u, 256u));
}

std::vector<std::unique_ptr<Command>> make_commands() {
    std::vector<std::unique_ptr<Command>> r;
    r.push_back(make_build_command());
    r.push_back(make_validate_command());
    r.push_back(make_report_command());
    r.push_back(make_check_command());
    r.push_back(make_export_command());
    r.push_back(make_sql_command());
    r.push_back(make_diff_command());
    r.push_back(make_serve_command());
    return r;
}

std::filesystem::path default_data_dir() {
    std::filesystem::path local = "data/xinhua";
    if (std::filesystem::exists(local / "dataset.toml")) return local;
    return std::filesystem::path(ZONING_SOURCE_DIR) / "data" / "xinhua";
}

void PlanOptions::add_to(CLI::App& app, const std::string& store_help) {
    app.add_option("--store", store, store_help + " (default: " + kDefaultStore + ")");
    app.add_option("--rules", rules, "Rules file to use instead of the one in the store (try rules without a rebuild)");
}

PlanInputs PlanOptions::load(const CommonOptions& common) const {
    PlanInputs in;
    in.catalog = core::Catalog::load(common.catalog_dir);
    in.store = io::read_store(store, in.catalog, common.threads);
    in.catalog.apply_dataset_words(in.store.metadata);  // the dataset's titles, groups and colours (dataset.toml [titles], ...)
    if (auto it = in.store.files.find("targets.toml"); it != in.store.files.end())
        in.targets = core::parse_targets(it->second, store.string() + ":targets.toml");
    if (!rules.empty()) {
        in.rules = core::parse_rules(io::read_text_file(rules), rules.string());
        in.rules_origin = rules.string();
    } else if (auto it = in.store.files.find("rules.toml"); it != in.store.files.end()) {
        in.rules = core::parse_rules(it->second, store.string() + ":rules.toml");
        in.rules_origin = "store";
    } else {
        in.rules_origin = "store";
    }
    analysis::check_rules(in.rules);
    return in;
}

void PlanCommand::guard_plan_output(const std::filesystem::path& out, const std::string& option, std::vector<std::filesystem::path> more) const {
    more.push_back(m_plan.store);
    more.push_back(m_plan.rules);
    io::guard_output(out, more, option);
}

void log(bool quiet, const std::string& line) {
    if (!quiet) std::cerr << line << '\n';
}

}  // namespace zoning::cli
