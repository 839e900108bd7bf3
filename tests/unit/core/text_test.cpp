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
