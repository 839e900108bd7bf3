// SPDX-License-Identifier: MIT
#include "analysis/progress.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "analysis/frame_index.hpp"
#include "core/error.hpp"
#include "core/number_format.hpp"
#include "geo/geos.hpp"

namespace zoning::analysis {

using core::OverlayResult;
using core::ProgressRow;
using core::CoverageRow;

namespace {

constexpr int kFirstYear = 2021;  // the plan period is 2021–2025

const core::Feature* find_named(const core::Layer& layer, const std::string& name, std::size_t* index = nullptr) {
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        if (layer.text(layer.features[i], "name") == name || layer.id_of(layer.features[i]) == name) {
            if (index) *index = i;
            return &layer.features[i];
        }
    return nullptr;
}

const core::Layer& need_layer(const core::Dataset& d, const std::string& name, const core::Target& t) {
    const core::Layer* l = d.find(name);
    if (!l) throw core::bad_input(core::FeatureRef{t.origin, name, {}, {}}, "target " + t.id + " (line " + std::to_string(t.line) + ") needs this layer; the store has none");
    return *l;
}

double number(const core::Layer& l, const core::Feature& f, const std::string& field) {
    int i = l.spec->field_index(field);
    if (i < 0) return 0;
    const core::Value& v = f.values[static_cast<std::size_t>(i)];
    if (auto* d = std::get_if<double>(&v)) return *d;
    if (auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
    return 0;
}

int year_of(const core::Layer& l, const core::Feature& f) { return static_cast<int>(number(l, f, "completion_year")); }

/// The plan verb that asks only to prepare a project (谋划): such a project is not one the plan
/// expects built in the period, so a completion the data claims for it does not count towards a target.
constexpr const char* kOnlyPlanned = "谋划";

/// Completed projects that pass `keep`, with a yearly series; returns the indices counted.
std::vector<std::size_t> sum_completed(const core::Layer& projects, const std::string& field, int last_year,
                                       const std::function<bool(std::size_t)>& keep, ProgressRow& row, std::optional<int> completed_by) {
    std::map<int, double> by_year;
    std::vector<std::size_t> counted;
    double total = 0;
    const bool has_verb = projects.spec->field_index("plan_verb") >= 0;
    for (std::size_t i = 0; i < projects.features.size(); ++i) {
        const auto& f = projects.features[i];
        if (projects.text(f, "status") != "completed") continue;
        // Judged as of an earlier year, a project completed later was not yet completed then.
        if (completed_by && year_of(projects, f) > *completed_by) continue;
        if (!keep(i)) continue;
        double v = number(projects, f, field);
        if (v <= 0) continue;
        if (has_verb && projects.text(f, "plan_verb") == kOnlyPlanned) {
            row.excluded.push_back({projects.id_of(f), projects.text(f, "name"), kOnlyPlanned});
            continue;
        }
        total += v;
        by_year[year_of(projects, f)] += v;
        row.counted_ids.push_back(projects.id_of(f));
        counted.push_back(i);
    }
    double cum = 0;
    for (auto& [y, v] : by_year)
        if (y < kFirstYear) cum += v;
    for (int y = kFirstYear; y <= std::max(last_year, kFirstYear); ++y) {
        if (auto it = by_year.find(y); it != by_year.end()) cum += it->second;
        row.series.emplace_back(y, cum);
    }
    row.measured = total;
    return counted;
}

bool counts_as(const std::string& code, const core::Target& t) {
    if (!t.landuse_codes.empty())
        return std::any_of(t.landuse_codes.begin(), t.landuse_codes.end(), [&](const std::string& c) { return code.rfind(c, 0) == 0; });
    return code.rfind(t.landuse_prefix, 0) == 0;
}

/// The year targets are judged at: the dataset's evaluation_year when it has one, else the newest
/// completion year among its projects (the data can say nothing of a later year).
std::pair<int, std::string> evaluation_year(const core::Dataset& d, std::optional<int> asked) {
    if (asked) return {*asked, "option"};
    const std::string given = d.meta("evaluation_year");
    if (!given.empty()) {
        try {
            std::size_t used = 0;
            int y = std::stoi(given, &used);
            if (used == given.size() && y >= 1900 && y <= 2100) return {y, "dataset"};
        } catch (const std::exception&) {
        }
        throw core::bad_input(core::FeatureRef{"dataset", {}, {}, {}},
                              "evaluation_year must be a year between 1900 and 2100, not '" + given + "'");
    }
    int newest = 0;
    if (const core::Layer* p = d.find("projects"))
        for (const auto& f : p->features)
            if (p->text(f, "status") == "completed") newest = std::max(newest, year_of(*p, f));
    return {newest, "newest_completion"};
}

/// A statistical target's figure from indicators.csv: its latest value up to `year`, with the
/// values before it as the series. False when the file has none for the target by then.
bool from_indicators(const std::vector<core::IndicatorValue>& values, int year, ProgressRow& row) {
    const core::IndicatorValue* latest = nullptr;
    for (const auto& v : values) {
        if (v.target_id != row.target.id || (year > 0 && v.year > year)) continue;
        row.series.emplace_back(v.year, v.value);
        if (!latest || v.year > latest->year) latest = &v;
    }
    std::sort(row.series.begin(), row.series.end());
    if (!latest) return false;
    row.measured = latest->value;
    row.measured_year = latest->year;
    row.measured_from = "indicator";
    row.indicator_source = latest->source;
    row.indicator_certainty = latest->certainty;
    row.basis = "statistical indicator for " + std::to_string(latest->year) + ": " + latest->source + " (" + latest->certainty + ")";
    return true;
}

/// The row's level against the expected path in `year`: met is 达成 and past-deadline 逾期 whatever
/// the path; otherwise measured / expected (expected / measured for an upper limit) against the
/// file's [levels]. A target to be kept near a value (≈) has no "ahead", so it gets no path level.
void judge_level(ProgressRow& row, int year) {
    const core::Target& t = row.target;
    if (year > 0) row.expected = core::expected_value(t, year);
    if (!row.measured) return;
    if (row.status == "met") {
        row.level = "achieved";
        return;
    }
    if (row.status == "overdue") {
        row.level = "overdue";
        return;
    }
    if (!row.expected || t.comparison == "≈") return;
    const double m = *row.measured, e = *row.expected;
    double share = 0;
    if (t.comparison == ">=") share = e > 0 ? m / e : (m >= e ? 1.0 : 0.0);
    else share = m > 0 ? e / m : 1.0;
    row.level = share >= t.levels.behind_below ? "on_track" : share >= t.levels.severely_behind_below ? "behind" : "severely_behind";
}

}  // namespace

std::vector<ProgressRow> measure_progress(const core::Dataset& d, const std::vector<core::Target>& targets, const OverlayResult& ov,
                                          std::vector<std::string>* robustness_notes, std::optional<int> year) {
    std::vector<ProgressRow> rows;
    const auto [judged_in, judged_from] = evaluation_year(d, year);
    std::vector<core::IndicatorValue> indicators;
    if (auto it = d.files.find("indicators.csv"); it != d.files.end()) indicators = core::parse_indicators(it->second, "indicators.csv", targets);
    geo::GeosContext ctx;
    RobustnessLog log;
    for (const auto& t : targets) {
        ProgressRow row;
        row.target = t;
        row.evaluation_year = judged_in;
        row.evaluation_year_from = judged_from;
        if (!t.measurable && !from_indicators(indicators, judged_in, row)) {
            row.status = "not_measurable";
            row.measured_from = "none";
            row.basis = t.note.empty() ? "not measurable from the data" : "not measurable from the data: " + t.note;
            judge_level(row, judged_in);  // the path still says what the year should bring
            rows.push_back(std::move(row));
            continue;
        }
        if (t.measure == "built_floor") {
            const core::Layer& frames = need_layer(d, t.frame_layer, t);
            const core::Feature* frame = find_named(frames, t.frame_name);
            if (!frame) throw core::bad_input(core::FeatureRef{t.origin, t.frame_layer, {}, {}}, "target " + t.id + ": no feature named '" + t.frame_name + "'");
            const core::Layer* projects = d.find("projects");
            if (projects) {
                const FrameIndex fi(ctx, std::vector<std::string_view>{frame->wkb});
                const std::string frame_id = frames.id_of(*frame);
                std::map<std::size_t, double> inside_m2;
                // A project counts where most of it lies: built floor area is not spread evenly.
                auto counted = sum_completed(*projects, "built_floor_m2", t.year, [&](std::size_t i) {
                    geo::GeomPtr g = geo::from_wkb(ctx, projects->features[i].wkb);
                    std::optional<Part> part =
                        fi.part(ctx, 0, g.get(), Inside::touching, "project " + projects->id_of(projects->features[i]) + " × " + frame_id, log);
                    if (!part) return false;
                    const double own = geo::area(ctx, g.get());
                    const double in = part->whole ? own : part->area(ctx, 0);
                    inside_m2[i] = in;
                    return part->whole || in >= 0.5 * own;
                }, row, year);
                // The other reading of 建成面积: the land the counted projects cover inside the area.
                double land = 0;
                for (std::size_t i : counted) land += inside_m2[i];
                row.land_area_m2 = land;
            }
            row.basis = "built floor area of completed projects lying mostly inside " + t.frame_name;
        } else if (t.measure == "project_sum") {
            const core::Layer& projects = need_layer(d, "projects", t);
            sum_completed(projects, t.field, t.year, [&](std::size_t i) {
                return t.category.empty() || projects.text(projects.features[i], "category") == t.category;
            }, row, year);
            row.basis = "sum of " + t.field + " over completed projects" + (t.category.empty() ? "" : " of category " + t.category);
        } else if (t.measure == "landuse_share") {
            double district = 0, matching = 0;
            for (auto& c : ov.coverage) {
                if (c.layer != "boundary") continue;
                district += c.area_m2;
                for (auto& [code, a] : c.landuse_m2)
                    if (counts_as(code, t)) matching += a;
            }
            if (district > 0) row.measured = matching / district;
            std::string codes = t.landuse_prefix + "*";
            if (!t.landuse_codes.empty()) {
                codes.clear();
                for (auto& c : t.landuse_codes) codes += (codes.empty() ? "" : ", ") + c;
            }
            row.basis = "area of parcels coded " + codes + " over the district area (" +
                        core::grouped(matching) + " / " + core::grouped(district) + " m²)";
        } else if (t.measure == "feature_area" || t.measure == "axis_length") {
            const core::Layer& layer = need_layer(d, t.feature_layer, t);
            const core::Feature* f = find_named(layer, t.feature_name);
            if (!f) throw core::bad_input(core::FeatureRef{t.origin, t.feature_layer, {}, {}}, "target " + t.id + ": no feature named '" + t.feature_name + "'");
            geo::GeomPtr g = geo::from_wkb(ctx, f->wkb);
            if (t.measure == "axis_length") {
                row.measured = geo::length(ctx, g.get());
                row.basis = "length of " + t.feature_name + " in " + t.feature_layer;
            } else {
                double m2 = geo::area(ctx, g.get());
                row.measured = t.unit == "亩" ? m2 * core::kMuPerM2 : t.unit == "km²" ? m2 / 1e6 : m2;
                row.basis = "area of " + t.feature_name + " in " + t.feature_layer;
            }
            row.counted_ids.push_back(layer.id_of(*f));
        }
        if (!row.measured) {
            row.status = "no_data";
        } else {
            row.ratio = t.target != 0 ? *row.measured / t.target : 0.0;
            if (t.comparison == ">=") row.status = *row.measured >= t.target ? "met" : "behind";
            else if (t.comparison == "<=") row.status = *row.measured <= t.target ? "met" : "behind";
            else row.status = std::fabs(*row.ratio - 1.0) <= t.tolerance ? "met" : "off_target";
            // Past its deadline and not met, a target is no longer behind schedule: it was missed.
            if (row.status != "met" && t.deadline && judged_in > *t.deadline) row.status = "overdue";
        }
        judge_level(row, row.measured_year.value_or(judged_in));
        rows.push_back(std::move(row));
    }
    if (robustness_notes) robustness_notes->insert(robustness_notes->end(), log.notes.begin(), log.notes.end());
    return rows;
}

}  // namespace zoning::analysis
