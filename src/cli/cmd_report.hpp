// SPDX-License-Identifier: MIT
#pragma once
#include "cli/command.hpp"

namespace zoning::cli {

/// zoning report [--store FILE] [--format html|md|json|csv] [--out PATH] [--lang zh|en]
///               [--rules FILE] [--zone NAME]: coverage, progress against the plan's
/// targets, and conflicts.
class ReportCommand : public Command {
public:
    const char* name() const override { return "report"; }
    const char* description() const override {
        return "The planner's report: coverage of zones, areas, belts, cores and corridors; progress against the plan's targets; conflicts";
    }
    void setup(CLI::App& app) override;
    void check_options() override;
    core::ExitCode run() override;

private:
    CommonOptions m_common;
    std::filesystem::path m_store = kDefaultStore;
    std::string m_format = "html";
    std::filesystem::path m_out;
    std::string m_lang = "zh";
    std::filesystem::path m_rules;
    std::string m_zone;
};

}  // namespace zoning::cli
