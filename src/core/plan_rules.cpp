// SPDX-License-Identifier: MIT
#include "core/plan_rules.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <sstream>
#include <string_view>

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

/// A value as the file wrote it, for messages.
std::string toml_text(const toml::node& n) {
    std::ostringstream o;
    n.visit([&o](auto&& v) { o << v; });
    return o.str();
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

bool boolean(const toml::table& t, const char* key, const std::string& origin, bool fallback) {
    auto node = t[key];
    if (!node) return fallback;
    auto v = node.value_exact<bool>();
    if (!v) fail(origin, static_cast<int>(node.node()->source().begin.line), std::string("'") + key + "' must be true or false");
    return *v;
}

/// A number within [lo, hi] (NaN and infinities never are); `what` says the range in words.
double bounded(const toml::table& t, const char* key, const std::string& origin, int line, std::optional<double> fallback, double lo,
               double hi, const std::string& what) {
    const double v = num(t, key, origin, line, fallback);
    if (!(v >= lo && v <= hi)) {
        auto node = t[key];
        fail(origin, node ? static_cast<int>(node.node()->source().begin.line) : line,
             std::string("'") + key + "' must be " + what + ", not " + (node ? toml_text(*node.node()) : std::to_string(v)));
    }
    return v;
}

/// `quote = { text = "...", line = N }`: the plan's sentence, verbatim, and its line.
std::optional<Quote> quote(const toml::table& t, const std::string& origin, const char* key = "quote") {
    auto node = t[key];
    if (!node) return std::nullopt;
    const int at = static_cast<int>(node.node()->source().begin.line);
    auto* q = node.as_table();
    const std::string name = key;
    if (!q) fail(origin, at, "'" + name + "' must be a table { text = \"the plan's sentence\", line = N }");
    for (auto& [k, value] : *q)
        if (k.str() != "text" && k.str() != "line")
            fail(origin, at, "unknown key '" + std::string(k.str()) + "' in '" + name + "' (text, line)");
    Quote out;
    auto text = (*q)["text"].value<std::string>();
    auto at_line = (*q)["line"].value_exact<std::int64_t>();
    if (!text || text->empty()) fail(origin, at, "'" + name + "' needs text = \"the plan's sentence, verbatim\"");
    if (!at_line || *at_line < 1 || *at_line > 1000000) fail(origin, at, "'" + name + "' needs line = the line of the plan text (a whole number >= 1)");
    out.text = *text;
    out.line = static_cast<int>(*at_line);
    return out;
}

/// Refuses any key of `t` not in `known`, at the key's own line: a misspelt key would
/// otherwise be ignored and its rule or target misread without a word.
void refuse_unknown(const toml::table& t, const std::vector<std::string_view>& known, const std::string& origin, const char* what) {
    for (auto& [key, value] : t) {
        if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
        std::string list;
        for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        fail(origin, static_cast<int>(value.source().begin.line),
             "unknown key '" + std::string(key.str()) + "' in " + what + " (a typo? known keys: " + list + ")");
    }
}

const std::vector<std::string_view> kTargetKeys = {"id", "name", "name_en", "unit", "comparison", "source", "note", "target_text",
                                                   "target", "baseline", "tolerance", "year", "measurable", "measure", "frame_layer",
                                                   "frame_name", "feature_layer", "feature_name", "landuse_prefix", "field", "category",
                                                   "landuse_codes", "reading", "reading_en", "deadline", "quote",
                                                   "baseline_year", "baseline_quote", "path", "rate", "rate_quote", "interim"};
const std::vector<std::string_view> kCommonRuleKeys = {"id", "kind", "title", "title_en", "clause", "severity", "subject", "frame_layer",
                                                       "frame_kinds", "frame_names", "construction_only", "exempt_landuse", "categories",
                                                       "min_overlap_m2", "min_overlap_share", "quote", "reading", "reading_en"};

/// The most a rule's area threshold may be: 10,000 km², far beyond any district.
constexpr double kMaxOverlapM2 = 1e10;
/// Targets' numbers: anything larger is a typo (1e300), not a plan.
constexpr double kMaxNumber = 1e15;

/// A key holding a whole year, or nullopt when absent.
std::optional<int> year_key(const toml::table& t, const char* key, const std::string& origin, int line) {
    if (!t[key]) return std::nullopt;
    const double y = bounded(t, key, origin, line, std::nullopt, 1900.0, 2100.0, "a year between 1900 and 2100");
    if (std::floor(y) != y) fail(origin, static_cast<int>(t[key].node()->source().begin.line), std::string("'") + key + "' must be a whole year");
    return static_cast<int>(y);
}

/// `[levels]`: the shares of the expected value below which a target is 滞后 / 严重滞后.
Levels parse_levels(const toml::table& file, const std::string& origin) {
    Levels out;
    auto node = file["levels"];
    if (!node) return out;
    const int at = static_cast<int>(node.node()->source().begin.line);
    const toml::table* t = node.as_table();
    if (!t) fail(origin, at, "'levels' must be a table [levels] behind_below = 0.9, severely_behind_below = 0.7");
    refuse_unknown(*t, {"behind_below", "severely_behind_below"}, origin, "[levels]");
    out.behind_below = bounded(*t, "behind_below", origin, at, out.behind_below, 0.0, 1.0, "a share between 0 and 1");
    out.severely_behind_below = bounded(*t, "severely_behind_below", origin, at, out.severely_behind_below, 0.0, 1.0, "a share between 0 and 1");
    if (out.severely_behind_below > out.behind_below)
        fail(origin, at, "severely_behind_below must not exceed behind_below (a target further behind is more behind)");
    return out;
}

/// The expected path's keys: each needs the others it depends on, so a half-stated path is an
/// error and never a silently missing expected value.
void parse_path(const toml::table& t, const std::string& origin, int line, Target& g) {
    g.baseline_year = year_key(t, "baseline_year", origin, line);
    g.baseline_quote = quote(t, origin, "baseline_quote");
    g.rate_quote = quote(t, origin, "rate_quote");
    g.path = str(t, "path", origin, line, false);
    if (t["rate"]) g.rate = bounded(t, "rate", origin, line, std::nullopt, -0.99, 10.0, "a yearly growth as a fraction (0.07 for 7%), from -0.99 to 10");
    if (auto node = t["interim"]) {
        const int at = static_cast<int>(node.node()->source().begin.line);
        const toml::table* it = node.as_table();
        if (!it) fail(origin, at, "'interim' must be a table { year = 2023, value = 330.0 }");
        refuse_unknown(*it, {"year", "value"}, origin, "'interim'");
        std::optional<int> y = year_key(*it, "year", origin, at);
        if (!y) fail(origin, at, "'interim' needs year = the year the plan states the value for");
        g.interim = Interim{*y, bounded(*it, "value", origin, at, std::nullopt, -kMaxNumber, kMaxNumber, "a finite number")};
    }
    if (g.path.empty()) {
        for (const char* key : {"rate", "interim"})
            if (t[key]) fail(origin, line, std::string("'") + key + "' needs path = \"compound\" or \"linear\"");
        return;
    }
    if (g.path != "linear" && g.path != "compound") fail(origin, line, "path must be \"linear\" or \"compound\", not '" + g.path + "'");
    if (!g.baseline || !g.baseline_year) fail(origin, line, "path = \"" + g.path + "\" needs baseline and baseline_year");
    if (!g.target_text.empty()) fail(origin, line, "a target stated in words (target_text) has no expected path");
    if (*g.baseline_year >= g.year) fail(origin, line, "baseline_year must be before the target's year " + std::to_string(g.year));
    if (g.path == "compound") {
        if (!g.rate) fail(origin, line, "path = \"compound\" needs rate (yearly growth as a fraction, 0.07 for 7%)");
        if (g.interim) fail(origin, line, "'interim' goes with path = \"linear\"");
        if (*g.baseline <= 0) fail(origin, line, "path = \"compound\" needs a baseline > 0");
    } else {
        if (g.rate) fail(origin, line, "'rate' goes with path = \"compound\"");
        if (g.interim && (g.interim->year <= *g.baseline_year || g.interim->year >= g.year))
            fail(origin, line, "the interim year must lie between baseline_year and the target's year");
    }
}

}  // namespace

std::optional<double> expected_value(const Target& t, int year) {
    if (t.path.empty() || !t.baseline || !t.baseline_year || !t.target_text.empty()) return std::nullopt;
    const double b = *t.baseline;
    const int by = *t.baseline_year;
    if (year <= by) return b;
    if (year >= t.year) return t.target;
    if (t.path == "compound") return b * std::pow(1.0 + t.rate.value_or(0.0), year - by);
    auto between = [](int y0, double v0, int y1, double v1, int y) { return v0 + (v1 - v0) * (y - y0) / static_cast<double>(y1 - y0); };
    if (t.interim) {
        if (year <= t.interim->year) return between(by, b, t.interim->year, t.interim->value, year);
        return between(t.interim->year, t.interim->value, t.year, t.target, year);
    }
    return between(by, b, t.year, t.target, year);
}

std::vector<Target> parse_targets(const std::string& text, const std::string& origin) {
    toml::table t = parse(text, origin);
    std::vector<Target> out;
    auto* arr = t["target"].as_array();
    if (!arr) throw bad_input(FeatureRef{origin, {}, {}, {}}, "no [[target]] entries");
    refuse_unknown(t, {"target", "levels"}, origin, "targets.toml");
    const Levels levels = parse_levels(t, origin);
    for (auto& node : *arr) {
        auto* tt = node.as_table();
        int line = static_cast<int>(node.source().begin.line);
        if (!tt) fail(origin, line, "[[target]] must be a table");
        refuse_unknown(*tt, kTargetKeys, origin, "[[target]]");
        Target g;
        g.line = line;
        g.origin = origin;
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
        // A target is a positive amount; only "<=" (at most) makes 0 meaningful. A stated-in-words
        // target has no number.
        const std::optional<double> no_number = g.target_text.empty() ? std::nullopt : std::optional<double>(0.0);
        if (g.comparison == "<=")
            g.target = bounded(*tt, "target", origin, line, no_number, 0.0, kMaxNumber, "a number >= 0 (an upper limit)");
        else if (g.target_text.empty() || (*tt)["target"])
            g.target = bounded(*tt, "target", origin, line, no_number, std::nextafter(0.0, 1.0), kMaxNumber,
                               "a number > 0 (a target of 0 with \"" + g.comparison + "\" is always met)");
        if ((*tt)["baseline"]) g.baseline = bounded(*tt, "baseline", origin, line, std::nullopt, -kMaxNumber, kMaxNumber, "a finite number");
        g.tolerance = bounded(*tt, "tolerance", origin, line, 0.05, 0.0, 1.0, "a share between 0 and 1");
        const double year = bounded(*tt, "year", origin, line, 2025.0, 1900.0, 2100.0, "a year between 1900 and 2100");
        if (std::floor(year) != year) fail(origin, static_cast<int>((*tt)["year"].node()->source().begin.line), "'year' must be a whole year");
        g.year = static_cast<int>(year);
        if ((*tt)["deadline"]) {
            const double deadline = bounded(*tt, "deadline", origin, line, std::nullopt, 1900.0, 2100.0, "a year between 1900 and 2100");
            if (std::floor(deadline) != deadline)
                fail(origin, static_cast<int>((*tt)["deadline"].node()->source().begin.line), "'deadline' must be a whole year");
            g.deadline = static_cast<int>(deadline);
        }
        parse_path(*tt, origin, line, g);
        g.levels = levels;
        g.reading = str(*tt, "reading", origin, line, false);
        g.reading_en = str(*tt, "reading_en", origin, line, false, g.reading);
        g.quote = quote(*tt, origin);
        g.measurable = boolean(*tt, "measurable", origin, false);
        if (g.measurable && !g.target_text.empty()) fail(origin, line, "a target stated in words (target_text) cannot be measurable");
        if (g.measurable) {
            g.measure = str(*tt, "measure", origin, line, true);
            if (g.measure == "built_floor") {
                g.frame_layer = str(*tt, "frame_layer", origin, line, true);
                g.frame_name = str(*tt, "frame_name", origin, line, true);
            } else if (g.measure == "landuse_share") {
                g.landuse_codes = strings(*tt, "landuse_codes", origin, line);
                g.landuse_prefix = str(*tt, "landuse_prefix", origin, line, g.landuse_codes.empty());
                if (!g.landuse_prefix.empty() && !g.landuse_codes.empty())
                    fail(origin, line, "give landuse_prefix or landuse_codes, not both");
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

// Points into the parsed file, kept alive by every rule read from it: a copied
// toml::table would lose the source lines errors name.
struct RuleKeys::Table {
    std::shared_ptr<const toml::table> file;
    const toml::table& keys;
    std::string origin;
    int line = 0;
};

namespace {
const toml::table kNoKeys;
}

RuleKeys::RuleKeys() : m_table(std::make_shared<Table>(Table{nullptr, kNoKeys, {}, 0})) {}

bool RuleKeys::has(const std::string& key) const { return m_table->keys.contains(key); }

std::string RuleKeys::text(const std::string& key, bool required, const std::string& fallback) const {
    return str(m_table->keys, key.c_str(), m_table->origin, m_table->line, required, fallback);
}

std::vector<std::string> RuleKeys::strings(const std::string& key) const {
    return core::strings(m_table->keys, key.c_str(), m_table->origin, m_table->line);
}

double RuleKeys::number(const std::string& key, std::optional<double> fallback) const {
    return num(m_table->keys, key.c_str(), m_table->origin, m_table->line, fallback);
}

std::optional<std::map<std::string, std::vector<std::string>>> RuleKeys::string_lists(const std::string& key) const {
    auto node = m_table->keys[key];
    if (!node) return std::nullopt;
    auto* t = node.as_table();
    if (!t) fail("'" + key + "' must be a table of lists of strings");
    std::map<std::string, std::vector<std::string>> out;
    for (auto& [name, list] : *t) {
        const std::string where = key + "." + std::string(name.str());
        auto* a = list.as_array();
        if (!a) core::fail(m_table->origin, static_cast<int>(list.source().begin.line), where + " must be a list");
        auto& values = out[std::string(name.str())];
        for (auto& v : *a) {
            auto s = v.value<std::string>();
            if (!s) core::fail(m_table->origin, static_cast<int>(v.source().begin.line), where + " must be a list of strings");
            values.push_back(*s);
        }
    }
    return out;
}

void RuleKeys::refuse_unknown(const std::vector<std::string>& kind_keys) const {
    std::vector<std::string_view> known = kCommonRuleKeys;
    known.insert(known.end(), kind_keys.begin(), kind_keys.end());
    core::refuse_unknown(m_table->keys, known, m_table->origin, "[[rule]]");
}

void RuleKeys::fail(const std::string& message) const { core::fail(m_table->origin, m_table->line, message); }

std::vector<Rule> parse_rules(const std::string& text, const std::string& origin) {
    auto file = std::make_shared<const toml::table>(parse(text, origin));
    const toml::table& t = *file;
    std::vector<Rule> out;
    auto* arr = t["rule"].as_array();
    if (!arr) throw bad_input(FeatureRef{origin, {}, {}, {}}, "no [[rule]] entries");
    refuse_unknown(t, {"rule"}, origin, "rules.toml");
    for (auto& node : *arr) {
        const toml::table* rt = node.as_table();
        int line = static_cast<int>(node.source().begin.line);
        if (!rt) fail(origin, line, "[[rule]] must be a table");
        Rule r;
        r.origin = origin;
        r.line = line;
        r.keys.m_table = std::make_shared<RuleKeys::Table>(RuleKeys::Table{file, *rt, origin, line});
        const RuleKeys& k = r.keys;
        r.id = k.text("id", true);
        r.title = k.text("title", true);
        r.title_en = k.text("title_en", false, r.title);
        r.clause = k.text("clause", true);
        r.kind = k.text("kind", true);
        r.severity = k.text("severity", false, "conflict");
        if (r.severity != "conflict" && r.severity != "review")
            fail(origin, line, "severity must be \"conflict\" or \"review\", not '" + r.severity + "'");
        r.subject = k.text("subject", false, "projects");
        r.frame_layer = k.text("frame_layer", false);
        r.frame_kinds = k.strings("frame_kinds");
        r.frame_names = k.strings("frame_names");
        r.construction_only = boolean(*rt, "construction_only", origin, false);
        r.exempt_landuse = k.strings("exempt_landuse");
        r.categories = k.strings("categories");
        r.min_overlap_m2 = bounded(*rt, "min_overlap_m2", origin, line, 1.0, 0.0, kMaxOverlapM2, "an area in m² from 0 to 1e10");
        r.min_overlap_share = bounded(*rt, "min_overlap_share", origin, line, 0.0, 0.0, 1.0, "a share between 0 and 1");
        r.quote = quote(*rt, origin);
        r.reading = str(*rt, "reading", origin, line, false);
        r.reading_en = str(*rt, "reading_en", origin, line, false, r.reading);
        // An English reading alone would leave the Chinese report without it.
        if (r.reading.empty() && rt->contains("reading_en")) fail(origin, line, "'reading_en' needs 'reading' (the Chinese reading) too");
        for (auto& prev : out)
            if (prev.id == r.id) fail(origin, line, "rule id '" + r.id + "' used twice (first at line " + std::to_string(prev.line) + ")");
        out.push_back(std::move(r));
    }
    return out;
}

namespace {

/// One CSV record's fields: commas split, double quotes group ("" is a quote).
std::vector<std::string> csv_fields(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back() += '"', ++i;
            else if (c == '"') quoted = false;
            else out.back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.emplace_back();
        } else {
            out.back() += c;
        }
    }
    return out;
}

}  // namespace

std::vector<IndicatorValue> parse_indicators(const std::string& text, const std::string& origin, const std::vector<Target>& targets) {
    static const std::vector<std::string> kColumns = {"target_id", "year", "value", "unit", "source", "certainty"};
    std::vector<IndicatorValue> out;
    std::string body = text.rfind("\xEF\xBB\xBF", 0) == 0 ? text.substr(3) : text;
    std::istringstream in(body);
    std::string line;
    int n = 0;
    bool header = false;
    std::map<std::pair<std::string, int>, int> seen;
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        std::vector<std::string> f = csv_fields(line);
        if (!header) {
            if (f != kColumns) fail(origin, n, "the header must be target_id,year,value,unit,source,certainty");
            header = true;
            continue;
        }
        if (f.size() != kColumns.size())
            fail(origin, n, "expected 6 fields (target_id,year,value,unit,source,certainty), found " + std::to_string(f.size()));
        IndicatorValue v;
        v.target_id = f[0];
        v.unit = f[3];
        v.source = f[4];
        v.certainty = f[5];
        v.line = n;
        auto t = std::find_if(targets.begin(), targets.end(), [&](const Target& x) { return x.id == v.target_id; });
        if (t == targets.end()) fail(origin, n, "target '" + v.target_id + "' is not in targets.toml");
        if (t->measurable) fail(origin, n, "target '" + v.target_id + "' is measured from the data (measure = \"" + t->measure + "\"): a statistical value would contradict it");
        if (!t->target_text.empty()) fail(origin, n, "target '" + v.target_id + "' is stated in words (" + t->target_text + "): there is no figure to compare with");
        if (v.unit != t->unit) fail(origin, n, "target '" + v.target_id + "': unit '" + v.unit + "' is not the target's unit '" + t->unit + "'");
        try {
            std::size_t used = 0;
            const long y = std::stol(f[1], &used);
            if (used != f[1].size() || y < 1900 || y > 2100) throw std::invalid_argument("year");
            v.year = static_cast<int>(y);
        } catch (const std::exception&) {
            fail(origin, n, "target '" + v.target_id + "': year must be a whole year between 1900 and 2100, not '" + f[1] + "'");
        }
        try {
            std::size_t used = 0;
            v.value = std::stod(f[2], &used);
            if (used != f[2].size() || !std::isfinite(v.value) || std::fabs(v.value) > kMaxNumber) throw std::invalid_argument("value");
        } catch (const std::exception&) {
            fail(origin, n, "target '" + v.target_id + "' " + f[1] + ": value must be a finite number, not '" + f[2] + "'");
        }
        if (v.source.empty()) fail(origin, n, "target '" + v.target_id + "' " + f[1] + ": every value needs its source");
        if (v.certainty != "surveyed" && v.certainty != "estimated" && v.certainty != "illustrative")
            fail(origin, n, "target '" + v.target_id + "': certainty must be surveyed, estimated or illustrative, not '" + v.certainty + "'");
        auto [it, fresh] = seen.emplace(std::pair{v.target_id, v.year}, n);
        if (!fresh)
            fail(origin, n, "target '" + v.target_id + "' has a value for " + std::to_string(v.year) + " already (line " + std::to_string(it->second) + ")");
        out.push_back(std::move(v));
    }
    if (!header) fail(origin, 1, "empty: the header must be target_id,year,value,unit,source,certainty");
    return out;
}

}  // namespace zoning::core
