# The HTML report prints as a bureau's document and stays readable in a narrow window, as headless
# Chromium lays it out: at 800 px the bars are one under another and wide enough to read, tables
# scroll in their own box (the page itself does not); rows never split across pages (computed
# break-inside); @page is A4 with page numbers; every unmeasurable target is printed, none folded
# away; and Chromium's PDF of it has A4 pages.
. "$ZONING_SRC/tests/cli/report/chromium_probe.sh"
run 0 build --store x.gpkg
run 0 report --store x.gpkg --format html --out report.html -q
chromium_probe report.html 800 "$ZONING_SRC/tests/cli/report/probe_layout.js" layout.json
/usr/bin/python3 - layout.json <<'PY' || fail "layout at 800 px or print CSS: $(cat layout.json)"
import json, sys
r = json.load(open(sys.argv[1]))
problems = []
if r["width"] > 900: problems.append(f"the window is {r['width']} px, not narrow")
if r["scrollWidth"] > r["width"] + 1: problems.append(f"the page scrolls sideways ({r['scrollWidth']} > {r['width']})")
if r["bars"] < 5 or r["narrowBars"]: problems.append(f"{r['narrowBars']} of {r['bars']} bars narrower than 200 px")
if len(r["barColumns"].split()) != 1: problems.append("bar rows keep 3 columns: " + r["barColumns"])
if r["rowBreak"] != "avoid": problems.append("table rows may split across pages: " + r["rowBreak"])
if r["tables"] < 4 or r["tablesWrapped"] != r["tables"]: problems.append(f"{r['tablesWrapped']} of {r['tables']} tables scroll in their own box")
if r["unmeasurable"] < 3 or r["unmeasurableShown"] != r["unmeasurable"] or r["details"]:
    problems.append(f"unmeasurable targets: {r['unmeasurableShown']} of {r['unmeasurable']} shown, {r['details']} folded")
if "a4" not in r["pageRule"].lower() or "counter(page)" not in r["pageRule"]: problems.append("no A4 @page with page numbers: " + r["pageRule"])
if "break-after: avoid" not in r["printRules"]: problems.append("no print rules")
if problems: sys.exit("; ".join(problems))
print(f"800 px: {r['bars']} bars one under another, {r['tables']} tables in their own scroll box; print: {r['pageRule'][:40]}...")
PY
profile=$(mktemp -d)
timeout 120 chromium "${chromium_flags[@]}" --user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$work/report.pdf" \
  "file://$work/report.html" >/dev/null 2>&1 || fail "chromium --print-to-pdf"
rm -rf "$profile"
/usr/bin/python3 - report.pdf <<'PY' || fail "the PDF"
import re, sys
pdf = open(sys.argv[1], "rb").read()
pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
boxes = {tuple(round(float(v)) for v in m) for m in re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)}
if pages < 3: sys.exit(f"{pages} pages")
if boxes != {(595, 842)} and boxes != {(596, 843)}: sys.exit(f"page sizes {boxes}, not A4 (595 x 842 pt)")
print(f"PDF: {pages} A4 pages")
PY
