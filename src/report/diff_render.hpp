// SPDX-License-Identifier: MIT
#pragma once
// `zoning diff` rendered: JSON (the contract, docs/diff-json.md), Markdown and one CSV table.
// Chinese by default (layer and field titles from the catalog, the plan's names verbatim;
// store paths, CRSs and ids only in the technical appendix), English with Lang::en.
#include <ostream>

#include "core/catalog.hpp"
#include "core/diff_result.hpp"
#include "report/words.hpp"

namespace zoning::report {

void write_diff_json(std::ostream& out, const core::DiffResult& d, const core::Catalog& catalog, Lang lang);
void write_diff_markdown(std::ostream& out, const core::DiffResult& d, const core::Catalog& catalog, Lang lang);
/// One table, a row per change: section, layer, id, name, item, old, new, change (UTF-8 with BOM).
void write_diff_csv(std::ostream& out, const core::DiffResult& d, const core::Catalog& catalog, Lang lang);
/// One self-contained page: a map of what changed (added green, removed red, reshaped old and new
/// outlines, new conflicts hatched) over the district, then the same lists as the Markdown.
/// The report head's line for `report --baseline`: "与上期（建库时间 …）相比：新增要素 1 个，…", its
/// warnings (different rules, dataset, CRS) appended.
std::string since_summary(const core::DiffResult& d, Lang lang);
void write_diff_html(std::ostream& out, const core::DiffResult& d, const core::Catalog& catalog, Lang lang);

}  // namespace zoning::report
