run 0 build --store x.gpkg
"$ZONING" report --store x.gpkg --format json --threads 1 --out one.json -q || fail "threads 1"
"$ZONING" report --store x.gpkg --format json --threads 2 --out two.json -q || fail "threads 2"
"$ZONING" report --store x.gpkg --format json --threads 8 --out eight.json -q || fail "threads 8"
cmp one.json two.json && cmp one.json eight.json || fail "JSON differs with the thread count"
