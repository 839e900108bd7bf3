// SPDX-License-Identifier: MIT
#include "cli/command.hpp"

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <set>
#include <sstream>

#include "analysis/siting.hpp"
#include "core/catalog.hpp"
#include "core/plan_rules.hpp"
#include "io/check_writer.hpp"
#include "io/coords_txt.hpp"
#include "io/file_util.hpp"
#include "io/pdf_printer.hpp"
#include "io/proposal_reader.hpp"
#include "io/store.hpp"
#include "report/check_render.hpp"
#include "serve/opinion_document.hpp"

namespace zoning::cli {

namespace {

constexpr double kMaxReviewDistance = 100000.0;  ///< 100 km: more than any district is wide

/// zoning check (--proposal FILE | --wkt WKT --crs EPSG:N) --landuse CODE [--name TEXT]
/// [--category TEXT] [--batch]: where a proposed project falls, what it triggers, a verdict.
class CheckCommand : public PlanCommand {
public:
    const char* name() const override { return "check"; }
    const char* description() const override {
        return "Check the siting of a proposed project against the plan: exit 0 pass, 1 needs review, 2 conflict";
    }
    void setup(CLI::App& app) override;
    void check_options() override;
    core::ExitCode run() override;

private:
    std::string m_proposal, m_layer, m_wkt, m_crs, m_landuse, m_name, m_category;
    std::string m_format = "text", m_lang = "zh";
    std::filesystem::path m_out;
    bool m_batch = false;
    double m_review_distance = 100.0;
    std::string m_organisation, m_date;  ///< the opinion's and the coordinate file's signer and date
    core::ProposalIndicators m_indicators;  // the 控规 figures the proposal states (--far --height --density --green)
    void write_documents(const std::vector<core::SitingResult>& results, const PlanInputs& plan, report::Lang lang) const;
};

}  // namespace

void CheckCommand::setup(CLI::App& app) {
    add_plan_options(app, "Store to check against");
    auto* proposal = app.add_option("--proposal", m_proposal, "Proposal: any OGR source with one polygon (GeoJSON, Shapefile, GeoPackage)");
    auto* wkt = app.add_option("--wkt", m_wkt, "Proposal as WKT (needs --crs)");
    proposal->excludes(wkt);
    app.add_option("--layer", m_layer, "Layer inside the --proposal source");
    app.add_option("--crs", m_crs, "CRS of the proposal's coordinates (required with --wkt; overrides the file's)");
    app.add_option("--landuse", m_landuse, "National 用地用海 code of the proposal (or a landuse field in the file)");
    app.add_option("--name", m_name, "Name of the proposal");
    app.add_option("--category", m_category, "Project category, e.g. 智慧物流 (rules may designate areas by category)");
    app.add_flag("--batch", m_batch, "Check every feature of --proposal; the exit code is the worst verdict");
    app.add_option("--format", m_format,
                   "text (default), json, html, pdf (the 审查意见书, docs/opinion.md) or coords (the 界址点坐标 TXT, docs/coords-txt.md); "
                   "in batch: json, csv, gpkg, coords, or pdf into the folder --out")
        ->check(CLI::IsMember({"text", "json", "html", "csv", "gpkg", "pdf", "coords"}));
    app.add_option("--out", m_out, "Output file (default: stdout; gpkg and pdf need a file, batch pdf a folder)");
    app.add_option("--organisation", m_organisation, "Who issues the opinion / produces the coordinate file (default: the dataset's organisation)");
    app.add_option("--date", m_date, "The opinion's / coordinate file's date (default: the dataset's data_date)");
    app.add_option("--lang", m_lang, "zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
    // The proposal's 控规 figures, checked against the regulatory lots under it (fields far, height,
    // density, green of a proposal file take precedence).
    app.add_option_function<double>("--far", [this](double v) { m_indicators.far = v; }, "容积率 (FAR) the proposal states");
    app.add_option_function<double>("--height", [this](double v) { m_indicators.height_m = v; }, "建筑高度 (building height, m) the proposal states");
    app.add_option_function<double>("--density", [this](double v) { m_indicators.density = v; }, "建筑密度 (site coverage, 0..1) the proposal states");
    app.add_option_function<double>("--green", [this](double v) { m_indicators.green = v; }, "绿地率 (green ratio, 0..1) the proposal states");
    app.add_option("--review-distance", m_review_distance, "Closer than this (m) to an ecological core, corridor or belt: needs review");
    // Its range is checked in check_options: NaN passes CLI11's range checks.
}

void CheckCommand::check_options() {
    if (m_proposal.empty() && m_wkt.empty()) throw core::bad_input(core::FeatureRef{}, "give --proposal FILE or --wkt WKT --crs EPSG:N");
    if (!m_wkt.empty() && m_crs.empty())
        throw core::bad_input(core::FeatureRef{"--wkt", {}, {}, {}}, "--wkt needs --crs EPSG:N (the CRS its coordinates are in)");
    if (!m_batch && (m_format == "csv" || m_format == "gpkg")) throw core::bad_input(core::FeatureRef{}, "--format " + m_format + " is for --batch");
    if (m_batch && m_format == "html") throw core::bad_input(core::FeatureRef{}, "--format html is for a single proposal");
    if (m_batch && m_format == "text") m_format = "csv";
    if (m_format == "gpkg" && m_out.empty()) throw core::bad_input(core::FeatureRef{}, "--format gpkg needs --out FILE.gpkg");
    if (m_format == "pdf" && (m_out.empty() || m_out == "-"))
        throw core::bad_input(core::FeatureRef{}, m_batch ? "--format pdf in batch needs --out DIR (one opinion per site)" : "--format pdf needs --out FILE.pdf");
    if (std::string bad = core::indicator_problem(m_indicators); !bad.empty())
        throw core::bad_input(core::FeatureRef{}, "--" + bad);
    // NaN passes every comparison, and a distance beyond any district prints as nonsense: refuse both.
    if (!(m_review_distance >= 0 && m_review_distance <= kMaxReviewDistance))
        throw core::bad_input(core::FeatureRef{"--review-distance", {}, {}, {}},
                              "must be a distance in metres from 0 to " + std::to_string(static_cast<int>(kMaxReviewDistance)) + ", not " +
                                  std::to_string(m_review_distance));
}

core::ExitCode CheckCommand::run() {
    const auto t0 = std::chrono::steady_clock::now();
    if (!m_out.empty() && m_out != "-") guard_plan_output(m_out, "--out", {m_proposal});  // an output never replaces an input
    PlanInputs plan = load_plan();
    const core::Catalog& catalog = plan.catalog;
    const core::Dataset& dataset = plan.store;
    const std::vector<core::Rule>& rules = plan.rules;

    io::ProposalInput in{m_proposal, m_layer, m_wkt, m_crs, m_landuse, m_name, m_category, m_batch, {}};
    in.indicators = m_indicators;
    std::vector<core::Proposal> proposals = io::read_proposals(catalog, dataset.work_crs(), in);
    const std::string origin = m_wkt.empty() ? m_proposal : std::string("--wkt");
    if (proposals.empty()) throw core::bad_input(core::FeatureRef{origin, {}, {}, {}}, "no proposal feature");
    if (proposals.size() > 1 && !m_batch)
        throw core::bad_input(core::FeatureRef{origin, {}, {}, {}}, std::to_string(proposals.size()) +
                                                                       " features where one proposal is expected; add --batch to check each");
    const bool batch = m_batch;
    const auto t_loaded = std::chrono::steady_clock::now();

    analysis::SitingOptions opt;
    opt.threads = m_common.threads;
    opt.review_distance_m = m_review_distance;
    std::vector<core::SitingResult> results = analysis::check_siting(dataset, catalog, rules, proposals, opt);
    const auto t_checked = std::chrono::steady_clock::now();

    // A site wholly outside the district is not a siting question but a wrong input: the
    // command fails, or in batch that row is an error and the others stand.
    const char* const outside = "the proposal lies entirely outside the district (check its coordinates and CRS)";
    for (auto& r : results)
        if (r.proposal.error.empty() && r.area_m2 > 0 && r.outside_district_m2 >= r.area_m2 * 0.999) {
            if (!batch) throw core::bad_input(core::FeatureRef{origin, {}, r.proposal.fid, r.proposal.id}, outside);
            core::SitingResult row;
            row.proposal = std::move(r.proposal);
            row.proposal.error = outside;
            r = std::move(row);
        }

    // Exit code: the worst verdict of the rows checked; 3 when any row is an error (all rows are still written).
    const report::Lang lang = m_lang == "en" ? report::Lang::en : report::Lang::zh;
    int worst = 0;
    bool any_error = false;
    for (auto& r : results) {
        if (!r.proposal.error.empty()) any_error = true;
        else worst = std::max(worst, static_cast<int>(r.verdict));
    }
    if (m_format == "pdf" || m_format == "coords") {
        write_documents(results, plan, lang);
    } else if (m_format == "gpkg") {
        std::vector<io::CheckRowText> texts;
        for (auto& r : results) texts.push_back({report::check_reasons(r, lang), report::check_intrusions(r, lang), report::check_breaches(r, lang)});
        io::write_check_results(m_out, results, texts, dataset.work_crs());
    } else {
        std::ostringstream text;
        if (m_format == "json") report::write_check_json(text, results, dataset, lang, batch);
        else if (m_format == "csv") report::write_check_csv(text, results, lang);
        else if (m_format == "html") report::write_check_html(text, results.front(), dataset, catalog, lang);
        else report::write_check_text(text, results.front(), catalog, lang);
        if (m_out.empty() || m_out == "-") {
            std::cout << text.str();
        } else {
            io::write_text_atomically(m_out, text.str());
        }
    }
    std::size_t errors = 0;
    for (auto& r : results) {
        for (auto& w : r.proposal.warnings) log(m_common.quiet, "zoning check: warning: " + origin + ": " + r.proposal.id + ": " + w);
        if (!r.proposal.error.empty()) {
            ++errors;
            std::cerr << "zoning check: " << origin << ": fid " << r.proposal.fid << " (id '" << r.proposal.id << "'): " << r.proposal.error << '\n';
        }
    }
    auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    if (std::getenv("ZONING_TIMING"))
        std::cerr << "zoning check: timing: load " << ms(t0, t_loaded) << " ms, check " << ms(t_loaded, t_checked) << " ms for "
                  << results.size() << " proposal(s)\n";
    if (any_error) {
        std::cerr << "zoning check: " << errors << " of " << results.size() << " proposal(s) could not be checked (verdict \"error\")\n";
        return core::ExitCode::bad_input;
    }
    return static_cast<core::ExitCode>(worst);
}

/// The reviewer's documents: the 界址点坐标 TXT of every site checked, or one 审查意见书 PDF
/// per site (into the folder --out in batch, named by the site's id).
void CheckCommand::write_documents(const std::vector<core::SitingResult>& results, const PlanInputs& plan, report::Lang lang) const {
    const core::Dataset& dataset = plan.store;
    const std::string organisation = m_organisation.empty() ? dataset.meta("organisation") : m_organisation;
    const std::string date = m_date.empty() ? dataset.meta("data_date") : m_date;
    if (m_format == "coords") {
        std::vector<io::CoordsSite> sites;
        for (auto& r : results) {
            if (!r.proposal.error.empty()) continue;  // said on stderr; the file holds the sites that were read
            const core::LanduseClass* c = plan.catalog.landuse().find(r.proposal.landuse);
            sites.push_back({r.proposal.id, r.proposal.name, c ? c->name_zh : "", r.proposal.landuse, r.proposal.wkb});
        }
        const std::string text = io::format_coords_txt(io::coords_from_sites(sites, dataset.work_crs(), {organisation, date}));
        if (m_out.empty() || m_out == "-") std::cout << text;
        else io::write_text_atomically(m_out, text);
        return;
    }
    auto opinion = [&](const core::SitingResult& r) { return serve::opinion_html(r, dataset, plan.catalog, organisation, date, lang); };
    if (!m_batch) {
        io::print_pdf(opinion(results.front()), m_out);
        return;
    }
    // A file name from the site's id: path separators and control characters replaced, ids kept apart.
    std::set<std::string> names;
    std::vector<std::pair<const core::SitingResult*, std::string>> files;
    for (auto& r : results) {
        if (!r.proposal.error.empty()) continue;
        std::string stem;
        for (char c : r.proposal.id) stem += (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == ':') ? '_' : c;
        if (stem.empty() || stem[0] == '.') stem = "site" + stem;
        std::string name = stem + ".pdf";
        for (int n = 2; names.count(name); ++n) name = stem + "-" + std::to_string(n) + ".pdf";
        names.insert(name);
        files.emplace_back(&r, name);
    }
    io::find_chromium(m_out);  // before any work: a missing browser is said once
    io::AtomicDir dir(m_out, false, names);
    for (auto& [r, name] : files) io::print_pdf(opinion(*r), dir.temp() / name);
    dir.commit();
}

std::unique_ptr<Command> make_check_command() { return std::make_unique<CheckCommand>(); }

}  // namespace zoning::cli
