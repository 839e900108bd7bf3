// SPDX-License-Identifier: MIT
#pragma once
// A source's value for one catalog field, made into the field's typed core::Value.
// Pure: the reader (io/source_reader) hands over text, this decides what it means,
// so the rules are the same for every source and testable without GDAL.
#include <map>
#include <optional>
#include <string>

#include "core/catalog.hpp"
#include "core/dataset.hpp"

namespace zoning::core {

/// The outcome for one field of one feature.
struct FieldValue {
    std::string text;     ///< after the source's value mapping and code padding: what messages quote
    Value value;          ///< monostate when empty or when there is a problem
    std::string check;    ///< empty when fine; else the finding's check ("missing-value", "value", "landuse-code")
    std::string problem;  ///< the finding's message
    bool ok() const noexcept { return check.empty(); }
};

/// A source's own values for one field and the catalog values they stand for: a table in
/// dataset.toml ([layers.X.values.<field>]) or a built-in crosswalk (values = "gbt21010").
struct ValueTable {
    const std::map<std::string, std::string>* map = nullptr;  ///< nullptr: the field has no table
    std::string name;  ///< how messages name it: "[layers.parcels.values.landuse]", "crosswalk gbt21010"
};

/// `raw`: the source's text ("" for null). Empty text is no value, an error only for a
/// required field. Text that is not UTF-8 (a GBK DBF read without its encoding) is an
/// "encoding" problem, never stored raw.
///
/// A land-use field (domain "landuse") with a table accepts only the table's keys: a value
/// outside it is "unmapped", never padded or taken as a national code by accident (a class
/// "3" of a local scheme is not 03 林地). Without a table the value must be a national code,
/// after normalise_landuse_code; anything else is "landuse-code". Other fields use a table
/// where it has the value and the value itself where it has not.
FieldValue parse_field_value(const FieldSpec& field, const std::string& raw, const ValueTable& table, const LanduseTable& landuse);

/// The same with a plain map; an empty map is no table.
FieldValue parse_field_value(const FieldSpec& field, const std::string& raw, const std::map<std::string, std::string>& value_map,
                             const LanduseTable& landuse);

/// Land-use codes read from numeric columns lose their leading zero (701 for 0701). The
/// repair is made only when it is unambiguous: `code` is 3 or 5 digits (a second- or
/// third-level code less its zero; no national code has an odd length), it is not itself a
/// code, and "0" + `code` is one. One digit is never padded: a column of small numbers is far
/// more often a local classification than first-level codes. Otherwise `code` unchanged.
std::string normalise_landuse_code(const std::string& code, const LanduseTable& landuse);

/// A number a source stores as real but means as a whole number (a code in a numeric
/// DBF column) as integer text, "701" rather than "701.0"; nullopt when it has a fraction
/// or is too large to be exact.
std::optional<std::string> whole_number_text(double d);

}  // namespace zoning::core
