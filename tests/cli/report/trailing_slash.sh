# A trailing slash on a folder --out works, for a new folder and for replacing one.
mini_store
run 0 report --store m.gpkg --format csv --out tables/ -q
run 0 report --store m.gpkg --format csv --out tables/ -q
[ -s tables/coverage.csv ] || fail "no tables"
run 0 export --store m.gpkg --format geojson --out exp/ -q
run 0 export --store m.gpkg --format geojson --out exp/ --force -q
run 0 export --store m.gpkg --qgis q/ -q
[ -s q/m.qgs ] && [ -n "$(ls exp)" ] || fail "no export"
[ "$(ls -a | grep -c 'tmp\|old')" = 0 ] || fail "temporary folder left behind"
