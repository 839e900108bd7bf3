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

/// 1, 2, ...: a number no other reading in this process has.
std::uint64_t next_reading();

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
    const std::uint64_t reading = next_reading();  ///< this reading's number in the process: tells readings apart

    /// analysis::check_siting against this reading with the calling thread's own siting index over
    /// it, built by the thread's first check and kept for its later ones: building one (every parcel
    /// and frame parsed, prepared and put in a tree) costs more than a check. A thread keeps one per
    /// reading it checked against lately, so a server holds at most one per pool thread and reading,
    /// each used (and freed) by the thread that built it, as GEOS's thread rule wants.
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
