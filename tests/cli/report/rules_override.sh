mini_store
sed 's/min_overlap_share = 0.01/min_overlap_share = 0.5/' "$fixture/rules.toml" > strict.toml
run 0 report --store m.gpkg --rules strict.toml --format json --out - -q
python3 -c "
import json; j = json.load(open('$work/out'))
assert j['rules_from'] == 'strict.toml'
assert 'PROJECT-OVERLAP' not in [c['rule'] for c in j['conflicts']], j['conflicts']" || fail "rules override"
