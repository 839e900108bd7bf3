# [dataset] area = "ellipsoidal": every reported area is the ellipsoid's, and the report says so.
source "$ZONING_SRC/tests/cli/crs/lib_crs.sh"
crs_fixture crs-utm32
sed -i 's/^sources = .*/&\narea = "ellipsoidal"/' crs-utm32/dataset.toml
run 0 build --data crs-utm32 --store s.gpkg
stdout_has 'areas reported ellipsoidal (area = "ellipsoidal")'
run 0 report --store s.gpkg --format json --out r.json
[ "$(json_value r.json area)" = "ellipsoidal" ] || fail "report area is not ellipsoidal"
ellipsoidal=$(/usr/bin/python3 -c 'print(2e6 / 0.9996**2)')
agree "$(json_value r.json district_area_m2)" "$ellipsoidal" 1e-4 "district area"
agree "$(json_value r.json district_planar_area_m2)" 2000000 1e-9 "planar district area"
/usr/bin/python3 -c '
import json, sys
r = json.load(open("r.json"))
for c in r["coverage"]:
    assert c["area_m2"] == c["ellipsoidal_area_m2"], c
    assert abs(c["area_m2"] / c["planar_area_m2"] - 1 / 0.9996**2) < 1e-6, c
' || fail "frame areas are not ellipsoidal"
run 0 report --store s.gpkg --format md --out -
stdout_has "以上面积为椭球面积（国土调查口径）"
stdout_has "西片：平面面积 1,000,000 m²，椭球面积 1,000,800 m²，差 -0.0800%"
run 0 report --store s.gpkg --format md --lang en --out -
stdout_has "The areas above are ellipsoidal"
