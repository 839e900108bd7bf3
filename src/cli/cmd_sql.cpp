// SPDX-License-Identifier: MIT
#include "cli/cmd_sql.hpp"

#include <iostream>

#include <nlohmann/json.hpp>

#include "core/dataset.hpp"
#include "core/text.hpp"
#include "geo/geos.hpp"
#include "geo/proj.hpp"
#include "io/sqlite.hpp"

namespace zoning::cli {

void SqlCommand::setup(CLI::App& app) {
    m_common.add_to(app);
    app.add_option("--store", m_store, "Store to query (default: out/xinhua.gpkg)");
    app.add_option("query", m_sql, "One SQL statement, e.g. \"SELECT landuse, SUM(ST_Area(geom)) FROM parcels GROUP BY 1\"")->required();
    app.add_option("--format", m_format, "table (default), csv or geojson")->check(CLI::IsMember({"table", "csv", "geojson"}));
}

namespace {

std::string shown(const io::SqlCell& c) {
    if (c.kind == io::SqlCell::Kind::null) return "NULL";
    if (c.kind == io::SqlCell::Kind::geometry) {
        std::string head = c.text.substr(0, c.text.find(' '));
        return "<" + head + ">";
    }
    if (c.kind == io::SqlCell::Kind::blob) return "<blob " + std::to_string(c.text.size() / 2) + " bytes>";
    return c.text;
}

}  // namespace

core::ExitCode SqlCommand::run() {
    io::Sqlite db(m_store);
    io::SqlResult r = db.query(m_sql);
    if (m_format == "csv") {
        for (std::size_t i = 0; i < r.columns.size(); ++i) std::cout << (i ? "," : "") << core::csv_field(r.columns[i]);
        std::cout << '\n';
        for (auto& row : r.rows) {
            for (std::size_t i = 0; i < row.size(); ++i) std::cout << (i ? "," : "") << core::csv_field(row[i].kind == io::SqlCell::Kind::null ? "" : row[i].text);
            std::cout << '\n';
        }
    } else if (m_format == "geojson") {
        // RFC 7946: lon/lat. The first geometry column is the feature's geometry.
        geo::GeosContext ctx;
        geo::ProjContext proj;
        geo::Transformer to_lonlat(proj, core::kWorkCrs, "EPSG:4326");
        nlohmann::ordered_json fc = {{"type", "FeatureCollection"}, {"features", nlohmann::ordered_json::array()}};
        for (auto& row : r.rows) {
            nlohmann::ordered_json props = nlohmann::ordered_json::object(), geometry = nullptr;
            for (std::size_t i = 0; i < row.size(); ++i) {
                const auto& c = row[i];
                if (c.kind == io::SqlCell::Kind::geometry && geometry.is_null()) {
                    geo::GeomPtr g = geo::from_wkb(ctx, c.wkb);
                    bool aborted = false;
                    geo::GeomPtr ll = geo::transform_xy(ctx, g.get(), [&](double& x, double& y) { return to_lonlat.transform(x, y); }, aborted);
                    if (ll) geometry = nlohmann::ordered_json::parse(geo::to_geojson(ctx, ll.get()));
                    continue;
                }
                switch (c.kind) {
                    case io::SqlCell::Kind::null: props[r.columns[i]] = nullptr; break;
                    case io::SqlCell::Kind::integer: props[r.columns[i]] = std::stoll(c.text); break;
                    case io::SqlCell::Kind::real: props[r.columns[i]] = std::stod(c.text); break;
                    default: props[r.columns[i]] = c.text;
                }
            }
            fc["features"].push_back({{"type", "Feature"}, {"properties", props}, {"geometry", geometry}});
        }
        std::cout << fc.dump() << '\n';
    } else {
        std::vector<std::size_t> width(r.columns.size());
        for (std::size_t i = 0; i < r.columns.size(); ++i) width[i] = io::display_width(r.columns[i]);
        for (auto& row : r.rows)
            for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], io::display_width(shown(row[i])));
        auto line = [&](const std::vector<std::string>& cells, const std::vector<bool>& right) {
            for (std::size_t i = 0; i < cells.size(); ++i) {
                std::string pad(width[i] - io::display_width(cells[i]), ' ');
                std::cout << (i ? " | " : "") << (right[i] ? pad + cells[i] : cells[i] + (i + 1 < cells.size() ? pad : ""));
            }
            std::cout << '\n';
        };
        std::vector<bool> left(r.columns.size(), false);
        line(r.columns, left);
        for (std::size_t i = 0; i < r.columns.size(); ++i) std::cout << (i ? "-+-" : "") << std::string(width[i], '-');
        std::cout << '\n';
        for (auto& row : r.rows) {
            std::vector<std::string> cells;
            std::vector<bool> right;
            for (auto& c : row) {
                cells.push_back(shown(c));
                right.push_back(c.kind == io::SqlCell::Kind::integer || c.kind == io::SqlCell::Kind::real);
            }
            line(cells, right);
        }
        std::cout << "(" << r.rows.size() << " row" << (r.rows.size() == 1 ? "" : "s") << ")\n";
    }
    return core::ExitCode::ok;
}

}  // namespace zoning::cli
