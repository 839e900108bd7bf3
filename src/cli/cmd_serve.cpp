// SPDX-License-Identifier: MIT
#include "cli/command.hpp"

#include <cstdlib>
#include <iostream>

#include "serve/plan.hpp"
#include "serve/server.hpp"

namespace zoning::cli {

namespace {

/// zoning serve [--store FILE] [--port N] [--host ADDR] [--cors ORIGIN] [--cache-dir DIR]:
/// the 一张图 web map of a store: layers, identify, search, report panels, a site check.
class ServeCommand : public Command {
public:
    const char* name() const override { return "serve"; }
    const char* description() const override {
        return "Serve the plan as an interactive web map (一张图) on this machine: layers, identify, search, report panels, siting check";
    }
    void setup(CLI::App& app) override;
    void check_options() override;
    core::ExitCode run() override;

private:
    CommonOptions m_common;
    PlanOptions m_plan;
    serve::ServerOptions m_server;
    std::filesystem::path m_cache_dir;
};

/// $XDG_CACHE_HOME/zoning/tiles, else ~/.cache/zoning/tiles, else the system's temporary folder:
/// never beside the store, which the server only reads.
std::filesystem::path default_cache_dir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "zoning" / "tiles";
    if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".cache" / "zoning" / "tiles";
    return std::filesystem::temp_directory_path() / "zoning-tiles";
}

}  // namespace

void ServeCommand::setup(CLI::App& app) {
    m_common.add_to(app);
    m_plan.add_to(app, "Store to serve");
    app.add_option("--port", m_server.port, "TCP port (default: 8080; 0: any free port, printed)")->check(CLI::Range(0, 65535));
    app.add_option("--host", m_server.host, "Address to listen on (default: 127.0.0.1, this machine only)");
    app.add_option("--cors", m_server.cors_origin, "Allow this origin to call the API from another site's page (default: none)");
    app.add_option("--cache-dir", m_cache_dir, "Where the parcels' vector tiles are cached (default: $XDG_CACHE_HOME/zoning/tiles)");
    app.add_option("--web-dir", m_server.web_dir, "The page's folder (default: the bundled src/serve/web, or $ZONING_WEB)");
}

void ServeCommand::check_options() {
    if (m_server.host.empty()) throw core::bad_input(core::FeatureRef{"--host", {}, {}, {}}, "give an address, e.g. 127.0.0.1");
    if (!m_server.cors_origin.empty() && m_server.cors_origin != "*" && m_server.cors_origin.rfind("http://", 0) != 0 &&
        m_server.cors_origin.rfind("https://", 0) != 0)
        throw core::bad_input(core::FeatureRef{"--cors", {}, {}, {}}, "give an origin such as http://example.org (or *), not " + m_server.cors_origin);
}

core::ExitCode ServeCommand::run() {
    if (m_cache_dir.empty()) m_cache_dir = default_cache_dir();
    if (m_server.web_dir.empty()) m_server.web_dir = serve::default_web_dir();
    // The cache is written; the store's folder is not the place for it (read-only server, and
    // a cache inside a data folder ends up copied with it).
    const auto store_dir = std::filesystem::weakly_canonical(std::filesystem::absolute(m_plan.store).parent_path());
    const auto cache = std::filesystem::weakly_canonical(std::filesystem::absolute(m_cache_dir));
    if (cache == store_dir || cache == std::filesystem::weakly_canonical(std::filesystem::absolute(m_plan.store)))
        throw core::bad_input(core::FeatureRef{"--cache-dir", {}, {}, {}}, "the tile cache may not be the store's folder " + store_dir.string());
    serve::PlanOptions options{m_plan.store, m_common.catalog_dir, m_plan.rules, m_cache_dir, m_common.threads};
    serve::PlanSource plans(options);
    auto plan = plans.current();
    log(m_common.quiet, "zoning serve: read " + m_plan.store.string() + " in " + std::to_string(static_cast<int>(plan->load_seconds * 1000)) +
                            " ms (" + std::to_string(plan->report.conflicts.size()) + " conflicts; tiles in " + plan->tiles_dir.string() + ")");
    if (!std::filesystem::exists(m_server.web_dir / "node_modules" / "ol"))
        log(m_common.quiet, "zoning serve: warning: " + (m_server.web_dir / "node_modules").string() +
                                " is missing: the page needs OpenLayers and proj4 (run scripts/install-deps)");
    serve::run_server(plans, m_server, [](const std::string& url) {
        // stdout, flushed: scripts and tests read the address from here.
        std::cout << "zoning serve: open " << url << " in a browser (Ctrl-C stops)" << std::endl;
    });
    return core::ExitCode::ok;
}

std::unique_ptr<Command> make_serve_command() { return std::make_unique<ServeCommand>(); }

}  // namespace zoning::cli
