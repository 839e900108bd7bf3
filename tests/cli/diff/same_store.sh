# A store against itself: nothing changed, no warning; the output never replaces an input.
run 0 build --data "$fixture" --store m.gpkg -q
run 0 diff --from m.gpkg --to m.gpkg --format json
/usr/bin/python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["warnings"] == [] and d["projects_status"] == [] and d["conflicts"]["new"] == [] and d["conflicts"]["resolved"] == []
assert all(not (l["added"] or l["removed"] or l["changed"]) for l in d["layers"])
assert len(d["conflicts"]["open"]) == 5' out || fail "a store against itself changed"
cp m.gpkg before.gpkg
run 3 diff --from m.gpkg --to m.gpkg --out m.gpkg
cmp -s m.gpkg before.gpkg || fail "the store was written over"
run 3 diff --from missing.gpkg --to m.gpkg
stderr_has "missing.gpkg"
