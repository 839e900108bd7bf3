// SPDX-License-Identifier: MIT
#pragma once
#include "cli/command.hpp"

namespace zoning::cli {

/// zoning export [--store FILE] (--qgis DIR | --format gpkg|shp|geojson --out DIR)
///               [--encoding UTF-8|GBK] [--force]: every layer, and the analysis, for GIS staff.
class ExportCommand : public Command {
public:
    const char* name() const override { return "export"; }
    const char* description() const override {
        return "Export every layer and the analysis: a styled GeoPackage + .qgs project for QGIS, or GeoPackage, Shapefile (UTF-8/GBK), GeoJSON";
    }
    void setup(CLI::App& app) override;
    void check_options() override;
    core::ExitCode run() override;

private:
    CommonOptions m_common;
    std::filesystem::path m_store = kDefaultStore;
    std::filesystem::path m_qgis, m_out, m_rules;
    std::string m_format, m_encoding = "UTF-8";
    bool m_force = false;
};

}  // namespace zoning::cli
