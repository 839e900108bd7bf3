// SPDX-License-Identifier: MIT
#pragma once
// The layer catalog (layers/*.toml): what each store layer is, its geometry type
// and fields. The catalog is the schema; a district's data is mapped onto it by
// its dataset.toml, never in code.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace zoning::core {

enum class GeomKind { polygon, line, none };
enum class FieldType { string, integer, real };

const char* to_string(GeomKind k);
const char* to_string(FieldType t);

struct FieldSpec {
    std::string name;
    FieldType type = FieldType::string;
    bool required = false;
    bool unique = false;
    std::vector<std::string> allowed;  ///< empty: any value
    std::string domain;                ///< "landuse": value must be a national 用地用海 code
    std::string title_zh;
    std::string dbf_name;              ///< the 10-character name in Shapefile exports, when `name` is longer
    std::map<std::string, std::string> words_en;  ///< English word for a value (kind 带 -> belt), for English output
    std::map<std::string, std::string> words_zh;  ///< Chinese word for a value kept as an English code (completed -> 已建成)
};

/// How QGIS draws a layer (the [style] section of its layer file).
struct StyleSpec {
    std::string renderer = "single";  ///< single | categorized | landuse (categorized by 用地用海 code, national colours)
    std::string attribute;            ///< categorized: the field
    std::vector<std::pair<std::string, std::string>> categories;  ///< value -> "#rrggbb", ordered by value
    std::string color = "#9e9e9e";    ///< single: fill or line colour
    std::string outline = "#424242";
    double fill_opacity = 0.6;        ///< 0 for no fill
    double width_mm = 0.4;            ///< outline or line width
    std::string fill_style = "solid"; ///< QGIS brush: solid, no, b_diagonal, f_diagonal, cross, ...
    std::string line_style = "solid"; ///< solid, dash, dot
    std::string label;                ///< field to label with (Chinese names), empty for none
    double label_size = 9;
    /// `label_kinds`: the values of `attribute` whose features the report's overview map labels
    /// (e.g. only the 区 of the service layout); absent: every feature, [] none.
    std::optional<std::vector<std::string>> label_kinds;
    /// The categorized colour of `value`; a value the categories do not list gets its
    /// catch-all colour (catch_all_colour), so another district's zones are drawn too;
    /// a single style: the single colour.
    const std::string& color_of(const std::string& value) const;
    /// The outline of a feature whose attribute is `value`: the style's outline when it sets
    /// one (or is single), else the category's colour, as the QGIS export draws it.
    const std::string& outline_of(const std::string& value) const;
    /// Whether the report's overview map labels a feature whose attribute is `value`.
    bool labels_on_map(const std::string& value) const;
};

/// The colour of a categorized value no category lists: one of a fixed palette chosen by a hash
/// of the value, so the same value has the same colour in every report and export.
const std::string& catch_all_colour(const std::string& value);

/// A control line a layer's features carry (layers/<name>.toml `[[control_lines]]`): a road's red
/// line (道路红线), water's blue-line setback (蓝线), rail's protection strip. The strip is the
/// feature buffered by the width its class (the value of `by`) gives, or by the feature's own
/// figure in `override_field` when it has one.
struct ControlLineSpec {
    std::string line;            ///< road_red_line | water_blue_line | rail_protection
    std::string by = "kind";     ///< the field whose value picks the width
    std::string override_field;  ///< a real field: the feature's own width, empty for none
    std::map<std::string, double> width_m;  ///< value of `by` -> metres; values not listed carry no such line
    /// A red line's width is the whole road's (the strip is the centre line ± width / 2); a setback
    /// or protection distance is measured outward from the feature on each side.
    bool width_is_full() const { return line == "road_red_line"; }
};

/// The control-line kinds a layer file may declare, in report order.
const std::vector<std::string>& control_line_kinds();

struct LayerSpec {
    std::string name;
    std::string title_zh;
    std::string title_en;
    GeomKind geometry = GeomKind::polygon;
    std::string group;  ///< QGIS layer-tree group
    std::vector<FieldSpec> fields;
    std::map<std::string, double> parameters;  ///< e.g. buffer widths the data is drawn with
    StyleSpec style;
    std::vector<ControlLineSpec> control_lines;
    std::filesystem::path file;
    int field_index(const std::string& name) const;  ///< -1 when absent
    /// The English word the catalog gives for `value` of `field`, else `value` itself.
    std::string word_en(const std::string& field, const std::string& value) const;
    /// The Chinese word the catalog gives for `value` of `field` (words_zh), else `value` itself.
    std::string word_zh(const std::string& field, const std::string& value) const;
};

/// One class of the national 国土空间调查、规划、用途管制用地用海分类 (2023).
struct LanduseClass {
    std::string code;     ///< "07", "0701", "1001", ...
    std::string name_zh;
    std::string name_en;
    bool construction = false;  ///< 建设用地
    std::string color;          ///< "#rrggbb", the standard's map colour where it has one
};

class LanduseTable {
public:
    void add(LanduseClass c);
    const LanduseClass* find(const std::string& code) const;
    /// The first-level class ("0701" -> "07"; "1001" -> "10").
    static std::string first_level(const std::string& code);
    /// The class one level up ("070101" -> "0701", "0701" -> "07"), empty for a first-level class.
    static std::string parent(const std::string& code);
    /// 1, 2 or 3 for a code of 2, 4 or 6 digits; 0 for anything else.
    static int level(const std::string& code);
    const std::vector<LanduseClass>& classes() const noexcept { return m_classes; }

private:
    std::vector<LanduseClass> m_classes;
    std::map<std::string, std::size_t> m_index;
};

/// A built-in table from another classification's codes to national 用地用海 codes
/// (`<catalog dir>/crosswalk-<name>.toml`), named in dataset.toml by `values = "<name>"`.
struct Crosswalk {
    std::string name;  ///< "gbt21010"
    std::filesystem::path file;
    std::map<std::string, std::string> to;  ///< source code -> 用地用海 code (every one in the catalog's table)
};

class Catalog {
public:
    /// Reads `dir/catalog.toml` and the layer files it lists. Throws Error (bad_input)
    /// naming the file and line on malformed TOML.
    static Catalog load(const std::filesystem::path& dir);
    /// The catalog shipped in the source tree (ZONING_SOURCE_DIR/layers) or $ZONING_LAYERS.
    static std::filesystem::path default_dir();
    /// A layer file outside the catalog's list (e.g. layers/analysis/conflicts.toml): fields and style.
    static LayerSpec load_layer_file(const std::filesystem::path& file);

    const std::vector<LayerSpec>& layers() const noexcept { return m_layers; }
    const LayerSpec* find(const std::string& name) const;
    const LayerSpec& at(const std::string& name) const;  ///< throws bad_input "unknown layer"
    const LanduseTable& landuse() const noexcept { return m_landuse; }
    const std::filesystem::path& dir() const noexcept { return m_dir; }
    /// A dataset's own words for the catalog's layers (dataset.toml [titles], [titles_en], [groups],
    /// [colours.<layer>], kept in the store's metadata as "title.<layer>", "title_en.<layer>",
    /// "group.<layer>", "colour.<layer>.<value>"): the layers' titles, QGIS groups and category
    /// colours become the dataset's. Keys of layers the catalog lacks are ignored here (build refuses them).
    void apply_dataset_words(const std::map<std::string, std::string>& metadata);
    /// The crosswalk of that name; nullptr when the catalog has none.
    const Crosswalk* crosswalk(const std::string& name) const;
    const std::vector<Crosswalk>& crosswalks() const noexcept { return m_crosswalks; }

    /// Reads a land-use code table (layers/landuse.toml): every code 2, 4 or 6 digits, listed
    /// once, after its parent class, with a Chinese name. Throws bad_input naming the file.
    static LanduseTable load_landuse(const std::filesystem::path& file);
    /// Reads a crosswalk file; every target must be a code of `landuse`. Throws bad_input.
    static Crosswalk load_crosswalk(const std::filesystem::path& file, const std::string& name, const LanduseTable& landuse);

private:
    std::filesystem::path m_dir;
    std::vector<LayerSpec> m_layers;
    LanduseTable m_landuse;
    std::vector<Crosswalk> m_crosswalks;
};

}  // namespace zoning::core
