// SPDX-License-Identifier: MIT
#pragma once
#include "cli/command.hpp"

namespace zoning::cli {

/// zoning build [--data DIR] [--store FILE]: reads a district's layers, checks and
/// repairs them, writes the store atomically.
class BuildCommand : public Command {
public:
    const char* name() const override { return "build"; }
    const char* description() const override {
        return "Read a district's layers (any OGR source), transform to EPSG:4547, check, repair and write the store";
    }
    void setup(CLI::App& app) override;
    core::ExitCode run() override;

private:
    CommonOptions m_common;
    std::filesystem::path m_data;
    std::filesystem::path m_store = kDefaultStore;
};

}  // namespace zoning::cli
