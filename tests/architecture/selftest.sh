#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The layering check must catch what it promises to: each violation is planted in a copy
# of src/ and must be reported. Usage: selftest.sh SRC_DIR
set -u
src=${1:?usage: selftest.sh SRC_DIR}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
# plant FILE LINE EXPECTED: appends LINE to FILE in a fresh copy; the check must fail naming EXPECTED
plant() {
  # node_modules (the web page's npm packages) is no source: not copied, so each plant stays quick.
  rm -rf "$work/src"; mkdir "$work/src"; (cd "$src" && tar cf - --exclude=node_modules .) | (cd "$work/src" && tar xf -)
  if [ "$1" = "--mkdir" ]; then mkdir -p "$work/src/$2"; else printf '%s\n' "$2" >>"$work/src/$1"; fi
  out=$(bash "$here/check_layering.sh" "$work/src" 2>&1) && { echo "selftest: not caught: $1 $2"; failures=$((failures + 1)); return; }
  grep -qF -- "$3" <<<"$out" || { echo "selftest: caught, but without '$3': $out"; failures=$((failures + 1)); }
}
bash "$here/check_layering.sh" "$src" >/dev/null || { echo "selftest: the tree itself fails"; exit 1; }
plant report/json.cpp '#include "analysis/overlay.hpp"' "report/ may include only"
plant io/store.cpp '  #  include "analysis/overlay.hpp"' "io/ may include only"
plant core/text.cpp '#include "io/store.hpp"' "core/ may include only"
plant report/json.cpp '#include "../analysis/overlay.hpp"' "never with .."
plant core/text.cpp '#include "geos_c.h"' "C library header"
plant analysis/robust.cpp '#include <geos/geom/Geometry.h>' "C library header"
plant report/html.cpp '#include <gdal_priv.h>' "C library header"
plant report/html.cpp 'double a = GEOSArea_r(h, g, &x);' "C library call"
plant cli/main.cpp 'auto g = OGRGeometryFactory::createFromWkt(x);' "C library call"
plant analysis/robust.cpp 'int rc = sqlite3_exec(db, q, 0, 0, 0);' "C library call"
plant --mkdir web "" "does not know"
[ "$failures" -eq 0 ] || exit 1
echo "selftest: every planted violation caught"
