// SPDX-License-Identifier: MIT
#include "cli/command.hpp"

#include <iostream>
#include <sstream>

#include "analysis/diff.hpp"
#include "io/file_util.hpp"
#include "report/diff_render.hpp"

namespace zoning::cli {

namespace {

/// zoning diff --from OLD.gpkg --to NEW.gpkg [--format md|json|csv] [--out PATH] [--lang zh|en]:
/// what changed between two stores of a district (last year's and this year's).
class DiffCommand : public Command {
public:
    const char* name() const override { return "diff"; }
    const char* description() const override {
        return "What changed between two stores: features added, removed and reshaped, project status, conflicts new and resolved, progress";
    }
    void setup(CLI::App& app) override;
    core::ExitCode run() override;

private:
    CommonOptions m_common;
    PlanOptions m_from, m_to;
    std::string m_format = "md";
    std::filesystem::path m_out = "-";
    std::string m_lang = "zh";
};

}  // namespace

void DiffCommand::setup(CLI::App& app) {
    m_common.add_to(app);
    app.add_option("--from", m_from.store, "The older store (e.g. last year's)")->required();
    app.add_option("--to", m_to.store, "The newer store")->required();
    app.add_option("--format", m_format, "md (default), json (docs/diff-json.md), csv (one table) or html (a page with a map of what changed)")
        ->check(CLI::IsMember({"md", "json", "csv", "html"}));
    app.add_option("--out", m_out, "Output file; '-' for stdout (default)");
    app.add_option("--lang", m_lang, "zh (default, the plan's names verbatim) or en")->check(CLI::IsMember({"zh", "en"}));
}

core::ExitCode DiffCommand::run() {
    if (m_out != "-") io::guard_output(m_out, {m_from.store, m_to.store}, "--out");
    // Each store is reviewed with the targets and rules it carries: a conflict is new or
    // resolved as each year's plan files judged it (the result says when they differ).
    PlanInputs from = m_from.load(m_common);
    PlanInputs to = m_to.load(m_common);
    analysis::DiffSide old_side{&from.store, from.targets, from.rules, m_from.store.string()};
    analysis::DiffSide new_side{&to.store, to.targets, to.rules, m_to.store.string()};
    const core::DiffResult result = analysis::diff_stores(old_side, new_side, to.catalog, m_common.threads);

    const report::Lang lang = m_lang == "en" ? report::Lang::en : report::Lang::zh;
    std::ostringstream text;
    if (m_format == "json") report::write_diff_json(text, result, to.catalog, lang);
    else if (m_format == "csv") report::write_diff_csv(text, result, to.catalog, lang);
    else if (m_format == "html") report::write_diff_html(text, result, to.catalog, lang);
    else report::write_diff_markdown(text, result, to.catalog, lang);
    if (m_out == "-") std::cout << text.str();
    else io::write_text_atomically(m_out, text.str());
    if (m_out != "-") {
        std::size_t added = 0, removed = 0, changed = 0;
        for (auto& l : result.layers) {
            added += l.added.size();
            removed += l.removed.size();
            changed += l.changed.size();
        }
        log(m_common.quiet, "zoning diff: wrote " + m_out.string() + " (" + std::to_string(added) + " added, " + std::to_string(removed) +
                                " removed, " + std::to_string(changed) + " changed features; " + std::to_string(result.conflicts_new.size()) +
                                " new and " + std::to_string(result.conflicts_resolved.size()) + " resolved conflicts)");
    }
    return core::ExitCode::ok;
}

std::unique_ptr<Command> make_diff_command() { return std::make_unique<DiffCommand>(); }

}  // namespace zoning::cli
