// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "core/error.hpp"
#include "fixtures.hpp"
#include "report/formats.hpp"

using namespace zoning;

TEST(Formats, EachFormatWritesOneWayAndHasItsOwnName) {
    std::set<std::string> names;
    for (const auto& f : report::report_formats()) {
        EXPECT_TRUE(names.insert(f.name).second) << f.name;
        EXPECT_NE(f.write == nullptr, f.tables == nullptr) << f.name << ": a document or a folder of tables, not both";
        EXPECT_FALSE(f.default_out.empty()) << f.name;
    }
    EXPECT_EQ(report::report_formats().front().name, "html");  // the default, as --help says
}

TEST(Formats, UnknownFormatNamesTheOnesThereAre) {
    try {
        report::report_format("pdf");
        FAIL() << "no error";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::bad_input);
        EXPECT_NE(std::string(e.what()).find("html, md, json, csv"), std::string::npos) << e.what();
    }
}

TEST(Formats, EveryFormatRendersTheMiniReport) {
    report::ReportData r;
    r.dataset = &test::mini_dataset();
    r.catalog = &test::bundled_catalog();
    for (const auto& f : report::report_formats()) {
        if (f.write) {
            std::ostringstream out;
            f.write(out, r, report::Lang::zh);
            EXPECT_FALSE(out.str().empty()) << f.name;
        } else {
            EXPECT_FALSE(f.tables(r, report::Lang::zh).empty()) << f.name;
        }
    }
}
