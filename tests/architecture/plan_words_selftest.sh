#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# check_plan_words.sh must catch a plan word planted in a copy of src/: one from a geojson name,
# one from [titles], one from the hand list. Usage: plan_words_selftest.sh SRC_DIR DATA_DIR
set -u
src=${1:?}; data=${2:?}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
for word in '北部山林生态带' '四大分区' '湛河'; do
  rm -rf "$work/src"; cp -r "$src" "$work/src"
  printf '// %s\n' "$word" >>"$work/src/report/words.cpp"
  out=$(bash "$here/check_plan_words.sh" "$work/src" "$data" 2>&1) && { echo "selftest: not caught: $word"; failures=$((failures + 1)); continue; }
  grep -qF "words.cpp" <<<"$out" || { echo "selftest: caught without naming the file: $out"; failures=$((failures + 1)); }
done
[ "$failures" -eq 0 ] || exit 1
