// SPDX-License-Identifier: MIT
#include "report/sql_render.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/dataset.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "geo/geos.hpp"
#include "geo/proj.hpp"

namespace zoning::report {

namespace {

using Kind = core::SqlCell::Kind;

std::string shown(const core::SqlCell& c) {
    if (c.kind == Kind::null) return "NULL";
    if (c.kind == Kind::geometry) return "<" + c.text.substr(0, c.text.find(' ')) + ">";
    if (c.kind == Kind::blob) return "<blob " + std::to_string(c.text.size() / 2) + " bytes>";
    return c.text;
}

}  // namespace

void write_sql_csv(std::ostream& out, const core::SqlResult& t) {
    for (std::size_t i = 0; i < t.columns.size(); ++i) out << (i ? "," : "") << core::csv_field(t.columns[i]);
    out << '\n';
    for (auto& row : t.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << core::csv_field(row[i].kind == Kind::null ? "" : row[i].text);
        out << '\n';
    }
}

void write_sql_geojson(std::ostream& out, const core::SqlResult& t, const std::string& work_crs) {
    // Property names are unique: a second "name" becomes "name_2" (then "name_3", ...).
    std::vector<std::string> keys;
    for (const auto& c : t.columns) {
        std::string key = c;
        for (int n = 2; std::find(keys.begin(), keys.end(), key) != keys.end(); ++n) key = c + "_" + std::to_string(n);
        keys.push_back(key);
    }
    for (const auto& k : keys)
        if (!core::valid_utf8(k)) throw core::bad_input(core::FeatureRef{"--format geojson", {}, {}, {}}, "a column name is not valid UTF-8");
    geo::GeosContext ctx;
    geo::ProjContext proj;
    geo::Transformer to_lonlat(proj, work_crs, "EPSG:4326");
    nlohmann::ordered_json fc = {{"type", "FeatureCollection"}, {"features", nlohmann::ordered_json::array()}};
    for (auto& row : t.rows) {
        nlohmann::ordered_json props = nlohmann::ordered_json::object(), geometry = nullptr;
        for (std::size_t i = 0; i < row.size(); ++i) {
            const auto& c = row[i];
            if (c.kind == Kind::geometry && geometry.is_null()) {
                geo::GeomPtr g = geo::from_wkb(ctx, c.wkb);
                bool aborted = false;
                geo::GeomPtr ll = geo::transform_xy(
                    ctx, g.get(), [&](double& x, double& y) { return to_lonlat.transform(x, y); }, aborted);
                if (ll) geometry = nlohmann::ordered_json::parse(geo::to_geojson(ctx, ll.get()));
                continue;
            }
            switch (c.kind) {
                case Kind::null:
                    props[keys[i]] = nullptr;
                    break;
                case Kind::integer:
                    props[keys[i]] = std::stoll(c.text);
                    break;
                case Kind::real:
                    props[keys[i]] = std::stod(c.text);
                    break;
                default:
                    if (!core::valid_utf8(c.text))
                        throw core::bad_input(core::FeatureRef{"--format geojson", {}, {}, {}},
                                              "row " + std::to_string(&row - t.rows.data() + 1) + ", column '" + keys[i] +
                                                  "': text is not valid UTF-8 (GeoJSON must be); select hex(" + t.columns[i] + ") instead");
                    props[keys[i]] = c.text;
            }
        }
        fc["features"].push_back({{"type", "Feature"}, {"properties", props}, {"geometry", geometry}});
    }
    out << fc.dump() << '\n';
}

void write_sql_table(std::ostream& out, const core::SqlResult& t) {
    const auto width_of = [](const std::string& s) { return core::display_width(s); };
    std::vector<std::size_t> width(t.columns.size());
    for (std::size_t i = 0; i < t.columns.size(); ++i) width[i] = width_of(t.columns[i]);
    for (auto& row : t.rows)
        for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], width_of(shown(row[i])));
    auto line = [&](const std::vector<std::string>& cells, const std::vector<bool>& right) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            std::string pad(width[i] - width_of(cells[i]), ' ');
            out << (i ? " | " : "") << (right[i] ? pad + cells[i] : cells[i] + (i + 1 < cells.size() ? pad : ""));
        }
        out << '\n';
    };
    line(t.columns, std::vector<bool>(t.columns.size(), false));
    for (std::size_t i = 0; i < t.columns.size(); ++i) out << (i ? "-+-" : "") << std::string(width[i], '-');
    out << '\n';
    for (auto& row : t.rows) {
        std::vector<std::string> cells;
        std::vector<bool> right;
        for (auto& c : row) {
            cells.push_back(shown(c));
            right.push_back(c.kind == Kind::integer || c.kind == Kind::real);
        }
        line(cells, right);
    }
    out << "(" << t.rows.size() << " row" << (t.rows.size() == 1 ? "" : "s") << ")\n";
}

}  // namespace zoning::report
