# A district that straddles a 3° zone edge is measured in the nearest zone, with a warning, as long as
# the areal error at its worst vertex stays within 0.1 % (docs/crs.md); the same district under a zone
# two central meridians away is still refused.
source "$ZONING_SRC/tests/cli/crs/lib_crs.sh"
crs_fixture crs-east120
# Move the district 1.08° east: 121.46°E–121.52°E, centroid west of 121.5°E, so CM 120°E (EPSG:4549) is
# the nearest, and its east edge (121.5°E) runs through the district.
/usr/bin/python3 - crs-east120 <<'PY'
import glob, json, sys
def shift(c):
    return [c[0] + 1.08, c[1]] if isinstance(c[0], (int, float)) else [shift(x) for x in c]
for p in glob.glob(sys.argv[1] + "/*.geojson"):
    d = json.load(open(p))
    for f in d["features"]:
        f["geometry"]["coordinates"] = shift(f["geometry"]["coordinates"])
    json.dump(d, open(p, "w"), ensure_ascii=False)
PY
run 0 build --data crs-east120 --store s.gpkg
stdout_has "Work CRS: EPSG:4549"
# 1.52° from CM 120°E at 36.06°N: y ≈ 137 km, areal scale ≈ (1 + y²/2R²)² ≈ 1.00046.
grep -q "区界略超出 EPSG:4549 的适用范围，面积误差约 +0.0[45] %，在容许范围内" "$work/out" "$work/err" \
  || fail "build did not warn that the district leaves EPSG:4549's area of use"
rm -f s.gpkg
sed -i 's/^sources = .*/&\ncrs = "EPSG:4548"/' crs-east120/dataset.toml
run 3 build --data crs-east120 --store s.gpkg
stderr_has "区界超出 EPSG:4548 的适用范围"
[ ! -e s.gpkg ] || fail "a store was written"
