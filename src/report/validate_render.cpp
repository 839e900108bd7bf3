// SPDX-License-Identifier: MIT
#include "report/validate_render.hpp"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "report/words.hpp"

namespace zoning::report {

namespace {

std::string amount(const core::LayerSummary& s, bool polygon) {
    char buf[64];
    if (polygon)
        std::snprintf(buf, sizeof buf, "%.3f km²", s.total_area_m2 / 1e6);
    else
        std::snprintf(buf, sizeof buf, "%.2f km", s.total_length_m / 1000.0);
    return buf;
}

}  // namespace

void write_validation_json(std::ostream& out, const core::ValidationReport& rep, const core::Dataset& d, const std::string& input) {
    nlohmann::json j;
    j["input"] = input;
    j["dataset"] = {{"name", d.metadata.count("name") ? d.metadata.at("name") : ""}, {"illustrative", d.illustrative()}};
    j["ok"] = rep.ok();
    j["work_crs"] = d.work_crs_name();
    for (auto& s : rep.layers) {
        nlohmann::json l = {{"layer", s.layer},
                            {"title_zh", s.title_zh},
                            {"count", s.count},
                            {"source_crs", s.crs},
                            {"repaired", s.repaired},
                            {"area_m2", s.total_area_m2},
                            {"length_m", s.total_length_m}};
        l["geometry_types"] = s.geometry_types;
        j["layers"].push_back(l);
    }
    j["tiling"] = {{"checked", rep.tiling.checked},
                   {"boundary_area_m2", rep.tiling.boundary_area_m2},
                   {"zones_area_m2", rep.tiling.zones_area_m2},
                   {"gap_area_m2", rep.tiling.gap_area_m2},
                   {"overlap_area_m2", rep.tiling.overlap_area_m2},
                   {"outside_area_m2", rep.tiling.outside_area_m2}};
    j["findings"] = nlohmann::json::array();
    for (auto& f : rep.findings) {
        nlohmann::json fj = {{"severity", core::to_string(f.severity)},
                             {"check", f.check},
                             {"file", f.where.file},
                             {"layer", f.where.layer},
                             {"id", f.where.id},
                             {"message", f.message},
                             {"area_m2", f.area_m2},
                             {"location", f.location}};
        fj["fid"] = f.where.fid ? nlohmann::json(*f.where.fid) : nlohmann::json(nullptr);
        j["findings"].push_back(fj);
    }
    if (!rep.robustness_notes.empty()) j["robustness_notes"] = rep.robustness_notes;  // absent when there were no retries
    out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';  // an older store's non-UTF-8 text must not abort
}

void write_validation_text(std::ostream& out, const core::ValidationReport& rep, const core::Dataset& d, const core::Catalog& cat,
                           const std::string& input) {
    std::size_t errors = 0, warnings = 0;
    for (auto& f : rep.findings) {
        if (f.severity == core::Severity::error) ++errors;
        if (f.severity == core::Severity::warning) ++warnings;
    }
    out << "Validating " << input << "\n";
    if (auto it = d.metadata.find("name"); it != d.metadata.end())
        out << "Dataset: " << it->second
            << (d.illustrative() ? "  [illustrative: schematic geometry, illustrative statuses]" : "  [surveyed]") << "\n";
    // Areas below are in this CRS: a reader comparing them with another tool needs it first.
    out << "Work CRS: " << d.work_crs_name();
    if (const std::string reason = d.meta("crs_reason"); !reason.empty()) out << " (" << reason << ")";
    out << "\n\n";
    char line[320];
    std::snprintf(line, sizeof line, "  %-20s %8s  %-12s %8s  %-14s %s\n", "layer", "features", "source CRS", "repaired", "size",
                  "geometry");
    out << line;
    for (auto& s : rep.layers) {
        const core::LayerSpec* spec = cat.find(s.layer);
        std::string types;
        for (auto& [t, n] : s.geometry_types) types += (types.empty() ? "" : ", ") + t + " " + std::to_string(n);
        std::snprintf(line, sizeof line, "  %-20s %8zu  %-12s %8zu  %-14s %s\n", s.layer.c_str(), s.count, s.crs.c_str(), s.repaired,
                      amount(s, spec && spec->geometry == core::GeomKind::polygon).c_str(), types.c_str());
        out << line;
    }
    if (rep.tiling.checked) {
        std::snprintf(
            line, sizeof line, "\nFunctional zones vs boundary: district %.3f km², zones %.3f km², gaps %.3f m², overlaps %.3f m²\n",
            rep.tiling.boundary_area_m2 / 1e6, rep.tiling.zones_area_m2 / 1e6, rep.tiling.gap_area_m2, rep.tiling.overlap_area_m2);
        out << line;
        // Gaps and overlaps are both zero when zones cover the district and run past it.
        std::snprintf(line, sizeof line, "Functional zones outside the boundary: %.3f m²\n", rep.tiling.outside_area_m2);
        out << line;
    }
    out << "\n" << errors << " error(s), " << warnings << " warning(s)\n";
    // Every finding up to a limit, then a count per kind; --format json lists them all.
    constexpr std::size_t kMaxLines = 100;
    std::size_t shown = 0;
    std::map<std::string, std::size_t> unshown;
    for (auto& f : rep.findings) {
        if (f.severity == core::Severity::info && f.check != "tiling") continue;
        if (++shown <= kMaxLines)
            out << "  " << f.line() << '\n';
        else
            unshown[std::string(core::to_string(f.severity)) + " " + f.where.layer + ": " + f.check]++;
    }
    for (auto& [what, n] : unshown) out << "  ... and " << n << " more " << what << " (see --format json)\n";
    if (!rep.robustness_notes.empty()) {
        out << "\n" << tr("robustness", Lang::en) << ":\n";
        for (auto& n : rep.robustness_notes) out << "  - " << n << '\n';
    }
}

}  // namespace zoning::report
