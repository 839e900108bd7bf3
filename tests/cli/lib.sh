#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One CLI case: `run_case.sh NAME`. Needs $ZONING (the binary) and $ZONING_SRC.
set -u
case_name=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fixture="$ZONING_SRC/tests/fixtures/mini"

fail() { echo "FAIL [$case_name]: $*"; echo "--- stdout"; cat "$work/out" 2>/dev/null; echo "--- stderr"; cat "$work/err" 2>/dev/null; exit 1; }
# run EXPECTED_EXIT args...: runs zoning, checks the exit code
run() {
  local want=$1; shift
  "$ZONING" "$@" >"$work/out" 2>"$work/err"
  local got=$?
  [ "$got" = "$want" ] || fail "exit $got, expected $want: zoning $*"
}
stdout_has() { grep -qF -- "$1" "$work/out" || fail "stdout lacks: $1"; }
stderr_has() { grep -qF -- "$1" "$work/err" || fail "stderr lacks: $1"; }
stderr_matches() { grep -qE -- "$1" "$work/err" || fail "stderr does not match: $1"; }
copy_mini() { cp -r "$fixture" "$work/mini"; }
mini_store() { run 0 build --data "$fixture" --store m.gpkg; }
# check_wkt EXIT WKT: a check of one WKT proposal (EPSG:4547, land use 0901) against the mini store
check_wkt() { mini_store; run "$1" check --store m.gpkg --wkt "$2" --crs EPSG:4547 --landuse 0901; }

case "$case_name" in
  help_build) run 0 build --help; stdout_has "--data"; stdout_has "--store" ;;
  help_validate) run 0 validate --help; stdout_has "--store"; stdout_has "--data" ;;
  help_top) run 0 --help; stdout_has "build"; stdout_has "validate" ;;
  usage_error) run 3 validate --no-such-option; stderr_has "zoning:" ;;
  build_validate_mini)
    run 0 build --data "$fixture" --store s.gpkg
    stdout_has "Built s.gpkg"; stdout_has "parcels"
    stderr_has "layer 'industrial_parks': the dataset does not provide this catalog layer"
    run 0 validate --store s.gpkg
    stdout_has "parcels                     4"
    stdout_has "gaps 0.000 m², overlaps 0.000 m²"
    stdout_has "district 1.000 km², zones 1.000 km²"
    stdout_has "0 error(s)"
    run 0 validate --store s.gpkg --format json
    python3 -c "import json,sys; j=json.load(open('$work/out')); assert j['ok'] and j['tiling']['gap_area_m2']==0, j; assert [l['count'] for l in j['layers'] if l['layer']=='parcels']==[4]" \
      || fail "json output"
    ;;
  build_validate_bundled)
    run 0 build --store xinhua.gpkg
    stdout_has "parcels"; stdout_has "0 feature(s) repaired"
    run 0 validate --store xinhua.gpkg
    stdout_has "0 error(s)"; stdout_has "illustrative"
    grep -qE "gaps 0\.[0-9]+ m², overlaps 0\.[0-9]+ m²" out || fail "zones do not tile to under 1 m²"
    stdout_has "warning:"   # the 孟宝 railway really leaves the district
    command -v ogrinfo >/dev/null && { ogrinfo -ro -so xinhua.gpkg parcels | grep -q "EPSG\",4547\|4547" || fail "store layer not in EPSG:4547"; }
    ;;
  validate_data_dir) run 0 validate --data "$fixture"; stdout_has "Validating"; stdout_has "0 error(s)" ;;
  missing_data_dir) run 3 build --data "$work/nowhere" --store s.gpkg; stderr_has "nowhere/dataset.toml: dataset description not found" ;;
  unknown_layer_in_dataset)
    copy_mini; printf '\n[layers.parkland]\nsource = "roads.geojson"\n' >> mini/dataset.toml
    run 3 build --data mini --store s.gpkg; stderr_has "layer 'parkland': unknown layer" ;;
  no_crs)
    copy_mini; python3 - "$work/mini/roads.geojson" <<'PY'
import json, sys
p = sys.argv[1]; j = json.load(open(p)); del j["crs"]
# plain GeoJSON without crs means WGS84 by RFC 7946; a shapefile without .prj has none: use one
json.dump(j, open(p, "w"))
PY
    command -v ogr2ogr >/dev/null || fail "ogr2ogr (gdal-bin) is needed"
    ogr2ogr -f "ESRI Shapefile" mini/roads.shp "$fixture/roads.geojson" -lco ENCODING=UTF-8 >/dev/null 2>&1
    rm -f mini/roads.prj
    sed -i 's/source = "roads.geojson"/source = "roads.shp"/' mini/dataset.toml
    run 3 build --data mini --store s.gpkg
    stderr_matches "mini/roads.shp: layer 'roads': the source has no CRS; name the one it is in with crs"
    [ ! -e s.gpkg ] || fail "a store was written" ;;
  unknown_landuse_code)
    copy_mini; sed -i 's/"landuse": "1001"/"landuse": "9999"/' mini/parcels.geojson
    run 3 build --data mini --store s.gpkg
    stderr_matches "mini/parcels.geojson: layer 'parcels': fid [0-9]+ \(id 'E'\): unknown land-use code '9999'" ;;
  missing_required_field)
    copy_mini; sed -i 's/"landuse"/"dlbm"/g' mini/parcels.geojson
    run 3 build --data mini --store s.gpkg; stderr_has "mini/parcels.geojson: layer 'parcels': missing required field 'landuse'" ;;
  line_for_polygon)
    copy_mini; sed -i 's/"source = \\"parcels.geojson\\""//' mini/dataset.toml
    python3 - "$work/mini/parcels.geojson" <<'PY'
import json, sys
p = sys.argv[1]; j = json.load(open(p))
j["features"][1]["geometry"] = {"type": "LineString", "coordinates": [[430000, 3740000], [430100, 3740100]]}
json.dump(j, open(p, "w"))
PY
    run 3 build --data mini --store s.gpkg
    stderr_matches "layer 'parcels': fid [0-9]+ \(id 'B'\): a Line String where a polygon belongs" ;;
  empty_layer)
    copy_mini; echo '{"type":"FeatureCollection","features":[]}' > mini/roads.geojson
    run 3 build --data mini --store s.gpkg; stderr_has "mini/roads.geojson: layer 'roads': layer has no features" ;;
  nan_coordinates)
    copy_mini
    ogr2ogr -f GPKG mini/parcels.gpkg "$fixture/parcels.geojson" -nln parcels >/dev/null 2>&1 || fail "ogr2ogr"
    # poke a NaN into one vertex with SQL (GeoPackage blobs are little-endian doubles)
    python3 - "$work/mini/parcels.gpkg" <<'PY'
import sqlite3, struct, sys
db = sqlite3.connect(sys.argv[1])
for (name,) in db.execute("select name from sqlite_master where type = 'trigger'").fetchall():
    db.execute(f'drop trigger "{name}"')   # GeoPackage triggers call SpatiaLite-less ST_ functions
fid, blob = db.execute("select fid, geom from parcels where id = 'C'").fetchone()
blob = bytearray(blob)
flags = blob[3]; env = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
first_x = 8 + env + 1 + 4 + 4 + 4   # header, envelope, WKB order+type, ring count, point count
blob[first_x:first_x + 8] = struct.pack("<d", float("nan"))
db.execute("update parcels set geom = ? where fid = ?", (bytes(blob), fid)); db.commit()
PY
    sed -i 's/source = "parcels.geojson"/source = "parcels.gpkg"/' mini/dataset.toml
    run 3 build --data mini --store s.gpkg
    stderr_matches "mini/parcels.gpkg: layer 'parcels': fid [0-9]+ \(id 'C'\): .*(NaN|invalid)" ;;
  failed_build_keeps_store)
    run 0 build --data "$fixture" --store s.gpkg
    cp s.gpkg before.gpkg
    copy_mini; sed -i 's/"landuse": "0701"/"landuse": "77"/' mini/parcels.geojson
    run 3 build --data mini --store s.gpkg
    stderr_has "s.gpkg is unchanged"
    cmp -s s.gpkg before.gpkg || fail "the store changed"
    [ "$(ls -a | grep -c tmp)" = 0 ] || fail "temporary file left behind" ;;
  corrupt_store)
    head -c 5000 /dev/urandom > bad.gpkg
    run 3 validate --store bad.gpkg; stderr_matches "zoning validate: bad.gpkg: (cannot open|not a)" ;;
  truncated_store)
    run 0 build --data "$fixture" --store s.gpkg
    head -c $(( $(stat -c %s s.gpkg) / 3 )) s.gpkg > t.gpkg
    run 3 validate --store t.gpkg; stderr_has "t.gpkg" ;;
  unwritable_store)
    run 4 build --data "$fixture" --store /dev/null/x/s.gpkg; stderr_has "/dev/null/x/s.gpkg" ;;
  planted_gap_and_overlap)
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
    stdout_has "gaps 2500.000 m², overlaps 10000.000 m²" ;;
  metric_coordinates_declared_lonlat)
    copy_mini
    # GeoJSON without a crs member is WGS84 by RFC 7946; these coordinates are metres.
    python3 -c "
import json; p = '$work/mini/projects.geojson'; j = json.load(open(p)); del j['crs']; json.dump(j, open(p, 'w'))"
    run 3 build --data mini --store s.gpkg
    stderr_matches "mini/projects.geojson: layer 'projects': coordinates \(430[0-9.]+ 3740[0-9.]+, .*\) are plainly projected metres, but the source declares EPSG:4326"
    sed -i 's|source = "projects.geojson"|source = "projects.geojson"\ncrs = "EPSG:4547"\nforce_crs = true|' mini/dataset.toml
    run 0 build --data mini --store s.gpkg ;;
  many_errors_are_summarised)
    copy_mini
    python3 -c "
import json; p = '$work/mini/parcels.geojson'; j = json.load(open(p))
proto = j['features'][0]
j['features'] = [dict(proto, properties={'id': 'X%d' % i, 'landuse': '99'}) for i in range(120)]
json.dump(j, open(p, 'w'))"
    run 3 build --data mini --store s.gpkg
    [ "$(grep -c "unknown land-use code" err)" = 50 ] || fail "expected 50 detailed lines"
    stderr_has "... and 70 more error(s) of parcels: landuse-code" ;;
  help_report) run 0 report --help; stdout_has "--format"; stdout_has "--lang"; stdout_has "--zone"; stdout_has "--rules" ;;
  report_golden_json|report_golden_md|report_golden_md_en)
    mini_store
    case "$case_name" in
      report_golden_json) args=(--format json); expected=mini-report.json ;;
      report_golden_md) args=(--format md); expected=mini-report.md ;;
      report_golden_md_en) args=(--format md --lang en); expected=mini-report-en.md ;;
    esac
    run 0 report --store m.gpkg "${args[@]}" --out - -q
    # The build time is the one volatile field.
    sed -E 's/"built_at": "[^"]*"/"built_at": "BUILT_AT"/; s/(Store built |存储构建于 )[0-9T:Z-]+/\1BUILT_AT/' out > got
    diff -u "$ZONING_SRC/tests/cli/expected/$expected" got > diff.txt || { cat diff.txt; fail "output differs from tests/cli/expected/$expected"; } ;;
  report_csv)
    mini_store
    run 0 report --store m.gpkg --format csv --out tables -q
    for f in coverage.csv coverage_landuse.csv progress.csv progress_series.csv conflicts.csv README.txt; do [ -s "tables/$f" ] || fail "missing $f"; done
    grep -q "^functional_zones,Z1,西区,,500000.00,500000.00,79000.00,40000.00,44000.00,5000.00,10000.00$" tables/coverage.csv || fail "coverage.csv row for 西区"
    grep -q "^PROJECT-OVERLAP,conflict," tables/conflicts.csv || fail "conflicts.csv"
    grep -q "illustrative\|示意" tables/README.txt || fail "README.txt footer"
    run 0 report --store m.gpkg --format csv --out tables -q   # replacing an existing folder works
    [ "$(ls -a | grep -c 'tmp\|old')" = 0 ] || fail "temporary folder left behind" ;;
  report_zone)
    mini_store
    run 0 report --store m.gpkg --format json --zone 测试湿地 --out - -q
    python3 -c "
import json; j = json.load(open('$work/out'))
assert [c['id'] for c in j['coverage']] == ['K'], j['coverage']
assert sorted(c['rule'] for c in j['conflicts']) == ['ECO-CORE', 'REDEV-CORE'], j['conflicts']
assert j['zone'] == '测试湿地'" || fail "zone filter"
    run 3 report --store m.gpkg --zone 不存在 --out - -q; stderr_has "--zone '不存在' matches no zone" ;;
  report_rules_override)
    mini_store
    sed 's/min_overlap_share = 0.01/min_overlap_share = 0.5/' "$fixture/rules.toml" > strict.toml
    run 0 report --store m.gpkg --rules strict.toml --format json --out - -q
    python3 -c "
import json; j = json.load(open('$work/out'))
assert j['rules_from'] == 'strict.toml'
assert 'PROJECT-OVERLAP' not in [c['rule'] for c in j['conflicts']], j['conflicts']" || fail "rules override" ;;
  report_malformed_rules)
    mini_store
    printf '[[rule]]\nid = "X"\ntitle = "t"\nclause = "c"\nkind = "overlap_frame"\nframe_layer = "eco_structure"\nseverity = "fatal"\n' > bad.toml
    run 3 report --store m.gpkg --rules bad.toml --out - -q; stderr_has "bad.toml: line 1: severity must be" ;;
  report_unwritable)
    mini_store
    run 4 report --store m.gpkg --out /dev/null/x/report.html -q; stderr_has "/dev/null/x/report.html" ;;
  report_missing_store) run 3 report --store nowhere.gpkg -q; stderr_has "nowhere.gpkg: store not found (run \`zoning build\` first)" ;;
  report_threads_identical)
    run 0 build --store x.gpkg
    "$ZONING" report --store x.gpkg --format json --threads 1 --out one.json -q || fail "threads 1"
    "$ZONING" report --store x.gpkg --format json --threads 2 --out two.json -q || fail "threads 2"
    "$ZONING" report --store x.gpkg --format json --threads 8 --out eight.json -q || fail "threads 8"
    cmp one.json two.json && cmp one.json eight.json || fail "JSON differs with the thread count" ;;
  report_html_chromium)
    command -v chromium >/dev/null || fail "chromium (Debian package) is needed: scripts/install-deps --test"
    run 0 build --store x.gpkg
    run 0 report --store x.gpkg --format html --out report.html -q
    profile=$(mktemp -d)
    flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update
           --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$profile")
    timeout 120 chromium "${flags[@]}" --dump-dom "file://$work/report.html" > dom.html 2>/dev/null || fail "chromium --dump-dom"
    timeout 120 chromium "${flags[@]}" --screenshot="$work/shot.png" --window-size=1400,1100 "file://$work/report.html" >/dev/null 2>&1 || fail "chromium screenshot"
    rm -rf "$profile"
    /usr/bin/python3 "$ZONING_SRC/tests/cli/check_report_render.py" dom.html shot.png || fail "the page did not render the map" ;;
  crosscheck_postgis) bash "$ZONING_SRC/scripts/crosscheck-postgis" > "$work/out" 2> "$work/err" || fail "crosscheck-postgis"; cat "$work/out" ;;
  help_check) run 0 check --help; stdout_has "--proposal"; stdout_has "--wkt"; stdout_has "--batch"; stdout_has "--landuse" ;;
  check_golden_*)
    name=${case_name#check_golden_}
    declare -A want=([in_core]=2 [straddle]=0 [near_corridor]=1 [overlap]=2 [clean]=0)
    mini_store
    run "${want[$name]}" check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/$name.geojson" --format json
    diff -u "$ZONING_SRC/tests/cli/expected/check-$name.json" out > diff.txt || { cat diff.txt; fail "differs from tests/cli/expected/check-$name.json"; } ;;
  check_text_and_html)
    mini_store
    run 2 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/in_core.geojson"
    stdout_has "结论：冲突 (exit 2)"; stdout_has "ECO-CORE"; stdout_has "测试湿地"; stdout_has "第九章第一节"
    run 2 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/in_core.geojson" --lang en
    stdout_has "Verdict: conflict (exit 2)"
    run 2 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/in_core.geojson" --format html --out note.html
    grep -q '<svg id="locator"' note.html && grep -q 'id="proposal"' note.html && grep -q 'class="conflict"' note.html || fail "html note lacks its locator map" ;;
  check_batch)
    mini_store
    run 2 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/batch.geojson" --batch --format csv
    [ "$(grep -c ',conflict,' out)" = 2 ] && [ "$(grep -c ',pass,' out)" = 2 ] && [ "$(grep -c ',needs_review,' out)" = 1 ] || fail "batch verdicts"
    run 2 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/batch.geojson" --batch --format json
    python3 -c "
import json; j = json.load(open('$work/out'))
assert j['worst_verdict'] == 'conflict' and [r['verdict'] for r in j['results']] == ['conflict', 'pass', 'needs_review', 'conflict', 'pass'], j" || fail "batch json"
    run 2 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/batch.geojson" --batch --format gpkg --out results.gpkg
    ogrinfo -ro -q results.gpkg check_results -sql "select verdict, count(*) as n from check_results group by verdict order by verdict" | grep -q "n (Integer) = 2" || fail "gpkg check_results"
    ogrinfo -ro -so results.gpkg check_overlaps | grep -q "Feature Count: [1-9]" || fail "gpkg check_overlaps" ;;
  check_bowtie_repaired)
    check_wkt 1 "POLYGON((430800 3740100,430900 3740200,430900 3740100,430800 3740200,430800 3740100))"
    stderr_has "the geometry was invalid (Self-intersection at (430850.000 3740150.000)) and was repaired with GEOS MakeValid" ;;
  check_outside_district)
    check_wkt 3 "POLYGON((440000 3750000,440100 3750000,440100 3750100,440000 3750000))"
    stderr_has "the proposal lies entirely outside the district" ;;
  check_lonlat_declared_metric)
    check_wkt 3 "POLYGON((113.25 33.75,113.26 33.75,113.26 33.76,113.25 33.75))"
    stderr_has "are plainly lon/lat degrees, but the source declares EPSG:4547 (metres)" ;;
  check_zero_area)
    check_wkt 3 "POLYGON((430100 3740100,430200 3740100,430300 3740100,430100 3740100))"
    stderr_matches "(zero area|cannot be repaired)" ;;
  check_point)
    check_wkt 3 "POINT(430100 3740100)"; stderr_has "a Point where a polygon belongs" ;;
  check_several_without_batch)
    mini_store
    run 3 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/batch.geojson"
    stderr_has "5 features where one proposal is expected; add --batch" ;;
  check_unknown_landuse)
    mini_store
    run 3 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/clean.geojson" --landuse 0999
    stderr_has "--landuse '0999' is not a national 用地用海 code" ;;
  check_wkt_without_crs)
    mini_store
    run 3 check --store m.gpkg --wkt "POLYGON((0 0,1 0,1 1,0 0))" --landuse 0901; stderr_has "--wkt needs --crs" ;;
  help_export) run 0 export --help; stdout_has "--qgis"; stdout_has "--encoding"; stdout_has "--force" ;;
  export_qgis_layer_styles)
    run 0 build --store x.gpkg
    run 0 export --store x.gpkg --qgis q
    [ -s q/x.gpkg ] && [ -s q/x.qgs ] || fail "export files missing"
    python3 - "$work/q/x.gpkg" "$work/q/x.qgs" <<'PY' || fail "layer_styles / qgs"
import sqlite3, sys, xml.etree.ElementTree as ET
db = sqlite3.connect(sys.argv[1])
assert db.execute("select data_type from gpkg_contents where table_name = 'layer_styles'").fetchone() == ("attributes",)
rows = db.execute("select f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, owner, update_time from layer_styles").fetchall()
tables = {r[0] for r in db.execute("select table_name from gpkg_contents where data_type = 'features'")}
styled = {r[2] for r in rows}
assert tables == styled, (tables - styled, styled - tables)
for cat, schema, name, geom, style_name, qml, sld, default, owner, updated in rows:
    assert schema == "" and cat == "" and geom == "geom" and default == 1, (name, schema, geom, default)
    ET.fromstring(qml.split("\n", 1)[1]); ET.fromstring(sld.encode())
    assert "renderer-v2" in qml, name
    assert updated and "T" in updated, updated
qml = dict((r[2], r[5]) for r in rows)
assert 'type="categorizedSymbol" attr="status"' in qml["projects"]
assert 'name="style" value="b_diagonal"' in qml["conflicts"] and '255,0,0' not in qml["boundary"]
assert 'value="0701" label="0701 城镇住宅用地"' in qml["parcels"]
assert 'fieldName="name"' in qml["functional_zones"]
counts = dict(db.execute("select table_name, 1 from gpkg_contents").fetchall())
for t in ["overlay_landuse", "project_coverage", "conflicts", "progress", "zoning_metadata"]:
    assert t in counts, t
assert db.execute("select count(*) from conflicts").fetchone()[0] >= 5
qgs = ET.parse(sys.argv[2]).getroot()
assert qgs.find("projectCrs/spatialrefsys/authid").text == "EPSG:4547"
groups = [g.get("name") for g in qgs.find("layer-tree-group").findall("layer-tree-group")]
assert groups[:5] == ["规划分区", "五区四圈两带一楼宇", "一带一区三核五廊", "项目", "分析结果"], groups
for ml in qgs.find("projectlayers"):
    src = ml.find("datasource").text
    assert src.startswith("./x.gpkg|layername="), src
    if ml.get("geometry") != "No geometry":
        assert ml.find("renderer-v2") is not None, src
order = [i.text for i in qgs.find("layer-tree-group/custom-order")]
assert order[0] == "zoning_boundary" and order.index("zoning_roads") < order.index("zoning_parcels"), order
print("layer_styles and .qgs well-formed:", len(rows), "styles")
PY
    ;;
  export_qgis_in_qgis)
    [ -x /usr/bin/qgis_process.bin ] || [ -d /usr/lib/python3/dist-packages/qgis ] || fail "QGIS (Debian qgis, python3-qgis) is needed: scripts/install-deps --test"
    run 0 build --store x.gpkg
    run 0 export --store x.gpkg --qgis q
    # Moved elsewhere, the project still finds its GeoPackage: paths are relative.
    mv q moved
    HOME="$work/home" QT_QPA_PLATFORM=offscreen timeout 300 /usr/bin/python3 "$ZONING_SRC/tests/qgis/check_qgis_export.py" "$work/moved" x "$work/render.png" > qgis.log 2>&1 \
      || { grep -v -E "XDG_RUNTIME|DeprecationWarning|setapi" qgis.log; fail "QGIS check"; }
    grep "^qgis:" qgis.log ;;
  export_gpkg)
    mini_store
    run 0 export --store m.gpkg --format gpkg --out g
    ogrinfo -ro -so g/m.gpkg projects | grep -q "Feature Count: 8" || fail "projects count"
    ogrinfo -ro -so g/m.gpkg conflicts | grep -q "Feature Count: 5" || fail "conflicts count"
    python3 -c "
import sqlite3, sys; db = sqlite3.connect('$work/g/m.gpkg')
sys.exit(1 if db.execute(\"select count(*) from sqlite_master where name = 'layer_styles'\").fetchone()[0] else 0)" || fail "gpkg export has QGIS extras"
    [ ! -e g/m.qgs ] || fail "gpkg export wrote a project" ;;
  export_shp_utf8|export_shp_gbk)
    enc=UTF-8; [ "$case_name" = export_shp_gbk ] && enc=GBK
    mini_store
    run 0 export --store m.gpkg --format shp --out s --encoding $enc
    for l in projects functional_zones conflicts parcels; do [ -s s/$l.shp ] && [ -s s/$l.cpg ] && [ -s s/$l.prj ] || fail "s/$l.* missing"; done
    [ -s s/progress.dbf ] || fail "progress.dbf missing"
    ogrinfo -ro -so s/projects.shp projects | grep -q "compl_year: " || fail "field name map (completion_year -> compl_year)"
    ogrinfo -ro -so s/projects.shp projects | grep -q "Feature Count: 8" || fail "count"
    ogrinfo -ro s/functional_zones.shp functional_zones | grep -q "name (String) = 西区" || fail "Chinese names lost"
    grep -q 4547 s/projects.prj || grep -q "CGCS2000_3_Degree_GK_CM_114E\|CGCS2000 / 3-degree Gauss-Kruger CM 114E" s/projects.prj || fail "prj"
    if [ $enc = GBK ]; then
      python3 -c "import sys; d = open('$work/s/functional_zones.dbf','rb').read(); sys.exit(0 if '西区'.encode('gbk') in d and '西区'.encode() not in d else 1)" || fail "DBF is not GBK"
      grep -q "936" s/functional_zones.cpg || fail ".cpg does not say GBK (936)"
    else
      python3 -c "import sys; d = open('$work/s/functional_zones.dbf','rb').read(); sys.exit(0 if '西区'.encode() in d else 1)" || fail "DBF is not UTF-8"
    fi ;;
  export_geojson)
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
    ;;
  export_refuses_nonempty)
    mini_store
    mkdir full && echo keep > full/notes.txt
    run 3 export --store m.gpkg --qgis full; stderr_has "full: folder exists and is not empty; add --force to replace it"
    [ -f full/notes.txt ] || fail "existing folder touched"
    run 0 export --store m.gpkg --qgis full --force
    [ ! -f full/notes.txt ] && [ -s full/m.qgs ] || fail "--force did not replace" ;;
  export_unwritable)
    mini_store
    run 4 export --store m.gpkg --qgis /dev/null/x; stderr_has "/dev/null/x"
    [ "$(ls -a | grep -c tmp)" = 0 ] || fail "half-written files left behind" ;;
  help_sql) run 0 sql --help; stdout_has "--format"; stdout_has "--store" ;;
  sql_docs)
    run 0 build --store x.gpkg
    python3 - "$ZONING_SRC/docs/sql.md" "$work/queries" <<'PY'
import re, sys, os
text = open(sys.argv[1], encoding="utf-8").read()
os.makedirs(sys.argv[2])
for i, q in enumerate(re.findall(r"```sql\n(.*?)```", text, re.S)):
    open(os.path.join(sys.argv[2], "%02d.sql" % i), "w").write(q)
PY
    n=0
    for q in queries/*.sql; do
      run 0 sql --store x.gpkg "$(cat "$q")"
      rows=$(tail -1 out | sed -n 's/^(\([0-9]*\) rows\{0,1\})$/\1/p')
      [ -n "$rows" ] && [ "$rows" -gt 0 ] || fail "docs/sql.md query $q returned no rows: $(cat "$q")"
      n=$((n + 1))
    done
    [ "$n" -ge 8 ] || fail "only $n queries found in docs/sql.md"
    echo "ran $n queries from docs/sql.md" ;;
  sql_formats)
    mini_store
    run 0 sql --store m.gpkg --format csv "SELECT id, ST_Area(geom) AS a FROM projects WHERE id IN ('P1', 'P6') ORDER BY id"
    grep -qx "P1,40000" out && grep -qx "P6,7500" out || fail "csv areas (P1 40,000 m², L-shaped P6 7,500 m²)"
    run 0 sql --store m.gpkg --format geojson "SELECT name, geom FROM eco_structure WHERE kind = '核'"
    python3 -c "
import json; j = json.load(open('$work/out')); f = j['features'][0]
assert f['properties']['name'] == '测试湿地' and f['geometry']['type'] in ('MultiPolygon', 'Polygon')
c = json.dumps(f['geometry']['coordinates']); assert '113.' in c and '33.' in c, c[:80]" || fail "geojson" ;;
  sql_bad_query)
    mini_store
    run 3 sql --store m.gpkg "SELECT * FROM nowhere"; stderr_has "m.gpkg: SQL error: no such table: nowhere"
    run 3 sql --store m.gpkg "SELECT 1; DROP TABLE parcels"; stderr_has "one statement at a time"
    run 3 sql --store m.gpkg "DELETE FROM parcels"; stderr_matches "(readonly|read-only)" ;;
  *) fail "unknown case" ;;
esac
echo "ok [$case_name]"
