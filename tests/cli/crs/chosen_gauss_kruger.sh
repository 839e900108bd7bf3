# A district at 120.4°E drawn in CGCS2000 lon/lat: build chooses the CM 120°E zone (EPSG:4549), every
# command reads it from the store, and the areas agree with GDAL's own transform to that zone and,
# on the ellipsoid, with the closed-form area of the 0.06° × 0.04° quadrangle.
source "$ZONING_SRC/tests/cli/crs/lib_crs.sh"
crs_fixture crs-east120
run 0 build --data crs-east120 --store s.gpkg
stdout_has "Work CRS: EPSG:4549 (the boundary's centroid (120.4100°E 36.0800°N) lies in the area of use of CGCS2000 (EPSG:4490)"
run 0 report --store s.gpkg --format json --out r.json
[ "$(json_value r.json crs)" = "EPSG:4549" ] || fail "report crs is $(json_value r.json crs)"
[ "$(json_value r.json area)" = "planar" ] || fail "areas are not planar by default"
agree "$(json_value r.json district_area_m2)" "$(ogr_area crs-east120/boundary.geojson 4549)" 1e-4 "planar district area vs OGR in EPSG:4549"
agree "$(json_value r.json district_ellipsoidal_area_m2)" "$(quadrangle_area 36.06 36.10 0.06)" 1e-4 "ellipsoidal district area vs the closed form"
# The zone's own scale at 0.41° from its central meridian: the plane reads about 3.4e-5 more.
/usr/bin/python3 -c 'import json,sys; r=json.load(open("r.json")); x=r["coverage"][0]["planar_excess"]; sys.exit(0 if 3.0e-5 < x < 3.8e-5 else 1)' \
  || fail "planar_excess of the district is not the zone's scale"
# Each frame has both areas, the two halves adding up to the district.
/usr/bin/python3 -c '
import json, sys
r = json.load(open("r.json")); rows = r["coverage"]
assert [c["id"] for c in rows] == ["B1", "Z1", "Z2"], rows
assert abs(rows[1]["ellipsoidal_area_m2"] + rows[2]["ellipsoidal_area_m2"] - rows[0]["ellipsoidal_area_m2"]) < 1, rows
' || fail "frame ellipsoidal areas do not add up"
# The store's layers carry the CRS as their SRS: SQL sees SRID 4549, and validate names each layer's source CRS.
run 0 sql --store s.gpkg "SELECT DISTINCT ST_SRID(geom) FROM functional_zones"
stdout_has "4549"; stdout_lacks "4547"
run 0 validate --store s.gpkg
grep -qE "^  boundary +1  EPSG:4490" out || fail "validate does not show the boundary's source CRS"
# A proposal given in lon/lat lands in the district (transformed to the store's CRS, not 114°E's).
run 0 check --store s.gpkg --wkt "POLYGON((120.39 36.07,120.392 36.07,120.392 36.072,120.39 36.072,120.39 36.07))" --crs EPSG:4326 --landuse 0901 --format json
stdout_has '"西片"'
