copy_mini
python3 -c "
import json; p = '$work/mini/parcels.geojson'; j = json.load(open(p))
proto = j['features'][0]
j['features'] = [dict(proto, properties={'id': 'X', 'landuse': '0701'}) for i in range(121)]
json.dump(j, open(p, 'w'))"
run 3 build --data mini --store s.gpkg
[ "$(grep -c "id 'X' is used again" err)" = 50 ] || fail "expected 50 detailed lines"
stderr_has "... and 70 more error(s) of parcels: duplicate-id"
