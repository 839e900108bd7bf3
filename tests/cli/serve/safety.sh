# What the server refuses: paths out of its folder, hidden files, node_modules beyond the three
# libraries, other methods; no CORS header unless --cors; the page and its libraries are served.
source "$ZONING_SRC/tests/cli/serve/serve_lib.sh"
mini_store
start_server --store m.gpkg
http GET /
status_is 200
grep -q '/vendor/ol.js' "$work/out" || fail "/ is not the page"
for path in /../../../etc/passwd /%2e%2e/%2e%2e/etc/passwd /..%2f..%2fetc/passwd /.gitignore /node_modules/ol/package.json \
            /package.json /app.js/../../plan.cpp "/index.html%00.js"; do
  http GET "$path"
  [ "$status" = 404 ] || [ "$status" = 400 ] || fail "GET $path: status $status"
  ! grep -q "root:" "$work/out" || fail "GET $path leaked /etc/passwd"
done
grep -qi "access-control-allow-origin" "$work/headers" && fail "a CORS header without --cors"
http GET /app.js
status_is 200
grep -qi "access-control-allow-origin" "$work/headers" && fail "a CORS header without --cors"
if [ -d "$ZONING_SRC/src/serve/web/node_modules/ol" ]; then
  http GET /vendor/ol.js
  status_is 200
fi
# Read-only: nothing but the check is a POST, and nothing takes PUT or DELETE.
http POST /api/layers "$ZONING_SRC/tests/fixtures/proposals/clean.geojson"
[ "$status" -ge 400 ] || fail "POST /api/layers: status $status"
http DELETE /api/report
[ "$status" -ge 400 ] || fail "DELETE /api/report: status $status"
kill "$server_pid"; wait "$server_pid" 2>/dev/null
start_server --store m.gpkg --cors http://planning.example
http GET /api/layers
grep -qi "access-control-allow-origin: http://planning.example" "$work/headers" || fail "--cors gave no Access-Control-Allow-Origin"
