#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Draw the bundled Xinhua dataset (data/xinhua/*.geojson) from the anchors below.

Everything here is schematic: the plan (seed) has names, targets and siting words
but no coordinates. Anchors are placed from GEOGRAPHY.md (S/D facts where it has
them) and from the plan's own words where it is silent; each anchor says which.
Statuses, completion years and built floor areas are illustrative.

Deterministic: the same script on the same GDAL/GEOS gives the same bytes
(no randomness but a hash of stable keys; coordinates rounded to 1e-7 degree).

Run with Debian's interpreter (it needs GDAL's Python bindings):
    /usr/bin/python3 scripts/make-xinhua-data.py [OUTDIR]
"""
import hashlib
import json
import math
import os
import sys
import tomllib

from osgeo import gdal, ogr, osr

ogr.UseExceptions()
osr.UseExceptions()
gdal.PushErrorHandler("CPLQuietErrorHandler")  # validity notices are handled below

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "data", "xinhua")

with open(os.path.join(ROOT, "layers", "service_layout.toml"), "rb") as f:
    SERVICE_PARAMS = tomllib.load(f)["parameters"]
with open(os.path.join(ROOT, "layers", "eco_structure.toml"), "rb") as f:
    ECO_PARAMS = tomllib.load(f)["parameters"]

# --- CRS helpers: construct in EPSG:4547 metres, store in lon/lat -------------
_wgs = osr.SpatialReference()
_wgs.ImportFromEPSG(4326)
_wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
_gk = osr.SpatialReference()
_gk.ImportFromEPSG(4547)
_gk.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
TO_M = osr.CoordinateTransformation(_wgs, _gk)
TO_LL = osr.CoordinateTransformation(_gk, _wgs)


DENSIFY_M = 100.0


def m(lon, lat):
    x, y, _ = TO_M.TransformPoint(lon, lat)
    return (x, y)


def line(*lonlat):
    g = ogr.Geometry(ogr.wkbLineString)
    for lon, lat in lonlat:
        g.AddPoint_2D(*m(lon, lat))
    return g


def poly(*lonlat):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    pts = list(lonlat)
    if pts[0] != pts[-1]:
        pts.append(pts[0])
    for lon, lat in pts:
        ring.AddPoint_2D(*m(lon, lat))
    g = ogr.Geometry(ogr.wkbPolygon)
    g.AddGeometry(ring)
    # Vertices every 100 m: a long straight metric edge is not straight in lon/lat,
    # and shared vertices keep neighbours (zones, clipped features) exactly adjacent
    # after the round trip through lon/lat storage.
    g.Segmentize(DENSIFY_M)
    return g


def rect(lon0, lat0, lon1, lat1):
    return poly((lon0, lat0), (lon1, lat0), (lon1, lat1), (lon0, lat1))


def box_m(x0, y0, x1, y1):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)):
        ring.AddPoint_2D(x, y)
    g = ogr.Geometry(ogr.wkbPolygon)
    g.AddGeometry(ring)
    return g


def footprint(lon, lat, w, h):
    """A w x h metre rectangle centred on (lon, lat)."""
    x, y = m(lon, lat)
    return box_m(x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def polygonal(g, min_area=0.01):
    """Only the polygon parts of g, as a MultiPolygon (clipping can leave lines);
    parts under min_area (in g's units squared) are dropped as clipping slivers."""
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    if g is None or g.IsEmpty():
        return out
    t = ogr.GT_Flatten(g.GetGeometryType())
    if t == ogr.wkbPolygon:
        if g.GetArea() > min_area:
            out.AddGeometry(g)
    elif t in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        for i in range(g.GetGeometryCount()):
            sub = polygonal(g.GetGeometryRef(i), min_area)
            for j in range(sub.GetGeometryCount()):
                out.AddGeometry(sub.GetGeometryRef(j))
    return out


def lineal(g):
    out = ogr.Geometry(ogr.wkbMultiLineString)
    t = ogr.GT_Flatten(g.GetGeometryType())
    if t == ogr.wkbLineString:
        out.AddGeometry(g)
    elif t in (ogr.wkbMultiLineString, ogr.wkbGeometryCollection):
        for i in range(g.GetGeometryCount()):
            sub = lineal(g.GetGeometryRef(i))
            for j in range(sub.GetGeometryCount()):
                out.AddGeometry(sub.GetGeometryRef(j))
    return out


def unit(key):
    """A stable pseudo-random number in [0, 1) from a key."""
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) / 2**32


def to_lonlat_coords(g):
    """GeoJSON coordinates (lon/lat, 7 decimals) for a metric OGR geometry."""
    t = ogr.GT_Flatten(g.GetGeometryType())

    def pts(geom):
        out = []
        for i in range(geom.GetPointCount()):
            x, y = geom.GetX(i), geom.GetY(i)
            lon, lat, _ = TO_LL.TransformPoint(x, y)
            out.append([round(lon, 7), round(lat, 7)])
        return out

    if t == ogr.wkbPolygon:
        return "Polygon", [pts(g.GetGeometryRef(i)) for i in range(g.GetGeometryCount())]
    if t == ogr.wkbMultiPolygon:
        return "MultiPolygon", [
            [pts(p.GetGeometryRef(i)) for i in range(p.GetGeometryCount())]
            for p in (g.GetGeometryRef(k) for k in range(g.GetGeometryCount()))
        ]
    if t == ogr.wkbLineString:
        return "LineString", pts(g)
    if t == ogr.wkbMultiLineString:
        return "MultiLineString", [pts(g.GetGeometryRef(k)) for k in range(g.GetGeometryCount())]
    raise ValueError(f"unexpected geometry {g.GetGeometryName()}")


def clean_rounded(multipolygon):
    """Round to 1e-7 degree, then drop repeated points and the rings that collapse."""
    out = []
    for polygon in multipolygon:
        rings = []
        for ring in polygon:
            pts = []
            for x, y in ring:
                p = [round(x, 7), round(y, 7)]
                if not pts or pts[-1] != p:
                    pts.append(p)
            if len(pts) >= 4 and pts[0] == pts[-1]:
                rings.append(pts)
        if rings and len(rings[0]) >= 4:
            out.append(rings)
    return out


def write_layer(name, features):
    """features: list of (properties dict, metric geometry). One feature per line."""
    lines = []
    for props, geom in features:
        gtype, coords = to_lonlat_coords(geom)
        if gtype in ("Polygon", "MultiPolygon"):
            # Rounding to 1e-7 degree can pinch a ring where two edges nearly touch;
            # repair here so the bundled data needs no repair at build time.
            stored = ogr.CreateGeometryFromJson(json.dumps({"type": gtype, "coordinates": coords}))
            if not stored.IsValid():
                fixed = polygonal(stored.MakeValid(), 0.0)
                gtype, coords = "MultiPolygon", json.loads(fixed.ExportToJson())["coordinates"]
                coords = clean_rounded(coords)
        lines.append(json.dumps({"type": "Feature", "properties": props,
                                 "geometry": {"type": gtype, "coordinates": coords}},
                                ensure_ascii=False, separators=(",", ":")))
    text = ('{"type":"FeatureCollection","name":' + json.dumps(name) +
            ',"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[\n' +
            ",\n".join(lines) + "\n]}\n")
    path = os.path.join(OUT, name + ".geojson")
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)
    return len(features)


SCHEMATIC = "schematic"       # geometry drawn by us, placed per plan / GEOGRAPHY.md
REFERENCE = "reference"       # GEOGRAPHY.md's reference outline / stated position

# --- 1. Boundary: the legal boundary (GEOGRAPHY.md reference outline) ----------
BOUNDARY_LL = [[113.3018, 33.7301], [113.2726, 33.7323], [113.2626, 33.7375], [113.2619, 33.742], [113.2532, 33.7536], [113.2512, 33.7592], [113.2476, 33.7575], [113.2422, 33.7583], [113.2323, 33.7534], [113.2173, 33.7607], [113.215, 33.7595], [113.2152, 33.7569], [113.2271, 33.7486], [113.2277, 33.7385], [113.2312, 33.7327], [113.2319, 33.7257], [113.2379, 33.7247], [113.2411, 33.7383], [113.246, 33.7353], [113.2432, 33.7267], [113.2449, 33.7213], [113.2396, 33.7088], [113.237, 33.7074], [113.2245, 33.7048], [113.2186, 33.708], [113.1573, 33.7177], [113.1562, 33.7233], [113.1534, 33.7199], [113.1548, 33.719], [113.1531, 33.7194], [113.1552, 33.718], [113.1534, 33.7179], [113.1542, 33.7164], [113.1445, 33.7171], [113.1311, 33.7151], [113.1239, 33.7258], [113.1173, 33.7274], [113.1062, 33.7262], [113.101, 33.7285], [113.0765, 33.7516], [113.0707, 33.7695], [113.0702, 33.7839], [113.0641, 33.787], [113.0648, 33.7985], [113.0775, 33.8177], [113.0901, 33.8233], [113.0923, 33.8309], [113.0952, 33.8335], [113.1038, 33.8334], [113.1145, 33.829], [113.1211, 33.824], [113.1279, 33.8095], [113.1315, 33.8077], [113.1404, 33.8131], [113.1661, 33.8151], [113.1761, 33.8197], [113.1982, 33.8126], [113.2007, 33.8155], [113.2121, 33.8152], [113.2124, 33.8135], [113.2178, 33.8133], [113.2177, 33.8111], [113.2251, 33.8105], [113.2341, 33.8068], [113.2323, 33.8066], [113.2327, 33.8046], [113.2401, 33.8033], [113.242, 33.8009], [113.2549, 33.7953], [113.2806, 33.787], [113.2866, 33.7647], [113.2905, 33.7628], [113.2926, 33.7582], [113.3056, 33.7582], [113.3073, 33.7568], [113.3034, 33.747], [113.3018, 33.7301]]
DISTRICT = poly(*[tuple(p) for p in BOUNDARY_LL]).MakeValid()


def clip(g):
    return polygonal(g.Intersection(DISTRICT))


# --- 2. Roads (lon/lat). Certainty: S/D where GEOGRAPHY.md states the course. ---
ROADS = [
    # id, name, kind, points, certainty note
    ("R01", "建设路", "主干路", [(113.3022, 33.7395), (113.2680, 33.7395), (113.2590, 33.7525), (113.2540, 33.7610), (113.2490, 33.7625),
                               (113.2300, 33.7620), (113.2200, 33.7650), (113.1950, 33.7680), (113.1700, 33.7680)],
     "old-city course S (government at No. 277); the western run as 新老城区连接带 is schematic, kept inside the district north of the 湛河区 salient"),
    ("R02", "矿工路", "主干路", [(113.2620, 33.7480), (113.3025, 33.7480)], "north of 建设路 (S); position schematic"),
    ("R03", "中兴路", "主干路", [(113.2880, 33.7318), (113.2880, 33.7615)], "north-south, crosses 建设路 and 矿工路, reaches 湛河 (S)"),
    ("R04", "光明路", "主干路", [(113.2685, 33.7352), (113.2700, 33.7830)], "north-south west of 中兴路; 湛河 bridge at its south end (S)"),
    ("R05", "开源路", "主干路", [(113.3012, 33.7315), (113.3028, 33.7470), (113.3050, 33.7560)], "eastern district boundary (S/D)"),
    ("R06", "平安大道", "主干路", [(113.2560, 33.7560), (113.3040, 33.7560)], "east-west north of 矿工路 (S/E)"),
    ("R07", "平安大道西延", "主干路", [(113.2560, 33.7560), (113.2490, 33.7660), (113.2300, 33.7660)],
     "the plan's 平安大道西延 (专栏9-1): schematic"),
    ("R08", "平郏路", "主干路", [(113.2300, 33.7620), (113.2470, 33.8030)], "runs north-east out of the city west of 新新街, toward 郏县 (S/E); leaves the district"),
    ("R09", "凌云路", "主干路", [(113.2640, 33.7410), (113.2640, 33.7800)], "the plan: 特色商业区 axis between old and new city; schematic"),
    ("R10", "稻香路", "主干路", [(113.2560, 33.7520), (113.2560, 33.7900)], "the plan: divides the eastern core from the west (ch.7 §1); schematic"),
    ("R11", "西环路", "主干路", [(113.2490, 33.7600), (113.2490, 33.7935)], "the plan: between old and new city (西环路北段); schematic"),
    ("R12", "体育路", "次干路", [(113.2800, 33.7330), (113.2800, 33.7720)], "radiates from 中兴路 (plan); schematic"),
    ("R13", "和平路", "次干路", [(113.2950, 33.7310), (113.2950, 33.7570)], "radiates from 中兴路; 和平路步行街 (plan); schematic"),
    ("R14", "园林路", "次干路", [(113.2750, 33.7370), (113.2750, 33.7560)], "怡购城 on 园林路 (D)"),
    ("R15", "联盟路", "次干路", [(113.2700, 33.7445), (113.3030, 33.7445)], "between 矿工路 and 建设路 (S)"),
    ("R16", "九中北街", "支路", [(113.2700, 33.7368), (113.3015, 33.7368)], "between 建设路 and 曙光街 (S)"),
    ("R17", "曙光街", "支路", [(113.2760, 33.7345), (113.3010, 33.7345)], "between 九中北街 and 湛河北路 (S)"),
    ("R18", "湛河北路", "次干路", [(113.2640, 33.7420), (113.2735, 33.7340), (113.3000, 33.7314)], "north bank of 湛河 (S)"),
    ("R19", "北环路", "主干路", [(113.2490, 33.7780), (113.2800, 33.7780)], "北环路改扩建 (专栏7-1); schematic"),
    ("R20", "鹰城大道", "主干路", [(113.0900, 33.7950), (113.1500, 33.7960), (113.2000, 33.7930), (113.2490, 33.7900)],
     "carries the northern eco-tourism belt (ch.7 §1); schematic"),
    ("R21", "新新路", "次干路", [(113.2425, 33.7640), (113.2425, 33.7900)], "east side of 新新湿地 (专栏9-1); schematic"),
    ("R22", "七星路", "次干路", [(113.2380, 33.7575), (113.2380, 33.7640)], "七星路北延 (ch.7 §2); schematic"),
    ("R23", "优胜街", "支路", [(113.2700, 33.7520), (113.2880, 33.7520)], "优胜街工程 (ch.7 §2); schematic"),
    ("R24", "大香山路", "次干路", [(113.2250, 33.7700), (113.1900, 33.8050)], "toward 大香山 (专栏7-1 棚户区); schematic"),
    ("R25", "长安大道", "主干路", [(113.1500, 33.7310), (113.2150, 33.7310)], "new city; 白龟湖湿地公园 south of it (S)"),
    ("R26", "祥云路", "主干路", [(113.1900, 33.7310), (113.1900, 33.7680)], "new city; city government on it (S)"),
    ("R27", "平宝大道", "主干路", [(113.1700, 33.7680), (113.1300, 33.8000), (113.1150, 33.8120)], "new city toward 宝丰 (S); schematic course"),
    ("R28", "湖滨路", "次干路", [(113.2000, 33.7200), (113.2300, 33.7200)], "平顶山学院 on 湖滨路 (S)"),
    ("R29", "孟宝铁路", "铁路", [(113.3062, 33.7500), (113.2900, 33.7560), (113.2700, 33.7650), (113.2500, 33.7760), (113.2200, 33.7880),
                              (113.1800, 33.8000), (113.1300, 33.8180), (113.1050, 33.8300)], "crosses the district SE -> NW (S); course schematic"),
]
# 平煤铁路线: the line north of 新新湿地; its latitude is solved below so that the
# wetland between 平郏路, 新新路, 平安大道西延 and the railway is ~1098.5 亩.


def road_geom(pts):
    return line(*pts)


def pingjia_x(lat):
    (x0, y0), (x1, y1) = (113.2300, 33.7620), (113.2470, 33.8030)
    return x0 + (lat - y0) * (x1 - x0) / (y1 - y0)


XINXIN_MU = 1098.5
MU_M2 = 10000.0 / 15.0


def wetland(north_lat, south_lat=33.7668, east_lon=113.2423):
    return poly((pingjia_x(south_lat) + 0.0002, south_lat), (east_lon, south_lat), (east_lon, north_lat),
                (pingjia_x(north_lat) + 0.0002, north_lat))


lo, hi = 33.7670, 33.7800
for _ in range(60):
    mid = (lo + hi) / 2
    if wetland(mid).GetArea() < XINXIN_MU * MU_M2:
        lo = mid
    else:
        hi = mid
XINXIN = wetland((lo + hi) / 2)
RAIL_LAT = (lo + hi) / 2 + 0.0002
ROADS.append(("R30", "平煤铁路线", "铁路", [(113.2150, RAIL_LAT), (113.2700, RAIL_LAT + 0.0010)],
              "the plan: 新新湿地 lies south of it (专栏9-1); latitude set by the wetland's plan area"))

# --- 3. Water ---------------------------------------------------------------------
def stream_line(pts, target_m=None):
    g = line(*pts)
    if target_m:
        # stretch the last segment so the stream has the plan's length
        n = g.GetPointCount()
        excess = target_m - g.Length()
        x0, y0 = g.GetX(n - 2), g.GetY(n - 2)
        x1, y1 = g.GetX(n - 1), g.GetY(n - 1)
        seg = math.hypot(x1 - x0, y1 - y0)
        k = (seg + excess) / seg
        g.SetPoint_2D(n - 1, x0 + (x1 - x0) * k, y0 + (y1 - y0) * k)
    return g


STREAMS = [
    # id, name, points, target length (m) where the plan gives one, note
    ("S1", "温集沟", [(113.0850, 33.8120), (113.0950, 33.7800), (113.1050, 33.7550), (113.1180, 33.7330)], None, "west lobe; schematic"),
    ("S2", "香山沟", [(113.1850, 33.8140), (113.1880, 33.7980), (113.1930, 33.7830), (113.1990, 33.7700)], 6000.0,
     "from 香山 south; length per 专栏9-1 (长约6000米); course schematic"),
    ("S3", "稻田沟", [(113.2150, 33.8090), (113.2120, 33.7900), (113.2080, 33.7740)], None, "schematic"),
    ("S4", "高庄沟", [(113.1400, 33.8100), (113.1450, 33.7800), (113.1500, 33.7500), (113.1560, 33.7240)], None, "schematic; named after 高庄"),
    ("S5", "西杨村河", [(113.2715, 33.7712), (113.2790, 33.7600), (113.2820, 33.7460), (113.2845, 33.7318)], None,
     "from the south foot of 落凫山 to 湛河, crossing 平安大道, 矿工路, 联盟路, 建设路 (S); ~4.5 km"),
]
ZHANHE = line((113.2600, 33.7440), (113.2620, 33.7420), (113.2730, 33.7330), (113.3020, 33.7300), (113.3080, 33.7298))

WATER = [
    ("W01", "湛河", "河流", clip(ZHANHE.Buffer(45, 4)), "course S/D; 80-90 m of water; clipped to the district, whose boundary follows the river"),
    ("W02", "白龟湖", "湖泊", clip(poly((113.1500, 33.7000), (113.2000, 33.7000), (113.2000, 33.7225), (113.1750, 33.7235), (113.1500, 33.7220))),
     "the lake's shore water inside the district, by 白龟湖湿地公园 (S/E); the dam is the district edge"),
]
for sid, name, pts, target, note in STREAMS:
    WATER.append(("W" + sid, name, "沟渠", clip(stream_line(pts, target).Buffer(8, 4)), "stream bed 16 m wide; " + note))

# --- 4. Four functional zones (四大分区): tile the district by construction ------------
WEST = clip(poly((113.00, 33.60), (113.165, 33.60), (113.165, 33.800), (113.205, 33.800), (113.205, 33.90), (113.00, 33.90)))
rest = DISTRICT.Difference(WEST)
NORTH = polygonal(rest.Intersection(rect(113.00, 33.778, 113.40, 33.90)))
rest = rest.Difference(NORTH)
SOUTH = polygonal(rest.Intersection(rect(113.00, 33.60, 113.2505, 33.90)))
EAST = polygonal(rest.Difference(SOUTH))
ZONES = [
    ("FZ1", "文化旅游休闲区", "", "Culture, tourism and leisure zone", "矿山公园、香山寺和西南侧旅游文化节点", WEST),
    ("FZ2", "生态产业区", "高新技术产业区", "Ecological industry zone", "北部落凫山生态森林", NORTH),
    ("FZ3", "商贸科创区", "", "Trade and science-innovation zone", "南侧平顶山学院等教育基础", SOUTH),
    ("FZ4", "商业商务区", "", "Commerce and business zone", "东侧老城区、平顶山火车站、高铁南站", EAST),
]

# --- 5. Service layout 五区四圈两带一楼宇 -------------------------------------------
CIRCLE_W = SERVICE_PARAMS["circle_half_width_m"]
BELT_W = SERVICE_PARAMS["belt_half_width_m"]
road_by_name = {r[1]: r for r in ROADS}


def road_line(name):
    return road_geom(road_by_name[name][3])


JIANSHE_WEST = line((113.2590, 33.7525), (113.2540, 33.7610), (113.2490, 33.7625), (113.2300, 33.7620), (113.2200, 33.7650), (113.1950, 33.7680))
YINGCHENG = road_line("鹰城大道")

SERVICE = [
    ("SL01", "生态智慧城区", "区", "", "Eco-smart city area", clip(rect(113.1950, 33.7620, 113.2220, 33.7790)),
     "新老城区连接节点；沉陷区综合治理示范 (ch.4 §4); schematic"),
    ("SL02", "特色商业区", "区", "凌云路", "Featured commercial area",
     clip(poly((113.2480, 33.7600), (113.2560, 33.7520), (113.2635, 33.7405), (113.2790, 33.7405), (113.2790, 33.7525),
               (113.2700, 33.7600), (113.2660, 33.7720), (113.2480, 33.7720))),
     "依托怡购城、九天城、西高皇三大片区 along 凌云路 (ch.4 §4); schematic"),
    ("SL03", "平西现代物流园区", "区", "", "Pingxi modern logistics park", clip(rect(113.1100, 33.7560, 113.1380, 33.7720)),
     "依托华耀城 (ch.4 §4); west of the city, schematic"),
    ("SL04", "中心休闲商业区", "区", "中兴路", "Central leisure commercial area", clip(rect(113.2830, 33.7380, 113.2960, 33.7500)),
     "群星汇中心城、名门城市广场; 中兴路周边 (ch.4 §4); schematic"),
    ("SL05", "大香山风景旅游区", "区", "", "Daxiangshan scenic tourism area", clip(rect(113.1400, 33.8000, 113.2050, 33.8300)),
     "香山文旅小镇、大香山文创产业园、树雕艺术博物馆 on 大香山 (ch.4 §4; 香山 per GEOGRAPHY.md S/D)"),
    ("SL06", "中兴路商圈", "圈", "中兴路", "Zhongxing Road business circle", clip(road_line("中兴路").Buffer(CIRCLE_W, 8)),
     "以中兴路为轴线 (ch.4 §4); buffer of the axis"),
    ("SL07", "凌云路商圈", "圈", "凌云路", "Lingyun Road business circle", clip(road_line("凌云路").Buffer(CIRCLE_W, 8)),
     "以凌云路为轴线 (ch.4 §4); buffer of the axis"),
    ("SL08", "西环路商圈", "圈", "西环路", "Xihuan Road business circle", clip(road_line("西环路").Buffer(CIRCLE_W, 8)),
     "以西环路为轴线, “隆起”商圈 (ch.4 §4); buffer of the axis"),
    ("SL09", "平郏路商圈", "圈", "平郏路", "Pingjia Road business circle", clip(road_line("平郏路").Buffer(CIRCLE_W, 8)),
     "以平郏路为轴线 (ch.4 §4); buffer of the axis"),
    ("SL10", "北部生态文旅产业带", "带", "鹰城大道", "Northern eco-cultural-tourism belt",
     clip(YINGCHENG.Buffer(1500, 8).Union(rect(113.0600, 33.8000, 113.2500, 33.8400))),
     "大香山文旅产业带; ch.7 §1: 北部（鹰城大道）生态文旅产业带; along 鹰城大道 and the northern hills"),
    ("SL11", "建设路产业带", "带", "建设路", "Jianshe Road industrial belt", clip(JIANSHE_WEST.Buffer(BELT_W, 8)),
     "新老城区连接带 along 建设路 through 西高皇村、焦店村、野王村 (ch.4 §4)"),
]
BUILDINGS = [
    ("SL12", "蓝鲸国际", (113.2830, 33.7399), "建设路"),
    ("SL13", "佳田新天地", (113.2905, 33.7399), "建设路"),
    ("SL14", "春华国际茗都", (113.2975, 33.7399), "建设路"),
    ("SL15", "工行大厦", (113.2884, 33.7455), "中兴路"),
    ("SL16", "基泰大厦", (113.2884, 33.7505), "中兴路"),
]
for bid, name, (lon, lat), road in BUILDINGS:
    SERVICE.append((bid, name, "楼宇", road, "Office building", footprint(lon, lat, 60, 40),
                    f"专栏4-1 item 5: office building on {road}; footprint schematic"))

# Other names the plan gives the same element: ch.4 §4 (line 351) opens with "高标准打造生态智慧社区"
# and sets the targets of "生态智慧城区".
SERVICE_ALIASES = {"SL01": "生态智慧社区"}

# --- 6. Eco structure 一带一区、三核五廊 ---------------------------------------------------
CORRIDOR_W = ECO_PARAMS["corridor_half_width_m"]
MOUNTAIN_BELT = clip(poly((113.0500, 33.8050), (113.1200, 33.8060), (113.1800, 33.8030), (113.2200, 33.7980), (113.2500, 33.7900),
                          (113.2700, 33.7840), (113.2900, 33.7800), (113.2900, 33.8500), (113.0500, 33.8500)))
ECO = [
    ("EC01", "北部山林生态带", "带", "Northern mountain-forest belt", MOUNTAIN_BELT,
     "一带 (ch.9 §1): 香山、龙山、落凫山 along the northern edge (GEOGRAPHY.md S/E)"),
    ("EC02", "田园综合区", "区", "Pastoral complex area", clip(rect(113.0750, 33.7400, 113.1060, 33.7850)),
     "一区 (ch.9 §1); farmland of 滍阳镇 in the west lobe, schematic; west of 平西现代物流园区 (华耀城), which is construction land"),
    ("EC03", "新新湿地", "核", "Xinxin wetland", XINXIN,
     "三核 (ch.9 §1); 平安大道西延北侧、平煤铁路线以南、平郏路以东、新新路以西, ~1098.5 亩 (专栏9-1)"),
    ("EC04", "白鹭洲湿地公园", "核", "Bailuzhou wetland park", clip(rect(113.1700, 33.7350, 113.1880, 33.7460)),
     "三核 (ch.9 §1); location not in the sources: schematic, in the new city on the 香山沟 outfall"),
    ("EC05", "矿山修复公园", "核", "Mine restoration park", clip(rect(113.1480, 33.7800, 113.1640, 33.7920)),
     "三核 (ch.9 §1); on coal-mining subsidence land, schematic (linked with the 矿山公园 of 文化旅游休闲区)"),
]
for i, (sid, name, pts, target, note) in enumerate(STREAMS):
    ECO.append((f"EC{6 + i:02d}", f"{name}滨水绿廊", "廊", f"{name} riparian corridor",
                clip(stream_line(pts, target).Buffer(CORRIDOR_W, 8)),
                "五廊 (ch.9 §1), read as the five streams of ch.9 §2 (our reading); buffer of the stream"))

# --- 6b. Four urban regions 四大区域 (ch.7 §1, lines 437-445) ----------------------------
# "按照稻香路以东中心区域集约高效利用空间、西部区域加快与新城区有机融合、北部（西北部）区域突出生态建设"
# (line 437): the core east of 稻香路, the area between old and new city to its west, the northern
# section of 西环路, and 大香山 in the north / north-west. Edges are ours (schematic).
XIHUAN_NORTH = clip(rect(113.2400, 33.7750, 113.2560, 33.7935))
URBAN_REGIONS = [
    ("UR1", "中兴路、凌云路片区", "Zhongxing Road and Lingyun Road area", "中兴路商贸休闲区、凌云路特色商业区", 439,
     clip(rect(113.2560, 33.7000, 113.3100, 33.7800)), "稻香路以东中心区域 (line 437); north edge at the foot of the northern hills"),
    ("UR2", "新老城区之间片区", "Area between the old and new city", "新老城区之间", 441,
     polygonal(clip(rect(113.1950, 33.7550, 113.2560, 33.7800)).Difference(XIHUAN_NORTH)),
     "west of 稻香路 to the 生态智慧城区 (新老城区连接节点, ch.4 §4)"),
    ("UR3", "西环路北段区域", "Northern section of Xihuan Road", "西环路北段", 443, XIHUAN_NORTH,
     "along 西环路 north of ~33.775° N"),
    ("UR4", "大香山片区", "Daxiangshan area", "大香山风景名胜区；北部（鹰城大道）生态文旅产业带", 445,
     clip(rect(113.0600, 33.7950, 113.2560, 33.8500)), "北部（西北部）区域 (line 437): 大香山 and the 鹰城大道 belt"),
]

# --- 7. Industrial parks 三大园区 ------------------------------------------------------
PARKS = [
    ("IP1", "民营经济创业园", "Private-economy start-up park", clip(rect(113.2030, 33.7830, 113.2150, 33.7920)), "ch.4 §4; schematic"),
    ("IP2", "高新技术产业园", "High-tech industrial park", clip(poly((113.2180, 33.7700), (pingjia_x(33.7700) - 0.0008, 33.7700),
                                                                  (pingjia_x(33.7860) - 0.0008, 33.7860), (113.2180, 33.7860))),
     "平郏路西侧 (ch.4 §4 四圈); schematic"),
    ("IP3", "电子电气产业园", "Electrical and electronics park", clip(rect(113.2500, 33.7790, 113.2620, 33.7870)), "ch.4 §2/§4; schematic"),
]

# --- 8. Projects ------------------------------------------------------------------------
# status / completion_year / built_floor_m2 are illustrative (certainty = illustrative).
P = []


def project(pid, name, category, landuse, geom, source, status, year=None, built=None, invest=None,
            seats=None, units=None, length=None, mu=None, area=None, notes=None):
    P.append((pid, name, category, landuse, geom, source, status, year, built, invest, seats, units, length, mu, area, notes))


fp = footprint
project("P01", "九天城片区", "现代商贸", "0901", clip(rect(113.2565, 33.7530, 113.2640, 33.7598)), "专栏4-1 1", "completed", 2022, 980000.0,
        notes="珠宝玉石主题; 特色商业区三大片区之一")
project("P02", "怡购城片区", "现代商贸", "0901", clip(rect(113.2700, 33.7420, 113.2745, 33.7480)), "专栏4-1 1", "completed", 2021, 360000.0,
        notes="购物休闲主题; 怡购城 on 园林路 (GEOGRAPHY.md D)")
project("P03", "中心城区进口商品折扣店集群", "现代商贸", "0901", fp(113.2910, 33.7470, 160, 120), "专栏4-1 1; ch.7 §2 (群星汇中心城)",
        "completed", 2023, 38000.0, notes="在群星汇中心城")
project("P04", "香山文旅小镇", "文旅农旅", "0901", clip(rect(113.1650, 33.8050, 113.1780, 33.8120)), "专栏4-1 2; ch.4 §4", "under_construction",
        notes="大香山风景旅游区")
project("P05", "大香山国学文化园", "文旅农旅", "0803", clip(rect(113.1925, 33.8045, 113.2000, 33.8095)), "专栏4-1 2; 专栏10-2 2 (香山国学文化园项目)",
        "under_construction")
project("P06", "根雕博物馆", "文旅农旅", "0803", fp(113.1560, 33.8030, 160, 120), "专栏4-1 2; ch.4 §4 (树雕艺术博物馆); 专栏10-2 2",
        "completed", 2022, 9000.0, notes="the plan also calls it 树雕艺术博物馆 / 树雕博物馆")
project("P07", "石桥营村明清故居文化村落", "文旅农旅", "0703", clip(rect(113.0950, 33.7900, 113.1020, 33.7950)), "专栏4-1 2", "under_construction",
        notes="village position not in the sources: schematic")
project("P08", "平郏路沿线名优特色种植", "文旅农旅", "0201", clip(road_line("平郏路").Buffer(120, 4).Intersection(rect(113.2380, 33.7880, 113.2500, 33.8100))),
        "专栏4-1 2", "completed", 2023, notes="依托玉山林果种植专业合作社等种植基地")
project("P09", "人力资源产业园", "人力资源", "0902", clip(rect(113.2120, 33.7640, 113.2180, 33.7690)), "专栏4-1 3; ch.3 §3", "completed", 2023,
        62000.0)
project("P10", "科技服务产业园", "创意设计", "0902", clip(rect(113.2495, 33.7620, 113.2550, 33.7680)), "专栏4-1 4; ch.4 §4 (特色商业区)",
        "planned", invest=500000.0, notes="省级服务专业园区; 累计总投资目标 50亿元; 专栏4-1 only asks to 谋划 it")
project("P11", "金融街", "现代金融", "0902", clip(road_line("中兴路").Buffer(60, 4).Intersection(rect(113.28, 33.7400, 113.30, 33.7480))),
        "专栏4-1 5; ch.4 §1", "under_construction", notes="以凌云路、中兴路为轴线")
project("P12", "区域物流基地（华耀城）", "智慧物流", "1101", clip(rect(113.1150, 33.7600, 113.1300, 33.7680)), "专栏4-1 6; ch.4 §4",
        "completed", 2022, 210000.0, notes="依托华耀城项目")
project("P13", "电商物流分拨中心", "智慧物流", "1101", clip(rect(113.2440, 33.7820, 113.2480, 33.7860)), "专栏4-1 6", "planned",
        notes="专栏4-1 gives it no site: placed schematically by 西环路, whose 商圈 text names 商贸物流")
project("P14", "河南国碳纳米科技有限公司智能化改造", "高新技术", "1001", clip(rect(113.2200, 33.7720, 113.2260, 33.7760)), "专栏4-2 2",
        "completed", 2022, notes="in 高新技术产业园 (纳米技术)")
project("P15", "平顶山市智能装备制造基地", "高新技术", "1001", clip(rect(113.2200, 33.7780, 113.2280, 33.7840)), "专栏4-2 3; ch.4 §2",
        "under_construction")
project("P16", "新华区大数据共享交换中心（新华区城市大脑指挥运营中心）", "数字经济", "0801", fp(113.2930, 33.7410, 80, 60), "专栏4-2 4",
        "completed", 2023, 12000.0, notes="near the district government, 建设路277号 (GEOGRAPHY.md D)")
project("P17", "野王片区大数据中心和数字产业园", "数字经济", "1001", clip(rect(113.2020, 33.7705, 113.2062, 33.7760)), "ch.4 §1 (依托野王片区)",
        "under_construction", notes="in 野王片区, 生态智慧城区")
project("P18", "新华产业新城", "高新技术", "1001", clip(rect(113.1960, 33.7800, 113.2020, 33.7860)), "ch.4 §2", "planned",
        notes="site not in the plan: schematic, north of 野王")
project("P19", "西高皇稻香路城市景观建设", "城市道路", "1401", clip(road_line("稻香路").Buffer(30, 4).Intersection(rect(113.25, 33.7600, 113.26, 33.7700))),
        "专栏7-1 1; ch.7 §3", "completed", 2024)
project("P20", "北环路改扩建项目", "城市道路", "1207", clip(road_line("北环路").Buffer(25, 4)), "专栏7-1 1; ch.7 §3", "under_construction",
        length=road_line("北环路").Length())
project("P21", "优胜街工程", "城市道路", "1207", clip(road_line("优胜街").Buffer(15, 4)), "ch.7 §2", "under_construction",
        length=road_line("优胜街").Length(), notes="the plan only asks to 开工 it (line 451): at most under construction")
project("P22", "七星路北延工程", "城市道路", "1207", clip(road_line("七星路").Buffer(20, 4)), "ch.7 §2", "under_construction",
        length=road_line("七星路").Length())
project("P23", "稻香路北延", "城市道路", "1207", clip(line((113.2560, 33.7780), (113.2560, 33.7900)).Buffer(20, 4)), "ch.7 §2 (完成稻香路北延征迁任务)",
        "planned", length=line((113.2560, 33.7780), (113.2560, 33.7900)).Length())
project("P24", "东方生态智慧城", "城区开发", "0701", clip(rect(113.1960, 33.7625, 113.2110, 33.7700)), "专栏7-1 3", "completed", 2024, 780000.0,
        notes="in 生态智慧城区; crosses the 香山沟 corridor")
project("P25", "名门城市商务区", "城区开发", "0902", fp(113.2860, 33.7430, 200, 150), "专栏7-1 3", "completed", 2022, 96000.0,
        notes="by 名门城市广场")
project("P26", "怡购城二期", "城区开发", "0901", clip(rect(113.2752, 33.7425, 113.2785, 33.7470)), "专栏7-1 3; ch.7 §2", "completed", 2024, 240000.0,
        notes="by 怡购城 on 园林路")
project("P27", "百汇国贸二期", "城区开发", "0901", fp(113.2930, 33.7530, 180, 120), "专栏7-1 3; ch.7 §2", "completed", 2023, 85000.0)
project("P28", "光明盛世", "城区开发", "0701", clip(rect(113.2690, 33.7500, 113.2730, 33.7540)), "专栏7-1 3; ch.7 §2", "completed", 2022, 120000.0,
        notes="on 光明路")
project("P29", "建业光明府", "城区开发", "0701", clip(rect(113.2720, 33.7525, 113.2760, 33.7565)), "专栏7-1 3; ch.7 §2", "under_construction",
        notes="on 光明路; its red line overlaps 光明盛世's")
project("P30", "绿都时代天街二期", "城区开发", "0901", fp(113.2570, 33.7780, 200, 160), "专栏7-1 3", "completed", 2025, 110000.0)
project("P31", "大唐紫辰院", "城区开发", "0701", clip(rect(113.2340, 33.7580, 113.2400, 33.7620)), "专栏7-1 3", "completed", 2023, 90000.0)
project("P32", "檀宫二期", "城区开发", "0701", fp(113.2970, 33.7440, 150, 120), "专栏7-1 3", "under_construction")
project("P33", "豪景湾二期", "城区开发", "0701", clip(rect(113.2610, 33.7800, 113.2660, 33.7840)), "专栏7-1 3", "planned",
        notes="north of 北环路 in 生态产业区")
project("P34", "香山沟综合整治", "水污染防治", "1705", clip(stream_line(STREAMS[1][2], 6000.0).Buffer(30, 4)), "专栏9-1 2", "under_construction",
        invest=25000.0, length=6000.0)
project("P35", "新新湿地综合治理", "水污染防治", "0504", XINXIN.Clone(), "专栏9-1 2", "under_construction", invest=35000.0, mu=XINXIN_MU)
project("P36", "第五十五中学整体改建", "教育", "0804", fp(113.2850, 33.7480, 120, 90), "专栏10-1", "completed", 2023, 9800.0, 2700.0, seats=385)
project("P37", "中心路小学南教学楼", "教育", "0804", fp(113.2990, 33.7400, 70, 50), "专栏10-1", "completed", 2022, 7200.0, 2300.0, seats=900,
        notes="the plan writes its floor area as “7200万元” (a unit slip); read as 7200 m²")
project("P38", "建设街小学改建", "教育", "0804", fp(113.2780, 33.7385, 90, 70), "专栏10-1; ch.10 §3 (统筹谋划)", "planned", invest=3500.0, seats=605)
project("P39", "新新街小学改扩建", "教育", "0804", fp(113.2580, 33.7700, 100, 80), "专栏10-1; ch.10 §3 (统筹谋划)", "planned", invest=3000.0, seats=880)
project("P40", "龙门口小学教师周转房", "教育", "0804", fp(113.2150, 33.7955, 50, 30), "专栏10-1; ch.10 §3", "completed", 2022, units=18,
        notes="龙门口: the pass between 香山 and 龙山 (GEOGRAPHY.md E)")
project("P41", "徐洼小学教师周转房", "教育", "0804", fp(113.1700, 33.7560, 40, 30), "专栏10-1; ch.10 §3", "completed", 2022, units=15)
project("P42", "第二十中学教师周转房", "教育", "0804", fp(113.2650, 33.7460, 60, 30), "专栏10-1; ch.10 §3", "completed", 2022, units=36)
project("P43", "第十八中学教师周转房", "教育", "0804", fp(113.2860, 33.7350, 80, 40), "专栏10-1; ch.10 §3", "under_construction", units=69)
project("P44", "区人民医院", "卫生", "0806", fp(113.2830, 33.7550, 150, 120), "专栏10-2 1", "under_construction")
project("P45", "区医疗卫生综合服务中心", "卫生", "0806", fp(113.2745, 33.7600, 110, 90), "专栏10-2 1; ch.10 §5", "completed", 2024, 18000.0)
project("P46", "四馆一校", "文化", "0803", fp(113.2680, 33.7580, 200, 150), "专栏10-2 2", "planned")
project("P47", "新华区中心养老院", "养老", "0807", fp(113.2230, 33.7670, 100, 80), "专栏10-2 3; ch.10 §6", "completed", 2023, 14000.0, 3000.0,
        notes="the plan: 2023年建成投入使用")
project("P48", "西市场综合养老服务中心", "养老", "0807", fp(113.2650, 33.7480, 70, 50), "专栏10-2 3; ch.10 §6", "completed", 2024, 4500.0,
        notes="in 西市场 (GEOGRAPHY.md E)")
project("P49", "和平路步行街珠宝首饰一条街", "一街一品", "0901", clip(road_line("和平路").Buffer(30, 4).Intersection(rect(113.29, 33.7420, 113.30, 33.7520))),
        "ch.7 §2", "completed", 2022)
project("P50", "鹰城特色餐饮一条街", "一街一品", "0901", clip(road_line("联盟路").Buffer(30, 4).Intersection(rect(113.2895, 33.74, 113.2940, 33.75))),
        "ch.7 §2", "completed", 2023, notes="在黄金海岸区域, 延续联盟路餐饮老街记忆")

# Each project's verb in the plan, with the line of plan/plan.txt it is on: 谋划 (prepare), 推进 (carry
# forward), 开工 (start), 建成 (complete), 完成征迁 (clear the land). An illustrative status never goes
# beyond what the verb allows without saying why: a project the plan only asks to 谋划 is at most planned,
# one it asks to 开工 at most under construction.
PLAN_VERBS = {
    "P01": ("推进", 300), "P02": ("推进", 300), "P03": ("推进", 300), "P04": ("推进", 302), "P05": ("推进", 302),
    "P06": ("推进", 302), "P07": ("推进", 302), "P08": ("推进", 302),
    "P09": ("推进", 270),  # line 270 加快推进; 专栏4-1 (line 304) says 谋划建设: the stronger word is the plan's commitment
    "P10": ("谋划", 305),  # 专栏4-1 4: 谋划建设省级服务专业园区 (ch.4 §4, line 351, says 建成科技服务产业园: a plan slip)
    "P11": ("推进", 307), "P12": ("推进", 309), "P13": ("推进", 309), "P14": ("推进", 336), "P15": ("推进", 338),
    "P16": ("推进", 340), "P17": ("推进", 295), "P18": ("推进", 316), "P19": ("推进", 463), "P20": ("推进", 463),
    "P21": ("开工", 451), "P22": ("开工", 451), "P23": ("完成征迁", 451),
    "P24": ("推进", 473), "P25": ("推进", 473), "P26": ("推进", 451), "P27": ("推进", 451), "P28": ("推进", 451),
    "P29": ("推进", 451), "P30": ("推进", 473), "P31": ("推进", 473), "P32": ("推进", 473), "P33": ("推进", 473),
    "P34": ("推进", 538), "P35": ("推进", 538),
    "P36": ("建成", 570), "P37": ("建成", 570),  # 完成五十五中、中心路小学综合教学楼建设
    "P38": ("谋划", 570), "P39": ("谋划", 570),  # 统筹谋划建设街小学、新新街小学改扩建
    "P40": ("建成", 572), "P41": ("建成", 572), "P42": ("建成", 572), "P43": ("建成", 572),
    "P44": ("推进", 617), "P45": ("推进", 597), "P46": ("推进", 619), "P47": ("建成", 611), "P48": ("建成", 611),
    "P49": ("推进", 453), "P50": ("推进", 453),
}
assert set(PLAN_VERBS) == {p[0] for p in P}
for pid, name, category, landuse, geom, source, status, *rest in P:
    assert PLAN_VERBS[pid][0] != "谋划" or status == "planned", f"{pid} {name}: the plan only asks to 谋划 it, status {status}"
    assert PLAN_VERBS[pid][0] != "开工" or status != "completed", f"{pid} {name}: the plan only asks to 开工 it, status {status}"

# --- 9. Redevelopment areas -------------------------------------------------------------
REDEV = [
    ("RA01", "焦店片区", "片区", clip(rect(113.2240, 33.7600, 113.2310, 33.7690)), "专栏7-1 2; ch.7 §2"),
    ("RA02", "西高皇新片区", "片区", clip(rect(113.2480, 33.7610, 113.2560, 33.7690)), "专栏7-1 2; ch.7 §2"),
    ("RA03", "野王片区", "片区", clip(rect(113.1980, 33.7650, 113.2100, 33.7770)), "专栏7-1 2; ch.7 §2"),
    ("RA04", "平郏路平安大道周边区域棚户区改造", "棚户区", clip(rect(113.2310, 33.7630, 113.2390, 33.7700)), "专栏7-1 2"),
    ("RA05", "光明路建设路周边区域棚户区改造", "棚户区", clip(rect(113.2660, 33.7395, 113.2720, 33.7440)), "专栏7-1 2"),
    ("RA06", "大香山路周边区域棚户区改造", "棚户区", clip(road_line("大香山路").Buffer(150, 4).Intersection(rect(113.20, 33.7800, 113.2150, 33.7950))), "专栏7-1 2"),
    ("RA07", "高庄安置点", "安置点", clip(rect(113.1470, 33.7650, 113.1530, 33.7700)), "专栏7-1 4; ch.7 §2"),
    ("RA08", "余沟安置点", "安置点", clip(rect(113.1350, 33.7400, 113.1410, 33.7450)), "专栏7-1 4"),
    ("RA09", "王庄安置点", "安置点", clip(rect(113.2270, 33.7920, 113.2330, 33.7960)), "专栏7-1 4; ch.7 §2"),
    ("RA10", "新庄安置点", "安置点", clip(rect(113.2450, 33.7540, 113.2470, 33.7575)).Union(clip(rect(113.2500, 33.7850, 113.2550, 33.7890))), "ch.7 §2"),
    ("RA11", "西吴庄安置点", "安置点", clip(rect(113.2590, 33.7640, 113.2630, 33.7680)), "专栏7-1 4; ch.7 §2"),
    ("RA12", "李庄新村", "安置点", clip(rect(113.1780, 33.7700, 113.1840, 33.7740)), "专栏7-1 4"),
    ("RA13", "西高皇村", "安置点", clip(rect(113.2500, 33.7700, 113.2540, 33.7740)), "专栏7-1 4"),
]

# --- 10. Parcels: each zone cut into lots of a grid; land use by place -----------------
CELL = {"FZ1": (260, 220), "FZ2": (240, 220), "FZ3": (170, 150), "FZ4": (120, 100)}
URBAN_EAST = ["0701"] * 46 + ["0702"] * 4 + ["0901"] * 12 + ["0902"] * 5 + ["0801"] * 3 + ["0804"] * 5 + ["0806"] * 2 + \
             ["0803"] * 2 + ["1207"] * 9 + ["1401"] * 6 + ["13"] * 2 + ["1208"] * 1 + ["0805"] * 1 + ["1001"] * 2
URBAN_SOUTH = ["0701"] * 40 + ["0901"] * 8 + ["0902"] * 4 + ["0801"] * 3 + ["0804"] * 6 + ["0806"] * 2 + ["1207"] * 8 + \
              ["1401"] * 10 + ["13"] * 2 + ["0103"] * 10 + ["0703"] * 5 + ["1001"] * 2
RURAL = ["0103"] * 50 + ["0102"] * 12 + ["0703"] * 14 + ["0304"] * 8 + ["04"] * 4 + ["0601"] * 3 + ["1207"] * 2 + ["1704"] * 2 + \
        ["0201"] * 3 + ["2301"] * 2
NORTH_MIX = ["0103"] * 34 + ["0703"] * 12 + ["0301"] * 24 + ["04"] * 8 + ["1001"] * 8 + ["1002"] * 6 + ["1207"] * 3 + ["0201"] * 5
FOREST = ["0301"] * 78 + ["0303"] * 6 + ["0304"] * 6 + ["04"] * 6 + ["0703"] * 4


def pick(mix, key):
    return mix[int(unit(key) * len(mix))]


def inside(g, pt):
    return g is not None and not g.IsEmpty() and g.Contains(pt)


water_geoms = [(w[2], w[3]) for w in WATER]
corridors = [e[4] for e in ECO if e[2] == "廊"]
cores = {e[1]: e[4] for e in ECO if e[2] == "核"}
parks = [p[3] for p in PARKS]
logistics = SERVICE[2][5]
xiangshan = SERVICE[4][5]
# foothills of the northern chain (焦赞寨, 马棚山, 平顶山, 擂鼓台: GEOGRAPHY.md S), south of the belt
NORTH_HILLS = poly((113.0600, 33.7700), (113.1300, 33.7720), (113.1900, 33.7780), (113.2400, 33.7800), (113.2900, 33.7750),
                   (113.2900, 33.8500), (113.0600, 33.8500))
newcity_core = rect(113.1700, 33.7300, 113.2300, 33.7700)
college = rect(113.2040, 33.7160, 113.2200, 33.7290)


def landuse_at(zone_id, pt, key):
    for kind, g in water_geoms:
        if inside(g, pt):
            return {"河流": "1701", "湖泊": "1702"}.get(kind, "1705")
    if inside(cores["新新湿地"], pt):
        return "0504"
    if inside(cores["白鹭洲湿地公园"], pt):
        return "1401"
    if inside(cores["矿山修复公园"], pt):
        return "1401" if unit(key + "m") < 0.6 else "0301"
    for c in corridors:
        if inside(c, pt):
            return "1402" if unit(key + "c") < 0.5 else "1401"
    for g in parks:
        if inside(g, pt):
            return "1001" if unit(key + "p") < 0.85 else "1207"
    if inside(logistics, pt):
        return "1101" if unit(key + "l") < 0.8 else "1207"
    if inside(college, pt):
        return "0804"
    if inside(MOUNTAIN_BELT, pt):
        if inside(xiangshan, pt) and unit(key + "x") < 0.08:
            return "0903"
        return pick(FOREST, key)
    if zone_id in ("FZ1", "FZ2") and inside(NORTH_HILLS, pt):
        return pick(FOREST, key + "h")
    if inside(ECO[1][4], pt):  # 田园综合区
        return pick(["0103"] * 60 + ["0102"] * 20 + ["0703"] * 10 + ["0201"] * 6 + ["0602"] * 4, key)
    if zone_id == "FZ4":
        return pick(URBAN_EAST, key)
    if zone_id == "FZ3":
        return pick(URBAN_SOUTH if inside(newcity_core, pt) else RURAL, key)
    if zone_id == "FZ2":
        return pick(NORTH_MIX, key)
    return pick(RURAL, key)


def parcels_of(zone_id, zone_geom):
    w, h = CELL[zone_id]
    minx, maxx, miny, maxy = zone_geom.GetEnvelope()
    x0 = math.floor(minx / w) * w
    y0 = math.floor(miny / h) * h
    out = []
    row = 0
    y = y0
    while y < maxy:
        col = 0
        x = x0
        while x < maxx:
            cell = box_m(x, y, x + w, y + h)
            if cell.Intersects(zone_geom):
                piece = polygonal(cell.Intersection(zone_geom))
                for k in range(piece.GetGeometryCount()):
                    part = piece.GetGeometryRef(k).Clone()
                    if part.GetArea() < 1.0:
                        continue
                    out.append((f"{zone_id}-{row:03d}-{col:03d}-{k}", part))
            x += w
            col += 1
        y += h
        row += 1
    return out


# --- write everything ----------------------------------------------------------------
os.makedirs(OUT, exist_ok=True)
counts = {}
counts["boundary"] = write_layer("boundary", [({"id": "XH", "name": "新华区", "certainty": REFERENCE,
                                                "source": "GEOGRAPHY.md reference outline (legal boundary, ~194.5 km²)"}, DISTRICT)])
counts["functional_zones"] = write_layer("functional_zones", [
    ({"id": zid, "name": name, "alias": alias, "name_en": en, "anchor": anchor, "source": "ch.4 §4 优化全区产业布局",
      "certainty": SCHEMATIC}, g) for zid, name, alias, en, anchor, g in ZONES])
counts["service_layout"] = write_layer("service_layout", [
    ({"id": sid, "name": name, "kind": kind, "alias": SERVICE_ALIASES.get(sid), "axis_road": axis, "name_en": en, "source": note,
      "certainty": SCHEMATIC}, g)
    for sid, name, kind, axis, en, g, note in SERVICE])
counts["eco_structure"] = write_layer("eco_structure", [
    ({"id": eid, "name": name, "kind": kind, "name_en": en, "source": note, "certainty": SCHEMATIC}, g)
    for eid, name, kind, en, g, note in ECO])
counts["urban_regions"] = write_layer("urban_regions", [
    ({"id": rid, "name": name, "name_en": en, "anchor": anchor, "plan_line": line_no, "source": "ch.7 §1 优化城市功能布局; " + note,
      "certainty": SCHEMATIC}, g) for rid, name, en, anchor, line_no, g, note in URBAN_REGIONS])
counts["industrial_parks"] = write_layer("industrial_parks", [
    ({"id": pid, "name": name, "name_en": en, "source": note, "certainty": SCHEMATIC}, g) for pid, name, en, g, note in PARKS])
counts["water"] = write_layer("water", [
    ({"id": wid, "name": name, "kind": kind, "source": note, "certainty": SCHEMATIC}, g) for wid, name, kind, g, note in WATER])

# local streets of the old city (支路, schematic) so its blocks read as blocks
local = []
for i, lat in enumerate([33.7410, 33.7460, 33.7500, 33.7540]):
    local.append((f"RL{i + 1:02d}", "支路（示意）", "支路", [(113.2690, lat), (113.3012, lat)], "schematic local street"))
for i, lon in enumerate([113.2730, 113.2840, 113.2920, 113.2985]):
    local.append((f"RL{i + 5:02d}", "支路（示意）", "支路", [(lon, 33.7330), (lon, 33.7570)], "schematic local street"))
road_features = []
for rid, name, kind, pts, note in ROADS + local:
    g = road_geom(pts)
    road_features.append(({"id": rid, "name": name, "kind": kind, "source": note,
                           "certainty": SCHEMATIC}, g))
counts["roads"] = write_layer("roads", road_features)

axes = []
for sid, name, kind, axis, en, g, note in SERVICE:
    if kind == "圈":
        axes.append(({"id": "AX-" + sid, "name": axis, "kind": "圈", "feature_id": sid, "source": "axis of " + name}, road_line(axis)))
axes.append(({"id": "AX-SL10", "name": "鹰城大道", "kind": "带", "feature_id": "SL10", "source": "axis of 北部生态文旅产业带"}, YINGCHENG))
axes.append(({"id": "AX-SL11", "name": "建设路", "kind": "带", "feature_id": "SL11", "source": "axis of 建设路产业带"}, JIANSHE_WEST))
for i, (sid, name, pts, target, note) in enumerate(STREAMS):
    axes.append(({"id": f"AX-EC{6 + i:02d}", "name": name, "kind": "廊", "feature_id": f"EC{6 + i:02d}",
                  "source": "stream centre line; " + note}, stream_line(pts, target)))
counts["axes"] = write_layer("axes", axes)

proj_features = []
for (pid, name, category, landuse, geom, source, status, year, built, invest, seats, units, length, mu, area, notes) in P:
    props = {"id": pid, "name": name, "category": category, "landuse": landuse, "status": status,
             "completion_year": year, "built_floor_m2": built, "investment_wan": invest, "seats": seats, "units": units,
             "length_m": round(length, 1) if length else None, "area_mu": mu,
             "designated_area": "平西现代物流园区" if pid == "P12" else None,
             "plan_verb": PLAN_VERBS[pid][0], "plan_line": PLAN_VERBS[pid][1],
             "source": source, "certainty": "illustrative status; schematic geometry", "notes": notes}
    proj_features.append((props, geom))
counts["projects"] = write_layer("projects", proj_features)
counts["redevelopment_areas"] = write_layer("redevelopment_areas", [
    ({"id": rid, "name": name, "kind": kind, "source": src, "certainty": SCHEMATIC}, g) for rid, name, kind, g, src in REDEV])

# An office building (楼宇) stands on 商务金融用地: the lots under its footprint are coded so, or
# the data would put a tower on a park or a road (the BUILDING-LANDUSE check finds that).
building_footprints = [e[5] for e in SERVICE if e[2] == "楼宇"]
parcel_features = []
for zid, name, alias, en, anchor, zone_geom in ZONES:
    for pid, g in parcels_of(zid, zone_geom):
        pt = g.PointOnSurface()
        code = landuse_at(zid, pt, pid)
        if any(g.Intersection(b).GetArea() > 1.0 for b in building_footprints):
            code = "0902"
        parcel_features.append(({"id": pid, "landuse": code, "block": zid + "-" + pid.split("-")[1],
                                 "certainty": SCHEMATIC}, g))
counts["parcels"] = write_layer("parcels", parcel_features)

# 控规地块 (illustrative): six lots at the 建设路 × 中兴路 crossing in the old city, each set back
# 20 m from both centre lines (half the 40 m red line layers/roads.toml gives a 主干路). Their land
# use is the planned land use under most of each lot; the limits are illustrative figures by use
# (no 控规 of 新华区 is published), and the approval says it is no real document.
CX, CY = m(113.2880, 33.7395)
LOT_LIMITS = {  # first-level code: far_min, far_max, height_max_m, density_max, green_min
    "07": (1.0, 2.5, 54.0, 0.30, 0.35),
    "09": (1.5, 4.0, 100.0, 0.45, 0.20),
}
OTHER_LIMITS = (None, 1.5, 24.0, 0.35, 0.35)
LOTS = [  # id, x0, y0, x1, y1 relative to the crossing, metres
    ("XH-ZX-01", 20, 20, 220, 170), ("XH-ZX-02", 20, 170, 220, 320), ("XH-ZX-03", -220, 20, -20, 170),
    ("XH-ZX-04", -220, -170, -20, -20), ("XH-ZX-05", 20, -170, 220, -20), ("XH-ZX-06", -220, 170, -20, 320),
]
lot_features = []
for lid, x0, y0, x1, y1 in LOTS:
    g = box_m(CX + x0, CY + y0, CX + x1, CY + y1)
    under = {}
    for props, pg in parcel_features:
        a = g.Intersection(pg).GetArea()
        if a > 0:
            under[props["landuse"]] = under.get(props["landuse"], 0) + a
    code = max(sorted(under), key=lambda c: under[c])
    far_min, far_max, height, density, green = LOT_LIMITS.get(code[:2], OTHER_LIMITS)
    lot_features.append(({"id": lid, "landuse": code, "far_min": far_min, "far_max": far_max, "height_max_m": height,
                          "density_max": density, "green_min": green, "approval": "示意地块，无批复文号",
                          "certainty": SCHEMATIC}, g))
counts["regulatory_lots"] = write_layer("regulatory_lots", lot_features)

# figures to check the drawing against the plan
area = DISTRICT.GetArea()
forest = sum(g.GetArea() for p, g in parcel_features if p["landuse"] in ("0301", "0302"))
print(f"district {area / 1e6:.2f} km²; Xinxin wetland {XINXIN.GetArea() * 15 / 10000:.1f} 亩; "
      f"香山沟 {stream_line(STREAMS[1][2], 6000.0).Length():.0f} m; 西杨村河 {line(*STREAMS[4][2]).Length():.0f} m; "
      f"forest {100 * forest / area:.1f}%; mountain belt {MOUNTAIN_BELT.GetArea() / 1e6:.1f} km²")
for zid, name, alias, en, anchor, g in ZONES:
    print(f"  {name}: {g.GetArea() / 1e6:.2f} km²")
for sid, name, kind, axis, en, g, note in SERVICE[:2]:
    print(f"  {name}: {g.GetArea() / 1e6:.2f} km²")
print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())))

# The overview map in data/xinhua/README.md is drawn from these files: redraw it.
import subprocess  # noqa: E402
subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "make-overview-map.py"), OUT], check=True)
