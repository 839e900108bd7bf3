mini_store
run 0 report --store m.gpkg --format json --zone 测试湿地 --out - -q
python3 -c "
import json; j = json.load(open('$work/out'))
assert [c['id'] for c in j['coverage']] == ['K'], j['coverage']
assert sorted(c['rule'] for c in j['conflicts']) == ['ECO-CORE', 'REDEV-CORE'], j['conflicts']
assert j['zone'] == '测试湿地'" || fail "zone filter"
run 3 report --store m.gpkg --zone 不存在 --out - -q; stderr_has "--zone '不存在' matches no zone"
