# A symlinked --out (export, report csv) and --store (build) are written through: the link's
# target is replaced, the link stays.
mkdir real && ln -s real link
run 0 build --data "$fixture" --store real.gpkg -q && ln -s real.gpkg link.gpkg
run 0 build --data "$fixture" --store link.gpkg -q
[ -L link.gpkg ] || fail "build replaced the --store link"
run 0 export --store link.gpkg --format geojson --out link -q
run 0 export --store link.gpkg --format geojson --out link --force -q
[ -L link ] && [ -n "$(ls real/*.geojson)" ] || fail "export replaced the --out link"
mkdir realcsv && ln -s realcsv linkcsv
run 0 report --store link.gpkg --format csv --out linkcsv -q
run 0 report --store link.gpkg --format csv --out linkcsv/ -q
[ -L linkcsv ] && [ -s realcsv/coverage.csv ] || fail "report replaced the --out link"
ln -s r.md linkmd
run 0 report --store link.gpkg --format md --out linkmd -q
[ -L linkmd ] && [ -s r.md ] || fail "report replaced the file link"
