// SPDX-License-Identifier: MIT
#include "serve/server.hpp"

#include <pthread.h>
#include <signal.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <httplib.h>

#include "serve/api.hpp"

namespace zoning::serve {

namespace {

/// The page's libraries, from npm (src/serve/web/package-lock.json), under fixed URLs: the only
/// files of node_modules the server hands out.
const std::map<std::string, std::string>& vendor_files() {
    static const std::map<std::string, std::string> files = {
        {"/vendor/ol.js", "node_modules/ol/dist/ol.js"},
        {"/vendor/ol.css", "node_modules/ol/ol.css"},
        {"/vendor/proj4.js", "node_modules/proj4/dist/proj4.js"},
    };
    return files;
}

const std::map<std::string, std::string>& content_types() {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".svg", "image/svg+xml"},            {".png", "image/png"},
    };
    return types;
}

bool read_file(const std::filesystem::path& p, std::string& out) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
    return static_cast<bool>(in) || in.eof();
}

report::Lang lang_of(const httplib::Request& req) { return req.get_param_value("lang") == "en" ? report::Lang::en : report::Lang::zh; }

std::map<std::string, std::string> params_of(const httplib::Request& req) {
    std::map<std::string, std::string> params;
    for (auto& [k, v] : req.params) params[k] = v;
    return params;
}

void send(httplib::Response& res, const Response& r) {
    res.status = r.status;
    res.set_content(r.body, r.content_type.c_str());
}

/// A non-negative integer path segment of a tile address; -1 for anything else.
long tile_number(const std::string& s) {
    if (s.empty() || s.size() > 7 || s.find_first_not_of("0123456789") != std::string::npos) return -1;
    return std::stol(s);
}

}  // namespace

std::filesystem::path default_web_dir() {
    if (const char* env = std::getenv("ZONING_WEB"); env && *env) return env;
    return std::filesystem::path(ZONING_SOURCE_DIR) / "src" / "serve" / "web";
}

std::optional<std::filesystem::path> static_file(const std::filesystem::path& root, const std::string& url_path) {
    if (url_path.empty() || url_path[0] != '/' || url_path.find('\0') != std::string::npos || url_path.find('\\') != std::string::npos) return {};
    std::string rel = url_path == "/" ? "index.html" : url_path.substr(1);
    std::filesystem::path p;
    std::istringstream segments(rel);
    for (std::string seg; std::getline(segments, seg, '/');) {
        // No way up, no hidden files, and node_modules only through vendor_files().
        if (seg.empty() || seg[0] == '.' || seg == "node_modules") return {};
        p /= seg;
    }
    if (!content_types().count(p.extension().string())) return {};
    std::error_code ec;
    const std::filesystem::path base = std::filesystem::canonical(root, ec);
    if (ec) return {};
    const std::filesystem::path full = std::filesystem::canonical(base / p, ec);
    if (ec || !std::filesystem::is_regular_file(full, ec)) return {};
    const std::string b = base.string() + "/";
    if (full.string().compare(0, b.size(), b) != 0) return {};  // a symlink that leads out
    return full;
}

void run_server(PlanSource& plans, const ServerOptions& options, const std::function<void(const std::string& url)>& ready) {
    httplib::Server svr;
    svr.set_payload_max_length(options.body_limit);
    svr.set_read_timeout(options.timeout_s, 0);
    svr.set_write_timeout(options.timeout_s, 0);
    svr.set_keep_alive_timeout(5);
    svr.set_keep_alive_max_count(100);

    if (!options.cors_origin.empty())
        svr.set_post_routing_handler([origin = options.cors_origin](const httplib::Request&, httplib::Response& res) {
            res.set_header("Access-Control-Allow-Origin", origin);
            res.set_header("Vary", "Origin");
        });
    // cpp-httplib answers some errors itself with no body (413 beyond the body limit — 8 KB for a
    // form-encoded body, which curl sends by default —, 400 for a malformed request): say what it was.
    svr.set_error_handler(httplib::Server::HandlerWithResponse([limit = options.body_limit](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        std::string message = "the request could not be read (HTTP " + std::to_string(res.status) + ")";
        if (res.status == 413)
            message = "the request body is too large: at most " + std::to_string(limit) +
                      " bytes, and 8192 for a form-encoded body — send the proposal as application/json or application/octet-stream";
        else if (res.status == 404)
            message = "not found: " + req.path;
        send(res, error_response(res.status, message));
        return httplib::Server::HandlerResponse::Handled;
    }));
    svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string message = "internal error";
        try {
            std::rethrow_exception(ep);
        } catch (const core::Error& e) {
            message = e.what();
        } catch (const std::exception& e) {
            message = std::string("internal error: ") + e.what();
        } catch (...) {
        }
        send(res, error_response(500, message));
    });

    // Every API answer starts from the current reading of the store; a store that changed on disk
    // is read again here, and one that cannot be read any more is reported on each request.
    auto with_plan = [&plans](httplib::Response& res, const std::function<Response(const Plan&)>& answer) {
        std::shared_ptr<const Plan> plan;
        try {
            plan = plans.current();
        } catch (const core::Error& e) {
            send(res, error_response(503, std::string("the store changed on disk and cannot be read again (fix it, or restart zoning serve): ") + e.what()));
            return;
        }
        send(res, answer(*plan));
    };

    svr.Get("/api/layers", [&](const httplib::Request& req, httplib::Response& res) {
        with_plan(res, [&](const Plan& p) { return layers(p, lang_of(req)); });
    });
    svr.Get(R"(/api/geojson/([A-Za-z0-9_]+))", [&](const httplib::Request& req, httplib::Response& res) {
        with_plan(res, [&](const Plan& p) { return layer_geojson(p, req.matches[1]); });
    });
    svr.Get(R"(/api/features/([A-Za-z0-9_]+)/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
        with_plan(res, [&](const Plan& p) { return feature(p, req.matches[1], req.matches[2], lang_of(req)); });
    });
    svr.Get("/api/search", [&](const httplib::Request& req, httplib::Response& res) {
        with_plan(res, [&](const Plan& p) { return search(p, req.get_param_value("q"), lang_of(req)); });
    });
    svr.Get("/api/report", [&](const httplib::Request& req, httplib::Response& res) {
        with_plan(res, [&](const Plan& p) { return report_json(p, lang_of(req)); });
    });
    svr.Post("/api/check", [&](const httplib::Request& req, httplib::Response& res) {
        with_plan(res, [&](const Plan& p) { return check(p, req.body, params_of(req), lang_of(req)); });
    });
    svr.Post("/api/review.pdf", [&](const httplib::Request& req, httplib::Response& res) {
        with_plan(res, [&](const Plan& p) { return review_pdf(p, req.body, params_of(req), lang_of(req)); });
    });
    svr.Get(R"(/tiles/([A-Za-z0-9_]+)/([0-9]+)/([0-9]+)/([0-9]+)\.pbf)", [&](const httplib::Request& req, httplib::Response& res) {
        with_plan(res, [&](const Plan& p) {
            const std::string layer = req.matches[1];
            const long z = tile_number(req.matches[2]), x = tile_number(req.matches[3]), y = tile_number(req.matches[4]);
            if (!served_as_tiles(layer) || !p.store.find(layer)) return error_response(404, "no vector tiles of layer '" + layer + "'");
            if (z < 0 || x < 0 || y < 0 || z > p.grid.max_zoom) return error_response(404, "no such tile");
            Response r;
            r.content_type = "application/vnd.mapbox-vector-tile";
            // The MVT driver writes no file for a tile without features: an empty tile, not an error.
            if (!read_file(p.tiles_dir / layer / std::to_string(z) / std::to_string(x) / (std::to_string(y) + ".pbf"), r.body)) r.status = 204;
            return r;
        });
    });
    svr.Get("/favicon.ico", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
    svr.Get(R"(/.*)", [&](const httplib::Request& req, httplib::Response& res) {
        std::optional<std::filesystem::path> file;
        if (auto it = vendor_files().find(req.path); it != vendor_files().end()) {
            std::error_code ec;
            if (std::filesystem::is_regular_file(options.web_dir / it->second, ec)) file = options.web_dir / it->second;
            else {
                send(res, error_response(404, req.path + ": the page's libraries are not installed: run scripts/install-deps (npm ci in src/serve/web)"));
                return;
            }
        } else {
            file = static_file(options.web_dir, req.path);
        }
        std::string body;
        if (!file || !read_file(*file, body)) {
            send(res, error_response(404, "not found: " + req.path));
            return;
        }
        res.set_content(body, content_types().at(file->extension().string()).c_str());
    });

    // Debian's compiled cpp-httplib listens with a backlog of 5, so a burst of connections (the page
    // fetching tiles, a batch of checks) is refused; the socket is listened on again, deeper, once bound.
    socket_t listening = INVALID_SOCKET;
    svr.set_socket_options([&listening](socket_t sock) {
        listening = sock;
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    int port = options.port;
    if (port == 0) {
        port = svr.bind_to_any_port(options.host.c_str());
        if (port < 0) throw core::bad_input(core::FeatureRef{"--host", {}, {}, {}}, "cannot listen on " + options.host);
    } else if (!svr.bind_to_port(options.host.c_str(), port)) {
        throw core::bad_input(core::FeatureRef{"--port", {}, {}, {}},
                              "cannot listen on " + options.host + ":" + std::to_string(port) + " (in use, or not an address of this machine)");
    }

    if (listening != INVALID_SOCKET) ::listen(listening, SOMAXCONN);

    // Signals are taken by one thread with sigwait, which stops the server from outside a signal handler.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::thread waiter([&svr, stop_signals] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        svr.stop();
    });
    const std::string shown_host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
    ready("http://" + shown_host + ":" + std::to_string(port) + "/");
    svr.listen_after_bind();
    // When listening ended on its own the waiter still waits: a signal to it alone (blocked, so it
    // is taken by sigwait) lets it end; after a real SIGINT it has ended and this one is dropped.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
}

}  // namespace zoning::serve
