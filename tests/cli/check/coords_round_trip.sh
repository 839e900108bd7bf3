# --format coords writes the 界址点坐标 TXT: the two-parcel file with a hole read and written back
# byte for byte (work CRS EPSG:4547 and back to zone 38, 1 mm), and a GeoJSON site written and read again.
mini_store
txt="$ZONING_SRC/tests/fixtures/proposals/two_parcels.txt"
run 0 check --store m.gpkg --proposal "$txt" --batch --format coords --organisation 测试区自然资源局 --date 2026-01-15 --out back.txt
cmp back.txt "$txt" || { diff "$txt" back.txt; fail "coords written back differ from what was read"; }
run 2 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/in_core.geojson" --format coords
grep -q "^带号=38" out && grep -q "^5,0.6400,in_core,核心区厂房,面,,工业用地,1001,@" out && grep -q "^J1,1,3740760.000,38430760.000" out || fail "coords of a GeoJSON site"
cp out site.txt
run 2 check --store m.gpkg --proposal site.txt --format json
grep -q '"area_m2": 6400.0' out && grep -q '"id": "in_core"' out || fail "the written file read back"
