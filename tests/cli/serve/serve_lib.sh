# SPDX-License-Identifier: MIT
# Helpers of the zoning serve cases, sourced after lib.sh: a server on a free loopback port for
# the case's lifetime, and requests to it.

# start_server ARGS...: zoning serve --port 0 in the background (tile cache in the case's folder);
# sets $url (printed by the server) and $server_pid. The server is stopped when the case ends.
start_server() {
  "$ZONING" serve --port 0 --cache-dir "$work/cache" "$@" >"$work/serve.out" 2>"$work/serve.err" &
  server_pid=$!
  trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null; rm -rf "$work"' EXIT
  for _ in $(seq 1 600); do
    url=$(grep -o 'http://[^ ]*' "$work/serve.out" 2>/dev/null)
    [ -n "$url" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || { cp "$work/serve.err" "$work/err"; fail "zoning serve exited"; }
    sleep 0.1
  done
  fail "zoning serve printed no address in 60 s"
}
# http METHOD PATH [BODY_FILE]: the answer's body in $work/out, headers in $work/headers, status in $status
http() {
  status=$(python3 "$ZONING_SRC/tests/cli/serve/request.py" "$1" "${url%/}$2" "${3:-}" "$work/out" "$work/headers") || fail "no answer to $1 $2"
}
status_is() { [ "$status" = "$1" ] || fail "status $status, expected $1"; }
# json_is PY_EXPR EXPECTED: the Python expression over the answer `d` equals EXPECTED (compared as text)
json_is() {
  local got
  got=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$work/out" "$1") || fail "not JSON, or $1 fails"
  [ "$got" = "$2" ] || fail "$1 is '$got', expected '$2'"
}
