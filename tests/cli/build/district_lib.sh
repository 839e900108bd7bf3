# Shared by the district cases: a copy of the walkthrough district (tests/fixtures/district).
district() { rm -rf district; cp -r "$ZONING_SRC/tests/fixtures/district" district; }
# query SQL: the store's answer as text (zoning sql), into $work/out
query() { run 0 sql --store d.gpkg "$1"; }
