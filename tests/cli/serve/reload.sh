# A store rebuilt while the server runs is read again on the next request (mini -> mini_next).
source "$ZONING_SRC/tests/cli/serve/serve_lib.sh"
mini_store
start_server --store m.gpkg
http GET /api/features/projects/P2
status_is 200
json_is 'd["name"]' '核心区工厂'
# Checks before the rebuild, enough that every server thread has built its siting index over the first reading.
site="$ZONING_SRC/tests/fixtures/proposals/in_core.geojson"
for _ in $(seq 1 16); do
  http POST "/api/check?file=in_core.geojson" "$site"
  status_is 200
  json_is '[p["status"] for p in d["projects"]]' "['planned']"
done
run 0 build --data "$ZONING_SRC/tests/fixtures/mini_next" --store m.gpkg
http GET /api/report
status_is 200
cp "$work/out" api.json
run 0 report --store m.gpkg --format json --out next.json
cmp -s api.json next.json || fail "after the rebuild, GET /api/report is not the new store's report"
# Checks after it answer from the new reading on every thread (P2 is under construction in mini_next),
# as zoning check against the rebuilt store: no thread keeps answering from its index of the first reading.
run 2 check --store m.gpkg --proposal "$site" --format json
cp "$work/out" check_next.json
grep -q '"under_construction"' check_next.json || fail "mini_next's P2 is not under construction: the case checks nothing"
for _ in $(seq 1 16); do
  http POST "/api/check?file=in_core.geojson" "$site"
  status_is 200
  cmp -s "$work/out" check_next.json || fail "after the rebuild, POST /api/check is not zoning check's answer against the new store"
done
