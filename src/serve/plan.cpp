// SPDX-License-Identifier: MIT
#include "serve/plan.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <functional>
#include <sstream>

#include "analysis/plan_review.hpp"
#include "analysis/rules/rule_kind.hpp"
#include "geo/geos.hpp"
#include "io/file_util.hpp"
#include "io/store.hpp"

namespace zoning::serve {

namespace {

/// Tiles of at most this many metres at the deepest zoom: a few hundred parcels each at
/// urban density, small enough to draw at once and few enough to make in seconds.
constexpr double kFinestTileM = 1000.0;

std::string hex(std::size_t v) {
    std::ostringstream o;
    o << std::hex << v;
    return o.str();
}

}  // namespace

StoreStamp stamp_of(const std::filesystem::path& store) {
    std::error_code ec;
    StoreStamp s;
    s.size = std::filesystem::file_size(store, ec);
    if (ec) throw core::bad_input(core::FeatureRef{store.string(), {}, {}, {}}, "cannot read the store: " + ec.message());
    auto t = std::filesystem::last_write_time(store, ec);
    if (ec) throw core::bad_input(core::FeatureRef{store.string(), {}, {}, {}}, "cannot read the store: " + ec.message());
    s.mtime_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
    return s;
}

bool served_as_tiles(const std::string& layer) { return layer == "parcels"; }

std::uint64_t next_reading() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
}

std::shared_ptr<const Plan> load_plan(const PlanOptions& options) {
    const auto t0 = std::chrono::steady_clock::now();
    auto plan = std::make_shared<Plan>();
    plan->stamp = stamp_of(options.store);
    plan->catalog = core::Catalog::load(options.catalog_dir);
    plan->store = io::read_store(options.store, plan->catalog, options.threads);
    plan->catalog.apply_dataset_words(plan->store.metadata);
    const std::string shown = options.store.string();
    if (auto it = plan->store.files.find("targets.toml"); it != plan->store.files.end())
        plan->targets = core::parse_targets(it->second, shown + ":targets.toml");
    std::string rules_origin = "store";
    if (!options.rules.empty()) {
        plan->rules = core::parse_rules(io::read_text_file(options.rules), options.rules.string());
        rules_origin = options.rules.string();
    } else if (auto it = plan->store.files.find("rules.toml"); it != plan->store.files.end()) {
        plan->rules = core::parse_rules(it->second, shown + ":rules.toml");
    }
    analysis::check_rules(plan->rules);

    analysis::PlanReviewOptions review_options;
    review_options.threads = options.threads;
    analysis::PlanReview review = analysis::plan_review(plan->store, plan->catalog, plan->targets, plan->rules, review_options);
    report::ReportData& data = plan->report;
    data.dataset = &plan->store;
    data.catalog = &plan->catalog;
    data.rules_origin = rules_origin;
    data.overlay = std::move(review.overlay);
    data.progress = std::move(review.progress);
    data.conflicts = std::move(review.conflicts.conflicts);
    data.analysis_notes = std::move(review.progress_notes);
    data.analysis_notes.insert(data.analysis_notes.end(), review.conflicts.robustness_notes.begin(), review.conflicts.robustness_notes.end());
    std::ostringstream zh, en;
    report::write_json(zh, data, report::Lang::zh);
    report::write_json(en, data, report::Lang::en);
    plan->report_json_zh = zh.str();
    plan->report_json_en = en.str();

    plan->proj4 = io::proj4_definition(plan->store.work_crs());
    geo::GeosContext ctx;
    bool first = true;
    for (auto& layer : plan->store.layers)
        for (auto& f : layer.features) {
            if (f.wkb.empty()) continue;
            geo::Envelope e = geo::envelope(ctx, geo::from_wkb(ctx, f.wkb).get());
            if (first) plan->extent[0] = e.minx, plan->extent[1] = e.miny, plan->extent[2] = e.maxx, plan->extent[3] = e.maxy;
            plan->extent[0] = std::min(plan->extent[0], e.minx), plan->extent[1] = std::min(plan->extent[1], e.miny);
            plan->extent[2] = std::max(plan->extent[2], e.maxx), plan->extent[3] = std::max(plan->extent[3], e.maxy);
            first = false;
        }
    // A square grid a little larger than the data, so no feature touches its edge.
    const double side = std::max({plan->extent[2] - plan->extent[0], plan->extent[3] - plan->extent[1], 1.0}) * 1.02;
    const double cx = (plan->extent[0] + plan->extent[2]) / 2, cy = (plan->extent[1] + plan->extent[3]) / 2;
    plan->grid.origin_x = std::floor(cx - side / 2);
    plan->grid.origin_y = std::ceil(cy + side / 2);
    plan->grid.size0 = std::ceil(side);
    plan->grid.max_zoom = std::clamp(static_cast<int>(std::ceil(std::log2(plan->grid.size0 / kFinestTileM))), 0, 16);

    // A cache folder per store (a hash of its absolute path) holding one per reading of it (size and
    // mtime): two stores never share tiles, a rebuilt store gets new ones, and the tiles of its
    // earlier builds are removed when the new ones are in place, so the cache does not grow with rebuilds.
    const std::filesystem::path store_cache =
        options.cache_dir / hex(std::hash<std::string>{}(std::filesystem::absolute(options.store).lexically_normal().string()));
    const std::string reading = std::to_string(plan->stamp.size) + "-" + std::to_string(plan->stamp.mtime_ns);
    plan->tiles_dir = store_cache / reading;
    for (auto& layer : plan->store.layers)
        if (served_as_tiles(layer.name()) && !std::filesystem::exists(plan->tiles_dir / layer.name()))
            io::write_vector_tiles(options.store, layer.name(), plan->store.work_crs(), plan->grid, plan->tiles_dir / layer.name());
    std::error_code ec;
    for (auto& entry : std::filesystem::directory_iterator(store_cache, ec)) {
        const std::string name = entry.path().filename().string();
        // Only folders this code names (digits-digits), never anything else a user put there.
        if (name != reading && name.find_first_not_of("0123456789-") == std::string::npos && entry.is_directory())
            std::filesystem::remove_all(entry.path(), ec);
    }
    plan->load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return plan;
}

std::vector<core::SitingResult> Plan::check_siting(const std::vector<core::Proposal>& proposals, const analysis::SitingOptions& options) const {
    // Two readings at most: the current one, and the one a request still in flight started with when
    // the store was rebuilt; an older reading's index is dropped (by its own thread) to make room.
    constexpr std::size_t kReadingsKept = 2;
    thread_local std::vector<std::pair<std::uint64_t, std::unique_ptr<analysis::SitingIndex>>> mine;
    auto it = std::find_if(mine.begin(), mine.end(), [this](auto& e) { return e.first == reading; });
    if (it == mine.end()) {
        if (mine.size() >= kReadingsKept) mine.erase(std::min_element(mine.begin(), mine.end(), [](auto& a, auto& b) { return a.first < b.first; }));
        mine.emplace_back(reading, std::make_unique<analysis::SitingIndex>(store));
        it = mine.end() - 1;
    }
    return analysis::check_siting(*it->second, catalog, rules, proposals, options);
}

PlanSource::PlanSource(PlanOptions options) : m_options(std::move(options)) { m_plan = load_plan(m_options); }

std::shared_ptr<const Plan> PlanSource::current() {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (stamp_of(m_options.store) != m_plan->stamp) m_plan = load_plan(m_options);
    return m_plan;
}

}  // namespace zoning::serve
