# A server without Chromium does not offer the review PDF (/api/layers says false, so the page hides
# its button) and answers POST /api/review.pdf with 503 saying what to install; checks still work.
source "$ZONING_SRC/tests/cli/serve/serve_lib.sh"
mini_store
ZONING_CHROMIUM="$work/no-such-browser" start_server --store m.gpkg
http GET /api/layers
status_is 200
json_is 'd["review_pdf"]' False
site="$ZONING_SRC/tests/fixtures/proposals/in_core.geojson"
http POST "/api/review.pdf?file=in_core.geojson" "$site"
status_is 503
json_is '"Chromium" in d["error"] and "chromium" in d["error"]' True
http POST "/api/check?file=in_core.geojson" "$site"
status_is 200
