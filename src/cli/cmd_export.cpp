// SPDX-License-Identifier: MIT
#include "cli/cmd_export.hpp"

#include <iostream>

#include "analysis/analysis_layers.hpp"
#include "core/catalog.hpp"
#include "core/plan_rules.hpp"
#include "io/exporter.hpp"
#include "io/file_util.hpp"
#include "io/store.hpp"
#include "report/report.hpp"

namespace zoning::cli {

void ExportCommand::setup(CLI::App& app) {
    m_common.add_to(app);
    app.add_option("--store", m_store, "Store to export (default: out/xinhua.gpkg)");
    auto* qgis = app.add_option("--qgis", m_qgis, "Folder for a styled GeoPackage and a .qgs project");
    auto* format = app.add_option("--format", m_format, "gpkg, shp or geojson (with --out)")->check(CLI::IsMember({"gpkg", "shp", "geojson"}));
    qgis->excludes(format);
    app.add_option("--out", m_out, "Output folder for --format");
    app.add_option("--encoding", m_encoding, "Shapefile DBF encoding: UTF-8 (default) or GBK for older Chinese GIS software")
        ->check(CLI::IsMember({"UTF-8", "GBK"}));
    app.add_flag("--force", m_force, "Replace an output folder that exists and is not empty");
    app.add_option("--rules", m_rules, "Rules file to use instead of the one in the store");
}

core::ExitCode ExportCommand::run() {
    io::ExportOptions opt;
    std::filesystem::path dir;
    if (!m_qgis.empty()) {
        opt.format = "qgis";
        dir = m_qgis;
    } else if (!m_format.empty()) {
        if (m_out.empty()) throw core::bad_input(core::FeatureRef{}, "--format " + m_format + " needs --out DIR");
        opt.format = m_format;
        dir = m_out;
    } else {
        throw core::bad_input(core::FeatureRef{}, "give --qgis DIR, or --format gpkg|shp|geojson --out DIR");
    }
    if (m_encoding != "UTF-8" && opt.format != "shp") throw core::bad_input(core::FeatureRef{}, "--encoding is for --format shp");
    opt.encoding = m_encoding;
    opt.force = m_force;
    opt.name = m_store.stem().string();

    core::Catalog catalog = core::Catalog::load(m_common.catalog_dir);
    core::Dataset store = io::read_store(m_store, catalog);
    // The analysis layers are computed here from the store, so an export is never missing them.
    std::vector<core::Target> targets = store_targets(store, m_store);
    std::vector<core::Rule> rules = plan_rules(store, m_store, m_rules);
    analysis::OverlayOptions oo;
    oo.threads = m_common.threads;
    oo.frame_layers = {"boundary"};
    auto progress = analysis::measure_progress(store, targets, analysis::overlay(store, oo));
    analysis::ConflictOptions co;
    co.threads = m_common.threads;
    auto conflicts = analysis::find_conflicts(store, catalog, rules, co).conflicts;
    analysis::AnalysisCatalog specs = analysis::AnalysisCatalog::load(m_common.catalog_dir);
    std::vector<core::Layer> layers = analysis::build_analysis_layers(store, catalog, specs, progress, conflicts);
    for (auto& l : layers)
        if (l.name() == "progress") {
            int text = l.spec->field_index("text");
            for (std::size_t i = 0; i < l.features.size() && i < progress.size(); ++i)
                l.features[i].values[static_cast<std::size_t>(text)] = report::progress_text(progress[i], report::Lang::zh);
        }

    io::ExportSummary s = io::export_layers(dir, store, layers, catalog, opt);
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

}  // namespace zoning::cli
