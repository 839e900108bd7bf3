# A district outside China (near 9°E 48.75°N) drawn in ETRS89 / UTM 32N metres: build chooses WGS 84 /
# UTM 32N (EPSG:32632). Its rectangles are exact there: 2 km × 1 km = 2,000,000 m² planar, and on the
# ellipsoid 2,000,000 / 0.9996² (UTM's central scale; 0–2 km from the central meridian adds under 1e-7).
source "$ZONING_SRC/tests/cli/crs/lib_crs.sh"
crs_fixture crs-utm32
run 0 build --data crs-utm32 --store s.gpkg
stdout_has "Work CRS: EPSG:32632 (the boundary's centroid (9.0136°E 48.7575°N) lies outside the area of use of CGCS2000 (EPSG:4490), so the WGS 84 UTM zone it is in"
run 0 report --store s.gpkg --format json --out r.json
[ "$(json_value r.json crs)" = "EPSG:32632" ] || fail "report crs is $(json_value r.json crs)"
agree "$(json_value r.json district_area_m2)" 2000000 1e-9 "planar district area"
agree "$(json_value r.json district_ellipsoidal_area_m2)" "$(/usr/bin/python3 -c 'print(2e6 / 0.9996**2)')" 1e-4 "ellipsoidal district area"
# pyproj's geodesic area of the same rectangle (its corners taken back to lon/lat and densified), a second opinion.
if /usr/bin/python3 -c 'import pyproj' 2>/dev/null; then
  ref=$(/usr/bin/python3 -c '
from pyproj import Geod, Transformer
t = Transformer.from_crs(32632, 4326, always_xy=True)
ring = [(500000 + 20 * i, 5400000) for i in range(100)] + [(502000, 5400000 + 20 * i) for i in range(50)] + \
       [(502000 - 20 * i, 5401000) for i in range(100)] + [(500000, 5401000 - 20 * i) for i in range(50)]
lon, lat = zip(*(t.transform(x, y) for x, y in ring))
print(abs(Geod(ellps="WGS84").polygon_area_perimeter(lon, lat)[0]))')
  agree "$(json_value r.json district_ellipsoidal_area_m2)" "$ref" 1e-6 "ellipsoidal district area vs pyproj"
fi
run 0 sql --store s.gpkg "SELECT DISTINCT ST_SRID(geom) FROM boundary"
stdout_has "32632"
# GeoJSON out of sql is lon/lat near 9°E, taken from the store's CRS.
run 0 sql --store s.gpkg --format geojson "SELECT geom FROM boundary"
/usr/bin/python3 -c '
import json, sys
c = json.load(open("out"))["features"][0]["geometry"]["coordinates"][0][0][0]
sys.exit(0 if 8.9 < c[0] < 9.1 and 48.7 < c[1] < 48.8 else 1)' || fail "sql geojson is not at 9°E 48.75°N"
