// SPDX-License-Identifier: MIT
#include "serve/opinion_document.hpp"

#include <sstream>

#include "io/coords_txt.hpp"
#include "report/opinion.hpp"

namespace zoning::serve {

std::string opinion_html(const core::SitingResult& r, const core::Dataset& dataset, const core::Catalog& catalog, const std::string& organisation,
                         const std::string& date, report::Lang lang) {
    report::OpinionInfo info{organisation.empty() ? dataset.meta("organisation") : organisation, date.empty() ? dataset.meta("data_date") : date,
                             io::crs_words(dataset.work_crs(), lang == report::Lang::zh), {}};
    for (auto& v : io::boundary_vertices(r.proposal.wkb, dataset.work_crs())) info.vertices.push_back({v.name, v.ring, v.x, v.y, v.lon, v.lat});
    std::ostringstream html;
    report::write_opinion_html(html, r, dataset, catalog, info, lang);
    return html.str();
}

}  // namespace zoning::serve
