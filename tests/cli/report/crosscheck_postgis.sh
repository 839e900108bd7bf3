# The overlay agrees with PostGIS on the bundled data (scripts/crosscheck-postgis).
[ -x /usr/lib/postgresql/15/bin/initdb ] || skip "PostgreSQL 15 + PostGIS 3 are needed: scripts/install-deps --test"
bash "$ZONING_SRC/scripts/crosscheck-postgis" > "$work/out" 2> "$work/err" || fail "crosscheck-postgis"; cat "$work/out"
