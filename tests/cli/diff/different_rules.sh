# Stores built with different rules (or from different datasets) are compared, and the report says so first.
copy_mini
run 0 build --data mini --store old.gpkg -q
/usr/bin/python3 - mini/rules.toml <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
open(p, "w", encoding="utf-8").write(s.replace('min_overlap_m2 = 100.0', 'min_overlap_m2 = 100000.0'))
PY
sed -i 's/^name = "测试区"/name = "另一区"/' mini/dataset.toml
run 0 build --data mini --store new.gpkg -q
run 0 diff --from old.gpkg --to new.gpkg --format json
/usr/bin/python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
kinds = [w["kind"] for w in d["warnings"]]
assert kinds == ["different_dataset", "different_rules"], kinds
assert [c["rule"] for c in d["conflicts"]["resolved"]] == ["ZONE-LANDUSE"], d["conflicts"]["resolved"]' out || fail "warnings"
run 0 diff --from old.gpkg --to new.gpkg
stdout_has "两期使用的冲突规则不同"
stdout_has "两期数据来自不同的数据集"
