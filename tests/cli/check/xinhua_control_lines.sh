# The bundled data: a residential site at the 建设路 × 中兴路 crossing (434021, 3734994 in EPSG:4547), 50–150 m east of
# 中兴路 and from 10 m south of 建设路's centre line to 100 m north: ~30 m deep in 建设路's 40 m red line (ROAD-RED-LINE,
# a conflict), and 80 % of its 100 × 110 m in the illustrative lot XH-ZX-01 (FAR ≤ 2.5).
run 0 build --data "$ZONING_SRC/data/xinhua" --store x.gpkg -q
site="POLYGON((434071 3734984,434171 3734984,434171 3735094,434071 3735094,434071 3734984))"
run 2 check --store x.gpkg --wkt "$site" --crs EPSG:4547 --landuse 0701 --name 示例住宅 --far 2.8 --height 50
stdout_has "道路红线「建设路」（主干路，红线宽度 40 m）：侵入"; stdout_has "ROAD-RED-LINE"
stdout_has "容积率 2.80 超标：地块 XH-ZX-01（用地 0701，占用地 7"; stdout_has "建筑高度 50 m 符合：地块 XH-ZX-01"
stdout_has "批复文号 示意地块，无批复文号"
stdout_matches "铁路线路安全保护区「(孟宝铁路|平煤铁路线)」（铁路，退让 20 m）：距 [0-9.,]+ k?m"
stdout_matches "蓝线退让范围「[^」]+」（[^）]+）：距 "
run 2 check --store x.gpkg --wkt "$site" --crs EPSG:4547 --landuse 0701 --far 2.8 --format json
/usr/bin/python3 - out <<'PY' || fail "JSON does not carry the red-line overlap and the lot"
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
red = [h for h in j["control_lines"] if h["line"] == "road_red_line" and h["name"] == "建设路"]
assert red and 2900 < red[0]["overlap_m2"] < 3100, red
assert {h["line"] for h in j["control_lines"]} == {"road_red_line", "water_blue_line", "rail_protection"}, j["control_lines"]
far = [c for c in j["indicators"]["checks"] if c["indicator"] == "far" and c["limit_kind"] == "max"]
assert far and far[0]["lot"] == "XH-ZX-01" and far[0]["result"] == "exceeds" and abs(far[0]["lot_share"] - 8 / 11) < 0.01, far
PY
