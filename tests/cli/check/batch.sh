mini_store
run 2 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/batch.geojson" --batch --format csv
[ "$(grep -c ',conflict,' out)" = 2 ] && [ "$(grep -c ',pass,' out)" = 2 ] && [ "$(grep -c ',needs_review,' out)" = 1 ] || fail "batch verdicts"
run 2 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/batch.geojson" --batch --format json
python3 -c "
import json; j = json.load(open('$work/out'))
assert j['worst_verdict'] == 'conflict' and [r['verdict'] for r in j['results']] == ['conflict', 'pass', 'needs_review', 'conflict', 'pass'], j" || fail "batch json"
run 2 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/batch.geojson" --batch --format gpkg --out results.gpkg
ogrinfo -ro -q results.gpkg check_results -sql "select verdict, count(*) as n from check_results group by verdict order by verdict" | grep -q "n (Integer) = 2" || fail "gpkg check_results"
ogrinfo -ro -so results.gpkg check_overlaps | grep -q "Feature Count: [1-9]" || fail "gpkg check_overlaps"
