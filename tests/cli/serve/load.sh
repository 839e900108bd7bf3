# 200 concurrent POST /api/check on loopback all answer with a verdict; prints p50/p99 latency and
# the server's peak memory (the figures in docs/serve-api.md). Bounded: 200 requests, one run.
source "$ZONING_SRC/tests/cli/serve/serve_lib.sh"
mini_store
start_server --store m.gpkg
python3 "$ZONING_SRC/tests/cli/serve/load.py" "$url" "$ZONING_SRC/tests/fixtures/proposals/in_core.geojson" 200 "$server_pid" >load.txt || { cat load.txt; fail "load run failed"; }
cat load.txt
http GET /api/layers
status_is 200
