// SPDX-License-Identifier: MIT
#include "cli/command.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <condition_variable>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "analysis/diff.hpp"
#include "analysis/plan_review.hpp"
#include "core/catalog.hpp"
#include "core/plan_rules.hpp"
#include "io/file_util.hpp"
#include "io/store.hpp"
#include "report/formats.hpp"
#include "report/report.hpp"

namespace zoning::cli {

namespace {

/// zoning report [--store FILE] [--format html|md|json|csv] [--out PATH] [--lang zh|en]
///               [--rules FILE] [--zone NAME]: coverage, progress against the plan's
/// targets, and conflicts.
class ReportCommand : public PlanCommand {
public:
    const char* name() const override { return "report"; }
    const char* description() const override {
        return "The planner's report: coverage of zones, areas, belts, cores and corridors; progress against the plan's targets; conflicts";
    }
    void setup(CLI::App& app) override;
    void check_options() override;
    core::ExitCode run() override;

private:
    std::string m_format = "html";
    std::filesystem::path m_out;
    std::string m_lang = "zh";
    std::string m_zone;
    bool m_force = false;
    std::optional<int> m_year;
    std::filesystem::path m_baseline;
};

}  // namespace

namespace {

/// A stage bar on stderr, shown only once a run has taken more than a second.
class StageBar {
public:
    StageBar(bool quiet, int stages) : m_quiet(quiet), m_stages(stages), m_start(std::chrono::steady_clock::now()) {
        if (!m_quiet) m_thread = std::thread([this] { loop(); });
    }
    ~StageBar() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_done = true;
        }
        m_cv.notify_all();
        if (m_thread.joinable()) m_thread.join();
        if (m_shown) std::cerr << "\r" << std::string(60, ' ') << "\r" << std::flush;
    }
    void stage(int n, const std::string& what) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stage = n;
        m_what = what;
    }

private:
    void loop() {
        std::unique_lock<std::mutex> lock(m_mutex);
        while (!m_cv.wait_for(lock, std::chrono::milliseconds(200), [this] { return m_done; })) {
            if (std::chrono::steady_clock::now() - m_start < std::chrono::seconds(1)) continue;
            int filled = 20 * m_stage / m_stages;
            std::cerr << "\r[" << std::string(static_cast<std::size_t>(filled), '#') << std::string(static_cast<std::size_t>(20 - filled), ' ')
                      << "] " << m_stage << "/" << m_stages << " " << m_what << "          " << std::flush;
            m_shown = true;
        }
    }
    bool m_quiet;
    int m_stages, m_stage = 0;
    std::string m_what;
    std::chrono::steady_clock::time_point m_start;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_done = false, m_shown = false;
    std::thread m_thread;
};

/// Writes the tables into a fresh folder and swaps it into place. A folder holding
/// nothing but these tables (an earlier CSV report) is replaced without --force; any other
/// non-empty folder only with it.
void write_tables_dir(const std::filesystem::path& dir, const std::map<std::string, std::string>& files, bool force) {
    std::set<std::string> own;
    for (auto& [name, text] : files) own.insert(name);
    io::AtomicDir out(dir, force, own);
    for (auto& [name, text] : files) {
        std::ofstream f(out.temp() / name, std::ios::binary);
        f << text;
        if (!f) throw core::output_error((dir / name).string(), "cannot write (disk full?)");
    }
    out.commit();
}

}  // namespace

void ReportCommand::setup(CLI::App& app) {
    add_plan_options(app, "Store to report on");
    std::vector<std::string> names;
    std::string help;
    for (const auto& f : report::report_formats()) {
        names.push_back(f.name);
        help += (help.empty() ? "" : "; ") + f.name + ": " + f.description + (help.empty() ? " (default)" : "");
    }
    app.add_option("--format", m_format, help)->check(CLI::IsMember(names));
    app.add_option("--out", m_out, "Output file (a folder for a folder of tables); '-' for stdout. Default: out/report.<format>");
    app.add_option("--lang", m_lang, "zh (default, the plan's names verbatim) or en")->check(CLI::IsMember({"zh", "en"}));
    app.add_flag("--force", m_force, "Folder formats (csv): replace an --out folder that holds other files than an earlier report's tables");
    app.add_option("--zone", m_zone, "Limit the report to one zone, area, belt, core, corridor or park (name or id)");
    app.add_option("--year", m_year,
                   "Judge progress as of this year: projects completed later do not count, the expected path and deadlines are that year's "
                   "(default: the dataset's evaluation_year, else the newest completion year)")
        ->check(CLI::Range(1900, 2100));
    app.add_option("--baseline", m_baseline,
                   "An earlier store (e.g. last year's): the report's head says what changed since (zoning diff gives the detail)");
}

void ReportCommand::check_options() {
    if (report::report_format(m_format).tables && m_out == "-")
        throw core::bad_input(core::FeatureRef{}, "--format " + m_format + " writes a folder of tables: give --out DIR");
}

core::ExitCode ReportCommand::run() {
    const report::ReportFormat& format = report::report_format(m_format);
    if (m_out.empty()) m_out = format.default_out;
    if (m_out != "-") guard_plan_output(m_out, "--out", {m_baseline});
    StageBar bar(m_common.quiet, 2);
    bar.stage(0, "reading store");
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t cpu0 = std::clock();
    PlanInputs plan = load_plan();
    const auto t_read = std::chrono::steady_clock::now();
    const std::clock_t cpu_read = std::clock();
    const core::Catalog& catalog = plan.catalog;
    const core::Dataset& dataset = plan.store;
    const std::vector<core::Target>& targets = plan.targets;
    const std::vector<core::Rule>& rules = plan.rules;

    bar.stage(1, "overlay, progress, conflicts");
    analysis::PlanReviewOptions opt;
    opt.threads = m_common.threads;
    opt.zone = m_zone;
    opt.year = m_year;
    opt.conflict_geometry = format.draws_conflicts;
    analysis::PlanReview review = analysis::plan_review(dataset, catalog, targets, rules, opt);
    const auto t_review = std::chrono::steady_clock::now();
    report::ReportData data;
    data.dataset = &dataset;
    data.catalog = &catalog;
    data.zone = m_zone;
    data.rules_origin = plan.rules_origin;
    data.overlay = std::move(review.overlay);
    data.progress = std::move(review.progress);
    data.conflicts = std::move(review.conflicts.conflicts);
    data.analysis_notes = std::move(review.progress_notes);
    data.analysis_notes.insert(data.analysis_notes.end(), review.conflicts.robustness_notes.begin(), review.conflicts.robustness_notes.end());
    // The baseline is reviewed with its own targets and rules, as `zoning diff` does.
    std::optional<PlanInputs> baseline;
    std::optional<core::DiffResult> since;
    if (!m_baseline.empty()) {
        PlanOptions baseline_options;
        baseline_options.store = m_baseline;
        baseline = baseline_options.load(m_common);
        since = analysis::diff_stores({&baseline->store, baseline->targets, baseline->rules, m_baseline.string()},
                                      {&dataset, targets, rules, m_plan.store.string()}, catalog, m_common.threads);
        data.since = &*since;
    }
    bar.stage(2, "writing");
    const auto t_reviewed = std::chrono::steady_clock::now();

    const report::Lang lang = m_lang == "en" ? report::Lang::en : report::Lang::zh;
    if (format.tables) {
        write_tables_dir(m_out, format.tables(data, lang), m_force);
    } else {
        std::ostringstream text;
        format.write(text, data, lang);
        if (m_out == "-") std::cout << text.str();
        else io::write_text_atomically(m_out, text.str());
    }
    if (std::getenv("ZONING_TIMING")) {
        auto s = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
        std::ostringstream line;
        line.precision(2);
        line << std::fixed << "zoning report: timing (wall s / process CPU s): read store " << s(t0, t_read) << " / "
             << double(cpu_read - cpu0) / CLOCKS_PER_SEC;
        for (const auto& p : review.phases) {
            line << ", " << p.name << " " << p.wall_s << " / ";
            if (p.cpu_s >= 0) line << p.cpu_s;
            else line << "-";
        }
        if (baseline) line << ", baseline " << s(t_review, t_reviewed);
        line << ", write " << s(t_reviewed, std::chrono::steady_clock::now()) << ", all " << s(t0, std::chrono::steady_clock::now()) << " / "
             << double(std::clock() - cpu0) / CLOCKS_PER_SEC;
        std::cerr << line.str() << '\n';
    }
    if (m_out != "-") {
        std::size_t conflicts = 0, reviews = 0, quality = 0;
        for (auto& c : data.conflicts) (c.category != "plan" ? quality : c.severity == "conflict" ? conflicts : reviews)++;
        log(m_common.quiet, "zoning report: wrote " + m_out.string() + " (" + std::to_string(data.overlay.coverage.size()) + " frames, " +
                                std::to_string(data.progress.size()) + " targets, " + std::to_string(conflicts) + " conflicts, " +
                                std::to_string(reviews) + " to review" + (quality ? ", " + std::to_string(quality) + " data-quality findings" : "") + ")" +
                                (dataset.illustrative() ? "; the data is illustrative" : ""));
    }
    return core::ExitCode::ok;
}

std::unique_ptr<Command> make_report_command() { return std::make_unique<ReportCommand>(); }

}  // namespace zoning::cli
