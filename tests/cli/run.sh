#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One CLI case: `run.sh COMMAND/CASE.sh [ARGS...]`, the case's arguments passed on to it.
# Needs $ZONING (the binary) and $ZONING_SRC. Exit 0 pass, 1 fail, 77 skip.
set -u
case_file=$1
shift
case_name="${case_file%.sh}${1:+ $*}"
source "$ZONING_SRC/tests/cli/lib.sh"
[ -f "$ZONING_SRC/tests/cli/$case_file" ] || fail "no case file tests/cli/$case_file"
source "$ZONING_SRC/tests/cli/$case_file" "$@"
echo "ok [$case_name]"
