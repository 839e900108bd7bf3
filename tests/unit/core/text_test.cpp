// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/text.hpp"

using namespace zoning::core;

TEST(Text, XmlEscapeEveryMarkupCharacter) {
    EXPECT_EQ(xml_escape(R"(<a href="x">'R&D'</a>)"), "&lt;a href=&quot;x&quot;&gt;&apos;R&amp;D&apos;&lt;/a&gt;");
    EXPECT_EQ(xml_escape("商贸科创区"), "商贸科创区");
}

TEST(Text, CsvFieldQuotedOnlyWhenItMustBe) {
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv_field(""), "");
}

TEST(Text, DisplayWidthCountsWideCharactersTwice) {
    EXPECT_EQ(display_width(""), 0u);
    EXPECT_EQ(display_width("abc"), 3u);
    EXPECT_EQ(display_width("新华区"), 6u);
    EXPECT_EQ(display_width("0701 居住"), 9u);
    EXPECT_EQ(display_width("m²"), 2u);     // a two-byte character one column wide
    EXPECT_EQ(display_width("ＡＢ"), 4u);   // full-width forms
    EXPECT_EQ(display_width("𠀀"), 2u);     // CJK extension B, four bytes
}

TEST(Text, XmlEscapeDropsControlCharactersXmlForbids) {
    // A name with control characters made a .qgs that is not XML (issue 12).
    EXPECT_EQ(xml_escape(std::string("a\x01" "b\x1f" "c\x7f" "d\x00" "e", 9)), "abcde");
    EXPECT_EQ(xml_escape("tab\there\nnl\rcr"), "tab\there\nnl\rcr");  // allowed in XML 1.0
}

TEST(Text, CsvTextFieldNeutralisesFormulaStarts) {
    EXPECT_EQ(csv_text_field("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    EXPECT_EQ(csv_text_field("+1"), "'+1");
    EXPECT_EQ(csv_text_field("-2"), "'-2");
    EXPECT_EQ(csv_text_field("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(csv_text_field("\t=1"), "'\t=1");
    EXPECT_EQ(csv_text_field("\r=1"), "\"'\r=1\"");
    EXPECT_EQ(csv_text_field("西区"), "西区");
    EXPECT_EQ(csv_text_field("a=b"), "a=b");
    EXPECT_EQ(csv_text_field(""), "");
}

TEST(Text, ValidUtf8) {
    EXPECT_TRUE(valid_utf8("新华区 abc"));
    EXPECT_TRUE(valid_utf8(""));
    EXPECT_FALSE(valid_utf8("\xB9\xE3\xB6\xAB"));  // 广东 in GBK
    EXPECT_FALSE(valid_utf8("\xC0\x80"));          // overlong
    EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));      // surrogate
    EXPECT_FALSE(valid_utf8("\xE6\x96"));          // cut short
}

TEST(Text, Utf8ValidityEdgeCases) {
    EXPECT_TRUE(valid_utf8(""));
    EXPECT_TRUE(valid_utf8("abc 新华 \xF0\x9F\x8C\xB3"));
    EXPECT_FALSE(valid_utf8("\xC0\xAF"));          // overlong
    EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));      // surrogate
    EXPECT_FALSE(valid_utf8("\xE6\x96"));          // cut short
    EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    EXPECT_FALSE(valid_utf8("\xFF"));
}
