// SPDX-License-Identifier: MIT
#pragma once
// The plan's targets (targets.toml) and the conflict rules planners edit
// (rules.toml, docs/rules.md), parsed with file and line so a malformed file is an
// error a planner can fix.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace zoning::core {

/// A sentence of the plan, verbatim, and the line of the plan text it is on
/// (data/<district>/plan/): what a target or a rule rests on.
struct Quote {
    std::string text;
    int line = 0;
};

/// How far behind the expected path a target may be before it is 滞后 or 严重滞后 (targets.toml
/// `[levels]`): measured / expected below `behind_below` is behind, below `severely_behind_below` severely.
struct Levels {
    double behind_below = 0.9;
    double severely_behind_below = 0.7;
};

/// A value the plan states for a year between the baseline and the target (an interim milestone).
struct Interim {
    int year = 0;
    double value = 0;
};

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
    /// landuse_share: the codes (or code prefixes) counted, when the plan's definition is not one prefix
    /// (森林覆盖率: 乔木林地 0301 and 竹林地 0302, not 其他林地).
    std::vector<std::string> landuse_codes;
    /// How the engine reads a figure the plan leaves undefined or defines elsewhere, in Chinese and
    /// English ("建成面积 read as floor area"); shown beside the figure.
    std::string reading, reading_en;
    std::optional<int> deadline;  ///< the year the plan says it is due by; after it and unmet: overdue
    std::optional<Quote> quote;
    /// The expected path from the baseline to the target: with `baseline` and `baseline_year`,
    /// "linear" (through `interim` when stated) or "compound" at `rate` a year (0.07 for 7%).
    std::optional<int> baseline_year;
    std::optional<Quote> baseline_quote;  ///< the plan's words giving the baseline
    std::string path;                     ///< "" (no expected path) | linear | compound
    std::optional<double> rate;           ///< compound: yearly growth as a fraction
    std::optional<Quote> rate_quote;      ///< the plan's words giving the rate
    std::optional<Interim> interim;       ///< linear: a value the plan states for a year in between
    Levels levels;                        ///< the file's [levels]
    std::string origin;  ///< the file it came from, for errors
    int line = 0;
};

/// The value the path expects in `year`: the baseline up to its year, the target from the
/// target year on, and between them linear (through the interim) or compound. Empty when the
/// target has no path (no baseline, baseline_year or path, or a target stated in words).
std::optional<double> expected_value(const Target& t, int year);

/// Parses targets.toml text; `origin` names it in errors. Throws Error(bad_input) "origin: line N: ...".
std::vector<Target> parse_targets(const std::string& text, const std::string& origin);

/// One value of a statistical indicator (indicators.csv): a target's figure for a year, from a
/// statistical source rather than the geometry.
struct IndicatorValue {
    std::string target_id;
    int year = 0;
    double value = 0;  ///< in the target's unit (a share as a fraction: 98% is 0.98)
    std::string unit, source, certainty;
    int line = 0;  ///< of the CSV, for messages
};

/// Parses indicators.csv (header `target_id,year,value,unit,source,certainty`; UTF-8, a BOM and CRLF
/// accepted, fields may be double-quoted) against the targets it gives values for. Throws
/// Error(bad_input) "origin: line N: ..." for an unknown target id, a unit other than the target's,
/// a year given twice for one target, a target the geometry already measures, a value that is not
/// a finite number, a year that is not a whole year, a certainty other than surveyed / estimated /
/// illustrative, or a missing source.
std::vector<IndicatorValue> parse_indicators(const std::string& text, const std::string& origin, const std::vector<Target>& targets);

struct Rule;

/// All keys of one [[rule]] table. Core reads the keys every rule has into Rule;
/// the keys only one kind knows are read by that kind (analysis/rules/), which core
/// cannot name. Every reader throws bad_input "origin: line N: ..." like the parser.
class RuleKeys {
public:
    RuleKeys();
    bool has(const std::string& key) const;
    /// A string; when absent: fails if `required`, else `fallback`.
    std::string text(const std::string& key, bool required, const std::string& fallback = {}) const;
    std::vector<std::string> strings(const std::string& key) const;
    double number(const std::string& key, std::optional<double> fallback) const;
    /// A sub-table of string lists ([rule.incompatible]: name = [...]); nullopt when absent.
    std::optional<std::map<std::string, std::vector<std::string>>> string_lists(const std::string& key) const;
    /// Throws bad_input at the line of the first key that is neither common to every rule
    /// nor in `kind_keys` (the kind's own), so a misspelt key is never silently ignored.
    void refuse_unknown(const std::vector<std::string>& kind_keys) const;
    /// Throws bad_input naming the rule's file and line.
    [[noreturn]] void fail(const std::string& message) const;

private:
    friend std::vector<Rule> parse_rules(const std::string&, const std::string&);
    struct Table;
    std::shared_ptr<const Table> m_table;  // shared: rules are copied, keys never change
};

struct Rule {
    std::string id, title, title_en, clause;
    std::string kind;                   ///< a kind of analysis/rules/kinds.cpp; checked there
    std::string severity = "conflict";  ///< conflict | review
    std::string subject = "projects";   ///< layer the rule looks at
    std::string frame_layer;            ///< required or defaulted by the kind
    std::vector<std::string> frame_kinds, frame_names;
    bool construction_only = false;              ///< only subjects with 建设用地 land use
    std::vector<std::string> exempt_landuse;     ///< code prefixes never in conflict
    std::vector<std::string> categories;         ///< only subjects of these categories (designated_area requires it)
    double min_overlap_m2 = 1.0;
    double min_overlap_share = 0.0;              ///< of the smaller feature (project_overlap) or of the subject
    /// The plan's sentence the rule rests on. A rule without one is a data-quality check (质检), not a plan conflict.
    std::optional<Quote> quote;
    /// How the dataset reads a plan sentence that leaves the rule's terms open (which uses are
    /// incompatible, which streams are the corridors), in Chinese and English; shown under the quote.
    std::string reading, reading_en;
    /// "plan" when the rule quotes the plan, "quality" when it does not.
    std::string category() const { return quote ? "plan" : "quality"; }
    std::string origin;                          ///< the file it came from, for errors and Conflict::rule_origin
    int line = 0;
    RuleKeys keys;                               ///< every key, for the kind's own
};

/// Parses the keys every rule has; the kind and its own keys are checked by analysis::check_rules.
std::vector<Rule> parse_rules(const std::string& text, const std::string& origin);

}  // namespace zoning::core
