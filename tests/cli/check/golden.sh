# check/golden.sh NAME EXIT: tests/fixtures/proposals/NAME.geojson gives exit EXIT and tests/cli/expected/check-NAME.json
mini_store
run "$2" check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/$1.geojson" --format json
same_as "check-$1.json" out
