# POST /api/check with each proposal fixture of the check cases gives `zoning check --format json`'s
# answer byte for byte: the same verdict, reasons and figures (tests/cli/expected/check-*.json).
source "$ZONING_SRC/tests/cli/serve/serve_lib.sh"
mini_store
start_server --store m.gpkg
for name in in_core straddle near_corridor overlap clean; do
  http POST "/api/check?file=$name.geojson" "$ZONING_SRC/tests/fixtures/proposals/$name.geojson"
  status_is 200
  same_as "check-$name.json" "$work/out"
done
# A site drawn on the map: a bare Feature in the store's CRS, its land use among its properties.
cat >drawn.json <<'JSON'
{"type": "Feature", "properties": {"name": "画的范围", "landuse": "1001"},
 "geometry": {"type": "Polygon", "coordinates": [[[430760, 3740760], [430840, 3740760], [430840, 3740840], [430760, 3740840], [430760, 3740760]]]}}
JSON
http POST "/api/check?crs=EPSG:4547" drawn.json
status_is 200
json_is '(d["verdict"], d["proposal"]["area_m2"], sorted(r["rule"] for r in d["rules"]))' "('conflict', 6400.0, ['ECO-CORE', 'PROJECT-OVERLAP'])"
run 2 check --store m.gpkg --proposal drawn.json --crs EPSG:4547 --format json
cp "$work/out" cli.json
http POST "/api/check?crs=EPSG:4547&file=drawn.json" drawn.json
cmp -s "$work/out" cli.json || fail "POST /api/check differs from zoning check for the drawn site"
