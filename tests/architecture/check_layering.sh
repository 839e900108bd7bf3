#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The layering rule of docs/architecture.md, enforced on the source text:
#   cli -> serve -> report, io, analysis -> core -> geo
# report/ and io/ never see analysis/; headers and API calls of GEOS, PROJ, GDAL/OGR and
# SQLite stay in geo/ and io/, behind the wrappers. (check_links.sh holds the same rule on
# the built libraries.) Usage: check_layering.sh SRC_DIR
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
  [serve]="serve report io analysis core geo"
  [cli]="cli serve report io analysis core geo"
)
for dir in */; do
  dir=${dir%/}
  [ -n "${allowed[$dir]+x}" ] || complain "src/$dir is a folder the layering rule does not know: add it to docs/architecture.md and this table"
done

include_line='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]'
for folder in "${!allowed[@]}"; do
  [ -d "$folder" ] || { complain "missing folder src/$folder"; continue; }
  while IFS= read -r hit; do
    file=${hit%%:*}
    target=$(sed -E 's/^[^:]+:[0-9]+:[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]*)[>"].*/\1/' <<<"$hit")
    case "$target" in
      */../*|../*) complain "src/$file includes $target: name project headers from src/ (folder/file.hpp), never with .." ; continue ;;
    esac
    top=${target%%/*}
    [ "$top" = "$target" ] && continue                    # <vector>, "fixtures.hpp": not a project folder
    [ -n "${allowed[$top]+x}" ] || continue               # <nlohmann/json.hpp>, <CLI/CLI.hpp>, <toml++/...>
    case " ${allowed[$folder]} " in
      *" $top "*) ;;
      *) complain "src/$file includes $target: $folder/ may include only ${allowed[$folder]}" ;;
    esac
  done < <(grep -rnE "$include_line" "$folder" --include='*.hpp' --include='*.cpp' --include='*.h')
done

# C libraries behind their wrappers: headers (either quote style) and calls (C API and GDAL's C++ classes).
c_headers='geos_c\.h|geos/[^">]+|proj\.h|proj/[^">]+|proj_[a-z_]+\.h|gdal[a-z_]*\.h|ogr[a-z_]*\.h|cpl_[a-z_]+\.h|sqlite3\.h|spatialite[a-z_/]*\.h'
c_calls='\b(GEOS[A-Za-z_]*_r|proj_[a-z_]+|OGR_[A-Za-z_]+|OSR[A-Z][A-Za-z]+|GDAL[A-Z][A-Za-z]*|CPL[A-Z][A-Za-z]*|VSI[A-Z][A-Za-z]*|sqlite3_[a-z_]+)[[:space:]]*\(|\b(OGR[A-Z][A-Za-z]*|GDAL[A-Z][A-Za-z]*|OGRSpatialReference|CPLString)::'
for folder in core analysis report serve cli; do
  [ -d "$folder" ] || continue
  while IFS= read -r hit; do complain "src/$hit: C library header outside geo/ and io/"; done \
    < <(grep -rnE --exclude-dir=node_modules "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($c_headers)[>\"]" "$folder")
  while IFS= read -r hit; do complain "src/$hit: C library call outside geo/ and io/ (add a wrapper)"; done \
    < <(grep -rnE --exclude-dir=node_modules "$c_calls" "$folder" | grep -vE '^[^:]+:[0-9]+:[[:space:]]*//')
done

if [ "$failures" -gt 0 ]; then
  echo "layering: $failures violation(s)"
  exit 1
fi
echo "layering: ok"
