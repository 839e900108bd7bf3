# export writes the store's CRS into the GeoPackage layers and the .qgs project (and real QGIS,
# where installed, opens them in it).
source "$ZONING_SRC/tests/cli/crs/lib_crs.sh"
crs_fixture crs-utm32
run 0 build --data crs-utm32 --store s.gpkg
run 0 export --store s.gpkg --qgis q
grep -q "<ProjectCrs type=\"QString\">EPSG:32632</ProjectCrs>" q/s.qgs || fail "project CRS is not EPSG:32632"
grep -q "<authid>EPSG:32632</authid>" q/s.qgs || fail "layers' srs is not EPSG:32632"
! grep -q "4547" q/s.qgs || fail "the .qgs still names EPSG:4547"
/usr/bin/python3 -c '
from osgeo import ogr; import sys
ds = ogr.Open("q/s.gpkg")
codes = {ds.GetLayer(i).GetSpatialRef().GetAuthorityCode(None) for i in range(ds.GetLayerCount()) if ds.GetLayer(i).GetSpatialRef()}
sys.exit(0 if codes == {"32632"} else "layers in " + str(codes))' || fail "exported GeoPackage layers are not in EPSG:32632"
run 0 export --store s.gpkg --format shp --out shp
grep -q 'UTM_Zone_32N\|UTM zone 32N' shp/boundary.prj || fail "the .prj is not UTM 32N"
if [ -x /usr/bin/qgis_process.bin ] || [ -d /usr/lib/python3/dist-packages/qgis ]; then
  HOME="$work/home" QT_QPA_PLATFORM=offscreen timeout 300 /usr/bin/python3 "$ZONING_SRC/tests/qgis/check_qgis_crs.py" "$work/q/s.qgs" EPSG:32632 > qgis.log 2>&1 \
    || { grep -v -E "XDG_RUNTIME|DeprecationWarning|setapi" qgis.log; fail "QGIS check"; }
  grep "^qgis:" qgis.log
fi
# GeoJSON is lon/lat (RFC 7946), taken from the store's CRS: the district is at 9°E 48.75°N.
run 0 export --store s.gpkg --format geojson --out gj
/usr/bin/python3 -c '
import json, sys
c = json.load(open("gj/boundary.geojson"))["features"][0]["geometry"]["coordinates"][0][0]
sys.exit(0 if abs(c[0] - 9.0) < 1e-6 and 48.75 < c[1] < 48.76 else 1)' || fail "GeoJSON export is not at 9°E 48.75°N"
