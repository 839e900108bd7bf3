# [dataset] crs names the work CRS: the east-120° district in UTM 51N (EPSG:32651, 120°–126°E) reads
# GDAL's own area in that CRS, and build says where the choice came from.
source "$ZONING_SRC/tests/cli/crs/lib_crs.sh"
crs_fixture crs-east120
sed -i 's/^sources = .*/&\ncrs = "EPSG:32651"/' crs-east120/dataset.toml
run 0 build --data crs-east120 --store s.gpkg
stdout_has "Work CRS: EPSG:32651 (named by crs in [dataset] of dataset.toml)"
run 0 report --store s.gpkg --format json --out r.json
[ "$(json_value r.json crs)" = "EPSG:32651" ] || fail "report crs is $(json_value r.json crs)"
agree "$(json_value r.json district_area_m2)" "$(ogr_area crs-east120/boundary.geojson 32651)" 1e-4 "planar district area vs OGR in EPSG:32651"
# The ellipsoid does not care about the plane: same quadrangle (WGS 84 and GRS80 differ by 0.1 mm in b).
agree "$(json_value r.json district_ellipsoidal_area_m2)" "$(quadrangle_area 36.06 36.10 0.06)" 1e-4 "ellipsoidal district area"
run 0 sql --store s.gpkg "SELECT DISTINCT ST_SRID(geom) FROM boundary"
stdout_has "32651"
# --crs overrides both the choice and [dataset] crs.
run 0 build --data crs-east120 --store t.gpkg --crs EPSG:4549
stdout_has "Work CRS: EPSG:4549 (named by --crs)"
run 0 sql --store t.gpkg "SELECT DISTINCT ST_SRID(geom) FROM boundary"
stdout_has "4549"
