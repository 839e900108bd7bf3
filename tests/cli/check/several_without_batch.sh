mini_store
run 3 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/batch.geojson"
stderr_has "5 features where one proposal is expected; add --batch"
