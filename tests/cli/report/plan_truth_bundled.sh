# The bundled report rests every conflict on the plan's words: 香山文旅小镇, which 第四章第四节 places on
# 大香山, is a point to review (需复核) against 第九章第一节's 北部山林生态带, never a conflict; checks with no
# plan sentence behind them (质检) are listed apart from the plan's conflicts; every conflict and every
# target carries the plan's sentence and its line.
run 0 build --store x.gpkg -q
run 0 report --store x.gpkg --format md --out - -q
python3 - "$work/out" <<'PY' || fail "Markdown: 香山文旅小镇 as 需复核 and 质检 apart"
import re, sys
md = open(sys.argv[1], encoding="utf-8").read()
conflicts = md[md.index("## 3. 冲突"):md.index("## 数据质检")]
quality = md[md.index("## 数据质检"):md.index("## 技术附录")]
appendix = md[md.index("## 技术附录"):]
town = [l for l in conflicts.splitlines() if "「香山文旅小镇」" in l]
assert town and all(re.match(r"- \*\*\(\d+\)\*\* \[需复核\]", l) for l in town), town
assert not any("「香山文旅小镇」" in l and "[冲突]" in l for l in md.splitlines())
# Rule ids are in the appendix, by the number the lists and the map give each finding.
overlaps = re.findall(r"^\| (\d+) \| PROJECT-OVERLAP \|", appendix, re.M)
assert overlaps and all(f"**({n})**" in quality and f"**({n})**" not in conflicts for n in overlaps), overlaps
assert "[冲突]" not in quality and "[需复核]" not in quality
assert "原文（第516行）：「“一带”即北部山林生态带」" in conflicts
PY
run 0 report --store x.gpkg --format json --out - -q
python3 - "$work/out" "$ZONING_SRC/data/xinhua/plan/plan.txt" <<'PY' || fail "JSON: categories and quotes"
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
plan = open(sys.argv[2], encoding="utf-8").read().split("\n")
town = [c for c in j["conflicts"] if c["features"][0]["name"] == "香山文旅小镇"]
assert [(c["rule"], c["severity"], c["category"]) for c in town] == [("ECO-BELT", "review", "plan")], town
for c in j["conflicts"]:
    if c["category"] == "plan":
        q = c["quote"]
        assert q["text"] in plan[q["line"] - 1], c
    else:
        assert c["category"] == "quality" and c["quote"] is None, c
assert {c["rule"] for c in j["conflicts"] if c["category"] == "quality"} == {"PROJECT-OVERLAP"}
# The logistics rule holds only 区域物流基地 to the park; 电商物流分拨中心 has no site in the plan.
assert not any(c["rule"] == "LOGISTICS-SITE" for c in j["conflicts"])
for p in j["progress"]:
    assert p["quote"]["text"] in plan[p["quote"]["line"] - 1], p["id"]
rows = {p["id"]: p for p in j["progress"]}
assert "T09" not in rows and "T10" not in rows  # 专栏9-1's project scale is no target
assert rows["T13"]["status"] == "overdue" and rows["T13"]["deadline"] == 2022, rows["T13"]
assert rows["T03"]["status"] == "behind" and rows["T03"]["land_area_m2"] > 0, rows["T03"]
assert abs(rows["T11"]["measured"] - 0.291) < 0.001 and rows["T11"]["baseline"] == 0.35, rows["T11"]
assert [r["name"] for r in j["coverage"] if r["layer"] == "urban_regions"] == ["中兴路、凌云路片区", "新老城区之间片区", "西环路北段区域", "大香山片区"]
PY
