// SPDX-License-Identifier: MIT
#include "cli/command.hpp"

#include <iostream>

#include "analysis/plan_review.hpp"
#include "analysis/validate.hpp"
#include "core/catalog.hpp"
#include "io/source_reader.hpp"
#include "io/store.hpp"
#include "report/validate_render.hpp"

namespace zoning::cli {

namespace {

/// zoning validate [--store FILE | --data DIR]: per-layer summary and the planner's
/// checks (zones tile the district, everything inside it, unique ids).
class ValidateCommand : public Command {
public:
    const char* name() const override { return "validate"; }
    const char* description() const override {
        return "Check a store or a dataset: counts, CRS, geometry, repairs, schema, zone tiling, containment, ids";
    }
    void setup(CLI::App& app) override;
    void check_options() override;
    core::ExitCode run() override;

private:
    CommonOptions m_common;
    std::filesystem::path m_data;
    std::filesystem::path m_store;
    std::string m_format = "text";
    double m_tolerance = 1.0;
};

}  // namespace

void ValidateCommand::setup(CLI::App& app) {
    m_common.add_to(app);
    auto* store = app.add_option("--store", m_store, "Store to check (default: out/xinhua.gpkg if it exists)");
    auto* data = app.add_option("--data", m_data, "Dataset directory to check without building a store");
    store->excludes(data);
    app.add_option("--format", m_format, "Output format")->check(CLI::IsMember({"text", "json"}));
    app.add_option("--tolerance", m_tolerance, "Total gap / overlap area (m²) tolerated when zones tile the district");
    // Its range is checked in check_options: NaN passes CLI11's range checks.
}

void ValidateCommand::check_options() {
    // NaN passes every comparison and a huge value tolerates any gap: refuse both.
    if (!(m_tolerance >= 0 && m_tolerance <= 1e10))
        throw core::bad_input(core::FeatureRef{"--tolerance", {}, {}, {}},
                              "must be an area in m² from 0 to 1e10, not " + std::to_string(m_tolerance));
}

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
        dataset = io::read_store(m_store, catalog, m_common.threads);
        input = m_store.string();
    } else {
        core::DatasetConfig config = core::DatasetConfig::load(m_data);
        io::DatasetReadResult r = io::read_dataset(catalog, config, m_common.threads);
        analysis::check_plan_files(r.dataset, catalog, config.dir());  // as build will, before it writes
        dataset = std::move(r.dataset);
        read_findings = std::move(r.findings);
        input = config.file.string();
    }

    analysis::ValidationOptions opt;
    opt.tiling_tolerance_m2 = m_tolerance;
    opt.threads = m_common.threads;
    core::ValidationReport rep = analysis::validate(dataset, std::move(read_findings), opt);

    std::size_t errors = 0;
    for (auto& f : rep.findings) errors += f.severity == core::Severity::error;

    if (m_format == "json") report::write_validation_json(std::cout, rep, dataset, input);
    else report::write_validation_text(std::cout, rep, dataset, catalog, input);
    if (errors > 0) {
        std::cerr << "zoning validate: " << errors << " error(s) in " << input << '\n';
        return core::ExitCode::bad_input;
    }
    return core::ExitCode::ok;
}

std::unique_ptr<Command> make_validate_command() { return std::make_unique<ValidateCommand>(); }

}  // namespace zoning::cli
