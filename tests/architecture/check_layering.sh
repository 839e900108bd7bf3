#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The layering rule of docs/architecture.md, enforced on the source text:
#   cli -> report, io, analysis -> core -> geo
# report/ and io/ never see analysis/; C headers and C API calls of GEOS, PROJ, GDAL/OGR
# and SQLite stay in geo/ and io/, behind the wrappers. Usage: check_layering.sh SRC_DIR
set -u
src=${1:?usage: check_layering.sh SRC_DIR}
cd "$src" || exit 2
failures=0
complain() { echo "layering: $*"; failures=$((failures + 1)); }

# folder -> project folders it may include
declare -A allowed=(
  [geo]="geo"
  [core]="core geo"
  [analysis]="analysis core geo"
  [report]="report core geo"
  [io]="io core geo"
  [cli]="cli report io analysis core geo"
)
for folder in "${!allowed[@]}"; do
  [ -d "$folder" ] || { complain "missing folder src/$folder"; continue; }
  while IFS= read -r hit; do
    file=${hit%%:*}
    inc=$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<<"$hit")
    case " ${allowed[$folder]} " in
      *" $inc "*) ;;
      *) complain "src/$file includes $inc/: $folder/ may include only ${allowed[$folder]}" ;;
    esac
  done < <(grep -rnE '^#include "[a-z_]+/' "$folder" --include='*.hpp' --include='*.cpp')
done

# C libraries behind their wrappers
c_headers='geos_c\.h|proj\.h|gdal[a-z_]*\.h|ogr[a-z_]*\.h|cpl_[a-z_]+\.h|sqlite3\.h|spatialite[a-z_/]*\.h'
c_calls='\b(GEOS[A-Za-z_]*_r|proj_[a-z_]+|OGR_[A-Za-z_]+|OSR[A-Z][A-Za-z]+|GDAL[A-Z][A-Za-z]*|CPL[A-Z][A-Za-z]*|VSI[A-Z][A-Za-z]*|sqlite3_[a-z_]+)[[:space:]]*\('
for folder in core analysis report cli; do
  while IFS= read -r hit; do complain "src/$hit: C library header outside geo/ and io/"; done \
    < <(grep -rnE "^#include <($c_headers)>" "$folder")
  while IFS= read -r hit; do complain "src/$hit: C library call outside geo/ and io/ (add a wrapper)"; done \
    < <(grep -rnE "$c_calls" "$folder" | grep -vE '^[^:]+:[0-9]+:[[:space:]]*//')
done

if [ "$failures" -gt 0 ]; then
  echo "layering: $failures violation(s)"
  exit 1
fi
echo "layering: ok"
