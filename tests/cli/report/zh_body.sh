# The bundled Chinese report reads like a bureau's document (tests/cli/report/check_zh_body.py):
# its head has 评估年度, 数据日期, 编制单位, 数据性质; its body no English word, rule id or layer path
# (they are in the 技术附录 at the end); conflicts and reviews counted apart. Markdown and HTML alike.
# The plan writes "GDP" in its target names, quoted verbatim.
run 0 build --store x.gpkg
run 0 report --store x.gpkg --format md --out r.md -q
run 0 report --store x.gpkg --format html --out r.html -q
for f in r.md r.html; do
  /usr/bin/python3 "$ZONING_SRC/tests/cli/report/check_zh_body.py" "$f" GDP || fail "$f does not read like a bureau's document"
done
# The head's values are dataset.toml's; the headings the plan's own ([titles]).
grep -q '^- \*\*评估年度\*\*：2025$' r.md && grep -q '^- \*\*数据日期\*\*：2025-12-31$' r.md || fail "head values"
grep -q '^### 四大分区$' r.md && grep -q '^### 一带一区、三核五廊$' r.md || fail "the plan's titles from dataset.toml [titles]"
# Land in 公顷, one unit per column; the plan's 万 m² only in its own targets.
grep -q '| 面积（公顷） |' r.md || fail "no 公顷 column"
! grep -E '^\| [^|]+ \|( [^|]+ \|)? [0-9.]+万' r.md | grep -v '^| 指标' | grep -q '公顷' || fail "万 figures in a 公顷 table"
# English is complete: the same head, in English, and the appendix.
run 0 report --store x.gpkg --format md --lang en --out en.md -q
for want in '- **Evaluation year**: 2025' '- **Data date**: 2025-12-31' '- **Organisation**: ' '- **Data certainty**: illustrative' '## Technical appendix' '| Area (ha) |'; do
  grep -qF -- "$want" en.md || fail "English report lacks: $want"
done
# The checker itself must catch what it promises: the mini fixture's sources say "fixture".
run 0 build --data "$fixture" --store m.gpkg
run 0 report --store m.gpkg --format md --out m.md -q
! /usr/bin/python3 "$ZONING_SRC/tests/cli/report/check_zh_body.py" m.md > /dev/null 2>&1 || fail "the checker let ASCII words through"
