copy_mini
python3 - "$work/mini/functional_zones.geojson" <<'PY'
import json, sys
p = sys.argv[1]; j = json.load(open(p))
X, Y = 430000.0, 3740000.0
# west zone reaches 10 m into the east one (10,000 m²); the east one has a 50 x 50 m hole (2,500 m²)
j["features"][0]["geometry"]["coordinates"] = [[[X, Y], [X + 510, Y], [X + 510, Y + 1000], [X, Y + 1000], [X, Y]]]
j["features"][1]["geometry"]["coordinates"].append([[X + 900, Y + 900], [X + 950, Y + 900], [X + 950, Y + 950], [X + 900, Y + 950], [X + 900, Y + 900]])
json.dump(j, open(p, "w"))
PY
run 0 build --data mini --store s.gpkg
run 3 validate --store s.gpkg
stdout_has "gap between zones (not covered by any zone) of 2500.00 m²"
stdout_has "overlaps 'Z2' (fid 1) by 10000.00 m²"
stdout_has "gaps 2500.000 m², overlaps 10000.000 m²"
