// SPDX-License-Identifier: MIT
#include "report/formats.hpp"

#include "core/error.hpp"

namespace zoning::report {

const std::vector<ReportFormat>& report_formats() {
    static const std::vector<ReportFormat> formats = {
        {"html", "one self-contained page with a map", "out/report.html", write_html, nullptr, true},
        {"md", "Markdown", "out/report.md", write_markdown, nullptr},
        {"json", "the machine-readable contract (docs/report-json.md)", "out/report.json", write_json, nullptr},
        {"csv", "a folder of tables", "out/report-csv", nullptr, csv_tables},
    };
    return formats;
}

const ReportFormat& report_format(const std::string& name) {
    std::string names;
    for (const auto& f : report_formats()) {
        if (f.name == name) return f;
        names += (names.empty() ? "" : ", ") + f.name;
    }
    throw core::bad_input(core::FeatureRef{}, "--format " + name + ": no such report format (there are " + names + ")");
}

}  // namespace zoning::report
