# sql --format geojson: text that is not UTF-8 is a clear error (exit 3, never 5); duplicate
# column names stay apart (name, name_2).
mini_store
run 3 sql --store m.gpkg --format geojson "SELECT CAST(x'B9E3B6AB' AS TEXT) AS gbk, geom FROM parcels LIMIT 1"
stderr_has "column 'gbk': text is not valid UTF-8"
run 0 sql --store m.gpkg --format geojson "SELECT p.id AS name, z.name, z.name, p.geom FROM parcels p, functional_zones z LIMIT 1"
python3 -c "
import json; p = json.load(open('$work/out'))['features'][0]['properties']
assert list(p) == ['name', 'name_2', 'name_3'], p" || fail "duplicate columns collapsed"
