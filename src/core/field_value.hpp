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

/// `raw`: the source's text ("" for null). `value_map`: the source's own values mapped to
/// the catalog's ([layers.X.values.<field>] in dataset.toml). Empty text is no value, an
/// error only for a required field. Text that is not UTF-8 (a GBK DBF read without its
/// encoding) is an "encoding" problem, never stored raw.
FieldValue parse_field_value(const FieldSpec& field, const std::string& raw, const std::map<std::string, std::string>& value_map,
                             const LanduseTable& landuse);


/// Land-use codes read from numeric DBF columns lose their leading zero (701 for 0701):
/// the padded code when only that one is in the table, else `code` unchanged.
std::string normalise_landuse_code(const std::string& code, const LanduseTable& landuse);

/// A number a source stores as real but means as a whole number (a code in a numeric
/// DBF column) as integer text, "701" rather than "701.0"; nullopt when it has a fraction
/// or is too large to be exact.
std::optional<std::string> whole_number_text(double d);

}  // namespace zoning::core
