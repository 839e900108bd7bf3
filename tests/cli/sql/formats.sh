mini_store
run 0 sql --store m.gpkg --format csv "SELECT id, ST_Area(geom) AS a FROM projects WHERE id IN ('P1', 'P6') ORDER BY id"
grep -qx "P1,40000" out && grep -qx "P6,7500" out || fail "csv areas (P1 40,000 m², L-shaped P6 7,500 m²)"
run 0 sql --store m.gpkg --format geojson "SELECT name, geom FROM eco_structure WHERE kind = '核'"
python3 -c "
import json; j = json.load(open('$work/out')); f = j['features'][0]
assert f['properties']['name'] == '测试湿地' and f['geometry']['type'] in ('MultiPolygon', 'Polygon')
c = json.dumps(f['geometry']['coordinates']); assert '113.' in c and '33.' in c, c[:80]" || fail "geojson"
