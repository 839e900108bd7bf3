# A target with a linear and one with a compound path, judged in 2023 by hand: 学位 from 0 (2020) to 1,000
# (2025) expects 600 in 2023 and has 0 (P8 is completed in 2024): 严重滞后; GDP 272 (2020) at 7% a year
# expects 272 × 1.07³ = 333.21 and is not measured. Every level word is Chinese in the zh Markdown.
copy_mini
cat >> mini/targets.toml <<'TOML'

[[target]]
id = "T6"
name = "学位进程"
target = 1000.0
unit = "个"
source = "fixture"
measurable = true
measure = "project_sum"
field = "seats"
category = "教育"
baseline = 0.0
baseline_year = 2020
path = "linear"

[[target]]
id = "T7"
name = "地区生产总值"
target = 391.9
baseline = 272.0
baseline_year = 2020
path = "compound"
rate = 0.07
unit = "亿元"
source = "fixture"
TOML
run 0 build --data mini --store m.gpkg -q
run 0 report --store m.gpkg --format json --out - --year 2023 -q
/usr/bin/python3 -c '
import json, sys
rows = {p["id"]: p for p in json.load(open(sys.argv[1]))["progress"]}
t6, t7 = rows["T6"], rows["T7"]
assert t6["expected"] == 600 and t6["measured"] == 0 and t6["level"] == "severely_behind", t6
assert t6["baseline"] == 0 and t6["baseline_year"] == 2020 and t6["path"] == "linear", t6
assert abs(t7["expected"] - 333.211696) < 1e-6 and t7["level"] is None and t7["rate"] == 0.07, t7' out || fail "paths in 2023"
run 0 report --store m.gpkg --format md --out - --year 2023 -q
stdout_has "学位进程：2020年 0 → 现状 0 → 2023年应达 600 → 2025年目标 1000 个（按线性进程）；**严重滞后**"
stdout_has "地区生产总值：2020年 272 → 现状 无法测算 → 2023年应达 333.21 → 2025年目标 391.9 亿元（按年均增长 7%）"
run 0 report --store m.gpkg --format html --out r.html --year 2023 -q
grep -q 'class="level severely_behind">严重滞后<' r.html || fail "HTML level badge"
# T6's chart: the expected path 2020…2025 (six points, 0 → 1000 linear) and the measured 0 by year up to
# 2023, the year judged at (P8's seats of 2024 are not drawn).
/usr/bin/python3 - r.html <<'PY' || fail "HTML trend chart of T6"
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
row = html[html.index("学位进程<small>"):]
row = row[:row.index("</div></div>\n")]
svg = re.search(r'<svg class="trend".*?</svg>', row).group(0)
pts = [tuple(map(float, p.split(","))) for p in re.search(r'class="expected" points="([^"]*)"', svg).group(1).split()]
assert len(pts) == 6, pts
xs = [p[0] for p in pts]; ys = [p[1] for p in pts]
assert xs == sorted(xs) and ys == sorted(ys, reverse=True), pts            # rising from 2020 to 2025
steps = [ys[i] - ys[i + 1] for i in range(5)]
assert max(steps) - min(steps) < 0.01, steps                                # linear: equal steps
assert len(re.findall(r'<circle class="measured"', svg)) == 4, svg          # 2020, 2021, 2022, 2023
assert set(re.findall(r'<circle class="measured" cx="[^"]*" cy="([^"]*)"', svg)) == {str(int(ys[0])) if ys[0].is_integer() else str(ys[0])}, svg  # all 0
PY
# A malformed path names the file and line.
printf '\n[[target]]\nid = "T8"\nname = "x"\ntarget = 2.0\nsource = "f"\npath = "compound"\n' >> mini/targets.toml
run 3 build --data mini --store m2.gpkg -q
stderr_matches "targets.toml.*line [0-9]+.*(baseline|rate)"
