// SPDX-License-Identifier: MIT
#include <cmath>

#include <nlohmann/json.hpp>

#include "report/report.hpp"

namespace zoning::report {

namespace {
// Centimetre-square precision: stable golden files, no false precision.
double r2(double v) { return std::round(v * 100.0) / 100.0; }
double r6(double v) { return std::round(v * 1e6) / 1e6; }

nlohmann::json areas(const std::map<std::string, double>& m) {
    nlohmann::json j = nlohmann::json::object();
    for (auto& [k, v] : m) j[k] = r2(v);
    return j;
}

nlohmann::ordered_json quote_json(const std::optional<core::Quote>& q) {
    if (!q) return nullptr;
    return {{"text", q->text}, {"line", q->line}};
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text) {
        if (c == '\n') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}
/// report --baseline: what changed since that store, in counts and ids (`zoning diff` has the detail).
nlohmann::ordered_json since_json(const core::DiffResult& d) {
    nlohmann::ordered_json added = nlohmann::ordered_json::array(), removed = nlohmann::ordered_json::array(), changed = nlohmann::ordered_json::array();
    for (auto& l : d.layers) {
        for (auto& e : l.added) added.push_back({{"layer", l.layer}, {"id", e.id}, {"name", e.name}});
        for (auto& e : l.removed) removed.push_back({{"layer", l.layer}, {"id", e.id}, {"name", e.name}});
        for (auto& c : l.changed) changed.push_back({{"layer", l.layer}, {"id", c.id}, {"name", c.name}});
    }
    nlohmann::ordered_json status = nlohmann::ordered_json::array();
    for (auto& s : d.projects_status) status.push_back({{"id", s.id}, {"name", s.name}, {"from", s.old_status}, {"to", s.new_status}});
    auto rules = [](const std::vector<core::Conflict>& cs) {
        nlohmann::ordered_json a = nlohmann::ordered_json::array();
        for (auto& c : cs) {
            nlohmann::ordered_json ids = nlohmann::ordered_json::array();
            for (auto& f : c.features) ids.push_back(f.id);
            a.push_back({{"rule", c.rule}, {"features", ids}});
        }
        return a;
    };
    return {{"store", d.old_store}, {"built_at", d.old_built_at}, {"same_dataset", d.same_dataset}, {"same_rules", d.same_rules},
            {"same_crs", d.old_crs == d.new_crs}, {"added", added}, {"removed", removed}, {"changed", changed}, {"projects_status", status},
            {"conflicts_new", rules(d.conflicts_new)}, {"conflicts_resolved", rules(d.conflicts_resolved)}, {"conflicts_open", d.conflicts_open.size()}};
}

/// The expected path (issue 14): where the target should be in the evaluation year and how far it is.
void add_path_keys(nlohmann::ordered_json& row, const core::ProgressRow& p) {
    const auto& t = p.target;
    row["baseline_year"] = t.baseline_year ? nlohmann::ordered_json(*t.baseline_year) : nlohmann::ordered_json(nullptr);
    row["path"] = t.path.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(t.path);
    row["rate"] = t.rate ? nlohmann::ordered_json(*t.rate) : nlohmann::ordered_json(nullptr);
    row["expected"] = p.expected ? nlohmann::ordered_json(r6(*p.expected)) : nlohmann::ordered_json(nullptr);
    row["level"] = p.level.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(p.level);
    row["measured_from"] = p.measured_from;
    row["measured_year"] = p.measured_year ? nlohmann::ordered_json(*p.measured_year) : nlohmann::ordered_json(nullptr);
    row["indicator"] = p.measured_from == "indicator"
                           ? nlohmann::ordered_json{{"source", p.indicator_source}, {"certainty", p.indicator_certainty}}
                           : nlohmann::ordered_json(nullptr);
}
}  // namespace

void write_json(std::ostream& out, const ReportData& r, Lang lang) {
    const core::Dataset& d = *r.dataset;
    nlohmann::ordered_json j;
    j["report_version"] = 1;
    j["lang"] = lang == Lang::zh ? "zh" : "en";
    j["dataset"] = {{"name", d.meta("name")},
                    {"name_en", d.meta("name_en")},
                    {"certainty", d.meta("certainty")},
                    {"illustrative", d.illustrative()},
                    {"sources", lines(d.meta("sources"))},
                    {"notes", lines(dataset_notes(d, lang))},
                    {"certainty_note", certainty_note(d, lang)},
                    {"built_at", d.meta("built_at")}};
    // The report's head (dataset.toml [dataset]); null when the dataset does not say.
    for (const char* key : {"organisation", "data_date", "evaluation_year"})
        j["dataset"][key] = d.meta(key).empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.meta(key));
    j["crs"] = d.work_crs_name();
    j["zone"] = r.zone.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.zone);
    j["rules_from"] = r.rules_origin;
    j["district_area_m2"] = r2(r.overlay.district_area_m2);
    // Areas both ways (docs/crs.md): which one the figures above and below are, and the district's each.
    j["area"] = r.overlay.ellipsoidal ? "ellipsoidal" : "planar";
    j["district_planar_area_m2"] = r2(r.overlay.district_planar_area_m2);
    j["district_ellipsoidal_area_m2"] = r2(r.overlay.district_ellipsoidal_area_m2);

    j["coverage"] = nlohmann::ordered_json::array();
    for (const auto& c : r.overlay.coverage) {
        nlohmann::ordered_json row = {{"layer", c.layer},
                                      {"id", c.id},
                                      {"name", c.name},
                                      {"kind", c.kind},
                                      {"area_m2", r2(c.area_m2)},
                                      {"parcels_m2", r2(c.parcels_m2)},
                                      {"landuse_m2", areas(c.landuse_m2)},
                                      {"landuse_level1_m2", areas(c.landuse_level1_m2)},
                                      {"projects_m2", r2(c.projects_m2)},
                                      {"projects_by_status_m2", areas(c.projects_by_status_m2)},
                                      {"redevelopment_m2", r2(c.redevelopment_m2)},
                                      {"planar_area_m2", r2(c.planar_area_m2)},
                                      {"ellipsoidal_area_m2", r2(c.ellipsoidal_area_m2)},
                                      {"planar_excess", std::round(c.planar_excess() * 1e9) / 1e9}};
        row["projects"] = nlohmann::ordered_json::array();
        for (auto& p : c.projects)
            row["projects"].push_back({{"id", p.id}, {"name", p.name}, {"status", p.status}, {"area_m2", r2(p.area_m2)}});
        j["coverage"].push_back(row);
    }
    j["reconciliation"] = nlohmann::ordered_json::array();
    for (auto& rc : r.overlay.reconciliation)
        j["reconciliation"].push_back({{"layer", rc.layer},
                                       {"frames_landuse_m2", r2(rc.frames_landuse_m2)},
                                       {"parcels_in_district_m2", r2(rc.parcels_in_district_m2)},
                                       {"relative_difference", r6(rc.relative_difference)}});

    j["progress"] = nlohmann::ordered_json::array();
    for (const auto& p : r.progress) {
        const auto& t = p.target;
        nlohmann::ordered_json row = {{"id", t.id},
                                      {"name", t.name},
                                      {"name_en", t.name_en},
                                      {"measured", p.measured ? nlohmann::ordered_json(r6(*p.measured)) : nlohmann::ordered_json(nullptr)},
                                      {"target", t.target_text.empty() ? nlohmann::ordered_json(t.target) : nlohmann::ordered_json(nullptr)},
                                      {"target_text", t.target_text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(t.target_text)},
                                      {"unit", t.unit},
                                      {"comparison", t.comparison},
                                      {"ratio", p.ratio ? nlohmann::ordered_json(r6(*p.ratio)) : nlohmann::ordered_json(nullptr)},
                                      {"status", p.status},
                                      {"text", progress_text(p, lang)},
                                      {"source", t.source},
                                      {"measurable", t.measurable},
                                      {"year", t.year},
                                      {"baseline", t.baseline ? nlohmann::ordered_json(*t.baseline) : nlohmann::ordered_json(nullptr)},
                                      {"basis", p.basis}};
        row["series"] = nlohmann::ordered_json::array();
        for (auto& [y, v] : p.series) row["series"].push_back({{"year", y}, {"value", r6(v)}});
        row["counted"] = p.counted_ids;
        row["quote"] = quote_json(t.quote);
        row["reading"] = t.reading.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(lang == Lang::zh ? t.reading : t.reading_en);
        row["deadline"] = t.deadline ? nlohmann::ordered_json(*t.deadline) : nlohmann::ordered_json(nullptr);
        row["evaluation_year"] = p.evaluation_year;
        row["evaluation_year_from"] = p.evaluation_year_from;
        row["land_area_m2"] = p.land_area_m2 ? nlohmann::ordered_json(r2(*p.land_area_m2)) : nlohmann::ordered_json(nullptr);
        add_path_keys(row, p);
        row["excluded"] = nlohmann::ordered_json::array();
        for (auto& e : p.excluded) row["excluded"].push_back({{"id", e.id}, {"name", e.name}, {"plan_verb", e.plan_verb}});
        j["progress"].push_back(row);
    }

    if (r.since) j["since"] = since_json(*r.since);
    j["conflicts"] = nlohmann::ordered_json::array();
    for (const auto& c : r.conflicts) {
        nlohmann::ordered_json row = {{"rule", c.rule},
                                      {"title", lang == Lang::zh ? c.title : c.title_en},
                                      {"severity", c.severity},
                                      {"category", c.category},
                                      {"clause", c.clause},
                                      {"quote", quote_json(c.quote)},
                                      {"reading", c.reading.empty() ? nlohmann::ordered_json(nullptr)
                                                                    : nlohmann::ordered_json(lang == Lang::zh ? c.reading : c.reading_en)}};
        row["features"] = nlohmann::ordered_json::array();
        for (auto& f : c.features) row["features"].push_back({{"layer", f.layer}, {"id", f.id}, {"name", f.name}});
        row["overlap_m2"] = r2(c.overlap_m2);
        row["reason"] = lang == Lang::zh ? c.reason_zh : c.reason;
        j["conflicts"].push_back(row);
    }
    j["robustness_notes"] = robustness_notes(r);
    j["footer"] = footer(r, lang);
    // replace: text from an old store may not be UTF-8; a U+FFFD is better than no output (exit 5)
    out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace zoning::report
