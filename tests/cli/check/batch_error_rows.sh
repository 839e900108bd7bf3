# One bad feature in a batch (null geometry, unknown land use, wholly outside the district) is that
# row's verdict "error" with its reason; the other rows are checked and written in every format, and
# the exit code is 3 (docs/check-json.md).
mini_store
cat > bad.geojson <<'JSON'
{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4547"}}, "features": [
{"type": "Feature", "properties": {"id": "clean", "name": "合规商业", "landuse": "0901"}, "geometry": {"type": "Polygon", "coordinates": [[[430800.0, 3740100.0], [430900.0, 3740100.0], [430900.0, 3740150.0], [430800.0, 3740150.0], [430800.0, 3740100.0]]]}},
{"type": "Feature", "properties": {"id": "nogeom", "name": "无图形", "landuse": "0901"}, "geometry": null},
{"type": "Feature", "properties": {"id": "badcode", "name": "错地类", "landuse": "9999"}, "geometry": {"type": "Polygon", "coordinates": [[[430800.0, 3740100.0], [430900.0, 3740100.0], [430900.0, 3740150.0], [430800.0, 3740150.0], [430800.0, 3740100.0]]]}},
{"type": "Feature", "properties": {"id": "faraway", "name": "区外", "landuse": "0901"}, "geometry": {"type": "Polygon", "coordinates": [[[440000.0, 3750000.0], [440100.0, 3750000.0], [440100.0, 3750100.0], [440000.0, 3750000.0]]]}},
{"type": "Feature", "properties": {"id": "in_core", "name": "核心区厂房", "landuse": "1001"}, "geometry": {"type": "Polygon", "coordinates": [[[430760.0, 3740760.0], [430840.0, 3740760.0], [430840.0, 3740840.0], [430760.0, 3740840.0], [430760.0, 3740760.0]]]}}
]}
JSON
run 3 check --store m.gpkg --proposal bad.geojson --batch --format json
stderr_has "3 of 5 proposal(s) could not be checked"
stderr_has "(id 'nogeom'): feature has no geometry"
python3 -c "
import json; j = json.load(open('$work/out'))
v = {r['proposal']['id']: r['verdict'] for r in j['results']}
assert v == {'clean': 'pass', 'nogeom': 'error', 'badcode': 'error', 'faraway': 'error', 'in_core': 'conflict'}, v
assert j['worst_verdict'] == 'conflict' and j['errors'] == 3, j
e = {r['proposal']['id']: r.get('error', '') for r in j['results']}
assert 'no geometry' in e['nogeom'] and '9999' in e['badcode'] and 'outside the district' in e['faraway'], e
assert [r['proposal']['id'] for r in j['results']] == ['clean', 'nogeom', 'badcode', 'faraway', 'in_core']
" || fail "batch json rows"
run 3 check --store m.gpkg --proposal bad.geojson --batch --format csv
[ "$(grep -c ',error,' out)" = 3 ] && grep -q '^in_core,.*,conflict,' out && grep -q '^clean,.*,pass,' out || fail "batch csv rows"
run 3 check --store m.gpkg --proposal bad.geojson --batch --format gpkg --out r.gpkg
ogrinfo -ro -q r.gpkg -sql "select count(*) as n from check_results where verdict = 'error' and exit_code = 3 and reasons <> ''" | grep -q "n (Integer) = 3" || fail "gpkg error rows"
ogrinfo -ro -q r.gpkg -sql "select count(*) as n from check_results" | grep -q "n (Integer) = 5" || fail "gpkg all rows"
