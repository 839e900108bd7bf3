mini_store
run 3 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/clean.geojson" --landuse 0999
stderr_has "--landuse '0999' is not a national 用地用海 code"
