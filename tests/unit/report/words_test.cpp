// SPDX-License-Identifier: MIT
// The dictionary: a key in both languages, an unknown key as is, units as they follow a number.
#include "report/words.hpp"

#include <gtest/gtest.h>

using namespace zoning::report;

TEST(Words, AKeyInBothLanguages) {
    EXPECT_EQ(tr("conflicts", Lang::zh), "冲突");
    EXPECT_EQ(tr("conflicts", Lang::en), "Conflicts");
    EXPECT_EQ(tr("completed", Lang::zh), "已建成");
    EXPECT_EQ(tr("robustness", Lang::en), "Geometry retries");
}

TEST(Words, AnUnknownKeyIsReturnedAsIs) {
    EXPECT_EQ(tr("带", Lang::zh), "带");
    EXPECT_EQ(tr("no such key", Lang::en), "no such key");
}

TEST(Words, LegendPrefixesOfTheMapsCategorizedLayers) {
    EXPECT_EQ(tr("legend.eco_structure", Lang::zh), "生态");
    EXPECT_EQ(tr("legend.eco_structure", Lang::en), "eco ");
    EXPECT_EQ(tr("legend.service_layout", Lang::en), "service ");
}

TEST(Words, UnitsFollowANumber) {
    EXPECT_EQ(unit_word("亩", Lang::zh), " 亩");
    EXPECT_EQ(unit_word("亩", Lang::en), " mu");
    EXPECT_EQ(unit_word("亿元", Lang::en), " × 100 million yuan");
    EXPECT_EQ(unit_word("m²", Lang::en), " m²");
    EXPECT_EQ(unit_word("ratio", Lang::zh), "");
    EXPECT_EQ(unit_word("ratio", Lang::en), "");
}
