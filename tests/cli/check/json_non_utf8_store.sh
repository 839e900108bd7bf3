# A store holding non-UTF-8 text (built by an older zoning from a GBK file): JSON output still comes
# out (U+FFFD for the bad bytes), never exit 5.
mini_store
# GDAL's SQL, whose ST_ functions the GeoPackage's triggers need
ogrinfo m.gpkg -sql "UPDATE eco_structure SET name = CAST(X'D0C2BBAA' AS TEXT)" >/dev/null 2>&1 || fail "ogrinfo"
run 2 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/in_core.geojson" --format json
python3 -c "import json; json.load(open('$work/out', encoding='utf-8'))" || fail "not JSON"
stdout_has "�"
