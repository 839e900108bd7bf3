mini_store
run 0 report --store m.gpkg --format csv --out tables -q
for f in coverage.csv coverage_landuse.csv progress.csv progress_series.csv conflicts.csv README.txt; do [ -s "tables/$f" ] || fail "missing $f"; done
grep -q "^functional_zones,Z1,西区,,500000.00,500000.00,79000.00,40000.00,44000.00,5000.00,10000.00,500000.00,499940.05$" tables/coverage.csv || fail "coverage.csv row for 西区"
grep -q "^PROJECT-OVERLAP,conflict," tables/conflicts.csv || fail "conflicts.csv"
grep -q "illustrative\|示意" tables/README.txt || fail "README.txt footer"
run 0 report --store m.gpkg --format csv --out tables -q   # replacing an existing folder works
[ "$(ls -a | grep -c 'tmp\|old')" = 0 ] || fail "temporary folder left behind"
