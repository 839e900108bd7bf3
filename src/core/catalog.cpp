// SPDX-License-Identifier: MIT
#include "core/catalog.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <toml++/toml.h>

#include "core/error.hpp"

namespace zoning::core {

const std::vector<std::string>& control_line_kinds() {
    static const std::vector<std::string> kinds = {"road_red_line", "water_blue_line", "rail_protection"};
    return kinds;
}

const char* to_string(GeomKind k) { return k == GeomKind::polygon ? "polygon" : k == GeomKind::line ? "line" : "none"; }
const char* to_string(FieldType t) {
    switch (t) {
        case FieldType::string: return "string";
        case FieldType::integer: return "integer";
        case FieldType::real: return "real";
    }
    return "?";
}

std::string LayerSpec::word_zh(const std::string& field, const std::string& value) const {
    int i = field_index(field);
    if (i < 0) return value;
    const auto& words = fields[static_cast<std::size_t>(i)].words_zh;
    auto it = words.find(value);
    return it == words.end() ? value : it->second;
}

std::string LayerSpec::word_en(const std::string& field, const std::string& value) const {
    int i = field_index(field);
    if (i < 0) return value;
    const auto& words = fields[static_cast<std::size_t>(i)].words_en;
    auto it = words.find(value);
    return it == words.end() ? value : it->second;
}

const std::string& catch_all_colour(const std::string& value) {
    // Twelve colours apart from each other and from the land-use and boundary colours, light
    // enough to show labels on; FNV-1a so the choice is the same on every platform and run.
    static const std::vector<std::string> palette = {"#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                                                     "#b3de69", "#fccde5", "#bc80bd", "#ccebc5", "#ffed6f", "#d9d9d9"};
    std::uint32_t h = 2166136261u;
    for (unsigned char c : value) h = (h ^ c) * 16777619u;
    return palette[h % palette.size()];
}

const std::string& StyleSpec::color_of(const std::string& value) const {
    if (renderer == "single") return color;
    for (auto& [v, c] : categories)
        if (v == value) return c;
    return catch_all_colour(value);
}

const std::string& StyleSpec::outline_of(const std::string& value) const {
    static const std::string unset = StyleSpec{}.outline;
    return renderer == "single" || outline != unset ? outline : color_of(value);
}

bool StyleSpec::labels_on_map(const std::string& value) const {
    if (label.empty()) return false;
    return !label_kinds || std::find(label_kinds->begin(), label_kinds->end(), value) != label_kinds->end();
}

int LayerSpec::field_index(const std::string& n) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == n) return static_cast<int>(i);
    return -1;
}

void LanduseTable::add(LanduseClass c) {
    m_index[c.code] = m_classes.size();
    m_classes.push_back(std::move(c));
}

const LanduseClass* LanduseTable::find(const std::string& code) const {
    auto it = m_index.find(code);
    return it == m_index.end() ? nullptr : &m_classes[it->second];
}

std::string LanduseTable::first_level(const std::string& code) { return code.size() >= 2 ? code.substr(0, 2) : code; }

std::string LanduseTable::parent(const std::string& code) { return code.size() > 2 ? code.substr(0, code.size() - 2) : std::string(); }

int LanduseTable::level(const std::string& code) {
    if (code.empty() || code.size() > 6 || code.size() % 2 != 0) return 0;
    for (char ch : code)
        if (ch < '0' || ch > '9') return 0;
    return static_cast<int>(code.size() / 2);
}

namespace {

toml::table parse_file(const std::filesystem::path& path) {
    try {
        return toml::parse_file(path.string());
    } catch (const toml::parse_error& e) {
        std::string msg = "line " + std::to_string(e.source().begin.line) + ": " + std::string(e.description());
        throw bad_input(FeatureRef{path.string(), {}, {}, {}}, msg);
    } catch (const std::exception& e) {
        throw bad_input(FeatureRef{path.string(), {}, {}, {}}, e.what());
    }
}

std::string require_string(const toml::table& t, const char* key, const std::filesystem::path& file) {
    auto v = t[key].value<std::string>();
    if (!v) throw bad_input(FeatureRef{file.string(), {}, {}, {}}, std::string("missing string key '") + key + "'");
    return *v;
}

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& message) {
    throw bad_input(FeatureRef{file.string(), {}, {}, {}}, message);
}

/// An optional number of [style]: finite and within [lo, hi], else the file is refused
/// (a NaN opacity became alpha -2147483648 in the QGIS export).
double style_number(const toml::table& st, const char* key, double fallback, double lo, double hi, const std::filesystem::path& file) {
    const toml::node* n = st.get(key);
    if (!n) return fallback;
    auto d = n->value<double>();
    if (!d || !std::isfinite(*d) || *d < lo || *d > hi) {
        char range[64];
        std::snprintf(range, sizeof range, " must be a number from %g to %g", lo, hi);
        fail(file, std::string("style ") + key + range);
    }
    return *d;
}

bool is_hex_colour(const std::string& s) {
    if (s.size() != 7 || s[0] != '#') return false;
    for (std::size_t i = 1; i < 7; ++i)
        if (!std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

/// An optional "#rrggbb" of [style]; anything else is refused, not drawn grey.
std::string style_colour(const toml::node* n, const std::string& what, const std::string& fallback, const std::filesystem::path& file) {
    if (!n) return fallback;
    auto s = n->value<std::string>();
    if (!s || !is_hex_colour(*s)) fail(file, "style " + what + " must be a colour \"#rrggbb\"");
    return *s;
}

FieldType parse_type(const std::string& s, const std::filesystem::path& file) {
    if (s == "string") return FieldType::string;
    if (s == "integer") return FieldType::integer;
    if (s == "real") return FieldType::real;
    throw bad_input(FeatureRef{file.string(), {}, {}, {}}, "unknown field type '" + s + "' (string, integer, real)");
}

std::vector<ControlLineSpec> parse_control_lines(const toml::table& t, const LayerSpec& spec, const std::filesystem::path& file) {
    std::vector<ControlLineSpec> out;
    const toml::node* node = t.get("control_lines");
    if (!node) return out;
    const toml::array* lines = node->as_array();
    if (!lines) fail(file, "control_lines must be an array of tables ([[control_lines]])");
    for (auto& n : *lines) {
        const toml::table* c = n.as_table();
        if (!c) fail(file, "control_lines must be an array of tables ([[control_lines]])");
        ControlLineSpec line;
        line.line = require_string(*c, "line", file);
        const auto& kinds = control_line_kinds();
        if (std::find(kinds.begin(), kinds.end(), line.line) == kinds.end())
            fail(file, "control line '" + line.line + "' is none of road_red_line, water_blue_line, rail_protection");
        for (auto& o : out)
            if (o.line == line.line) fail(file, "control line '" + line.line + "' is declared twice");
        line.by = (*c)["by"].value_or(std::string("kind"));
        line.override_field = (*c)["override_field"].value_or(std::string());
        if (spec.field_index(line.by) < 0) fail(file, "control line '" + line.line + "': by = '" + line.by + "' is not a field of the layer");
        if (!line.override_field.empty()) {
            int k = spec.field_index(line.override_field);
            if (k < 0 || spec.fields[static_cast<std::size_t>(k)].type != FieldType::real)
                fail(file, "control line '" + line.line + "': override_field '" + line.override_field + "' must be a real field of the layer");
        }
        const toml::table* widths = (*c)["width_m"].as_table();
        if (!widths || widths->empty()) fail(file, "control line '" + line.line + "' needs width_m = { <" + line.by + " value> = metres, ... }");
        for (auto& [k, v] : *widths) {
            auto d = v.value<double>();
            if (!d || !std::isfinite(*d) || *d <= 0)
                fail(file, "control line '" + line.line + "': width_m." + std::string(k.str()) + " must be a positive number of metres");
            line.width_m[std::string(k.str())] = *d;
        }
        for (auto& [k, v] : *c)
            if (k != "line" && k != "by" && k != "override_field" && k != "width_m")
                fail(file, "control line '" + line.line + "': unknown key '" + std::string(k.str()) + "'");
        out.push_back(std::move(line));
    }
    return out;
}

LayerSpec parse_layer(const std::filesystem::path& file) {
    toml::table t = parse_file(file);
    LayerSpec spec;
    spec.file = file;
    spec.name = require_string(t, "name", file);
    spec.title_zh = t["title_zh"].value_or(spec.name);
    spec.title_en = t["title_en"].value_or(spec.name);
    spec.group = t["group"].value_or(std::string());
    std::string geom = require_string(t, "geometry", file);
    if (geom == "polygon") spec.geometry = GeomKind::polygon;
    else if (geom == "line") spec.geometry = GeomKind::line;
    else if (geom == "none") spec.geometry = GeomKind::none;
    else throw bad_input(FeatureRef{file.string(), {}, {}, {}}, "geometry must be 'polygon' or 'line', not '" + geom + "'");
    if (auto* params = t["parameters"].as_table()) {
        for (auto& [k, v] : *params) {
            auto d = v.value<double>();
            if (!d || !std::isfinite(*d)) fail(file, "parameter '" + std::string(k.str()) + "' must be a finite number");
            spec.parameters[std::string(k.str())] = *d;
        }
    }
    auto* fields = t["fields"].as_array();
    if (!fields) throw bad_input(FeatureRef{file.string(), {}, {}, {}}, "no [[fields]]");
    for (auto& node : *fields) {
        auto* f = node.as_table();
        if (!f) throw bad_input(FeatureRef{file.string(), {}, {}, {}}, "[[fields]] entries must be tables");
        FieldSpec fs;
        fs.name = require_string(*f, "name", file);
        fs.type = parse_type((*f)["type"].value_or(std::string("string")), file);
        fs.required = (*f)["required"].value_or(false);
        fs.unique = (*f)["unique"].value_or(false);
        fs.domain = (*f)["domain"].value_or(std::string());
        fs.title_zh = (*f)["title_zh"].value_or(std::string());
        fs.dbf_name = (*f)["dbf_name"].value_or(std::string());
        if (fs.dbf_name.size() > 10) fail(file, "field '" + fs.name + "': dbf_name '" + fs.dbf_name + "' is longer than a DBF field name (10 bytes)");
        if (spec.field_index(fs.name) >= 0) fail(file, "field '" + fs.name + "' is listed twice");
        if (auto* allowed = (*f)["allowed"].as_array())
            for (auto& a : *allowed) {
                auto s = a.value<std::string>();
                if (!s) fail(file, "field '" + fs.name + "': allowed values must be strings");
                fs.allowed.push_back(*s);
            }
        if (auto* words = (*f)["words_en"].as_table())
            for (auto& [k, v] : *words) {
                auto w = v.value<std::string>();
                if (!w) throw bad_input(FeatureRef{file.string(), {}, {}, {}}, "field '" + fs.name + "': words_en values must be strings");
                fs.words_en[std::string(k.str())] = *w;
            }
        // Chinese words for values kept as English codes (status completed -> 已建成): legends and labels.
        if (auto node = (*f)["words_zh"]) {
            auto* words = node.as_table();
            if (!words) fail(file, "field '" + fs.name + "': words_zh must be a table of value = \"词\"");
            for (auto& [k, v] : *words) {
                auto w = v.value<std::string>();
                if (!w || w->empty()) fail(file, "field '" + fs.name + "': words_zh values must be non-empty strings");
                fs.words_zh[std::string(k.str())] = *w;
            }
        }
        spec.fields.push_back(std::move(fs));
    }
    if (auto* st = t["style"].as_table()) {
        StyleSpec& y = spec.style;
        y.renderer = (*st)["renderer"].value_or(y.renderer);
        if (y.renderer != "single" && y.renderer != "categorized" && y.renderer != "landuse")
            throw bad_input(FeatureRef{file.string(), {}, {}, {}}, "style renderer must be single, categorized or landuse");
        y.attribute = (*st)["attribute"].value_or(y.renderer == "landuse" ? std::string("landuse") : std::string());
        y.color = style_colour(st->get("color"), "color", y.color, file);
        y.outline = style_colour(st->get("outline"), "outline", y.outline, file);
        y.fill_opacity = style_number(*st, "fill_opacity", y.fill_opacity, 0, 1, file);
        y.width_mm = style_number(*st, "width_mm", y.width_mm, 0, 100, file);
        y.fill_style = (*st)["fill_style"].value_or(y.fill_style);
        y.line_style = (*st)["line_style"].value_or(y.line_style);
        y.label = (*st)["label"].value_or(std::string());
        y.label_size = style_number(*st, "label_size", y.label_size, 1, 200, file);
        if (auto* node = st->get("label_kinds")) {
            auto* kinds = node->as_array();
            if (!kinds) throw bad_input(FeatureRef{file.string(), {}, {}, {}}, "style label_kinds must be an array of values");
            y.label_kinds.emplace();
            for (auto& k : *kinds) {
                auto v = k.value<std::string>();
                if (!v) throw bad_input(FeatureRef{file.string(), {}, {}, {}}, "style label_kinds must be an array of values");
                y.label_kinds->push_back(*v);
            }
        }
        if (auto* cats = (*st)["categories"].as_table())
            for (auto& [k, v] : *cats)
                y.categories.emplace_back(std::string(k.str()), style_colour(&v, "category '" + std::string(k.str()) + "'", {}, file));
        // [style.categories] may be empty: every value then gets its catch-all colour.
        if (y.renderer == "categorized" && y.attribute.empty())
            throw bad_input(FeatureRef{file.string(), {}, {}, {}}, "a categorized style needs an attribute");
    }
    if (spec.field_index("id") != 0)
        throw bad_input(FeatureRef{file.string(), {}, {}, {}}, "the first field of every layer must be 'id'");
    if (!spec.style.attribute.empty() && spec.field_index(spec.style.attribute) < 0)
        fail(file, "style attribute '" + spec.style.attribute + "' is not a field of the layer");
    if (!spec.style.label.empty() && spec.field_index(spec.style.label) < 0)
        fail(file, "style label '" + spec.style.label + "' is not a field of the layer");
    spec.control_lines = parse_control_lines(t, spec, file);
    return spec;
}

}  // namespace

LayerSpec Catalog::load_layer_file(const std::filesystem::path& file) { return parse_layer(file); }

std::filesystem::path Catalog::default_dir() {
    if (const char* env = std::getenv("ZONING_LAYERS"); env && *env) return env;
    return std::filesystem::path(ZONING_SOURCE_DIR) / "layers";
}

Catalog Catalog::load(const std::filesystem::path& dir) {
    Catalog c;
    c.m_dir = dir;
    std::filesystem::path index = dir / "catalog.toml";
    if (!std::filesystem::exists(index)) throw bad_input(FeatureRef{index.string(), {}, {}, {}}, "layer catalog not found");
    toml::table t = parse_file(index);
    auto* layers = t["layers"].as_array();
    if (!layers) throw bad_input(FeatureRef{index.string(), {}, {}, {}}, "missing 'layers' array");
    for (auto& n : *layers) {
        auto name = n.value<std::string>();
        if (!name) throw bad_input(FeatureRef{index.string(), {}, {}, {}}, "'layers' must list layer names");
        LayerSpec spec = parse_layer(dir / (*name + ".toml"));
        if (spec.name != *name)
            throw bad_input(FeatureRef{spec.file.string(), {}, {}, {}}, "name '" + spec.name + "' does not match file name");
        c.m_layers.push_back(std::move(spec));
    }
    c.m_landuse = load_landuse(dir / t["landuse_codes"].value_or(std::string("landuse.toml")));
    // Crosswalks are found by their file name, so adding one needs no other edit.
    std::vector<std::filesystem::path> crosswalk_files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string file = entry.path().filename().string();
        if (file.rfind("crosswalk-", 0) == 0 && entry.path().extension() == ".toml") crosswalk_files.push_back(entry.path());
    }
    std::sort(crosswalk_files.begin(), crosswalk_files.end());
    for (const auto& file : crosswalk_files) {
        const std::string stem = file.stem().string();
        c.m_crosswalks.push_back(load_crosswalk(file, stem.substr(std::string("crosswalk-").size()), c.m_landuse));
    }
    return c;
}

LanduseTable Catalog::load_landuse(const std::filesystem::path& lu) {
    toml::table lt = parse_file(lu);
    auto* classes = lt["class"].as_array();
    if (!classes) fail(lu, "missing [[class]] entries");
    LanduseTable table;
    for (auto& node : *classes) {
        auto* k = node.as_table();
        if (!k) fail(lu, "[[class]] entries must be tables");
        LanduseClass lc;
        lc.code = require_string(*k, "code", lu);
        lc.name_zh = require_string(*k, "name_zh", lu);
        const std::string at = "class '" + lc.code + "': ";
        if (LanduseTable::level(lc.code) == 0) fail(lu, at + "a code is 2, 4 or 6 digits (first, second or third level)");
        if (lc.name_zh.empty()) fail(lu, at + "name_zh is empty");
        if (table.find(lc.code)) fail(lu, at + "listed twice");
        const std::string parent = LanduseTable::parent(lc.code);
        if (!parent.empty() && !table.find(parent)) fail(lu, at + "its parent class '" + parent + "' is not listed before it");
        lc.name_en = (*k)["name_en"].value_or(lc.name_zh);
        lc.construction = (*k)["construction"].value_or(false);
        lc.color = style_colour(k->get("color"), at + "color", "#cccccc", lu);
        table.add(std::move(lc));
    }
    return table;
}

Crosswalk Catalog::load_crosswalk(const std::filesystem::path& file, const std::string& name, const LanduseTable& landuse) {
    toml::table t = parse_file(file);
    auto* rows = t["row"].as_array();
    if (!rows) fail(file, "missing [[row]] entries (from = \"...\", to = \"...\")");
    Crosswalk cw;
    cw.name = name;
    cw.file = file;
    for (auto& node : *rows) {
        auto* r = node.as_table();
        if (!r) fail(file, "[[row]] entries must be tables");
        const std::string from = require_string(*r, "from", file);
        const std::string to = require_string(*r, "to", file);
        if (!landuse.find(to)) fail(file, "row '" + from + "': '" + to + "' is not a national 用地用海 code");
        if (!cw.to.emplace(from, to).second) fail(file, "row '" + from + "' is listed twice");
    }
    return cw;
}

const Crosswalk* Catalog::crosswalk(const std::string& name) const {
    for (const auto& cw : m_crosswalks)
        if (cw.name == name) return &cw;
    return nullptr;
}

void Catalog::apply_dataset_words(const std::map<std::string, std::string>& metadata) {
    auto dataset_word = [&](const std::string& key, std::string& word) {
        if (auto it = metadata.find(key); it != metadata.end() && !it->second.empty()) word = it->second;
    };
    for (auto& spec : m_layers) {
        dataset_word("title." + spec.name, spec.title_zh);
        dataset_word("title_en." + spec.name, spec.title_en);
        dataset_word("group." + spec.name, spec.group);
        const std::string colour = "colour." + spec.name + ".";
        for (auto it = metadata.lower_bound(colour); it != metadata.end() && it->first.compare(0, colour.size(), colour) == 0; ++it) {
            const std::string value = it->first.substr(colour.size());
            auto& cats = spec.style.categories;
            auto at = std::find_if(cats.begin(), cats.end(), [&](auto& c) { return c.first == value; });
            if (at != cats.end()) at->second = it->second;
            else cats.emplace_back(value, it->second);
        }
    }
}

const LayerSpec* Catalog::find(const std::string& name) const {
    for (auto& l : m_layers)
        if (l.name == name) return &l;
    return nullptr;
}

const LayerSpec& Catalog::at(const std::string& name) const {
    if (auto* l = find(name)) return *l;
    throw bad_input(FeatureRef{{}, name, {}, {}}, "unknown layer (the catalog in " + m_dir.string() + " has no such layer)");
}

}  // namespace zoning::core
