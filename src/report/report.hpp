// SPDX-License-Identifier: MIT
#pragma once
// The planner's report, rendered from analysis results onto a stream: JSON (the
// machine-readable contract, docs/report-json.md), Markdown, CSV tables, and one
// self-contained HTML file with an SVG map. Chinese by default (the plan's names
// verbatim), English with Lang::en.
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/dataset.hpp"
#include "core/diff_result.hpp"
#include "core/results.hpp"
#include "report/words.hpp"

namespace zoning::report {

struct ReportData {
    const core::Dataset* dataset = nullptr;
    const core::Catalog* catalog = nullptr;
    core::OverlayResult overlay;
    std::vector<core::ProgressRow> progress;
    std::vector<core::Conflict> conflicts;
    std::vector<std::string> analysis_notes;  ///< geometry retries measuring progress and finding conflicts (the overlay's are in `overlay`)
    std::string zone;          ///< --zone filter, empty for the whole district
    std::string rules_origin;  ///< "store" or the --rules path
    const core::DiffResult* since = nullptr;  ///< report --baseline: what changed since that store; null without
};

void write_json(std::ostream& out, const ReportData& r, Lang lang);
void write_markdown(std::ostream& out, const ReportData& r, Lang lang);
/// One CSV per table: file name -> content (UTF-8 with BOM so spreadsheet programs read the Chinese).
std::map<std::string, std::string> csv_tables(const ReportData& r, Lang lang);
void write_html(std::ostream& out, const ReportData& r, Lang lang);

/// "84.2万 / 130万 m² (64.8%)" (zh) or "842,000 / 1,300,000 m² (64.8%)" (en).
std::string progress_text(const core::ProgressRow& row, Lang lang);
/// The plan's sentence a target or rule rests on: "原文（第351行）：「…」"; empty when there is none.
std::string quote_text(const std::optional<core::Quote>& quote, Lang lang);
/// How a target's figure is read, and the other reading's figure where there is one (建成面积 as
/// floor area; the counted projects' land area), and projects left out by their plan verb; empty when none.
std::string reading_text(const core::ProgressRow& row, Lang lang);
/// A finding's rule reading (rules.toml `reading`), under its quote: "口径：…" / "Reading: …"; "" when the rule has none.
std::string rule_reading_text(const core::Conflict& c, Lang lang);
/// The year overdue targets are judged at and where it comes from; empty when no target has a deadline.
std::string evaluation_year_text(const std::vector<core::ProgressRow>& rows, Lang lang);
/// A level against the expected path in words: "达成", "正常", "滞后", "严重滞后", "逾期" ("—" for none).
std::string level_word(const std::string& level, Lang lang);
/// "2020年 272 → 现状 300 → 2024年应达 356.5 → 2025年目标 391.9 亿元（按年均增长 7.0%）"; empty without a path.
std::string path_text(const core::ProgressRow& row, Lang lang);
/// The honesty footer: what in the data is illustrative, from the dataset's own labels.
/// What the data is and is not, in one sentence: dataset.toml [dataset] certainty_note (certainty_note_en),
/// else a generic sentence for an illustrative dataset that promises nothing about its contents; "" for a
/// surveyed one without a note.
std::string certainty_note(const core::Dataset& d, Lang lang);
/// dataset.toml's notes in the report's language, one a line: `notes` (zh), `notes_en` (en; `notes` when there are none).
std::string dataset_notes(const core::Dataset& d, Lang lang);
std::string footer(const ReportData& r, Lang lang);
/// Every geometry retry behind the report: the overlay's, then the conflicts'.
std::vector<std::string> robustness_notes(const ReportData& r);

/// Writes each target's progress_text (Chinese, as GIS users read the plan) into the
/// `text` field of the `progress` analysis layer, whose features follow `progress`.
void label_progress_layer(std::vector<core::Layer>& analysis_layers, const std::vector<core::ProgressRow>& progress);

}  // namespace zoning::report
