# Helpers of the work-CRS cases (docs/crs.md), sourced after lib.sh.
crs_fixture() { cp -r "$ZONING_SRC/tests/fixtures/$1" "$work/$1"; }
# json_value FILE KEY: a top-level number or string of a report JSON
json_value() { /usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }
# agree A B REL WHAT: |A − B| <= REL·|B|
agree() {
  /usr/bin/python3 -c 'import sys; a,b,r=map(float,sys.argv[1:4]); sys.exit(0 if abs(a-b) <= r*abs(b) else 1)' "$1" "$2" "$3" \
    || fail "$4: $1 against $2 (more than $3 apart)"
}
# ogr_area FILE EPSG: the area of a GeoJSON's features transformed by GDAL/OGR to EPSG:N, m² (an independent planar figure)
ogr_area() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import sys
from osgeo import ogr, osr
ds = ogr.Open(sys.argv[1]); layer = ds.GetLayer(0)
src = layer.GetSpatialRef(); src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
dst = osr.SpatialReference(); dst.ImportFromEPSG(int(sys.argv[2])); dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
t = osr.CoordinateTransformation(src, dst)
total = 0.0
for f in layer:
    g = f.GetGeometryRef().Clone(); g.Transform(t); total += g.GetArea()
print(repr(total))
PY
}
# quadrangle_area LAT1 LAT2 DLON: the GRS80 area between two parallels and two meridians DLON° apart,
# closed form through the authalic latitude (the areas a land survey states)
quadrangle_area() {
  /usr/bin/python3 -c '
import math, sys
lat1, lat2, dlon = map(float, sys.argv[1:4])
a, f = 6378137.0, 1 / 298.257222101
e2 = f * (2 - f); e = math.sqrt(e2); b2 = a * a * (1 - e2)
def q(lat):
    s = math.sin(math.radians(lat))
    return s / (1 - e2 * s * s) + math.log((1 + e * s) / (1 - e * s)) / (2 * e)
print(repr(b2 * math.radians(dlon) / 2 * (q(lat2) - q(lat1))))' "$1" "$2" "$3"
}
