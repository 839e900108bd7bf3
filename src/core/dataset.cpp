// SPDX-License-Identifier: MIT
#include "core/dataset.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <toml++/toml.h>

#include "core/error.hpp"

namespace zoning::core {

std::string value_text(const Value& v) {
    struct Visitor {
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.15g", d);
            return buf;
        }
        std::string operator()(const std::string& s) const { return s; }
    };
    return std::visit(Visitor{}, v);
}

std::string Layer::text(const Feature& f, const std::string& field) const {
    int i = spec->field_index(field);
    return i < 0 ? std::string() : value_text(f.values.at(static_cast<std::size_t>(i)));
}

std::optional<double> Layer::number(const Feature& f, const std::string& field) const {
    int i = spec->field_index(field);
    if (i < 0) return std::nullopt;
    const Value& v = f.values.at(static_cast<std::size_t>(i));
    if (const double* d = std::get_if<double>(&v)) return *d;
    if (const std::int64_t* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
    return std::nullopt;
}

const Layer* Dataset::find(const std::string& name) const {
    for (auto& l : layers)
        if (l.spec->name == name) return &l;
    return nullptr;
}

Layer* Dataset::find(const std::string& name) {
    for (auto& l : layers)
        if (l.spec->name == name) return &l;
    return nullptr;
}

std::string Dataset::meta(const std::string& key) const {
    auto it = metadata.find(key);
    return it == metadata.end() ? std::string() : it->second;
}

std::string Dataset::work_crs() const {
    const std::string wkt = meta("crs_wkt");
    return wkt.empty() ? meta("crs") : wkt;
}

bool Dataset::illustrative() const {
    auto it = metadata.find("certainty");
    return it == metadata.end() || it->second != "surveyed";
}

bool input_exists(const std::filesystem::path& p, const FeatureRef& where) {
    std::error_code ec;
    const auto st = std::filesystem::status(p, ec);
    if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
        throw bad_input(where, "cannot read: " + ec.message());
    return std::filesystem::exists(st);
}

namespace {
/// A list of strings, or `complaint` as the error: a wrongly typed entry is refused, never dropped.
std::vector<std::string> string_list(const toml::node* n, const std::string& complaint, const FeatureRef& where) {
    std::vector<std::string> out;
    if (!n) return out;
    auto* a = n->as_array();
    if (!a) throw bad_input(where, complaint);
    for (auto& e : *a) {
        auto s = e.value<std::string>();
        if (!s) throw bad_input(where, complaint);
        out.push_back(*s);
    }
    return out;
}
}  // namespace

namespace {
/// An attachment is a regular file inside the data folder (no absolute path, no "..", no
/// symlink out, no device) of at most kMaxAttachmentBytes.
void check_attachment(const std::filesystem::path& dir, const std::string& name, const FeatureRef& where) {
    namespace fs = std::filesystem;
    const std::string what = "attach: '" + name + "': ";
    const fs::path rel(name);
    if (name.empty() || rel.is_absolute()) throw bad_input(where, what + "give a file inside the data folder, by a relative name");
    for (const auto& part : rel)
        if (part == "..") throw bad_input(where, what + "'..' is not allowed: attachments stay inside the data folder");
    const fs::path p = (dir.empty() ? fs::path(".") : dir) / rel;
    if (!input_exists(p, where)) throw bad_input(where, what + "file not found");
    std::error_code ec;
    const fs::path real = fs::canonical(p, ec), base = fs::canonical(dir.empty() ? fs::path(".") : dir, ec);
    if (ec || std::mismatch(base.begin(), base.end(), real.begin(), real.end()).first != base.end())
        throw bad_input(where, what + "leads outside the data folder (a symlink?)");
    if (!fs::is_regular_file(real, ec)) throw bad_input(where, what + "not a regular file");
    const auto size = fs::file_size(real, ec);
    if (ec || size > kMaxAttachmentBytes)
        throw bad_input(where, what + "larger than " + std::to_string(kMaxAttachmentBytes / 1024) + " KiB (attachments are small text files)");
}
}  // namespace

namespace {
// [layers.X] ------------------------------------------------------------------

/// A {catalog field = string} table of [layers.X]; a value that is not a string is refused.
std::map<std::string, std::string> layer_string_table(const toml::node* n, const std::string& what, const FeatureRef& where) {
    std::map<std::string, std::string> out;
    if (!n) return out;
    auto* t = n->as_table();
    if (!t) throw bad_input(where, what + " must be a table of field = \"...\"");
    for (auto& [k, v] : *t) {
        auto s = v.value<std::string>();
        if (!s) throw bad_input(where, what + "." + std::string(k.str()) + " must be a string");
        out[std::string(k.str())] = *s;
    }
    return out;
}

LayerSource parse_layer_source(const std::string& name, const toml::table& lt, const FeatureRef& where) {
    static const char* const known[] = {"source", "layer", "crs", "force_crs", "encoding", "fields", "values",
                                        "constants", "where", "open_options", "on_unmapped"};
    const std::string at = "[layers." + name + "]";
    for (auto& [k, v] : lt)
        if (std::find(std::begin(known), std::end(known), k.str()) == std::end(known))
            throw bad_input(where, at + ": unknown key '" + std::string(k.str()) +
                                       "' (source, layer, crs, force_crs, encoding, fields, values, constants, where, open_options, on_unmapped)");
    LayerSource ls;
    ls.layer = name;
    ls.source = lt["source"].value_or(std::string());
    if (ls.source.empty()) throw bad_input(where, at + " needs source = \"...\"");
    ls.source_layer = lt["layer"].value_or(std::string());
    ls.crs = lt["crs"].value_or(std::string());
    ls.encoding = lt["encoding"].value_or(std::string());
    ls.force_crs = lt["force_crs"].value_or(false);
    if (ls.force_crs && ls.crs.empty()) throw bad_input(where, at + " force_crs needs crs = \"EPSG:...\"");
    ls.fields = layer_string_table(lt.get("fields"), "[layers." + name + ".fields]", where);
    ls.constants = layer_string_table(lt.get("constants"), "[layers." + name + ".constants]", where);
    for (const auto& [field, value] : ls.constants)
        if (ls.fields.count(field))
            throw bad_input(where, "[layers." + name + "]: field '" + field + "' is given both a source field and a constant; keep one");
    if (const toml::node* w = lt.get("where")) {
        auto s = w->value<std::string>();
        if (!s || s->empty()) throw bad_input(where, at + ": where must be an attribute filter, e.g. where = \"DLBM <> '1203'\"");
        ls.where = *s;
    }
    ls.open_options = string_list(lt.get("open_options"), at + ": open_options must be a list of strings", where);
    for (const auto& o : ls.open_options)
        if (o.find('=') == std::string::npos || o.front() == '=')
            throw bad_input(where, at + ": open option '" + o + "' must be NAME=VALUE, e.g. \"SHAPE_RESTORE_SHX=YES\"");
    const std::string unmapped = lt["on_unmapped"].value_or(std::string("error"));
    if (unmapped == "skip") ls.on_unmapped = LayerSource::Unmapped::skip;
    else if (unmapped != "error") throw bad_input(where, at + ": on_unmapped must be \"error\" or \"skip\", not '" + unmapped + "'");
    // values = "gbt21010": the crosswalk for the layer's land-use field; a table maps field by field,
    // each either to a table of its own or to a crosswalk by name.
    if (const toml::node* vm = lt.get("values")) {
        if (auto cw = vm->value<std::string>()) {
            ls.landuse_crosswalk = *cw;
        } else if (auto* vt = vm->as_table()) {
            for (auto& [field, m] : *vt) {
                const std::string f(field.str());
                if (auto cw_name = m.value<std::string>()) {
                    ls.crosswalks[f] = *cw_name;
                } else if (auto* mt = m.as_table()) {
                    auto& table = ls.values[f];
                    for (auto& [from, to] : *mt) {
                        auto s = to.value<std::string>();
                        if (!s) throw bad_input(where, "[layers." + name + ".values." + f + "]: '" + std::string(from.str()) + "' must map to a string");
                        table[std::string(from.str())] = *s;
                    }
                } else {
                    throw bad_input(where, "[layers." + name + ".values]: " + f + " must be a table of your value = catalog value, or a crosswalk's name");
                }
            }
        } else {
            throw bad_input(where, at + ": values must be a crosswalk's name (values = \"gbt21010\") or [layers." + name + ".values.<field>] tables");
        }
    }
    return ls;
}
}  // namespace


namespace {
bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a month 01-12 and a day 01-31.
bool is_data_date(const std::string& s) {
    if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
    if (!all_digits(s.substr(0, 4))) return false;
    if (s.size() == 4) return true;
    const std::string month = s.substr(5, 2);
    if (s[4] != '-' || !all_digits(month) || month < "01" || month > "12") return false;
    if (s.size() == 7) return true;
    const std::string day = s.substr(8, 2);
    return s[7] == '-' && all_digits(day) && day >= "01" && day <= "31";
}

/// The report's head and the dataset's words for the catalog's layers.
void read_report_words(const toml::table& t, DatasetConfig& c, const FeatureRef& where) {
    const toml::table* ds = t["dataset"].as_table();
    auto head_text = [&](const char* key) {
        const toml::node* n = ds ? ds->get(key) : nullptr;
        if (!n) return std::string();
        if (auto v = n->value<std::string>()) return *v;
        if (auto i = n->value<std::int64_t>()) return std::to_string(*i);
        throw bad_input(where, std::string("[dataset] ") + key + " must be text");
    };
    c.organisation = head_text("organisation");
    c.data_date = head_text("data_date");
    c.evaluation_year = head_text("evaluation_year");
    c.certainty_note = head_text("certainty_note");
    c.certainty_note_en = head_text("certainty_note_en");
    if (c.certainty_note.empty() && !c.certainty_note_en.empty())
        throw bad_input(where, "[dataset] certainty_note_en needs certainty_note (the Chinese report's) too");
    if (!c.data_date.empty() && !is_data_date(c.data_date))
        throw bad_input(where, "[dataset] data_date '" + c.data_date + "' must be a date: \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"");
    if (!c.evaluation_year.empty() && (c.evaluation_year.size() != 4 || !all_digits(c.evaluation_year)))
        throw bad_input(where, "[dataset] evaluation_year '" + c.evaluation_year + "' must be a year of four digits, e.g. 2025");
    for (const char* section : {"titles", "titles_en", "groups"}) {
        const std::string prefix = std::string(section) == "titles" ? "title." : std::string(section) == "titles_en" ? "title_en." : "group.";
        const toml::node* node = t.get(section);
        if (!node) continue;
        auto* table = node->as_table();
        if (!table) throw bad_input(where, std::string("[") + section + "] must be a table of layer = \"words\"");
        for (auto& [layer, v] : *table) {
            auto words = v.value<std::string>();
            if (!words || words->empty())
                throw bad_input(where, std::string("[") + section + "] " + std::string(layer.str()) + " must be non-empty text");
            c.layer_words[prefix + std::string(layer.str())] = *words;
        }
    }
    if (const toml::node* node = t.get("colours")) {
        auto* layers = node->as_table();
        if (!layers) throw bad_input(where, "[colours.<layer>] sections must be tables of value = \"#rrggbb\"");
        for (auto& [layer, v] : *layers) {
            auto* values = v.as_table();
            if (!values) throw bad_input(where, "[colours." + std::string(layer.str()) + "] must be a table of value = \"#rrggbb\"");
            for (auto& [value, colour] : *values) {
                auto hex = colour.value<std::string>();
                const bool ok = hex && hex->size() == 7 && (*hex)[0] == '#' &&
                                std::all_of(hex->begin() + 1, hex->end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)); });
                if (!ok)
                    throw bad_input(where, "[colours." + std::string(layer.str()) + "] '" + std::string(value.str()) + "' must be a colour \"#rrggbb\"");
                c.layer_words["colour." + std::string(layer.str()) + "." + std::string(value.str())] = *hex;
            }
        }
    }
}
}  // namespace

void DatasetConfig::check_layer_words(const Catalog& catalog) const {
    for (auto& [key, words] : layer_words) {
        const std::size_t dot = key.find('.');
        const std::size_t end = key.find('.', dot + 1);
        const std::string layer = key.substr(dot + 1, end == std::string::npos ? std::string::npos : end - dot - 1);
        if (!catalog.find(layer)) {
            const std::string section = key.compare(0, 7, "colour.") == 0 ? "colours." + layer
                                        : key.compare(0, 9, "title_en.") == 0 ? std::string("titles_en")
                                        : key.compare(0, 6, "title.") == 0 ? std::string("titles") : std::string("groups");
            throw bad_input(FeatureRef{file.string(), layer, {}, {}}, "[" + section + "] names a layer the catalog has not");
        }
    }
    // A title names a table in the store and the exports (GeoPackage identifiers are unique).
    for (const char* prefix : {"title.", "title_en."}) {
        std::map<std::string, std::string> owner;  // title -> layer
        for (auto& spec : catalog.layers()) {
            auto it = layer_words.find(prefix + spec.name);
            const std::string& title = it != layer_words.end() ? it->second : std::string(prefix) == "title." ? spec.title_zh : spec.title_en;
            auto [at, fresh] = owner.emplace(title, spec.name);
            if (!fresh)
                throw bad_input(FeatureRef{file.string(), spec.name, {}, {}}, "[" + std::string(std::string(prefix) == "title." ? "titles" : "titles_en") +
                                                                                  "] '" + title + "' is also the title of layer " + at->second);
        }
    }
}

std::map<std::string, std::string> DatasetConfig::report_metadata() const {
    std::map<std::string, std::string> out = layer_words;
    if (!organisation.empty()) out["organisation"] = organisation;
    if (!data_date.empty()) out["data_date"] = data_date;
    if (!evaluation_year.empty()) out["evaluation_year"] = evaluation_year;
    if (!notes_en.empty()) {
        std::string joined;
        for (auto& n : notes_en) joined += n + "\n";  // one note a line, as "notes" is kept
        out["notes_en"] = joined;
    }
    if (!certainty_note.empty()) out["certainty_note"] = certainty_note;
    if (!certainty_note_en.empty()) out["certainty_note_en"] = certainty_note_en;
    return out;
}

DatasetConfig DatasetConfig::load(const std::filesystem::path& dir_or_file) {
    DatasetConfig c;
    std::error_code ec;
    const bool names_file = dir_or_file.extension() == ".toml" && !std::filesystem::is_directory(dir_or_file, ec);
    c.file = names_file ? dir_or_file : dir_or_file / "dataset.toml";
    FeatureRef where{c.file.string(), {}, {}, {}};
    if (!input_exists(c.file, where)) throw bad_input(where, "dataset description not found (expected dataset.toml)");
    toml::table t;
    try {
        t = toml::parse_file(c.file.string());
    } catch (const toml::parse_error& e) {
        throw bad_input(where, "line " + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
    }
    auto ds = t["dataset"];
    c.name = ds["name"].value_or(std::string());
    c.name_en = ds["name_en"].value_or(c.name);
    c.certainty = ds["certainty"].value_or(std::string());
    c.description = ds["description"].value_or(std::string());
    const toml::table* dataset = t["dataset"].as_table();
    auto dataset_key = [&](const char* key) { return dataset ? dataset->get(key) : nullptr; };
    c.sources = string_list(dataset_key("sources"), "[dataset] sources must be a list of text, one source each", where);
    c.notes = string_list(dataset_key("notes"), "[dataset] notes must be a list of text, one note each", where);
    c.notes_en = string_list(dataset_key("notes_en"), "[dataset] notes_en must be a list of text, one note each", where);
    // The work CRS and the kind of area ([dataset] crs, area): docs/crs.md.
    c.crs = ds["crs"].value_or(std::string());
    if (ds["crs"] && !ds["crs"].is_string()) throw bad_input(where, "[dataset] crs must be a string such as \"EPSG:4549\"");
    c.area = ds["area"].value_or(std::string("planar"));
    if ((ds["area"] && !ds["area"].is_string()) || (c.area != "planar" && c.area != "ellipsoidal"))
        throw bad_input(where, "[dataset] area must be \"planar\" (the work CRS's plane) or \"ellipsoidal\" (on its ellipsoid)");
    c.attached_files = string_list(dataset_key("attach"), "[dataset] attach must be a list of file names", where);
    for (const auto& name : c.attached_files) check_attachment(c.file.parent_path(), name, where);
    read_report_words(t, c, where);
    if (c.name.empty()) throw bad_input(where, "[dataset] needs a name");
    if (c.certainty != "illustrative" && c.certainty != "surveyed")
        throw bad_input(where, "[dataset] certainty must be 'illustrative' or 'surveyed' (say which honestly)");
    auto* layers = t["layers"].as_table();
    if (!layers) throw bad_input(where, "no [layers.<name>] sections");
    for (auto& [key, node] : *layers) {
        auto* lt = node.as_table();
        if (!lt) throw bad_input(where, "[layers." + std::string(key.str()) + "] must be a table");
        c.layers.push_back(parse_layer_source(std::string(key.str()), *lt, where));
    }
    return c;
}

}  // namespace zoning::core
