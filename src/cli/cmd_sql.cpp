// SPDX-License-Identifier: MIT
#include "cli/command.hpp"

#include <iostream>

#include "io/sqlite.hpp"
#include "report/sql_render.hpp"

namespace zoning::cli {

namespace {

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
    io::SqlLimits m_limits;
};

}  // namespace

void SqlCommand::setup(CLI::App& app) {
    m_common.add_to(app);
    app.add_option("--store", m_store, "Store to query (default: out/xinhua.gpkg)");
    app.add_option("query", m_sql, "One SQL statement, e.g. \"SELECT landuse, SUM(ST_Area(geom)) FROM parcels GROUP BY 1\"")->required();
    app.add_option("--format", m_format, "table (default), csv or geojson")->check(CLI::IsMember({"table", "csv", "geojson"}));
    app.add_option("--max-rows", m_limits.max_rows, "Stop with an error after this many rows (default 1000000)")->check(CLI::PositiveNumber);
    app.add_option("--timeout", m_limits.max_seconds, "Stop with an error after this many seconds (default 60)")
        ->check(CLI::Range(0.001, 86400.0));
}

core::ExitCode SqlCommand::run() {
    io::Sqlite db(m_store);
    const core::SqlResult t = db.query(m_sql, m_limits);
    if (m_format == "csv")
        report::write_sql_csv(std::cout, t);
    else if (m_format == "geojson")
        report::write_sql_geojson(std::cout, t, db.work_crs());
    else
        report::write_sql_table(std::cout, t);
    return core::ExitCode::ok;
}

std::unique_ptr<Command> make_sql_command() { return std::make_unique<SqlCommand>(); }

}  // namespace zoning::cli
