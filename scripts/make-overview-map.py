#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Draws data/xinhua/overview.svg from the dataset's own GeoJSON (standard library only).

    python3 scripts/make-overview-map.py [DATA_DIR] [OUT_SVG]

The README of data/xinhua opens with this picture; scripts/make-xinhua-data.py
calls it again whenever the data is regenerated, so the two never drift apart.
"""
import json
import math
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "data", "xinhua")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(DATA, "overview.svg")

W, H, PAD = 1400, 900, 30
LAT0 = 33.77
KX = math.cos(math.radians(LAT0))


def load(name):
    with open(os.path.join(DATA, name + ".geojson"), encoding="utf-8") as f:
        return json.load(f)["features"]


boundary = load("boundary")
xs, ys = [], []
for ring in boundary[0]["geometry"]["coordinates"] if boundary[0]["geometry"]["type"] == "Polygon" else \
        [r for p in boundary[0]["geometry"]["coordinates"] for r in p]:
    for lon, lat in ring:
        xs.append(lon * KX)
        ys.append(lat)
minx, maxx, miny, maxy = min(xs), max(xs), min(ys), max(ys)
map_w, map_h = W - 2 * PAD - 260, H - 2 * PAD - 40
scale = min(map_w / (maxx - minx), map_h / (maxy - miny))


def px(lon, lat):
    return (PAD + (lon * KX - minx) * scale, PAD + 40 + (maxy - lat) * scale)


def path_of(geom):
    t, c = geom["type"], geom["coordinates"]
    rings = []
    if t == "Polygon":
        rings = c
    elif t == "MultiPolygon":
        rings = [r for p in c for r in p]
    elif t == "LineString":
        return "M" + " L".join("%.1f,%.1f" % px(*p) for p in c)
    elif t == "MultiLineString":
        return " ".join("M" + " L".join("%.1f,%.1f" % px(*p) for p in line) for line in c)
    return " ".join("M" + " L".join("%.1f,%.1f" % px(*p) for p in r) + " Z" for r in rings)


def centroid(geom):
    pts = []
    c = geom["coordinates"]
    if geom["type"] == "Polygon":
        pts = c[0]
    elif geom["type"] == "MultiPolygon":
        pts = max((p[0] for p in c), key=len)
    elif geom["type"] == "LineString":
        pts = c
    return px(sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))


ZONE_COLOURS = {"文化旅游休闲区": "#f3e3c3", "生态产业区": "#d9ecc8", "商贸科创区": "#d4e4f4", "商业商务区": "#f6d3d0"}
ECO_COLOURS = {"带": "#2e7d32", "区": "#c0a000", "核": "#00897b", "廊": "#1e88e5"}
SERVICE_COLOURS = {"区": "#8e24aa", "圈": "#ef6c00", "带": "#6d4c41", "楼宇": "#000000"}
STATUS_COLOURS = {"completed": "#2e7d32", "under_construction": "#f9a825", "planned": "#9e9e9e"}

out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
       'font-family="Noto Sans CJK SC, WenQuanYi Zen Hei, sans-serif">',
       f'<rect width="{W}" height="{H}" fill="#ffffff"/>',
       f'<text x="{PAD}" y="{PAD + 10}" font-size="22" font-weight="bold">新华区“十四五”规划空间要素 — 示意数据 '
       '(schematic geometry, illustrative statuses)</text>']
for f in load("functional_zones"):
    name = f["properties"]["name"]
    out.append(f'<path d="{path_of(f["geometry"])}" fill="{ZONE_COLOURS.get(name, "#eeeeee")}" stroke="#888" stroke-width="1"/>')
for f in load("water"):
    out.append(f'<path d="{path_of(f["geometry"])}" fill="#64b5f6" stroke="none"/>')
for f in load("eco_structure"):
    kind = f["properties"]["kind"]
    colour = ECO_COLOURS[kind]
    fill = "none" if kind in ("带", "区") else colour
    opacity = "0.35" if kind != "带" else "0"
    dash = ' stroke-dasharray="8,4"' if kind in ("带", "区") else ""
    out.append(f'<path d="{path_of(f["geometry"])}" fill="{fill}" fill-opacity="{opacity}" stroke="{colour}" stroke-width="2"{dash}/>')
for f in load("service_layout"):
    kind = f["properties"]["kind"]
    colour = SERVICE_COLOURS[kind]
    if kind == "楼宇":
        out.append(f'<path d="{path_of(f["geometry"])}" fill="#000" stroke="#000" stroke-width="3"/>')
        continue
    dash = ' stroke-dasharray="3,3"' if kind == "圈" else ""
    out.append(f'<path d="{path_of(f["geometry"])}" fill="none" stroke="{colour}" stroke-width="1.6"{dash}/>')
for f in load("roads"):
    kind = f["properties"].get("kind")
    width = {"主干路": 1.6, "次干路": 1.0, "支路": 0.5, "铁路": 1.8}.get(kind, 0.8)
    dash = ' stroke-dasharray="6,3"' if kind == "铁路" else ""
    out.append(f'<path d="{path_of(f["geometry"])}" fill="none" stroke="#555" stroke-width="{width}"{dash}/>')
for f in load("projects"):
    st = f["properties"]["status"]
    out.append(f'<path d="{path_of(f["geometry"])}" fill="{STATUS_COLOURS[st]}" fill-opacity="0.85" stroke="#222" stroke-width="0.6"/>')
out.append(f'<path d="{path_of(boundary[0]["geometry"])}" fill="none" stroke="#c62828" stroke-width="3"/>')
for f in load("functional_zones"):
    x, y = centroid(f["geometry"])
    out.append(f'<text x="{x:.0f}" y="{y:.0f}" font-size="20" fill="#333" text-anchor="middle" opacity="0.8">{f["properties"]["name"]}</text>')
for f in load("eco_structure"):
    if f["properties"]["kind"] == "核":
        x, y = centroid(f["geometry"])
        out.append(f'<text x="{x:.0f}" y="{y - 8:.0f}" font-size="13" fill="#00695c" text-anchor="middle">{f["properties"]["name"]}</text>')
for f in load("service_layout"):
    if f["properties"]["kind"] == "区":
        x, y = centroid(f["geometry"])
        out.append(f'<text x="{x:.0f}" y="{y + 16:.0f}" font-size="13" fill="#6a1b9a" text-anchor="middle">{f["properties"]["name"]}</text>')

# legend
lx, ly = W - 270, 90
items = [("rect", c, n) for n, c in ZONE_COLOURS.items()] + [("line", "#c62828", "行政区界 (legal boundary)")] + \
        [("rect", "#64b5f6", "水系 water")] + [("line", c, "生态 " + k) for k, c in ECO_COLOURS.items()] + \
        [("line", c, "服务业 " + k) for k, c in SERVICE_COLOURS.items()] + \
        [("rect", c, "项目 " + s) for s, c in STATUS_COLOURS.items()] + [("line", "#555", "道路 / 铁路")]
out.append(f'<text x="{lx}" y="{ly - 20}" font-size="16" font-weight="bold">图例 Legend</text>')
for i, (shape, colour, label) in enumerate(items):
    y = ly + i * 24
    if shape == "rect":
        out.append(f'<rect x="{lx}" y="{y - 12}" width="22" height="14" fill="{colour}" stroke="#888"/>')
    else:
        out.append(f'<line x1="{lx}" y1="{y - 5}" x2="{lx + 22}" y2="{y - 5}" stroke="{colour}" stroke-width="3"/>')
    out.append(f'<text x="{lx + 30}" y="{y}" font-size="14">{label}</text>')
# scale bar (5 km) and north arrow
km = 1000.0 / 111320.0 * scale  # pixels per km along a meridian
sx, sy = PAD + 10, H - PAD
out.append(f'<rect x="{sx}" y="{sy - 8}" width="{5 * km:.1f}" height="6" fill="#333"/>')
out.append(f'<text x="{sx}" y="{sy - 14}" font-size="13">0</text><text x="{sx + 5 * km:.1f}" y="{sy - 14}" font-size="13" text-anchor="middle">5 km</text>')
nx, ny = W - 60, H - 110
out.append(f'<path d="M{nx},{ny} l12,34 l-12,-8 l-12,8 Z" fill="#333"/><text x="{nx}" y="{ny + 54}" font-size="16" text-anchor="middle">N</text>')
out.append(f'<text x="{PAD}" y="{H - 8}" font-size="12" fill="#666">Illustrative data drawn from the plan\'s siting words and GEOGRAPHY.md; '
           'not surveyed. Regenerate: python3 scripts/make-overview-map.py</text>')
out.append("</svg>")
tmp = OUT + ".tmp"
with open(tmp, "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
os.replace(tmp, OUT)
print(f"wrote {OUT}")
