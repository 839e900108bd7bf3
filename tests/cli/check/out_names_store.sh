# check --out never names the store, the --rules file or the proposal.
mini_store && cp m.gpkg m.orig
p="$ZONING_SRC/tests/fixtures/proposals/batch.geojson"
cp "$p" batch.geojson
run 3 check --store m.gpkg --proposal batch.geojson --batch --format gpkg --out m.gpkg; stderr_has "--out names the input m.gpkg"
run 3 check --store m.gpkg --proposal batch.geojson --batch --format csv --out batch.geojson; stderr_has "--out names the input batch.geojson"
cmp -s m.gpkg m.orig && cmp -s batch.geojson "$p" || fail "an input was changed"
