#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Checks that headless Chromium rendered the report's map, not just loaded a file.

    check_report_render.py DOM.html SCREENSHOT.png

DOM: the map SVG is in the rendered document with its layers, projects by status, conflicts
numbered as in the list, legend (land use in the national classes), roads and water named, parcels'
land use on hover, scale bar and north arrow. Pixels: the screenshot shows the district boundary red,
completed-project green and conflict hatching red in the map's area, and is not blank.
"""
import re
import sys

from PIL import Image

dom = open(sys.argv[1], encoding="utf-8").read()
problems = []
m = re.search(r'<svg id="map".*?</svg>', dom, re.S)
if not m:
    sys.exit("no <svg id=\"map\"> in the rendered DOM")
svg = m.group(0)
for cls in ("functional_zones", "eco_structure", "service_layout", "projects", "conflicts", "boundary", "legend", "scalebar", "north"):
    if f'class="{cls}"' not in svg:
        problems.append(f"map lacks its {cls} group")
paths = svg.count("<path")
if paths < 200:
    problems.append(f"only {paths} paths in the map")
if svg.count('class="conflict"') < 3:
    problems.append("fewer than 3 conflicts drawn")
for status in ("completed", "under_construction", "planned"):
    if f'class="project {status}"' not in svg:
        problems.append(f"no {status} project drawn")
# Conflicts numbered on the map as in the list; land use in the national colours with a legend;
# roads and water named; parcels named by their land-use code on hover.
numbers = re.search(r'<g class="conflict-numbers".*?</g>', svg, re.S)
listed = len(re.findall(r'<li><span class="number">', dom))
if not numbers or numbers.group(0).count("<circle") < 3 or numbers.group(0).count("<circle") > listed:
    problems.append(f"conflicts not numbered on the map as in the list ({listed} listed)")
if "用地用海分类" not in svg:
    problems.append("no land-use legend")
labels = re.search(r'<g class="labels".*?</g>', svg, re.S)
label_text = labels.group(0) if labels else ""
for name in ("建设路", "白龟湖"):
    if f">{name}</text>" not in label_text:
        problems.append(f"{name} not named on the map")
parcels = re.search(r'<g class="parcels">(.*?)</g>', svg, re.S)
if not parcels or not re.search(r"<title>\d{2,4} [^<]*用地", parcels.group(1)):
    problems.append("parcels not named by their land-use code and class on hover")

img = Image.open(sys.argv[2]).convert("RGB")
w, h = img.size
counts = {"boundary": 0, "completed": 0, "white": 0}
targets = {"boundary": (0xC6, 0x28, 0x28), "completed": (0x2E, 0x7D, 0x32)}
px = img.load()
for y in range(0, h, 2):
    for x in range(0, w, 2):
        p = px[x, y]
        if p[0] > 245 and p[1] > 245 and p[2] > 245:
            counts["white"] += 1
        for name, t in targets.items():
            if all(abs(p[i] - t[i]) <= 12 for i in range(3)):
                counts[name] += 1
total = (w // 2) * (h // 2)
if counts["boundary"] < 200:
    problems.append(f"district boundary red barely visible ({counts['boundary']} samples)")
if counts["completed"] < 100:
    problems.append(f"completed projects barely visible ({counts['completed']} samples)")
if counts["white"] > 0.97 * total:
    problems.append("screenshot is blank")
if problems:
    sys.exit("; ".join(problems))
print(f"rendered: {paths} paths; boundary {counts['boundary']}, completed {counts['completed']} samples of {total}")
