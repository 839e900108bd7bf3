# 第七章第一节's 四大区域 are frames a reviewer sees: a site on 香山 lies in 大香山片区, and the report's map
# draws the four regions with their names on hover.
run 0 build --data "$ZONING_SRC/data/xinhua" --store x.gpkg -q
run 1 check --store x.gpkg --wkt "POLYGON((113.17 33.81,113.175 33.81,113.175 33.812,113.17 33.812,113.17 33.81))" --crs EPSG:4326 --landuse 0901 --name 香山酒店
stdout_has "四大区域：大香山片区 100.0% (10.27 公顷)"
run 1 check --store x.gpkg --wkt "POLYGON((113.17 33.81,113.175 33.81,113.175 33.812,113.17 33.812,113.17 33.81))" --crs EPSG:4326 --landuse 1403 --name 广场 --format json
stdout_has '"layer": "urban_regions"'
run 0 report --store x.gpkg --format html --out r.html -q
/usr/bin/python3 - r.html <<'PY' || fail "the HTML map does not draw the four regions"
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
i = s.index('<g class="urban_regions">')
g = s[i:s.index("</g>", i)]
assert re.findall(r"<title>([^<]*)</title>", g) == ["中兴路、凌云路片区", "新老城区之间片区", "西环路北段区域", "大香山片区"], g[:300]
PY
