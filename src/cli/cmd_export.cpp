// SPDX-License-Identifier: MIT
#include "cli/command.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <future>
#include <iostream>
#include <optional>

#include "analysis/analysis_layers.hpp"
#include "analysis/plan_review.hpp"
#include "core/catalog.hpp"
#include "core/parallel.hpp"
#include "core/plan_rules.hpp"
#include "io/exporter.hpp"
#include "io/file_util.hpp"
#include "io/store.hpp"
#include "report/report.hpp"

namespace zoning::cli {

namespace {

/// zoning export [--store FILE] (--qgis DIR | --format gpkg|shp|geojson --out DIR)
///               [--encoding UTF-8|GBK] [--force]: every layer, and the analysis, for GIS staff.
class ExportCommand : public PlanCommand {
public:
    const char* name() const override { return "export"; }
    const char* description() const override {
        return "Export every layer and the analysis: a styled GeoPackage + .qgs project for QGIS, or GeoPackage, Shapefile (UTF-8/GBK), GeoJSON";
    }
    void setup(CLI::App& app) override;
    void check_options() override;
    core::ExitCode run() override;

private:
    std::filesystem::path m_qgis, m_out;
    std::string m_format, m_encoding = "UTF-8";
    bool m_force = false;
};

}  // namespace

void ExportCommand::setup(CLI::App& app) {
    add_plan_options(app, "Store to export");
    auto* qgis = app.add_option("--qgis", m_qgis, "Folder for a styled GeoPackage and a .qgs project");
    auto* format = app.add_option("--format", m_format, "gpkg, shp or geojson (with --out)")->check(CLI::IsMember({"gpkg", "shp", "geojson"}));
    qgis->excludes(format);
    app.add_option("--out", m_out, "Output folder for --format");
    app.add_option("--encoding", m_encoding, "Shapefile DBF encoding: UTF-8 (default) or GBK for older Chinese GIS software")
        ->check(CLI::IsMember({"UTF-8", "GBK"}));
    app.add_flag("--force", m_force, "Replace an output folder that exists and is not empty");
}

void ExportCommand::check_options() {
    if (m_qgis.empty() && m_format.empty()) throw core::bad_input(core::FeatureRef{}, "give --qgis DIR, or --format gpkg|shp|geojson --out DIR");
    if (!m_format.empty() && m_out.empty()) throw core::bad_input(core::FeatureRef{}, "--format " + m_format + " needs --out DIR");
    if (m_encoding != "UTF-8" && m_format != "shp") throw core::bad_input(core::FeatureRef{}, "--encoding is for --format shp");
}

core::ExitCode ExportCommand::run() {
    io::ExportOptions opt;
    opt.format = m_qgis.empty() ? m_format : std::string("qgis");
    const std::filesystem::path dir = m_qgis.empty() ? m_out : m_qgis;
    opt.encoding = m_encoding;
    opt.force = m_force;
    opt.name = m_plan.store.stem().string();

    guard_plan_output(dir, m_qgis.empty() ? "--out" : "--qgis");
    // Wall and the process's CPU (user + sys) at each phase's end, for ZONING_TIMING: on a shared machine wall alone misleads.
    auto cpu_now = [] {
        rusage u{};
        getrusage(RUSAGE_SELF, &u);
        return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
    };
    const auto t0 = std::chrono::steady_clock::now();
    PlanInputs plan = load_plan();
    const auto t_loaded = std::chrono::steady_clock::now();
    const double cpu_loaded = cpu_now();
    const core::Catalog& catalog = plan.catalog;
    const core::Dataset& store = plan.store;
    // The analysis layers are computed here from the store, so an export is never missing them.
    const std::vector<core::Target>& targets = plan.targets;
    const std::vector<core::Rule>& rules = plan.rules;
    analysis::PlanReviewOptions review_options;
    review_options.threads = m_common.threads;
    review_options.coverage = false;  // the analysis layers need the district row only
    std::chrono::steady_clock::time_point t_reviewed;
    auto review_plan = [&] {
        analysis::PlanReview r = analysis::plan_review(store, catalog, targets, rules, review_options);
        t_reviewed = std::chrono::steady_clock::now();
        return r;
    };
    // The review (conflicts, progress) and the GeoPackage's store layers (a million parcels through one
    // SQLite connection) are made beside the frame × land-use layers, which need neither: each has
    // phases on one core, which the others fill. The results do not depend on it; with one thread,
    // they run in turn.
    const bool beside = (m_common.threads ? m_common.threads : core::default_threads()) > 1;
    const bool geopackage = opt.format == "qgis" || opt.format == "gpkg";
    analysis::AnalysisCatalog specs;  // the layers' specs point into it; declared first, so it outlives the writer's thread
    std::future<std::unique_ptr<io::GeopackageExport>> writing;
    std::future<analysis::PlanReview> reviewing;
    std::optional<analysis::PlanReview> review;
    if (beside) reviewing = std::async(std::launch::async, review_plan);
    else review.emplace(review_plan());
    std::vector<std::string> notes;
    std::vector<core::Layer> layers;
    try {
        specs = analysis::AnalysisCatalog::load(m_common.catalog_dir);
        if (beside && geopackage) {
            std::vector<const core::LayerSpec*> analysis_specs;
            for (const core::LayerSpec& spec : specs.specs) analysis_specs.push_back(&spec);  // the layers' order (finish() checks)
            writing = std::async(std::launch::async,
                                 [&, analysis_specs] { return std::make_unique<io::GeopackageExport>(dir, store, analysis_specs, catalog, opt); });
        }
        analysis::AnalysisLayerOptions layer_options;
        layer_options.threads = m_common.threads;
        layer_options.robustness_notes = &notes;
        layers = analysis::frame_layers(store, catalog, specs, layer_options);
        if (!review) review.emplace(reviewing.get());
        analysis::add_review_layers(layers, specs, review->progress, review->conflicts.conflicts);
    } catch (...) {
        // The review's error first, as when it ran before the layers.
        if (!review && reviewing.valid()) reviewing.get();
        throw;
    }
    report::label_progress_layer(layers, review->progress);
    const auto t_analysed = std::chrono::steady_clock::now();
    const double cpu_analysed = cpu_now();
    // The review's retries first, then the layers', as the two ran in turn.
    std::vector<std::string> retries = review->robustness_notes();
    retries.insert(retries.end(), notes.begin(), notes.end());
    for (auto& note : retries) log(m_common.quiet, "zoning export: geometry retry: " + note);

    io::ExportSummary s = writing.valid() ? writing.get()->finish(layers) : io::export_layers(dir, store, layers, catalog, opt);
    if (std::getenv("ZONING_TIMING")) {
        auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
        const double cpu_written = cpu_now();
        std::cerr << "zoning export: timing: load " << ms(t0, t_loaded) << " ms (cpu " << cpu_loaded * 1000 << " ms), review " << ms(t_loaded, t_reviewed)
                  << " ms" << (beside ? " (beside the layers)" : "") << ", analysis layers done at " << ms(t_loaded, t_analysed) << " ms (cpu "
                  << (cpu_analysed - cpu_loaded) * 1000 << " ms), write " << ms(t_analysed, std::chrono::steady_clock::now()) << " ms (cpu "
                  << (cpu_written - cpu_analysed) * 1000 << " ms)\n";
    }
    std::cout << "Exported " << s.layers << " layers (" << store.layers.size() << " from the store, " << layers.size() << " of analysis) to "
              << dir.string() << "/: ";
    for (std::size_t i = 0; i < s.files.size(); ++i) std::cout << (i ? ", " : "") << s.files[i];
    std::cout << "\n";
    if (opt.format == "qgis")
        std::cout << "Open " << (dir / (opt.name + ".qgs")).string() << " in QGIS, or drag " << (dir / (opt.name + ".gpkg")).string()
                  << " in: every layer carries its style.\n";
    if (store.illustrative()) std::cout << "The data is illustrative (schematic geometry, illustrative statuses).\n";
    return core::ExitCode::ok;
}

std::unique_ptr<Command> make_export_command() { return std::make_unique<ExportCommand>(); }

}  // namespace zoning::cli
