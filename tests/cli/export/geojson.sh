mini_store
run 0 export --store m.gpkg --format geojson --out j
python3 - "$work/j" <<'PY' || fail "geojson"
import json, os, sys
d = sys.argv[1]
j = json.load(open(os.path.join(d, "projects.geojson")))
assert len(j["features"]) == 8 and "crs" not in j
def ring(g):
    return g["coordinates"][0] if g["type"] == "Polygon" else g["coordinates"][0][0]
xs = [c[0] for f in j["features"] for c in ring(f["geometry"])]
ys = [c[1] for f in j["features"] for c in ring(f["geometry"])]
assert 113 < min(xs) < max(xs) < 114 and 33 < min(ys) < max(ys) < 34, (min(xs), max(ys))
assert j["features"][0]["properties"]["completion_year"] == 2023
z = json.load(open(os.path.join(d, "functional_zones.geojson")))
assert {f["properties"]["name"] for f in z["features"]} == {"西区", "东区"}
PY
