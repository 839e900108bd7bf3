// SPDX-License-Identifier: MIT
#include "core/plan_rules.hpp"

#include <toml++/toml.h>

#include "core/error.hpp"

namespace zoning::core {

namespace {

toml::table parse(const std::string& text, const std::string& origin) {
    try {
        return toml::parse(text, origin);
    } catch (const toml::parse_error& e) {
        throw bad_input(FeatureRef{origin, {}, {}, {}},
                        "line " + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
    }
}

[[noreturn]] void fail(const std::string& origin, int line, const std::string& msg) {
    throw bad_input(FeatureRef{origin, {}, {}, {}}, "line " + std::to_string(line) + ": " + msg);
}

std::vector<std::string> strings(const toml::table& t, const char* key, const std::string& origin, int line) {
    std::vector<std::string> out;
    auto node = t[key];
    if (!node) return out;
    auto* arr = node.as_array();
    if (!arr) fail(origin, line, std::string("'") + key + "' must be a list of strings");
    for (auto& e : *arr) {
        auto s = e.value<std::string>();
        if (!s) fail(origin, static_cast<int>(e.source().begin.line), std::string("'") + key + "' must be a list of strings");
        out.push_back(*s);
    }
    return out;
}

std::string str(const toml::table& t, const char* key, const std::string& origin, int line, bool required,
                const std::string& fallback = {}) {
    auto node = t[key];
    if (!node) {
        if (required) fail(origin, line, std::string("missing '") + key + "'");
        return fallback;
    }
    auto v = node.value<std::string>();
    if (!v) fail(origin, static_cast<int>(node.node()->source().begin.line), std::string("'") + key + "' must be a string");
    return *v;
}

double num(const toml::table& t, const char* key, const std::string& origin, int line, std::optional<double> fallback) {
    auto node = t[key];
    if (!node) {
        if (!fallback) fail(origin, line, std::string("missing number '") + key + "'");
        return *fallback;
    }
    auto v = node.value<double>();
    if (!v) fail(origin, static_cast<int>(node.node()->source().begin.line), std::string("'") + key + "' must be a number");
    return *v;
}

}  // namespace

std::vector<Target> parse_targets(const std::string& text, const std::string& origin) {
    toml::table t = parse(text, origin);
    std::vector<Target> out;
    auto* arr = t["target"].as_array();
    if (!arr) throw bad_input(FeatureRef{origin, {}, {}, {}}, "no [[target]] entries");
    for (auto& node : *arr) {
        auto* tt = node.as_table();
        int line = static_cast<int>(node.source().begin.line);
        if (!tt) fail(origin, line, "[[target]] must be a table");
        Target g;
        g.line = line;
        g.id = str(*tt, "id", origin, line, true);
        g.name = str(*tt, "name", origin, line, true);
        g.name_en = str(*tt, "name_en", origin, line, false, g.name);
        g.unit = str(*tt, "unit", origin, line, false);
        g.comparison = str(*tt, "comparison", origin, line, false, ">=");
        if (g.comparison != ">=" && g.comparison != "<=" && g.comparison != "≈")
            fail(origin, line, "comparison must be \">=\", \"<=\" or \"≈\", not '" + g.comparison + "'");
        g.source = str(*tt, "source", origin, line, true);
        g.note = str(*tt, "note", origin, line, false);
        g.target_text = str(*tt, "target_text", origin, line, false);
        g.target = num(*tt, "target", origin, line, g.target_text.empty() ? std::nullopt : std::optional<double>(0.0));
        if ((*tt)["baseline"]) g.baseline = num(*tt, "baseline", origin, line, std::nullopt);
        g.tolerance = num(*tt, "tolerance", origin, line, 0.05);
        g.year = static_cast<int>(num(*tt, "year", origin, line, 2025.0));
        g.measurable = (*tt)["measurable"].value_or(false);
        if (g.measurable && !g.target_text.empty()) fail(origin, line, "a target stated in words (target_text) cannot be measurable");
        if (g.measurable) {
            g.measure = str(*tt, "measure", origin, line, true);
            if (g.measure == "built_floor") {
                g.frame_layer = str(*tt, "frame_layer", origin, line, true);
                g.frame_name = str(*tt, "frame_name", origin, line, true);
            } else if (g.measure == "landuse_share") {
                g.landuse_prefix = str(*tt, "landuse_prefix", origin, line, true);
            } else if (g.measure == "feature_area" || g.measure == "axis_length") {
                g.feature_layer = str(*tt, "feature_layer", origin, line, true);
                g.feature_name = str(*tt, "feature_name", origin, line, true);
            } else if (g.measure == "project_sum") {
                g.field = str(*tt, "field", origin, line, true);
                g.category = str(*tt, "category", origin, line, false);
            } else {
                fail(origin, line, "unknown measure '" + g.measure +
                                       "' (built_floor, landuse_share, feature_area, axis_length, project_sum)");
            }
        }
        out.push_back(std::move(g));
    }
    return out;
}

std::vector<Rule> parse_rules(const std::string& text, const std::string& origin) {
    toml::table t = parse(text, origin);
    std::vector<Rule> out;
    auto* arr = t["rule"].as_array();
    if (!arr) throw bad_input(FeatureRef{origin, {}, {}, {}}, "no [[rule]] entries");
    for (auto& node : *arr) {
        auto* rt = node.as_table();
        int line = static_cast<int>(node.source().begin.line);
        if (!rt) fail(origin, line, "[[rule]] must be a table");
        Rule r;
        r.line = line;
        r.id = str(*rt, "id", origin, line, true);
        r.title = str(*rt, "title", origin, line, true);
        r.title_en = str(*rt, "title_en", origin, line, false, r.title);
        r.clause = str(*rt, "clause", origin, line, true);
        std::string kind = str(*rt, "kind", origin, line, true);
        if (kind == "overlap_frame") r.kind = RuleKind::overlap_frame;
        else if (kind == "project_overlap") r.kind = RuleKind::project_overlap;
        else if (kind == "designated_area") r.kind = RuleKind::designated_area;
        else if (kind == "zone_compatibility") r.kind = RuleKind::zone_compatibility;
        else fail(origin, line, "unknown kind '" + kind + "' (overlap_frame, project_overlap, designated_area, zone_compatibility)");
        r.severity = str(*rt, "severity", origin, line, false, "conflict");
        if (r.severity != "conflict" && r.severity != "review")
            fail(origin, line, "severity must be \"conflict\" or \"review\", not '" + r.severity + "'");
        r.subject = str(*rt, "subject", origin, line, false, "projects");
        r.frame_layer = str(*rt, "frame_layer", origin, line, r.kind == RuleKind::overlap_frame || r.kind == RuleKind::designated_area);
        if (r.kind == RuleKind::zone_compatibility && r.frame_layer.empty()) r.frame_layer = "functional_zones";
        r.frame_kinds = strings(*rt, "frame_kinds", origin, line);
        r.frame_names = strings(*rt, "frame_names", origin, line);
        r.construction_only = (*rt)["construction_only"].value_or(false);
        r.exempt_landuse = strings(*rt, "exempt_landuse", origin, line);
        r.categories = strings(*rt, "categories", origin, line);
        r.min_overlap_m2 = num(*rt, "min_overlap_m2", origin, line, 1.0);
        r.min_overlap_share = num(*rt, "min_overlap_share", origin, line, 0.0);
        if (r.kind == RuleKind::designated_area && (r.categories.empty() || r.frame_names.empty()))
            fail(origin, line, "designated_area needs categories = [...] and frame_names = [...]");
        if (r.kind == RuleKind::zone_compatibility) {
            auto* m = (*rt)["incompatible"].as_table();
            if (!m) fail(origin, line, "zone_compatibility needs an [rule.incompatible] table: zone name = [land-use prefixes]");
            for (auto& [zone, codes] : *m) {
                auto* a = codes.as_array();
                if (!a) fail(origin, static_cast<int>(codes.source().begin.line), "incompatible." + std::string(zone.str()) + " must be a list");
                for (auto& c : *a) r.incompatible[std::string(zone.str())].push_back(c.value_or(std::string()));
            }
        }
        for (auto& prev : out)
            if (prev.id == r.id) fail(origin, line, "rule id '" + r.id + "' used twice (first at line " + std::to_string(prev.line) + ")");
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace zoning::core
