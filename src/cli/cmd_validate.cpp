// SPDX-License-Identifier: MIT
#include "cli/cmd_validate.hpp"

#include <cstdio>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "analysis/validate.hpp"
#include "core/catalog.hpp"
#include "core/number_format.hpp"
#include "io/source_reader.hpp"
#include "io/store.hpp"

namespace zoning::cli {

void ValidateCommand::setup(CLI::App& app) {
    m_common.add_to(app);
    auto* store = app.add_option("--store", m_store, "Store to check (default: out/xinhua.gpkg if it exists)");
    auto* data = app.add_option("--data", m_data, "Dataset directory to check without building a store");
    store->excludes(data);
    app.add_option("--format", m_format, "Output format")->check(CLI::IsMember({"text", "json"}));
    app.add_option("--tolerance", m_tolerance, "Total gap / overlap area (m²) tolerated when zones tile the district")
        ->check(CLI::NonNegativeNumber);
}

namespace {

std::string amount(const core::LayerSummary& s, bool polygon) {
    char buf[64];
    if (polygon) std::snprintf(buf, sizeof buf, "%.3f km²", s.total_area_m2 / 1e6);
    else std::snprintf(buf, sizeof buf, "%.2f km", s.total_length_m / 1000.0);
    return buf;
}

nlohmann::json to_json(const core::ValidationReport& rep, const core::Dataset& d, const std::string& input) {
    nlohmann::json j;
    j["input"] = input;
    j["dataset"] = {{"name", d.metadata.count("name") ? d.metadata.at("name") : ""}, {"illustrative", d.illustrative()}};
    j["ok"] = rep.ok();
    for (auto& s : rep.layers) {
        nlohmann::json l = {{"layer", s.layer}, {"title_zh", s.title_zh}, {"count", s.count}, {"source_crs", s.crs},
                            {"repaired", s.repaired}, {"area_m2", s.total_area_m2}, {"length_m", s.total_length_m}};
        l["geometry_types"] = s.geometry_types;
        j["layers"].push_back(l);
    }
    j["tiling"] = {{"checked", rep.tiling.checked}, {"boundary_area_m2", rep.tiling.boundary_area_m2},
                   {"zones_area_m2", rep.tiling.zones_area_m2}, {"gap_area_m2", rep.tiling.gap_area_m2},
                   {"overlap_area_m2", rep.tiling.overlap_area_m2}};
    j["findings"] = nlohmann::json::array();
    for (auto& f : rep.findings) {
        nlohmann::json fj = {{"severity", core::to_string(f.severity)}, {"check", f.check}, {"file", f.where.file},
                             {"layer", f.where.layer}, {"id", f.where.id}, {"message", f.message},
                             {"area_m2", f.area_m2}, {"location", f.location}};
        fj["fid"] = f.where.fid ? nlohmann::json(*f.where.fid) : nlohmann::json(nullptr);
        j["findings"].push_back(fj);
    }
    return j;
}

}  // namespace

core::ExitCode ValidateCommand::run() {
    core::Catalog catalog = core::Catalog::load(m_common.catalog_dir);
    core::Dataset dataset;
    std::vector<core::Finding> read_findings;
    std::string input;
    if (m_store.empty() && m_data.empty()) {
        if (std::filesystem::exists(kDefaultStore)) m_store = kDefaultStore;
        else m_data = default_data_dir();
    }
    if (!m_store.empty()) {
        dataset = io::read_store(m_store, catalog);
        input = m_store.string();
    } else {
        core::DatasetConfig config = core::DatasetConfig::load(m_data);
        io::DatasetReadResult r = io::read_dataset(catalog, config, m_common.threads);
        dataset = std::move(r.dataset);
        read_findings = std::move(r.findings);
        input = config.file.string();
    }

    analysis::ValidationOptions opt;
    opt.tiling_tolerance_m2 = m_tolerance;
    opt.threads = m_common.threads;
    core::ValidationReport rep = analysis::validate(dataset, std::move(read_findings), opt);

    std::size_t errors = 0, warnings = 0;
    for (auto& f : rep.findings) {
        if (f.severity == core::Severity::error) ++errors;
        if (f.severity == core::Severity::warning) ++warnings;
    }

    if (m_format == "json") {
        std::cout << to_json(rep, dataset, input).dump(2) << '\n';
    } else {
        std::cout << "Validating " << input << "\n";
        if (auto it = dataset.metadata.find("name"); it != dataset.metadata.end())
            std::cout << "Dataset: " << it->second
                      << (dataset.illustrative() ? "  [illustrative: schematic geometry, illustrative statuses]" : "  [surveyed]")
                      << "\n";
        std::cout << "\n";
        char line[320];
        std::snprintf(line, sizeof line, "  %-20s %8s  %-12s %8s  %-14s %s\n", "layer", "features", "source CRS", "repaired",
                      "size", "geometry");
        std::cout << line;
        for (auto& s : rep.layers) {
            const core::LayerSpec* spec = catalog.find(s.layer);
            std::string types;
            for (auto& [t, n] : s.geometry_types) types += (types.empty() ? "" : ", ") + t + " " + std::to_string(n);
            std::snprintf(line, sizeof line, "  %-20s %8zu  %-12s %8zu  %-14s %s\n", s.layer.c_str(), s.count, s.crs.c_str(),
                          s.repaired, amount(s, spec && spec->geometry == core::GeomKind::polygon).c_str(), types.c_str());
            std::cout << line;
        }
        if (rep.tiling.checked) {
            std::snprintf(line, sizeof line,
                          "\nFunctional zones vs boundary: district %.3f km², zones %.3f km², gaps %.3f m², overlaps %.3f m²\n",
                          rep.tiling.boundary_area_m2 / 1e6, rep.tiling.zones_area_m2 / 1e6, rep.tiling.gap_area_m2,
                          rep.tiling.overlap_area_m2);
            std::cout << line;
        }
        std::cout << "\n" << errors << " error(s), " << warnings << " warning(s)\n";
        // Every finding up to a limit, then a count per kind; --format json lists them all.
        constexpr std::size_t kMaxLines = 100;
        std::size_t shown = 0;
        std::map<std::string, std::size_t> unshown;
        for (auto& f : rep.findings) {
            if (f.severity == core::Severity::info && f.check != "tiling") continue;
            if (++shown <= kMaxLines) std::cout << "  " << f.line() << '\n';
            else unshown[std::string(core::to_string(f.severity)) + " " + f.where.layer + ": " + f.check]++;
        }
        for (auto& [what, n] : unshown) std::cout << "  ... and " << n << " more " << what << " (see --format json)\n";
    }
    if (errors > 0) {
        std::cerr << "zoning validate: " << errors << " error(s) in " << input << '\n';
        return core::ExitCode::bad_input;
    }
    return core::ExitCode::ok;
}

}  // namespace zoning::cli
