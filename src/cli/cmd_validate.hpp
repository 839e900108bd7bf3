// SPDX-License-Identifier: MIT
#pragma once
#include "cli/command.hpp"

namespace zoning::cli {

/// zoning validate [--store FILE | --data DIR]: per-layer summary and the planner's
/// checks (zones tile the district, everything inside it, unique ids).
class ValidateCommand : public Command {
public:
    const char* name() const override { return "validate"; }
    const char* description() const override {
        return "Check a store or a dataset: counts, CRS, geometry, repairs, schema, zone tiling, containment, ids";
    }
    void setup(CLI::App& app) override;
    core::ExitCode run() override;

private:
    CommonOptions m_common;
    std::filesystem::path m_data;
    std::filesystem::path m_store;
    std::string m_format = "text";
    double m_tolerance = 1.0;
};

}  // namespace zoning::cli
