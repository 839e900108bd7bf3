# GET /api/report is `zoning report --format json`, byte for byte, in both languages.
source "$ZONING_SRC/tests/cli/serve/serve_lib.sh"
mini_store
run 0 report --store m.gpkg --format json --out report-zh.json
run 0 report --store m.gpkg --format json --lang en --out report-en.json
start_server --store m.gpkg
http GET /api/report
status_is 200
cmp -s "$work/out" report-zh.json || fail "GET /api/report differs from zoning report --format json"
http GET "/api/report?lang=en"
cmp -s "$work/out" report-en.json || fail "GET /api/report?lang=en differs from zoning report --format json --lang en"
