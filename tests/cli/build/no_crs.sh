copy_mini; python3 - "$work/mini/roads.geojson" <<'PY'
import json, sys
p = sys.argv[1]; j = json.load(open(p)); del j["crs"]
# plain GeoJSON without crs means WGS84 by RFC 7946; a shapefile without .prj has none: use one
json.dump(j, open(p, "w"))
PY
command -v ogr2ogr >/dev/null || fail "ogr2ogr (gdal-bin) is needed"
ogr2ogr -f "ESRI Shapefile" mini/roads.shp "$fixture/roads.geojson" -lco ENCODING=UTF-8 >/dev/null 2>&1
rm -f mini/roads.prj
sed -i 's/source = "roads.geojson"/source = "roads.shp"/' mini/dataset.toml
run 3 build --data mini --store s.gpkg
stderr_matches "mini/roads.shp: layer 'roads': the source has no CRS; name the one it is in with crs"
[ ! -e s.gpkg ] || fail "a store was written"
