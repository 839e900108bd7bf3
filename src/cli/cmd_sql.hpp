// SPDX-License-Identifier: MIT
#pragma once
#include "cli/command.hpp"

namespace zoning::cli {

/// zoning sql [--store FILE] "SELECT ..." [--format table|csv|geojson]: SpatiaLite SQL over the store.
class SqlCommand : public Command {
public:
    const char* name() const override { return "sql"; }
    const char* description() const override {
        return "SpatiaLite SQL over the store (ST_Area, ST_Intersects, ST_Buffer, ...): aligned table, CSV or GeoJSON";
    }
    void setup(CLI::App& app) override;
    core::ExitCode run() override;

private:
    CommonOptions m_common;
    std::filesystem::path m_store = kDefaultStore;
    std::string m_sql, m_format = "table";
};

}  // namespace zoning::cli
