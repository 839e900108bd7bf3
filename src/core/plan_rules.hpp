// SPDX-License-Identifier: MIT
#pragma once
// The plan's targets (targets.toml) and the conflict rules planners edit
// (rules.toml), parsed with line numbers so a malformed file is an error a planner
// can fix.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace zoning::core {

struct Target {
    std::string id, name, name_en, unit, comparison = ">=", source, note;
    double target = 0;
    std::string target_text;  ///< a target the plan states in words ("按市定", "与经济增长基本同步"); then `target` is unused
    std::optional<double> baseline;
    double tolerance = 0.05;  ///< for "≈"
    int year = 2025;
    bool measurable = false;
    std::string measure;  ///< built_floor | landuse_share | feature_area | axis_length | project_sum
    std::string frame_layer, frame_name, feature_layer, feature_name, landuse_prefix, field, category;
    int line = 0;
};

/// Parses targets.toml text; `origin` names it in errors. Throws Error(bad_input) "origin: line N: ...".
std::vector<Target> parse_targets(const std::string& text, const std::string& origin);

enum class RuleKind { overlap_frame, project_overlap, designated_area, zone_compatibility };

struct Rule {
    std::string id, title, title_en, clause;
    RuleKind kind = RuleKind::overlap_frame;
    std::string severity = "conflict";  ///< conflict | review
    std::string subject = "projects";   ///< layer the rule looks at
    std::string frame_layer;
    std::vector<std::string> frame_kinds, frame_names;
    bool construction_only = false;              ///< only subjects with 建设用地 land use
    std::vector<std::string> exempt_landuse;     ///< code prefixes never in conflict
    std::vector<std::string> categories;         ///< designated_area: project categories concerned
    double min_overlap_m2 = 1.0;
    double min_overlap_share = 0.0;              ///< of the smaller feature (project_overlap) or of the subject
    std::map<std::string, std::vector<std::string>> incompatible;  ///< zone name -> land-use prefixes
    int line = 0;
};

std::vector<Rule> parse_rules(const std::string& text, const std::string& origin);

}  // namespace zoning::core
