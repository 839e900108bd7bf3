// SPDX-License-Identifier: MIT
#include <sstream>

#include "core/number_format.hpp"
#include "report/internal.hpp"

namespace zoning::report {

using namespace detail;

namespace {
const char* kBom = "\xEF\xBB\xBF";
std::string num(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}
std::string status_m2(const core::CoverageRow& c, const char* s) {
    auto it = c.projects_by_status_m2.find(s);
    return num(it == c.projects_by_status_m2.end() ? 0.0 : it->second);
}
}  // namespace

std::map<std::string, std::string> csv_tables(const ReportData& r, Lang lang) {
    std::map<std::string, std::string> files;
    std::ostringstream cov, lu, prog, series, conf;
    cov << kBom << "layer,id,name,kind,area_m2,parcels_m2,projects_m2,completed_m2,under_construction_m2,planned_m2,redevelopment_m2,planar_area_m2,ellipsoidal_area_m2\n";
    lu << kBom << "layer,id,name,landuse,landuse_name,area_m2,share\n";
    for (const auto& c : r.overlay.coverage) {
        cov << c.layer << ',' << csv_escape(c.id) << ',' << csv_escape(c.name) << ',' << csv_escape(c.kind) << ',' << num(c.area_m2) << ','
            << num(c.parcels_m2) << ',' << num(c.projects_m2) << ',' << status_m2(c, "completed") << ',' << status_m2(c, "under_construction")
            << ',' << status_m2(c, "planned") << ',' << num(c.redevelopment_m2) << ',' << num(c.planar_area_m2) << ','
            << num(c.ellipsoidal_area_m2) << '\n';
        for (auto& [code, a] : c.landuse_m2) {
            const core::LanduseClass* k = r.catalog->landuse().find(code);
            lu << c.layer << ',' << csv_escape(c.id) << ',' << csv_escape(c.name) << ',' << code << ','
               << csv_escape(k ? (lang == Lang::zh ? k->name_zh : k->name_en) : "") << ',' << num(a) << ','
               << (c.area_m2 > 0 ? a / c.area_m2 : 0.0) << '\n';
        }
    }
    prog << kBom << "id,name,measured,target,unit,comparison,ratio,status,text,source,measurable,quote,quote_line,deadline\n";
    series << kBom << "id,name,year,value\n";
    for (const auto& p : r.progress) {
        const auto& t = p.target;
        prog << t.id << ',' << csv_escape(lang == Lang::zh ? t.name : t.name_en) << ',' << (p.measured ? std::to_string(*p.measured) : "")
             << ',' << t.target << ',' << csv_escape(t.unit) << ',' << csv_escape(t.comparison) << ','
             << (p.ratio ? std::to_string(*p.ratio) : "") << ',' << p.status << ',' << csv_escape(progress_text(p, lang)) << ','
             << csv_escape(t.source) << ',' << (t.measurable ? "true" : "false") << ',' << (t.quote ? csv_escape(t.quote->text) : "") << ','
             << (t.quote ? std::to_string(t.quote->line) : "") << ',' << (t.deadline ? std::to_string(*t.deadline) : "") << '\n';
        for (auto& [y, v] : p.series) series << t.id << ',' << csv_escape(t.name) << ',' << y << ',' << v << '\n';
    }
    conf << kBom << "rule,severity,title,clause,subject_layer,subject_id,subject_name,other_layer,other_id,other_name,overlap_m2,reason,category,quote,quote_line\n";
    for (const auto& c : r.conflicts) {
        const auto& a = c.features.at(0);
        core::ConflictFeature b = c.features.size() > 1 ? c.features[1] : core::ConflictFeature{};
        conf << c.rule << ',' << c.severity << ',' << csv_escape(lang == Lang::zh ? c.title : c.title_en) << ',' << csv_escape(c.clause) << ','
             << a.layer << ',' << csv_escape(a.id) << ',' << csv_escape(a.name) << ',' << b.layer << ',' << csv_escape(b.id) << ','
             << csv_escape(b.name) << ',' << num(c.overlap_m2) << ',' << csv_escape(lang == Lang::zh ? c.reason_zh : c.reason) << ','
             << c.category << ',' << (c.quote ? csv_escape(c.quote->text) : "") << ',' << (c.quote ? std::to_string(c.quote->line) : "") << '\n';
    }
    files["coverage.csv"] = cov.str();
    files["coverage_landuse.csv"] = lu.str();
    files["progress.csv"] = prog.str();
    files["progress_series.csv"] = series.str();
    files["conflicts.csv"] = conf.str();
    std::ostringstream readme;
    readme << footer(r, lang) << '\n';
    files["README.txt"] = readme.str();
    return files;
}

}  // namespace zoning::report
