// SPDX-License-Identifier: MIT
// Source values to typed catalog values, without GDAL: the table the reader relies on.
#include <gtest/gtest.h>

#include <cmath>

#include "core/field_value.hpp"

using namespace zoning::core;

namespace {

LanduseTable small_table() {
    LanduseTable t;
    for (const char* code : {"07", "0701", "10", "1001"}) t.add(LanduseClass{code, code, code, false, "#000000"});
    return t;
}

FieldSpec field(const char* name, FieldType type, bool required = false) {
    FieldSpec f;
    f.name = name;
    f.type = type;
    f.required = required;
    return f;
}

const std::map<std::string, std::string> kNoMapping;

}  // namespace

TEST(FieldValue, TextIntegerAndRealAreTyped) {
    const LanduseTable t = small_table();
    FieldValue s = parse_field_value(field("name", FieldType::string), "新华", kNoMapping, t);
    EXPECT_TRUE(s.ok());
    EXPECT_EQ(std::get<std::string>(s.value), "新华");
    FieldValue i = parse_field_value(field("floors", FieldType::integer), "-12", kNoMapping, t);
    EXPECT_TRUE(i.ok());
    EXPECT_EQ(std::get<std::int64_t>(i.value), -12);
    FieldValue r = parse_field_value(field("area", FieldType::real), "2.5e3", kNoMapping, t);
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(std::get<double>(r.value), 2500.0);
}

TEST(FieldValue, EmptyIsNoValueAndAnErrorOnlyWhenRequired) {
    const LanduseTable t = small_table();
    FieldValue optional = parse_field_value(field("note", FieldType::integer), "", kNoMapping, t);
    EXPECT_TRUE(optional.ok());
    EXPECT_TRUE(std::holds_alternative<std::monostate>(optional.value));
    FieldValue required = parse_field_value(field("id", FieldType::string, true), "", kNoMapping, t);
    EXPECT_EQ(required.check, "missing-value");
    EXPECT_EQ(required.problem, "required field 'id' is empty");
    EXPECT_TRUE(std::holds_alternative<std::monostate>(required.value));
}

TEST(FieldValue, NumbersMustBeWholeAndFinite) {
    const LanduseTable t = small_table();
    FieldValue trailing = parse_field_value(field("floors", FieldType::integer), "12abc", kNoMapping, t);
    EXPECT_EQ(trailing.check, "value");
    EXPECT_EQ(trailing.problem, "field 'floors' is '12abc', not an integer");
    EXPECT_TRUE(std::holds_alternative<std::monostate>(trailing.value));
    EXPECT_EQ(parse_field_value(field("floors", FieldType::integer), "1.5", kNoMapping, t).check, "value");
    EXPECT_EQ(parse_field_value(field("floors", FieldType::integer), "99999999999999999999", kNoMapping, t).check, "value");
    for (const char* bad : {"nan", "inf", "-INF", "3 m", "x"}) {
        FieldValue r = parse_field_value(field("area", FieldType::real), bad, kNoMapping, t);
        EXPECT_EQ(r.check, "value") << bad;
        EXPECT_EQ(r.problem, std::string("field 'area' is '") + bad + "', not a number") << bad;
    }
}

TEST(FieldValue, AllowedValuesAreListedWhenMissed) {
    FieldSpec status = field("status", FieldType::string);
    status.allowed = {"planned", "completed"};
    const LanduseTable t = small_table();
    EXPECT_TRUE(parse_field_value(status, "planned", kNoMapping, t).ok());
    FieldValue r = parse_field_value(status, "done", kNoMapping, t);
    EXPECT_EQ(r.check, "value");
    EXPECT_EQ(r.problem, "field 'status' is 'done', not one of: planned, completed");
}

TEST(FieldValue, SourceValuesAreMappedBeforeTheyAreChecked) {
    FieldSpec status = field("status", FieldType::string);
    status.allowed = {"planned", "completed"};
    const std::map<std::string, std::string> mapping{{"规划", "planned"}, {"", "completed"}};
    FieldValue r = parse_field_value(status, "规划", mapping, small_table());
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(r.text, "planned");
    EXPECT_EQ(std::get<std::string>(r.value), "planned");
    // An empty source value can be given a meaning too.
    EXPECT_EQ(std::get<std::string>(parse_field_value(status, "", mapping, small_table()).value), "completed");
}

TEST(FieldValue, LanduseCodesArePaddedAndChecked) {
    FieldSpec landuse = field("landuse", FieldType::string, true);
    landuse.domain = "landuse";
    const LanduseTable t = small_table();
    FieldValue padded = parse_field_value(landuse, "701", kNoMapping, t);
    EXPECT_TRUE(padded.ok());
    EXPECT_EQ(padded.text, "0701");
    EXPECT_EQ(std::get<std::string>(padded.value), "0701");
    FieldValue unknown = parse_field_value(landuse, "9999", kNoMapping, t);
    EXPECT_EQ(unknown.check, "landuse-code");
    EXPECT_EQ(unknown.text, "9999");
    EXPECT_EQ(unknown.problem,
              "unknown land-use code '9999' in field 'landuse' (not a national 用地用海 code in layers/landuse.toml; if the column "
              "holds another classification, map it with a values table in dataset.toml)");
    // Without the domain a code is just text.
    EXPECT_EQ(std::get<std::string>(parse_field_value(field("code", FieldType::string), "701", kNoMapping, t).value), "701");
}

TEST(FieldValue, NormaliseLanduseCodePadsOnlyWhenThatIsACode) {
    const LanduseTable t = small_table();
    EXPECT_EQ(normalise_landuse_code("701", t), "0701");
    EXPECT_EQ(normalise_landuse_code("7", t), "7");  // one digit: a local class number as likely as 07, so never padded
    EXPECT_EQ(normalise_landuse_code("1001", t), "1001");
    EXPECT_EQ(normalise_landuse_code("999", t), "999");  // "0999" is no code either: left for the check to name
    EXPECT_EQ(normalise_landuse_code("70", t), "70");    // even length: never padded
}

TEST(FieldValue, ALandUseTableAcceptsOnlyItsKeys) {
    FieldSpec landuse = field("landuse", FieldType::string, true);
    landuse.domain = "landuse";
    const LanduseTable t = small_table();
    // A local scheme's classes 1..10: 1 is industry, 7 housing. 7 and 10 are also national codes
    // (07, 10) and would be taken as such without the table.
    const std::map<std::string, std::string> classes{{"1", "1001"}, {"7", "0701"}};
    const ValueTable table{&classes, "[layers.parcels.values.landuse]"};
    FieldValue industry = parse_field_value(landuse, "1", table, t);
    EXPECT_TRUE(industry.ok());
    EXPECT_EQ(std::get<std::string>(industry.value), "1001");
    EXPECT_EQ(std::get<std::string>(parse_field_value(landuse, "7", table, t).value), "0701");
    // Not a key: unmapped, though "10" is a national code and "701" would pad to one.
    for (const char* raw : {"10", "701", "0701", "3"}) {
        FieldValue v = parse_field_value(landuse, raw, table, t);
        EXPECT_EQ(v.check, "unmapped") << raw;
        EXPECT_EQ(v.problem, std::string("value '") + raw + "' of field 'landuse' is not in [layers.parcels.values.landuse]") << raw;
        EXPECT_TRUE(std::holds_alternative<std::monostate>(v.value)) << raw;
    }
    // An empty value is no value (required: missing), not an unmapped one.
    EXPECT_EQ(parse_field_value(landuse, "", table, t).check, "missing-value");
}

TEST(FieldValue, ATableValueThatIsNoCodeIsNamed) {
    FieldSpec landuse = field("landuse", FieldType::string);
    landuse.domain = "landuse";
    const std::map<std::string, std::string> bad{{"R2", "0799"}};
    FieldValue v = parse_field_value(landuse, "R2", ValueTable{&bad, "the crosswalk \"x\""}, small_table());
    EXPECT_EQ(v.check, "landuse-code");
    EXPECT_EQ(v.problem, "the crosswalk \"x\" maps 'R2' to '0799', which is not a national 用地用海 code");
}

TEST(FieldValue, OtherFieldsKeepValuesTheTableLacks) {
    FieldSpec status = field("status", FieldType::string);
    status.allowed = {"planned", "completed"};
    const std::map<std::string, std::string> mapping{{"规划", "planned"}};
    FieldValue v = parse_field_value(status, "completed", ValueTable{&mapping, "t"}, small_table());
    EXPECT_TRUE(v.ok());
    EXPECT_EQ(v.text, "completed");
}

TEST(FieldValue, PaddingIsOnlyForThreeAndFiveDigits) {
    LanduseTable t = small_table();
    t.add(LanduseClass{"070101", "a", "a", false, "#000000"});
    EXPECT_EQ(normalise_landuse_code("70101", t), "070101");
    EXPECT_EQ(normalise_landuse_code("1", t), "1");
    EXPECT_EQ(normalise_landuse_code("7a1", t), "7a1");
    EXPECT_EQ(normalise_landuse_code(" 701", t), " 701");
    FieldSpec landuse = field("landuse", FieldType::string);
    landuse.domain = "landuse";
    EXPECT_EQ(parse_field_value(landuse, "7", kNoMapping, t).check, "landuse-code");
}

TEST(FieldValue, WholeNumberText) {
    EXPECT_EQ(whole_number_text(701.0), "701");
    EXPECT_EQ(whole_number_text(-3.0), "-3");
    EXPECT_EQ(whole_number_text(0.0), "0");
    EXPECT_EQ(whole_number_text(701.5), std::nullopt);
    EXPECT_EQ(whole_number_text(1e15), std::nullopt);
    EXPECT_EQ(whole_number_text(std::nan("")), std::nullopt);
}

TEST(FieldValue, TextThatIsNotUtf8IsAnEncodingProblem) {
    // 新华 in GBK, as a DBF without .cpg hands it over when no encoding is given.
    FieldValue v = parse_field_value(field("name", FieldType::string), "\xD0\xC2\xBB\xAA", kNoMapping, small_table());
    EXPECT_EQ(v.check, "encoding");
    EXPECT_NE(v.problem.find("field 'name'"), std::string::npos) << v.problem;
    EXPECT_TRUE(v.text.empty());  // the bytes are never quoted
    EXPECT_TRUE(std::holds_alternative<std::monostate>(v.value));
    EXPECT_TRUE(parse_field_value(field("name", FieldType::string), "新华区", kNoMapping, small_table()).ok());
}
