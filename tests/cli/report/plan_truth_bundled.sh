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
# The reviewer's reading of the bundled report beside the plan: land in 公顷 in the Chinese body (never
# 万 m² beside a bare m²), targets with the plan's digits, the dataset's readings shown as 口径, only the
# plan's own words in quotation marks, the plan's layer titles, Chinese notes, 核对 saying what it compares.
run 0 report --store x.gpkg --format md --out r.md -q
run 0 report --store x.gpkg --format html --out r.html -q
run 0 report --store x.gpkg --format md --lang en --out en.md -q
python3 - r.md r.html en.md "$ZONING_SRC/data/xinhua/plan/plan.txt" "$ZONING_SRC/data/xinhua/dataset.toml" <<'PY' || fail "the bundled report beside the plan"
import html, re, sys, tomllib
md, page, en = (open(p, encoding="utf-8").read() for p in sys.argv[1:4])
plan = open(sys.argv[4], encoding="utf-8").read()
dataset = tomllib.load(open(sys.argv[5], "rb"))
body = md[:md.index("## 技术附录")]
findings = body[body.index("## 3. "):]
page_body = html.unescape(re.sub(r"<[^>]+>", " ", page[:page.index('<section id="appendix">')]))
for text in (findings, page_body[page_body.index("冲突与复核"):]):
    assert "万 m²" not in text and not re.search(r"\d m²", text), re.findall(r".{20}m².{5}", text)[:3]
    assert re.search(r"重叠 \d+\.\d\d 公顷", text), "overlaps in 公顷"
# 建成面积's land area in 公顷; its floor area stays in the plan's 万 m².
assert re.search(r"计入项目在区内的用地面积 \d+\.\d\d 公顷", body) and "84.2万 / 130万 m²" in body
# (基本养老保险参保率 and GDP are measured from indicators.csv's 2020 values: the target beside them.)
assert "| 29.1% / 36% (" in body and "98.4% / 99% (" in body and "272 / 391.9 亿元" in body
assert "36.0%" not in body and "99.0%" not in body and "391.90" not in body and "7.0%" not in body
corridor = [l for l in findings.split("\n- ") if "香山沟滨水绿廊" in l and "[冲突]" in l]
zone = [l for l in findings.split("\n- ") if "用地性质与所在功能分区不相容" in l]
assert corridor and all("\n  口径：" in l and "西杨村河" in l for l in corridor), corridor
assert zone and all("\n  口径：" in l for l in zone), zone
assert "口径：" in page_body and "Reading: " in en
# Quotation marks in the Chinese body (outside the 「」 of a quoted sentence) hold the plan's words verbatim.
for quoted in re.findall(r"“([^”]+)”", re.sub(r"「[^」]*」", "", body)):
    assert quoted in plan, quoted
assert "仅要求完成征迁（原文第451行）" in findings
# Titles and groups are the plan's words (一带一区、三核五廊 with its 、).
for section in ("titles", "groups"):
    for layer, title in dataset[section].items():
        assert title in plan, (section, layer, title)
assert "### 一带一区、三核五廊" in body
# The notes: Chinese in the Chinese report, English in the English one; no English word in the Chinese notes.
notes = md[md.index("### 数据说明"):md.index("\n---\n")]
assert not re.search(r"[A-Za-z]", notes), re.findall(r".{10}[A-Za-z]+.{10}", notes)[:3]
assert "- Boundary: the legal boundary" in en[en.index("### Dataset notes"):] and "- 行政区范围：" not in en
# 核对 compares the parcels summed over the frames with the parcels inside the district, not the district's area.
check = md[md.index("### 核对"):md.index("### 面积口径")]
assert "区内地块面积" in check and "全区" not in check, check
PY
