// SPDX-License-Identifier: MIT
#pragma once
// The web map's API (docs/serve-api.md) as plain functions of a Plan and the request's text, so
// each answer is tested without a socket; server.cpp only routes to them.
#include <map>
#include <string>

#include "serve/plan.hpp"

namespace zoning::serve {

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
};

/// `{"error": message}` with the status: 400 for bad input (the CLI's own message), 404 for an
/// unknown layer or feature.
Response error_response(int status, const std::string& message);

/// GET /api/layers: the dataset, CRS (with its proj4 definition), extent, tile grid, and the layer
/// tree in the QGIS export's groups and order, each layer with its title, style and legend.
Response layers(const Plan& plan, report::Lang lang);
/// GET /api/geojson/{layer}: a small layer's features in the work CRS with every attribute.
Response layer_geojson(const Plan& plan, const std::string& layer);
/// GET /api/features/{layer}/{id}: every attribute, the geometry and its extent, the frame's land
/// use from the report (frames only), and the report's conflicts naming the feature.
Response feature(const Plan& plan, const std::string& layer, const std::string& id, report::Lang lang);
/// GET /api/search?q=: features whose id or name contains `q` (ids that equal it first), at most 50.
Response search(const Plan& plan, const std::string& q, report::Lang lang);
/// GET /api/report: `zoning report --format json`.
Response report_json(const Plan& plan, report::Lang lang);

/// POST /api/check: the body is a proposal file's content (GeoJSON Feature or FeatureCollection,
/// or any format io::read_proposals reads, told apart by its content); `params` are the CLI's
/// options without dashes (crs, landuse, name, category, review-distance, file: the name errors
/// use). The answer is `zoning check --format json`'s, or 400 with the CLI's message.
Response check(const Plan& plan, const std::string& body, const std::map<std::string, std::string>& params, report::Lang lang);

/// POST /api/review.pdf: the same body and query as check (and `organisation`, `date` as the CLI's
/// options); the 审查意见书 `zoning check --format pdf` prints for the site, as application/pdf.
/// 503 when this server has no Chromium to print with.
Response review_pdf(const Plan& plan, const std::string& body, const std::map<std::string, std::string>& params, report::Lang lang);
/// Whether review_pdf can print: the browser io::print_pdf would run is there.
bool review_pdf_available();

/// The file name a proposal upload is read under: `file` when it is a plain name with a proposal
/// extension, else "site" with the extension the content shows (.geojson for JSON, else .txt).
std::string upload_name(const std::string& body, const std::string& file);

}  // namespace zoning::serve
