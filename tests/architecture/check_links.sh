#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The link half of the layering rule: each library needs symbols only from itself and
# the libraries CMake says it links (transitively). A program linked to zoning_io alone
# must link, so io may not call into analysis even where a test executable would hide it.
# Usage: check_links.sh NAME=ARCHIVE=DEP,DEP ... (tests/CMakeLists.txt passes every zoning library)
set -u
declare -A archive deps
for arg in "$@"; do
  IFS='=' read -r name path list <<<"$arg"
  archive[$name]=$path
  deps[$name]=${list//,/ }
done
[ ${#archive[@]} -gt 1 ] || { echo "links: no libraries given"; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for name in "${!archive[@]}"; do
  [ -f "${archive[$name]}" ] || { echo "links: $name: no archive ${archive[$name]}"; exit 2; }
  # Strong definitions only: weak (inline, template) copies are emitted wherever they are used.
  nm --defined-only "${archive[$name]}" 2>/dev/null | awk '$2 ~ /^[TDBR]$/ {print $3}' | sort -u >"$work/$name.def"
  nm --defined-only "${archive[$name]}" 2>/dev/null | awk 'NF == 3 {print $3}' | sort -u >"$work/$name.any"
  nm -u "${archive[$name]}" 2>/dev/null | awk '{print $2}' | sort -u | comm -23 - "$work/$name.any" >"$work/$name.undef"
done

closure() {  # the library and everything it links, transitively
  local seen=" $1 " todo=$1 next d
  while [ -n "$todo" ]; do
    next=""
    for n in $todo; do
      for d in ${deps[$n]:-}; do
        case "$seen" in *" $d "*) ;; *) seen="$seen$d "; next="$next $d" ;; esac
      done
    done
    todo=$next
  done
  echo "$seen"
}

failures=0
for name in "${!archive[@]}"; do
  allowed=$(closure "$name")
  for other in "${!archive[@]}"; do
    case "$allowed" in *" $other "*) continue ;; esac
    hits=$(comm -12 "$work/$name.undef" "$work/$other.def")
    [ -z "$hits" ] && continue
    echo "links: $name uses $other, which it does not link (allowed: $allowed):"
    c++filt <<<"$hits" | head -5 | sed 's/^/  /'
    failures=$((failures + 1))
  done
done
[ "$failures" -eq 0 ] || { echo "links: $failures undeclared dependencies"; exit 1; }
echo "links: ok (${#archive[@]} libraries)"
