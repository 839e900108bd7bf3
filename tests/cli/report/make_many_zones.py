#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""A district of COLS x ROWS functional zones whose names no catalog category lists.

    make_many_zones.py OUT_DIR COLS ROWS

Copies the mini fixture (a 1 km square, tests/fixtures/mini) to OUT_DIR and replaces its two
zones by a grid of COLS x ROWS rectangles tiling the district, named 西区 (the mini targets
measure it), 第2片区, 第3片区, ... (in rows from the south-west), so every zone is drawn with a catch-all colour and labels crowd.
"""
import json
import os
import shutil
import sys

out, cols, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fixtures", "mini")
shutil.copytree(src, out)
x0, y0, size = 430000.0, 3740000.0, 1000.0
w, h = size / cols, size / rows
features = []
for r in range(rows):
    for c in range(cols):
        n = r * cols + c + 1
        # The mini targets and rules name 西区: the first zone keeps that name.
        name = "西区" if n == 1 else f"第{n}片区"
        a, b = x0 + c * w, y0 + r * h
        features.append({"type": "Feature", "properties": {"id": f"Z{n}", "name": name, "name_en": f"Zone {n}"},
                         "geometry": {"type": "Polygon", "coordinates": [[[a, b], [a + w, b], [a + w, b + h], [a, b + h], [a, b]]]}})
with open(os.path.join(out, "functional_zones.geojson"), "w", encoding="utf-8") as f:
    json.dump({"type": "FeatureCollection", "name": "functional_zones",
               "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4547"}}, "features": features}, f, ensure_ascii=False)
print(f"{len(features)} zones in {out}")
