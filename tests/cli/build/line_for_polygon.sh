copy_mini; sed -i 's/"source = \\"parcels.geojson\\""//' mini/dataset.toml
python3 - "$work/mini/parcels.geojson" <<'PY'
import json, sys
p = sys.argv[1]; j = json.load(open(p))
j["features"][1]["geometry"] = {"type": "LineString", "coordinates": [[430000, 3740000], [430100, 3740100]]}
json.dump(j, open(p, "w"))
PY
run 3 build --data mini --store s.gpkg
stderr_matches "layer 'parcels': fid [0-9]+ \(id 'B'\): a Line String where a polygon belongs"
