// SPDX-License-Identifier: MIT
#include "cli/command.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>

#include "analysis/plan_review.hpp"
#include "core/catalog.hpp"
#include "core/number_format.hpp"
#include "core/plan_rules.hpp"
#include "io/file_util.hpp"
#include "io/source_reader.hpp"
#include "io/store.hpp"

namespace zoning::cli {

namespace {

/// zoning build [--data DIR] [--store FILE]: reads a district's layers, checks and
/// repairs them, writes the store atomically.
class BuildCommand : public Command {
public:
    const char* name() const override { return "build"; }
    const char* description() const override {
        return "Read a district's layers (any OGR source), transform to the work CRS (docs/crs.md), check, repair and write the store";
    }
    void setup(CLI::App& app) override;
    core::ExitCode run() override;

private:
    CommonOptions m_common;
    std::filesystem::path m_data;
    std::filesystem::path m_store = kDefaultStore;
    std::string m_crs;  // --crs: the work CRS, over [dataset] crs
};


}  // namespace

void BuildCommand::setup(CLI::App& app) {
    m_common.add_to(app);
    m_data = default_data_dir();
    app.add_option("--data", m_data, "Dataset directory holding dataset.toml (default: data/xinhua)");
    app.add_option("--store", m_store, "Store to write, a GeoPackage (default: out/xinhua.gpkg)");
    app.add_option("--crs", m_crs,
                   "Work CRS of the store, projected, e.g. EPSG:4549 (overrides [dataset] crs; default: chosen from the boundary, docs/crs.md)");
}

core::ExitCode BuildCommand::run() {
    const auto t0 = std::chrono::steady_clock::now();
    core::Catalog catalog = core::Catalog::load(m_common.catalog_dir);
    core::DatasetConfig config = core::DatasetConfig::load(m_data);
    catalog.apply_dataset_words(config.report_metadata());  // the store's tables titled as the plan names them ([titles])
    if (!m_crs.empty()) {
        config.crs = m_crs;
        config.crs_option = "--crs";
    }
    // The store never replaces what it is built from.
    std::vector<std::filesystem::path> inputs{config.file, m_common.catalog_dir};
    for (const auto& l : config.layers) inputs.push_back(config.dir() / l.source);  // a connection string names no file: skipped
    for (const auto& name : config.attached_files) inputs.push_back(config.dir() / name);
    io::guard_output(m_store, inputs, "--store");
    // The store is written while the layers are read (its rows as the workers finish them),
    // into a temporary that only commit() puts in place.
    io::StoreStream store(m_store, catalog);
    io::DatasetReadResult read = io::read_dataset(catalog, config, m_common.threads, &store);
    const auto t_read = std::chrono::steady_clock::now();

    // Every error line up to a limit, then a count per kind: a wholly wrong layer
    // should not bury the first lines under a million more of the same.
    constexpr std::size_t kMaxLines = 50;
    std::size_t errors = 0;
    std::map<std::string, std::size_t> unshown;
    for (const auto& f : read.findings) {
        if (f.severity == core::Severity::error) {
            if (++errors <= kMaxLines) std::cerr << "zoning build: " << f.line() << '\n';
            else unshown[f.where.layer + ": " + f.check]++;
        } else if (f.severity == core::Severity::warning) {
            log(m_common.quiet, "zoning build: " + f.line());
        }
    }
    for (const auto& [what, n] : unshown) std::cerr << "zoning build: ... and " << n << " more error(s) of " << what << '\n';
    if (errors > 0) {
        std::cerr << "zoning build: " << errors << " error(s); nothing written, " << m_store.string()
                  << (std::filesystem::exists(m_store) ? " is unchanged" : " was not created") << '\n';
        return core::ExitCode::bad_input;
    }

    analysis::check_plan_files(read.dataset, catalog, config.dir());
    store.commit(read.dataset);
    if (std::getenv("ZONING_TIMING")) {
        auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
        std::cerr << "zoning build: timing: read, check and store the features " << ms(t0, t_read) << " ms, finish the store "
                  << ms(t_read, std::chrono::steady_clock::now()) << " ms\n";
    }

    std::cout << "Built " << m_store.string() << " from " << config.file.string() << " (" << config.name << ", "
              << (config.certainty == "surveyed" ? "surveyed" : "illustrative: schematic geometry, illustrative statuses")
              << ")\n";
    std::cout << "Work CRS: " << read.dataset.work_crs_name() << " (" << read.dataset.meta("crs_reason") << ")"
              << (read.dataset.ellipsoidal_areas() ? "; areas reported ellipsoidal (area = \"ellipsoidal\")" : "") << '\n';
    std::size_t repaired = 0;
    for (const auto& layer : read.dataset.layers) {
        char line[256];
        std::snprintf(line, sizeof line, "  %-20s %7zu features  from %s", layer.name().c_str(), layer.features.size(),
                      layer.source_crs.c_str());
        std::cout << line;
        if (!layer.repairs.empty()) std::cout << "  (" << layer.repairs.size() << " repaired)";
        std::cout << '\n';
        for (const auto& r : layer.repairs)
            std::cout << "    repaired " << r.layer << " fid " << r.fid << " (id '" << r.id << "'): " << r.reason << "; area "
                      << core::grouped(r.area_before) << " -> " << core::grouped(r.area_after) << " m²\n";
        repaired += layer.repairs.size();
    }
    std::cout << "Attached: ";
    bool first = true;
    for (const auto& [name, content] : read.dataset.files) {
        std::cout << (first ? "" : ", ") << name;
        first = false;
    }
    std::cout << "\n" << repaired << " feature(s) repaired. Next: zoning validate --store " << m_store.string() << '\n';
    return core::ExitCode::ok;
}

std::unique_ptr<Command> make_build_command() { return std::make_unique<BuildCommand>(); }

}  // namespace zoning::cli
