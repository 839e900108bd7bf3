# mini against mini_next (tests/fixtures/mini_next/ANSWERS.md): one feature added, one removed, one
# reshaped (2,500 m² gained), one status change, one new and one resolved conflict, T4 500 -> 800.
run 0 build --data "$fixture" --store old.gpkg -q
run 0 build --data "$ZONING_SRC/tests/fixtures/mini_next" --store new.gpkg -q
run 0 diff --from old.gpkg --to new.gpkg --format json --out d.json -q
/usr/bin/python3 - d.json <<'PY' || fail "diff JSON"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["warnings"] == [], d["warnings"]
layers = {l["layer"]: l for l in d["layers"]}
p = layers["projects"]
assert [(e["id"], e["name"], e["area_m2"]) for e in p["added"]] == [("P9", "核心区仓库", 400.0)], p["added"]
assert [(e["id"], e["area_m2"]) for e in p["removed"]] == [("P4", 10000.0)], p["removed"]
ch = {c["id"]: c for c in p["changed"]}
assert sorted(ch) == ["P2", "P8"], sorted(ch)
p8 = ch["P8"]
assert p8["geometry_changed"] and p8["old_area_m2"] == 2500.0 and p8["new_area_m2"] == 5000.0, p8
assert p8["area_gained_m2"] == 2500.0 and p8["area_lost_m2"] == 0.0, p8
assert [(a["field"], a["old"], a["new"]) for a in p8["attributes"]] == [("seats", "500", "800")], p8["attributes"]
assert not ch["P2"]["geometry_changed"] and ch["P2"]["area_gained_m2"] == 0.0
assert [(a["field"], a["old"], a["new"]) for a in ch["P2"]["attributes"]] == [("status", "planned", "under_construction")]
for name, l in layers.items():
    if name != "projects": assert not (l["added"] or l["removed"] or l["changed"]), name
assert [(s["id"], s["from"], s["to"]) for s in d["projects_status"]] == [("P2", "planned", "under_construction")]
c = d["conflicts"]
ids = lambda cs: [(x["rule"], [f["id"] for f in x["features"]]) for x in cs]
assert ids(c["new"]) == [("ECO-CORE", ["P9", "K"])], ids(c["new"])
assert c["new"][0]["overlap_m2"] == 400.0
assert ids(c["resolved"]) == [("LOGISTICS-SITE", ["P4", "SL1"])] or [x["rule"] for x in c["resolved"]] == ["LOGISTICS-SITE"], ids(c["resolved"])
assert sorted(x["rule"] for x in c["open"]) == ["ECO-CORE", "PROJECT-OVERLAP", "REDEV-CORE", "ZONE-LANDUSE"], ids(c["open"])
prog = {r["id"]: r for r in d["progress"]}
assert prog["T4"]["old"]["measured"] == 500 and prog["T4"]["new"]["measured"] == 800 and prog["T4"]["change"] == 300, prog["T4"]
assert prog["T1"]["change"] == 0 and prog["T5"]["change"] is None and prog["T5"]["in"] == "both"
PY
# The Chinese Markdown names features by name, statuses and fields in Chinese, ids only in the appendix.
run 0 diff --from old.gpkg --to new.gpkg
stdout_has "新增：核心区仓库（0.04 公顷）"
stdout_has "删除：园外物流"
stdout_has "变更：测试小学：学位 500 → 800；范围 0.25 公顷 → 0.50 公顷（增加 0.25 公顷，减少 0.00 公顷）"
stdout_has "核心区工厂：规划 → 在建"
stdout_has "新增冲突 1，已解决冲突 1，仍存在冲突 4"
stdout_has "| 新增学位 | 500 个 | 800 个 | +300 个 | 已达成 |"
body=$(sed '/^## 技术附录/,$d' out)
! printf '%s' "$body" | grep -qE 'P[0-9]|projects|under_construction|planned|\.gpkg' || fail "English, ids or paths in the Chinese body"
run 0 diff --from old.gpkg --to new.gpkg --lang en
stdout_has "planned → under construction"
run 0 diff --from old.gpkg --to new.gpkg --format csv --out d.csv
grep -q '^added,projects,规划项目,P9,核心区仓库,area_m2,,400.00,400.00' d.csv || fail "csv added row"
grep -q '^conflict_resolved,projects,规划项目,P4 × ' d.csv || fail "csv resolved row"
# The HTML map draws exactly what changed: P9 added, P4 removed, P8's old and new outlines, the new conflict.
run 0 diff --from old.gpkg --to new.gpkg --format html --out d.html
for cls in added removed old new conflict; do
  [ "$(grep -c "<path class=\"$cls\"" d.html)" = 1 ] || fail "HTML map: not exactly one $cls shape"
done
grep -q '<path class="district"' d.html || fail "HTML map: no district"
grep -q '<title>新增 核心区仓库</title>' d.html || fail "HTML map: the added feature is named"
! sed '/技术附录/,$d' d.html | grep -qE '>[^<]*\bP[0-9]+\b' || fail "ids in the Chinese HTML body"
