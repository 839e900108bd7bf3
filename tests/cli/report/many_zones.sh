# A district of 120 zones no catalog category names (tests/cli/report/make_many_zones.py): the HTML
# map draws every zone in a catch-all colour, keeps its labels legible (Chromium's boxes of the
# labels it shows do not overlap; the rest are left out) and names every zone on hover (<title>).
# The Markdown report prints the catalog's generic titles, not the bundled plan's.
/usr/bin/python3 "$ZONING_SRC/tests/cli/report/make_many_zones.py" many 12 10 >/dev/null || fail "fixture"
run 0 build --data many --store many.gpkg
run 0 report --store many.gpkg --format md --out many.md -q
grep -q '^### 功能分区$' many.md || fail "the generic title 功能分区 is not the zones' heading"
! grep '^#' many.md | grep -q '四大分区\|五区四圈\|一带一区' || fail "the bundled plan's headings in another district's report"
[ "$(grep -c '^| 第[0-9]*片区 |' many.md)" = 119 ] || fail "not every zone has its row"
run 0 report --store many.gpkg --format html --out many.html -q
. "$ZONING_SRC/tests/cli/report/chromium_probe.sh"
chromium_probe many.html 1400 "$ZONING_SRC/tests/cli/report/probe_labels.js" labels.json
/usr/bin/python3 - labels.json <<'PY' || fail "labels or colours of 120 zones: $(cat labels.json)"
import json, sys
r = json.load(open(sys.argv[1]))
problems = []
if r["zones"] != 120 or r["titled"] != 120: problems.append(f"{r['titled']} of {r['zones']} zones named on hover (of 120)")
if r["overlaps"]: problems.append(f"{r['overlaps']} pairs of labels overlap")
if not 20 <= r["labels"] < 120: problems.append(f"{r['labels']} labels: none left out, or hardly any shown")
# The catch-all palette (core::catch_all_colour): twelve colours, every zone one of them, none grey.
palette = {"#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#bc80bd", "#ccebc5", "#ffed6f", "#d9d9d9"}
fills = set(r["fills"])
if not fills <= palette or len(fills) < 8: problems.append(f"zone fills {sorted(fills)} are not the catch-all palette")
if problems: sys.exit("; ".join(problems))
print(f"120 zones: {len(fills)} catch-all colours, {r['labels']} labels shown without overlap, every zone named on hover")
PY
