// SPDX-License-Identifier: MIT
#pragma once
// What `zoning serve` answers from: one reading of the store (catalog, features, targets, rules,
// the report computed once, the parcels' vector tiles), replaced whole when the store changes on
// disk. Requests hold a shared_ptr to the reading they started with, so a reload never pulls a
// dataset from under a request in flight.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "analysis/siting.hpp"
#include "core/catalog.hpp"
#include "core/dataset.hpp"
#include "core/plan_rules.hpp"
#include "io/web_map.hpp"
#include "report/report.hpp"

namespace zoning::serve {

/// Size and modification time of the store file: a rebuild (an atomic rename) changes both.
struct StoreStamp {
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const StoreStamp&) const = default;
};
/// Throws bad_input naming the store when it cannot be stat'ed.
StoreStamp stamp_of(const std::filesystem::path& store);

/// The layers the map takes as vector tiles rather than GeoJSON: those that grow with the district.
bool served_as_tiles(const std::string& layer);

struct PlanOptions {
    std::filesystem::path store;
    std::filesystem::path catalog_dir;
    std::filesystem::path rules;      ///< empty: the store's rules.toml
    std::filesystem::path cache_dir;  ///< the tile cache's root; a folder per store reading inside
    unsigned threads = 0;             ///< the report's overlay on load
};

/// The siting indexes of one reading, kept across requests: building one (every parcel and frame
/// parsed, prepared and put in a tree) costs several times a check itself. A request borrows a
/// free one, or builds one when all are in use, and gives it back, so there are at most as many
/// as requests ever ran at once (the server's thread pool), each used by one thread at a time.
class SitingIndexPool {
public:
    class Lease {
    public:
        Lease(SitingIndexPool& pool, std::unique_ptr<analysis::SitingIndex> index) : m_pool(pool), m_index(std::move(index)) {}
        ~Lease() { m_pool.give_back(std::move(m_index)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        analysis::SitingIndex& index() { return *m_index; }

    private:
        SitingIndexPool& m_pool;
        std::unique_ptr<analysis::SitingIndex> m_index;
    };
    /// A free index over `dataset` (the Plan's own store, the same on every call).
    Lease borrow(const core::Dataset& dataset);

private:
    void give_back(std::unique_ptr<analysis::SitingIndex> index);
    std::mutex m_mutex;
    std::vector<std::unique_ptr<analysis::SitingIndex>> m_free;
};

struct Plan {
    StoreStamp stamp;
    core::Catalog catalog;
    core::Dataset store;
    std::vector<core::Target> targets;
    std::vector<core::Rule> rules;
    report::ReportData report;  ///< points into `catalog` and `store`: a Plan never moves (held by shared_ptr)
    std::string report_json_zh, report_json_en;
    std::string proj4;
    double extent[4] = {0, 0, 0, 0};  ///< minx, miny, maxx, maxy of every layer
    io::TileGrid grid;
    std::filesystem::path tiles_dir;  ///< `{layer}/{z}/{x}/{y}.pbf` below it
    double load_seconds = 0;
    mutable SitingIndexPool siting_indexes;

    /// analysis::check_siting against this reading, with an index from its pool.
    std::vector<core::SitingResult> check_siting(const std::vector<core::Proposal>& proposals, const analysis::SitingOptions& options) const;
};

/// Reads the store as `report` and `check` do (PlanOptions::load of the CLI), runs the report's
/// overlay, progress and conflicts once, and makes the tiles unless the cache has them.
std::shared_ptr<const Plan> load_plan(const PlanOptions& options);

/// The current reading; checks the store's stamp on every call and reads it again when it changed.
/// A failed re-read throws (the request gets the message) and is tried again on the next call.
class PlanSource {
public:
    explicit PlanSource(PlanOptions options);
    std::shared_ptr<const Plan> current();
    const PlanOptions& options() const { return m_options; }

private:
    PlanOptions m_options;
    std::mutex m_mutex;
    std::shared_ptr<const Plan> m_plan;
};

}  // namespace zoning::serve
