// SPDX-License-Identifier: MIT
#pragma once
#include "cli/command.hpp"

namespace zoning::cli {

/// zoning check (--proposal FILE | --wkt WKT --crs EPSG:N) --landuse CODE [--name TEXT]
/// [--category TEXT] [--batch]: where a proposed project falls, what it triggers, a verdict.
class CheckCommand : public Command {
public:
    const char* name() const override { return "check"; }
    const char* description() const override {
        return "Check the siting of a proposed project against the plan: exit 0 pass, 1 needs review, 2 conflict";
    }
    void setup(CLI::App& app) override;
    void check_options() override;
    core::ExitCode run() override;

private:
    CommonOptions m_common;
    std::filesystem::path m_store = kDefaultStore;
    std::string m_proposal, m_layer, m_wkt, m_crs, m_landuse, m_name, m_category;
    std::string m_format = "text", m_lang = "zh";
    std::filesystem::path m_out, m_rules;
    bool m_batch = false;
    double m_review_distance = 100.0;
};

}  // namespace zoning::cli
