# 控规 figures against the lots of tests/fixtures/control_lines (README.md): FAR 2.8 on a lot of FAR ≤ 2.5 is exactly that item 超标.
F="$ZONING_SRC/tests/fixtures/control_lines"
copy_mini
cp "$F/regulatory_lots.geojson" mini/
printf '[layers.regulatory_lots]\nsource = "regulatory_lots.geojson"\n' >> mini/dataset.toml
run 0 build --data mini --store m.gpkg
site="POLYGON((430010 3740010,430060 3740010,430060 3740060,430010 3740060,430010 3740010))"
run 2 check --store m.gpkg --wkt "$site" --crs EPSG:4547 --landuse 0701 --far 2.8
stdout_has "容积率 2.80 超标：地块 L-A（用地 0701，占用地 100.0%）上限 2.50，批复文号 测试批复〔2024〕1号"
[ "$(grep -c '超标\|符合' out)" = 1 ] || fail "expected exactly one indicator item"
run 0 check --store m.gpkg --wkt "$site" --crs EPSG:4547 --landuse 0701 --far 2.4
stdout_has "容积率 2.40 符合"
run 0 check --store m.gpkg --wkt "$site" --crs EPSG:4547 --landuse 0701
stdout_has "控规指标：未申报"
run 0 check --store m.gpkg --wkt "$site" --crs EPSG:4547 --landuse 0701 --lang en
stdout_has "Regulatory indicators: not stated"
# A share given as a percentage is refused before anything is read.
run 3 check --store m.gpkg --wkt "$site" --crs EPSG:4547 --landuse 0701 --density 35
stderr_has "--density (建筑密度) must be a share from 0 to 1"
# A site across both lots, its figures in the proposal file: checked against each with its share.
run 2 check --store m.gpkg --proposal "$F/two_lots.geojson"
stdout_has "容积率 2.80 超标：地块 L-A（用地 0701，占用地 75.0%）上限 2.50"
stdout_has "绿地率 40.0% 符合：地块 L-A（用地 0701，占用地 75.0%）下限 35.0%"
stdout_has "容积率 2.80 符合：地块 L-B（用地 0701，占用地 25.0%）上限 3.00"
stdout_has "建筑高度 60 m 超标：地块 L-B（用地 0701，占用地 25.0%）上限 54 m"
run 2 check --store m.gpkg --proposal "$F/two_lots.geojson" --format json
stdout_has '"lot_share": 0.75'; stdout_has '"result": "exceeds"'; stdout_has '"limit_kind": "min"'
# A share given as a percentage in a proposal file names the file and the feature.
sed 's/"green": 0.4/"green": 40/' "$F/two_lots.geojson" > pct.geojson
run 3 check --store m.gpkg --proposal pct.geojson
stderr_has "pct.geojson"; stderr_has "two_lots"; stderr_has "green (绿地率) must be a share from 0 to 1"
# The figures apply to a 界址点坐标 TXT site as to any other: the same square, as the reviewer receives it.
cat > site.txt <<'TXT'
[属性描述]
坐标系=2000国家大地坐标系
几度分带=3
带号=38
[地块坐标]
5,0.2500,S1,测试住宅,面,,住宅用地,0701,@
J1,1,3740010.000,38430010.000
J2,1,3740060.000,38430010.000
J3,1,3740060.000,38430060.000
J4,1,3740010.000,38430060.000
J1,1,3740010.000,38430010.000
TXT
run 2 check --store m.gpkg --proposal site.txt --far 2.8
stdout_has "容积率 2.80 超标：地块 L-A（用地 0701，占用地 100.0%）上限 2.50"
# Batch into a GeoPackage: each row carries the figures beyond their limit, for QGIS.
run 2 check --store m.gpkg --proposal "$F/two_lots.geojson" --batch --format gpkg --out r.gpkg
ogrinfo -ro -q r.gpkg -sql "select indicators from check_results" > rows.txt
grep -q "容积率 2.80 超标：地块 L-A" rows.txt || fail "gpkg indicators column: $(cat rows.txt)"
grep -q "建筑高度 60 m 超标：地块 L-B" rows.txt || fail "gpkg indicators column lacks the height: $(cat rows.txt)"
