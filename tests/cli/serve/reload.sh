# A store rebuilt while the server runs is read again on the next request (mini -> mini_next).
source "$ZONING_SRC/tests/cli/serve/serve_lib.sh"
mini_store
start_server --store m.gpkg
http GET /api/features/projects/P2
status_is 200
json_is 'd["name"]' '核心区工厂'
run 0 build --data "$ZONING_SRC/tests/fixtures/mini_next" --store m.gpkg
http GET /api/report
status_is 200
cp "$work/out" api.json
run 0 report --store m.gpkg --format json --out next.json
cmp -s api.json next.json || fail "after the rebuild, GET /api/report is not the new store's report"
