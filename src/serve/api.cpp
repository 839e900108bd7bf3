// SPDX-License-Identifier: MIT
#include "serve/api.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analysis/siting.hpp"
#include "geo/geos.hpp"
#include "io/exporter.hpp"
#include "io/pdf_printer.hpp"
#include "io/proposal_reader.hpp"
#include "io/qgis_style.hpp"
#include "report/check_render.hpp"
#include "serve/opinion_document.hpp"

namespace zoning::serve {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxSearchHits = 50;
constexpr double kMaxReviewDistance = 100000.0;  ///< as `zoning check`: more than any district is wide

Response json_response(const json& j) {
    Response r;
    r.body = j.dump();
    return r;
}

json value_json(const core::Value& v) {
    if (std::holds_alternative<std::int64_t>(v)) return std::get<std::int64_t>(v);
    if (std::holds_alternative<double>(v)) return std::get<double>(v);
    if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
    return nullptr;
}

std::string lower_ascii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string title_of(const core::LayerSpec& spec, report::Lang lang) { return lang == report::Lang::zh ? spec.title_zh : spec.title_en; }

json style_json(const core::Layer& layer, const core::Catalog& catalog) {
    const core::StyleSpec& st = layer.spec->style;
    json s = {{"renderer", st.renderer}, {"attribute", st.attribute}, {"color", st.color}, {"outline", st.outline},
              {"fill_opacity", st.fill_opacity}, {"width_mm", st.width_mm}, {"fill_style", st.fill_style},
              {"line_style", st.line_style}, {"label", st.label}, {"label_size", st.label_size}};
    json cats = json::array();
    if (st.renderer != "single")
        for (auto& c : io::style_categories(*layer.spec, catalog.landuse(), io::present_values(layer)))
            cats.push_back({{"value", c.value}, {"label", c.label}, {"color", c.colour}, {"outline", st.outline_of(c.value)}});
    s["categories"] = cats;
    return s;
}

const core::Layer* find_layer(const Plan& plan, const std::string& name) { return plan.store.find(name); }

/// The feature's geometry in the work CRS as a GeoJSON object, and its extent.
json geometry_json(const geo::GeosContext& ctx, const std::string& wkb, json* bbox) {
    if (wkb.empty()) return nullptr;
    geo::GeomPtr g = geo::from_wkb(ctx, wkb);
    if (bbox) {
        geo::Envelope e = geo::envelope(ctx, g.get());
        *bbox = json::array({e.minx, e.miny, e.maxx, e.maxy});
    }
    return json::parse(geo::to_geojson(ctx, g.get()));
}

json properties_json(const core::Layer& layer, const core::Feature& f) {
    json p = json::object();
    for (std::size_t i = 0; i < layer.spec->fields.size() && i < f.values.size(); ++i) p[layer.spec->fields[i].name] = value_json(f.values[i]);
    return p;
}

std::string name_of(const core::Layer& layer, const core::Feature& f) {
    return layer.spec->field_index("name") >= 0 ? layer.text(f, "name") : std::string();
}

/// A folder of its own for one upload, removed with everything in it when the request ends.
class UploadDir {
public:
    UploadDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "zoning-serve-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw core::Error(core::ExitCode::internal, "cannot make a temporary folder for the upload");
        m_path = pattern;
    }
    ~UploadDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    UploadDir(const UploadDir&) = delete;
    UploadDir& operator=(const UploadDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

/// The message with the upload's temporary folder taken out, so it names the file as the user sent it.
std::string without_folder(std::string message, const std::filesystem::path& dir) {
    const std::string prefix = dir.string() + "/";
    for (std::size_t at; (at = message.find(prefix)) != std::string::npos;) message.erase(at, prefix.size());
    return message;
}

}  // namespace

Response error_response(int status, const std::string& message) {
    Response r = json_response(json{{"error", message}});
    r.status = status;
    return r;
}

Response layers(const Plan& plan, report::Lang lang) {
    std::vector<const core::Layer*> present;
    for (auto& name : io::qgis_layer_order())
        if (const core::Layer* l = plan.store.find(name)) present.push_back(l);
    for (auto& l : plan.store.layers)  // a catalog layer the export's list does not name still shows, last
        if (std::find(present.begin(), present.end(), &l) == present.end()) present.push_back(&l);
    json groups = json::array();
    for (auto& group : io::group_order(present)) {
        json members = json::array();
        for (const core::Layer* l : present) {
            const std::string g = l->spec->group.empty() ? std::string(io::kUngrouped) : l->spec->group;
            if (g != group) continue;
            const bool tiles = served_as_tiles(l->name());
            members.push_back({{"name", l->name()},
                               {"title", title_of(*l->spec, lang)},
                               {"geometry", core::to_string(l->spec->geometry)},
                               {"count", l->features.size()},
                               {"source", tiles ? "tiles" : "geojson"},
                               {"url", tiles ? "/tiles/" + l->name() + "/{z}/{x}/{y}.pbf" : "/api/geojson/" + l->name()},
                               {"style", style_json(*l, plan.catalog)}});
        }
        groups.push_back({{"name", group}, {"layers", members}});
    }
    const core::Dataset& d = plan.store;
    std::vector<double> resolutions;
    for (int z = 0; z <= plan.grid.max_zoom + 8; ++z) resolutions.push_back(plan.grid.size0 / 256.0 / static_cast<double>(1 << z));
    json j = {{"dataset", {{"name", lang == report::Lang::zh ? d.meta("name") : d.meta("name_en")}, {"illustrative", d.illustrative()}}},
              {"crs", d.work_crs_name().empty() ? d.work_crs() : d.work_crs_name()},
              {"proj4", plan.proj4},
              {"extent", {plan.extent[0], plan.extent[1], plan.extent[2], plan.extent[3]}},
              {"tile_grid",
               {{"origin", {plan.grid.origin_x, plan.grid.origin_y}},
                {"extent", {plan.grid.origin_x, plan.grid.origin_y - plan.grid.size0, plan.grid.origin_x + plan.grid.size0, plan.grid.origin_y}},
                {"tile_size", 256},
                {"max_zoom", plan.grid.max_zoom},
                {"resolutions", resolutions}}},
              {"groups", groups},
              // The page offers the PDF button only when this server can print one.
              {"review_pdf", review_pdf_available()}};
    return json_response(j);
}

Response layer_geojson(const Plan& plan, const std::string& name) {
    const core::Layer* layer = find_layer(plan, name);
    if (!layer) return error_response(404, "no layer '" + name + "' in the store");
    if (served_as_tiles(name)) return error_response(404, "layer '" + name + "' is served as vector tiles under /tiles/" + name + "/");
    geo::GeosContext ctx;
    std::ostringstream out;
    out << "{\"type\":\"FeatureCollection\",\"features\":[";
    bool first = true;
    for (auto& f : layer->features) {
        json feature = {{"type", "Feature"}, {"id", layer->id_of(f)}, {"properties", properties_json(*layer, f)},
                        {"geometry", geometry_json(ctx, f.wkb, nullptr)}};
        out << (first ? "" : ",") << feature.dump();
        first = false;
    }
    out << "]}";
    Response r;
    r.content_type = "application/geo+json; charset=utf-8";
    r.body = out.str();
    return r;
}

Response feature(const Plan& plan, const std::string& layer_name, const std::string& id, report::Lang lang) {
    const core::Layer* layer = find_layer(plan, layer_name);
    if (!layer) return error_response(404, "no layer '" + layer_name + "' in the store");
    const core::Feature* found = nullptr;
    for (auto& f : layer->features)
        if (layer->id_of(f) == id) {
            found = &f;
            break;
        }
    if (!found) return error_response(404, "no feature with id '" + id + "' in layer '" + layer_name + "'");
    geo::GeosContext ctx;
    json bbox;
    json attributes = json::array();
    for (std::size_t i = 0; i < layer->spec->fields.size() && i < found->values.size(); ++i) {
        const core::FieldSpec& field = layer->spec->fields[i];
        const std::string text = core::value_text(found->values[i]);
        std::string word = lang == report::Lang::zh ? layer->spec->word_zh(field.name, text) : layer->spec->word_en(field.name, text);
        if (field.domain == "landuse")
            if (const core::LanduseClass* c = plan.catalog.landuse().find(text)) word = lang == report::Lang::zh ? c->name_zh : c->name_en;
        attributes.push_back({{"field", field.name}, {"title", field.title_zh}, {"value", value_json(found->values[i])}, {"word", word == text ? "" : word}});
    }
    json j = {{"layer", layer_name}, {"layer_title", title_of(*layer->spec, lang)}, {"id", id}, {"name", name_of(*layer, *found)},
              {"attributes", attributes}, {"geometry", geometry_json(ctx, found->wkb, &bbox)}};
    j["bbox"] = bbox;
    json landuse = nullptr;
    for (auto& row : plan.report.overlay.coverage)
        if (row.layer == layer_name && row.id == id) {
            std::vector<std::pair<std::string, double>> by_area(row.landuse_m2.begin(), row.landuse_m2.end());
            std::stable_sort(by_area.begin(), by_area.end(), [](auto& a, auto& b) { return a.second > b.second; });
            landuse = json::array();
            for (auto& [code, m2] : by_area) {
                const core::LanduseClass* c = plan.catalog.landuse().find(code);
                landuse.push_back({{"code", code}, {"name", c ? (lang == report::Lang::zh ? c->name_zh : c->name_en) : ""},
                                   {"color", c ? c->color : ""}, {"area_m2", m2}, {"share", row.area_m2 > 0 ? m2 / row.area_m2 : 0.0}});
            }
            j["area_m2"] = row.area_m2;
        }
    j["landuse"] = landuse;
    json conflicts = json::array();
    for (std::size_t i = 0; i < plan.report.conflicts.size(); ++i) {
        const core::Conflict& c = plan.report.conflicts[i];
        bool names_it = false;
        for (auto& cf : c.features) names_it = names_it || (cf.layer == layer_name && cf.id == id);
        if (!names_it) continue;
        json features = json::array();
        for (auto& cf : c.features) features.push_back({{"layer", cf.layer}, {"id", cf.id}, {"name", cf.name}});
        conflicts.push_back({{"index", i}, {"rule", c.rule}, {"title", lang == report::Lang::zh ? c.title : c.title_en}, {"severity", c.severity},
                             {"reason", lang == report::Lang::zh && !c.reason_zh.empty() ? c.reason_zh : c.reason}, {"features", features}});
    }
    j["conflicts"] = conflicts;
    return json_response(j);
}

Response search(const Plan& plan, const std::string& q_in, report::Lang lang) {
    std::string q = q_in;
    while (!q.empty() && std::isspace(static_cast<unsigned char>(q.back()))) q.pop_back();
    while (!q.empty() && std::isspace(static_cast<unsigned char>(q.front()))) q.erase(q.begin());
    if (q.empty()) return error_response(400, "search: give q, a name or id (or part of one)");
    const std::string needle = lower_ascii(q);
    struct Hit {
        int rank;
        const core::Layer* layer;
        const core::Feature* f;
    };
    std::vector<Hit> hits;
    for (auto& layer : plan.store.layers)
        for (auto& f : layer.features) {
            const std::string id = lower_ascii(layer.id_of(f)), name = lower_ascii(name_of(layer, f));
            int rank = id == needle || name == needle ? 0 : id.find(needle) != std::string::npos || name.find(needle) != std::string::npos ? 1 : -1;
            if (rank >= 0) hits.push_back({rank, &layer, &f});
        }
    std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.rank < b.rank; });
    geo::GeosContext ctx;
    json results = json::array();
    for (std::size_t i = 0; i < hits.size() && i < kMaxSearchHits; ++i) {
        json bbox;
        geometry_json(ctx, hits[i].f->wkb, &bbox);
        results.push_back({{"layer", hits[i].layer->name()}, {"layer_title", title_of(*hits[i].layer->spec, lang)},
                           {"id", hits[i].layer->id_of(*hits[i].f)}, {"name", name_of(*hits[i].layer, *hits[i].f)}, {"bbox", bbox}});
    }
    return json_response(json{{"q", q}, {"total", hits.size()}, {"results", results}});
}

Response report_json(const Plan& plan, report::Lang lang) {
    Response r;
    r.body = lang == report::Lang::zh ? plan.report_json_zh : plan.report_json_en;
    return r;
}

std::string upload_name(const std::string& body, const std::string& file) {
    const std::filesystem::path p(file);
    const std::string ext = lower_ascii(p.extension().string());
    const bool plain = !file.empty() && p.filename() == p && file[0] != '.' && file.size() <= 100;
    if (plain && (ext == ".geojson" || ext == ".json" || ext == ".txt")) return file;
    const auto first = body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    return first != std::string::npos && body[first] == '{' ? "site.geojson" : "site.txt";
}

namespace {

/// The site a POST body holds, read and checked as `zoning check --proposal FILE` does, given to
/// `answer` with the upload's own folder (for anything the answer writes); bad input is the 400
/// answer with the CLI's message, naming the file as the user sent it.
Response answer_site(const Plan& plan, const std::string& body, const std::map<std::string, std::string>& params,
                     const std::function<Response(const core::SitingResult&, const std::filesystem::path& dir)>& answer) {
    auto param = [&](const char* key) {
        auto it = params.find(key);
        return it == params.end() ? std::string() : it->second;
    };
    analysis::SitingOptions opt;
    opt.threads = 1;  // requests run side by side already; one worker each keeps the server's threads to its pool
    if (const std::string rd = param("review-distance"); !rd.empty()) {
        char* end = nullptr;
        opt.review_distance_m = std::strtod(rd.c_str(), &end);
        if (end == rd.c_str() || *end || !(opt.review_distance_m >= 0 && opt.review_distance_m <= kMaxReviewDistance))
            return error_response(400, core::bad_input(core::FeatureRef{"--review-distance", {}, {}, {}},
                                                       "must be a distance in metres from 0 to " + std::to_string(static_cast<int>(kMaxReviewDistance)) +
                                                           ", not " + rd)
                                           .what());
    }
    // An uploaded file carries no 控规 figures of its own: the page sends them as parameters, as the
    // CLI takes --far --height --density --green beside --proposal.
    core::ProposalIndicators figures;
    for (auto [key, slot] : {std::pair<const char*, std::optional<double>*>{"far", &figures.far}, {"height", &figures.height_m},
                             {"density", &figures.density}, {"green", &figures.green}}) {
        const std::string v = param(key);
        if (v.empty()) continue;
        char* end = nullptr;
        *slot = std::strtod(v.c_str(), &end);
        if (end == v.c_str() || *end) return error_response(400, core::bad_input(core::FeatureRef{}, std::string("--") + key + ": not a number: " + v).what());
    }
    if (std::string bad = core::indicator_problem(figures); !bad.empty()) return error_response(400, core::bad_input(core::FeatureRef{}, "--" + bad).what());
    if (body.empty()) return error_response(400, "no proposal: send a GeoJSON Feature (or a proposal file) as the request body");
    UploadDir dir;
    const std::string name = upload_name(body, param("file"));
    const std::filesystem::path file = dir.path() / name;
    try {
        {
            std::ofstream out(file, std::ios::binary);
            out << body;
            if (!out) throw core::Error(core::ExitCode::internal, "cannot store the upload in " + dir.path().string());
        }
        io::ProposalInput in{file.string(), "", "", param("crs"), param("landuse"), param("name"), param("category"), false, {}};
        in.indicators = figures;
        std::vector<core::Proposal> proposals = io::read_proposals(plan.catalog, plan.store.work_crs(), in);
        if (proposals.empty()) throw core::bad_input(core::FeatureRef{name, {}, {}, {}}, "no proposal feature");
        if (proposals.size() > 1)
            throw core::bad_input(core::FeatureRef{name, {}, {}, {}}, std::to_string(proposals.size()) + " features where one proposal is expected");
        std::vector<core::SitingResult> results = plan.check_siting(proposals, opt);
        const core::SitingResult& r = results.front();
        if (r.area_m2 > 0 && r.outside_district_m2 >= r.area_m2 * 0.999)
            throw core::bad_input(core::FeatureRef{name, {}, r.proposal.fid, r.proposal.id},
                                  "the proposal lies entirely outside the district (check its coordinates and CRS)");
        return answer(r, dir.path());
    } catch (const core::Error& e) {
        if (e.code() != core::ExitCode::bad_input) throw;
        return error_response(400, without_folder(e.what(), dir.path()));
    }
}

/// Chromium processes printing at once: each takes a core and a few hundred MiB, so a burst of
/// PDF requests waits here instead of starting a browser per request.
class PrintSlots {
public:
    explicit PrintSlots(int n) : m_free(n) {}
    class Held {
    public:
        explicit Held(PrintSlots& s) : m_s(s) {
            std::unique_lock<std::mutex> lock(m_s.m_mutex);
            m_s.m_cv.wait(lock, [this] { return m_s.m_free > 0; });
            --m_s.m_free;
        }
        ~Held() {
            {
                std::lock_guard<std::mutex> lock(m_s.m_mutex);
                ++m_s.m_free;
            }
            m_s.m_cv.notify_one();
        }
        Held(const Held&) = delete;
        Held& operator=(const Held&) = delete;

    private:
        PrintSlots& m_s;
    };

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    int m_free;
};

PrintSlots& print_slots() {
    static PrintSlots slots(2);
    return slots;
}

}  // namespace

Response check(const Plan& plan, const std::string& body, const std::map<std::string, std::string>& params, report::Lang lang) {
    return answer_site(plan, body, params, [&](const core::SitingResult& r, const std::filesystem::path&) {
        std::ostringstream text;
        report::write_check_json(text, {r}, plan.store, lang, false);
        Response resp;
        resp.body = text.str();
        return resp;
    });
}

bool review_pdf_available() {
    try {
        io::find_chromium("review.pdf");
        return true;
    } catch (const core::Error&) {
        return false;
    }
}

Response review_pdf(const Plan& plan, const std::string& body, const std::map<std::string, std::string>& params, report::Lang lang) {
    if (!review_pdf_available())
        return error_response(503, "the review opinion as PDF needs headless Chromium, which this server does not have: install the Debian packages "
                                   "chromium and fonts-noto-cjk (scripts/install-deps), or set ZONING_CHROMIUM before zoning serve starts");
    auto param = [&](const char* key) {
        auto it = params.find(key);
        return it == params.end() ? std::string() : it->second;
    };
    return answer_site(plan, body, params, [&](const core::SitingResult& r, const std::filesystem::path& dir) {
        const std::string html = opinion_html(r, plan.store, plan.catalog, param("organisation"), param("date"), lang);
        const std::filesystem::path pdf = dir / "opinion.pdf";
        {
            PrintSlots::Held slot(print_slots());
            io::print_pdf(html, pdf);
        }
        Response resp;
        resp.content_type = "application/pdf";
        std::ifstream in(pdf, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (!in && !in.eof()) throw core::Error(core::ExitCode::internal, "cannot read the printed opinion " + pdf.string());
        resp.body = bytes.str();
        return resp;
    });
}

}  // namespace zoning::serve
