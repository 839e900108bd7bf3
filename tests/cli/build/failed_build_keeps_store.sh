run 0 build --data "$fixture" --store s.gpkg
cp s.gpkg before.gpkg
copy_mini; sed -i 's/"landuse": "0701"/"landuse": "77"/' mini/parcels.geojson
run 3 build --data mini --store s.gpkg
stderr_has "s.gpkg is unchanged"
cmp -s s.gpkg before.gpkg || fail "the store changed"
[ "$(ls -a | grep -c tmp)" = 0 ] || fail "temporary file left behind"
