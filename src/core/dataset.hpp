// SPDX-License-Identifier: MIT
#pragma once
// The in-memory dataset: catalog layers with features in the dataset's work CRS, plus the
// metadata and text files (targets, rules) a store carries so it is self-contained.
// Geometry is held as 2D WKB so that any thread can parse it in its own GEOS context.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/catalog.hpp"
#include "core/error.hpp"

namespace zoning::core {

using Value = std::variant<std::monostate, std::int64_t, double, std::string>;
std::string value_text(const Value& v);

struct Feature {
    std::int64_t fid = 0;       ///< the source's feature id (store: GeoPackage fid)
    std::vector<Value> values;  ///< aligned with LayerSpec::fields
    std::string wkb;            ///< the work CRS (Dataset::work_crs), 2D ISO WKB, Multi* type
};

/// A geometry that build repaired, named so the user knows (never silent).
struct Repair {
    std::string layer;
    std::int64_t fid = 0;
    std::string id;
    std::string reason;  ///< GEOS's validity message with location
    double area_before = 0, area_after = 0;
};

struct Layer {
    const LayerSpec* spec = nullptr;
    std::string source;      ///< where it was read from (file or PG: string)
    std::string source_crs;  ///< e.g. "EPSG:4326"
    std::vector<Feature> features;
    std::vector<Repair> repairs;
    const std::string& name() const { return spec->name; }
    /// The `id` (first field) of a feature as text.
    std::string id_of(const Feature& f) const { return value_text(f.values.at(0)); }
    /// A field's value as text, "" for null or unknown field.
    std::string text(const Feature& f, const std::string& field) const;
    /// A numeric field's value; none when the layer lacks the field or the feature leaves it empty.
    std::optional<double> number(const Feature& f, const std::string& field) const;
};

/// How one catalog layer is read from a district's files (dataset.toml [layers.X]).
struct LayerSource {
    std::string layer;         ///< catalog layer name
    std::string source;        ///< path relative to dataset.toml, or an OGR connection ("PG:...")
    std::string source_layer;  ///< layer inside the source; empty: the only / first layer
    std::string crs;           ///< CRS to assume when the source declares none
    bool force_crs = false;    ///< use `crs` even when the source declares another (e.g. metric GeoJSON, which RFC 7946 calls WGS84)
    std::string encoding;      ///< the DBF's character set by its iconv name ("GB18030", "BIG5-HKSCS"); empty: GDAL's own (.cpg, else UTF-8)
    std::map<std::string, std::string> fields;                          ///< schema field -> source field, or "@fid" for the feature id
    std::map<std::string, std::map<std::string, std::string>> values;   ///< schema field -> source value -> schema value
    std::map<std::string, std::string> crosswalks;                      ///< schema field -> built-in crosswalk ([layers.X.values] landuse = "gbt21010")
    std::string landuse_crosswalk;           ///< values = "gbt21010" for the layer: the crosswalk of every land-use field
    std::map<std::string, std::string> constants;                       ///< schema field -> the value every feature gets
    std::string where;                       ///< an OGR attribute filter: only the features it selects are read
    std::vector<std::string> open_options;   ///< GDAL open options, "NAME=VALUE"
    enum class Unmapped { error, skip } on_unmapped = Unmapped::error;  ///< a land-use value no table or code covers
};

/// The source field that means "the feature id" in [layers.X.fields].
inline constexpr const char* kFidField = "@fid";

struct DatasetConfig {
    std::filesystem::path file;  ///< the dataset.toml
    std::string name;
    std::string name_en;
    std::string certainty;  ///< "illustrative" or "surveyed"
    std::string description;
    std::vector<std::string> sources;
    std::vector<std::string> notes;     ///< in Chinese, for the Chinese report
    std::vector<std::string> notes_en;  ///< [dataset] notes_en: the same in English (the English report; `notes` when absent)
    /// [dataset] certainty_note / certainty_note_en: what is and is not measured in this dataset, in the
    /// report's head and footer (an illustrative dataset without one gets a generic sentence).
    std::string certainty_note, certainty_note_en;
    std::vector<LayerSource> layers;
    // The report's head ([dataset] organisation, data_date, evaluation_year; docs/data-model.md).
    std::string organisation;     ///< who signs the report, e.g. a planning bureau
    std::string data_date;        ///< "YYYY", "YYYY-MM" or "YYYY-MM-DD": when the data describes the ground
    std::string evaluation_year;  ///< the plan year evaluated, four digits
    /// The dataset's words for catalog layers, as store metadata keys: "title.<layer>" ([titles]),
    /// "title_en.<layer>" ([titles_en]), "group.<layer>" ([groups]), "colour.<layer>.<value>" ([colours.<layer>]).
    std::map<std::string, std::string> layer_words;
    /// [dataset] crs: the work CRS the user names ("EPSG:4549"); empty: chosen from the boundary (docs/crs.md).
    std::string crs;
    /// "--crs" when the command line named `crs` (overriding [dataset] crs): messages name it; empty: dataset.toml did.
    std::string crs_option;
    /// [dataset] area: "planar" (default: areas in the work CRS's plane) or "ellipsoidal" (every
    /// reported area scaled to the ellipsoid, frame by frame; docs/crs.md).
    std::string area = "planar";
    std::vector<std::string> attached_files;  ///< targets.toml, rules.toml, ... copied into the store: regular files inside
                                              ///< the data folder (no "..", no absolute path, no symlink out), each <= 1 MiB
    /// Reads DIR/dataset.toml (or the file itself). Throws bad_input with file and line.
    static DatasetConfig load(const std::filesystem::path& dir_or_file);
    /// Throws bad_input naming the file when [titles], [titles_en], [groups] or [colours] name a
    /// layer the catalog lacks.
    void check_layer_words(const Catalog& catalog) const;
    /// What the store keeps for the report: the head keys (when set), notes_en and certainty_note(_en)
    /// (when set), and layer_words.
    std::map<std::string, std::string> report_metadata() const;
    std::filesystem::path dir() const { return file.parent_path(); }
};

struct Dataset {
    /// name, certainty, sources, notes, built_at, crs (the work CRS's short name, "EPSG:4549"), crs_wkt (its WKT2),
    /// area ("planar" or "ellipsoidal"), source_crs.<layer> (the CRS each layer was read from), ...
    std::map<std::string, std::string> metadata;
    std::map<std::string, std::string> files;     ///< attached text files by name (targets.toml, rules.toml)
    std::vector<Layer> layers;                    ///< catalog order
    const Layer* find(const std::string& name) const;
    Layer* find(const std::string& name);
    bool illustrative() const;
    /// A metadata value, empty when absent.
    std::string meta(const std::string& key) const;
    /// The work CRS every geometry is in, for PROJ and GDAL: the WKT2 the store records, else its "crs".
    std::string work_crs() const;
    /// The work CRS as people name it: "EPSG:4549".
    std::string work_crs_name() const { return meta("crs"); }
    /// Whether reported areas are ellipsoidal ([dataset] area = "ellipsoidal").
    bool ellipsoidal_areas() const { return meta("area") == "ellipsoidal"; }
};

/// The largest attached file (dataset.toml `attach`), in bytes.
inline constexpr std::uintmax_t kMaxAttachmentBytes = 1024 * 1024;

/// Whether an input file is there: false when it does not exist; throws Error(bad_input)
/// naming `where` when it cannot even be looked at (a name over 255 bytes, no permission).
bool input_exists(const std::filesystem::path& p, const FeatureRef& where);

}  // namespace zoning::core
