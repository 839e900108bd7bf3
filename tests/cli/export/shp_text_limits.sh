# export/shp_text_limits.sh: a name longer than the 254 bytes a DBF text field holds, or with a
# character GBK lacks, is never cut or lost silently in a Shapefile export: exit 3 naming layer,
# fid, field and the problem, before anything is written. Before, both exported with exit 0: the
# name cut at 254 bytes, and 😀 and 𠀀 dropped from the GBK DBF.
copy_mini
python3 - <<'PY' || fail "could not edit the fixture copy"
import json
p = "mini/redevelopment_areas.geojson"
d = json.load(open(p, encoding="utf-8"))
d["features"][0]["properties"]["name"] = "西片" * 50   # 300 bytes in UTF-8, 200 in GBK
d["features"][1]["properties"]["name"] = "湿地😀𠀀安置点"
json.dump(d, open(p, "w", encoding="utf-8"), ensure_ascii=False)
PY
run 0 build --data mini --store m.gpkg -q
run 3 export --store m.gpkg --format shp --out s
stderr_has "layer 'redevelopment_areas': fid 0 (id 'R1'): field 'name': 300 bytes in UTF-8, more than the 254 a Shapefile (DBF) text field holds"
[ "$(wc -l < err)" = 1 ] || fail "not one line on stderr"
[ ! -e s ] && [ -z "$(ls -A | grep tmp)" ] || fail "something was written"
run 3 export --store m.gpkg --format shp --out s --encoding GBK
stderr_has "layer 'redevelopment_areas': fid 1 (id 'R2'): field 'name': GBK has no '😀' (U+1F600): a Shapefile in GBK would lose it; export with --encoding UTF-8"
[ ! -e s ] || fail "something was written"
# The formats without those limits keep the names whole.
run 0 export --store m.gpkg --format geojson --out j -q
grep -qF "湿地😀𠀀安置点" j/redevelopment_areas.geojson || fail "GeoJSON lost characters"
# Without the long name, UTF-8 keeps 😀 and 𠀀 and GBK still refuses them.
python3 - <<'PY' || fail "could not edit the fixture copy"
import json
p = "mini/redevelopment_areas.geojson"
d = json.load(open(p, encoding="utf-8"))
d["features"][0]["properties"]["name"] = "西片" * 42   # 252 bytes in UTF-8: fits
json.dump(d, open(p, "w", encoding="utf-8"), ensure_ascii=False)
PY
run 0 build --data mini --store m.gpkg -q
run 0 export --store m.gpkg --format shp --out s -q
ogrinfo -ro s/redevelopment_areas.shp redevelopment_areas | grep -qF "name (String) = 湿地😀𠀀安置点" || fail "UTF-8 lost characters"
ogrinfo -ro s/redevelopment_areas.shp redevelopment_areas | grep -qF "name (String) = $(python3 -c 'print("西片" * 42)')" || fail "UTF-8 cut a name that fits"
run 3 export --store m.gpkg --format shp --out g --encoding GBK
stderr_has "fid 1 (id 'R2'): field 'name': GBK has no '😀' (U+1F600)"
