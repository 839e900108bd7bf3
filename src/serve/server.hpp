// SPDX-License-Identifier: MIT
#pragma once
// `zoning serve`'s HTTP side: cpp-httplib routes to serve/api.hpp, the page's files from its own
// folder, the parcels' tiles from the cache. Read-only: nothing a request sends is ever written
// anywhere but a private temporary folder that the request removes.
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "serve/plan.hpp"

namespace zoning::serve {

struct ServerOptions {
    std::string host = "127.0.0.1";  ///< loopback unless the user names another address
    int port = 8080;                 ///< 0: any free port (printed)
    std::string cors_origin;         ///< empty: no CORS header at all
    std::filesystem::path web_dir;   ///< index.html, app.js, app.css and node_modules/{ol,proj4}
    std::size_t body_limit = 8 * 1024 * 1024;
    int timeout_s = 30;
};

/// The page's folder in the source tree (ZONING_SOURCE_DIR/src/serve/web), or $ZONING_WEB.
std::filesystem::path default_web_dir();

/// The file a static URL path names inside `root`, or nothing when the path leaves it (.., a
/// hidden segment, a symlink out) or names no file with a served extension.
std::optional<std::filesystem::path> static_file(const std::filesystem::path& root, const std::string& url_path);

/// Serves until SIGINT or SIGTERM. `ready` gets the URL once the socket listens. Throws
/// core::Error(bad_input) when the address cannot be bound.
void run_server(PlanSource& plans, const ServerOptions& options, const std::function<void(const std::string& url)>& ready);

}  // namespace zoning::serve
