#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Helpers every CLI case shares; sourced by run.sh before the case. Each case runs in a
# fresh temporary folder ($work) that is removed on exit.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fixture="$ZONING_SRC/tests/fixtures/mini"

fail() { echo "FAIL [$case_name]: $*"; echo "--- stdout"; cat "$work/out" 2>/dev/null; echo "--- stderr"; cat "$work/err" 2>/dev/null; exit 1; }
# skip WHY: the case needs a tool this machine lacks (ctest SKIP_RETURN_CODE 77); CI installs it.
skip() { echo "SKIP [$case_name]: $*"; exit 77; }
# run EXPECTED_EXIT args...: runs zoning, checks the exit code
run() {
  local want=$1; shift
  "$ZONING" "$@" >"$work/out" 2>"$work/err"
  local got=$?
  [ "$got" = "$want" ] || fail "exit $got, expected $want: zoning $*"
}
stdout_has() { grep -qF -- "$1" "$work/out" || fail "stdout lacks: $1"; }
stdout_lacks() { ! grep -qF -- "$1" "$work/out" || fail "stdout has: $1"; }
stderr_has() { grep -qF -- "$1" "$work/err" || fail "stderr lacks: $1"; }
stderr_lacks() { ! grep -qF -- "$1" "$work/err" || fail "stderr has: $1"; }
stderr_matches() { grep -qE -- "$1" "$work/err" || fail "stderr does not match: $1"; }
copy_mini() { cp -r "$fixture" "$work/mini"; }
mini_store() { run 0 build --data "$fixture" --store m.gpkg; }
# check_wkt EXIT WKT: a check of one WKT proposal (EPSG:4547, land use 0901) against the mini store
check_wkt() { mini_store; run "$1" check --store m.gpkg --wkt "$2" --crs EPSG:4547 --landuse 0901; }
# same_as EXPECTED FILE: FILE equals tests/cli/expected/EXPECTED byte for byte
same_as() { diff -u "$ZONING_SRC/tests/cli/expected/$1" "$2" > diff.txt || { cat diff.txt; fail "output differs from tests/cli/expected/$1"; }; }
