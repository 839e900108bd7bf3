// SPDX-License-Identifier: MIT
#include "core/field_value.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/text.hpp"

namespace zoning::core {

namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string list;
    for (auto& a : items) list += (list.empty() ? "" : ", ") + a;
    return list;
}

/// The whole text must be the number: "12abc" is not 12.
Value typed(FieldType type, const std::string& text) {
    std::size_t used = 0;
    switch (type) {
        case FieldType::string:
            return text;
        case FieldType::integer: {
            long long v = std::stoll(text, &used);
            if (used != text.size()) throw std::invalid_argument("trailing text");
            return static_cast<std::int64_t>(v);
        }
        case FieldType::real: {
            double v = std::stod(text, &used);
            if (used != text.size() || !std::isfinite(v)) throw std::invalid_argument("not finite");
            return v;
        }
    }
    return text;
}

}  // namespace

std::string normalise_landuse_code(const std::string& code, const LanduseTable& landuse) {
    if (landuse.find(code)) return code;
    if (code.size() != 3 && code.size() != 5) return code;
    if (!std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) return code;
    std::string padded = "0" + code;
    return landuse.find(padded) ? padded : code;
}

std::optional<std::string> whole_number_text(double d) {
    if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
    return std::nullopt;
}

FieldValue parse_field_value(const FieldSpec& field, const std::string& raw, const std::map<std::string, std::string>& value_map,
                             const LanduseTable& landuse) {
    return parse_field_value(field, raw, ValueTable{value_map.empty() ? nullptr : &value_map, "the field's values table"}, landuse);
}

FieldValue parse_field_value(const FieldSpec& field, const std::string& raw, const ValueTable& table, const LanduseTable& landuse) {
    FieldValue out;
    out.text = raw;
    const bool landuse_domain = field.domain == "landuse";
    bool unmapped = false;
    if (table.map) {
        if (auto to = table.map->find(raw); to != table.map->end()) out.text = to->second;
        else unmapped = landuse_domain && !raw.empty();
    } else if (landuse_domain && !out.text.empty()) {
        out.text = normalise_landuse_code(out.text, landuse);
    }
    const std::string& text = out.text;
    auto fail = [&out](std::string check, std::string message) {
        out.check = std::move(check);
        out.problem = std::move(message);
        return out;
    };
    if (!valid_utf8(raw)) {
        out.text.clear();  // never quoted: the bytes would make the message itself unreadable
        return fail("encoding", "field '" + field.name +
                                    "' is not UTF-8 text (a GBK or other legacy DBF without a .cpg file? give the layer's "
                                    "encoding in dataset.toml, e.g. encoding = \"GB18030\")");
    }
    if (text.empty()) {
        if (field.required) return fail("missing-value", "required field '" + field.name + "' is empty");
        return out;
    }
    if (!field.allowed.empty() && std::find(field.allowed.begin(), field.allowed.end(), text) == field.allowed.end())
        return fail("value", "field '" + field.name + "' is '" + text + "', not one of: " + joined(field.allowed));
    if (unmapped)
        return fail("unmapped", "value '" + text + "' of field '" + field.name + "' is not in " + table.name);
    if (landuse_domain && !landuse.find(text)) {
        if (table.map)
            return fail("landuse-code", table.name + " maps '" + raw + "' to '" + text + "', which is not a national 用地用海 code");
        return fail("landuse-code", "unknown land-use code '" + text + "' in field '" + field.name +
                                        "' (not a national 用地用海 code in layers/landuse.toml; if the column holds "
                                        "another classification, map it with a values table in dataset.toml)");
    }
    try {
        out.value = typed(field.type, text);
    } catch (const std::exception&) {
        return fail("value",
                    "field '" + field.name + "' is '" + text + "', not " + (field.type == FieldType::integer ? "an integer" : "a number"));
    }
    return out;
}

}  // namespace zoning::core
