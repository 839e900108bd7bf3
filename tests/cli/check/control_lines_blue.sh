# A site 10 m inside a river's 30 m blue-line setback (review), and one 10 m clear of it, the river to the south.
F="$ZONING_SRC/tests/fixtures/control_lines"
copy_mini
cp "$F/water.geojson" mini/
printf '[layers.water]\nsource = "water.geojson"\n' >> mini/dataset.toml
run 0 build --data mini --store m.gpkg
run 1 check --store m.gpkg --rules "$F/rules.toml" --crs EPSG:4547 --landuse 0701 \
  --wkt "POLYGON((430150 3740240,430250 3740240,430250 3740340,430150 3740340,430150 3740240))"
stdout_has "蓝线退让范围「测试河」（河流，退让 30 m）：侵入 1,000 平方米"; stdout_has "BLUE"
run 0 check --store m.gpkg --rules "$F/rules.toml" --crs EPSG:4547 --landuse 0701 \
  --wkt "POLYGON((430150 3740260,430250 3740260,430250 3740360,430150 3740360,430150 3740260))"
stdout_has "蓝线退让范围「测试河」（河流，退让 30 m）：距 10 m，在用地南侧"
run 0 check --store m.gpkg --rules "$F/rules.toml" --crs EPSG:4547 --landuse 0701 --lang en \
  --wkt "POLYGON((430150 3740260,430250 3740260,430250 3740360,430150 3740360,430150 3740260))"
stdout_has "blue-line setback of '测试河' (river, distance 30 m): 10 m away, S of the site"
# With no rule on blue lines (only the red-line rule), the intrusion is still a review, said so.
cat > red_only.toml <<'TOML'
[[rule]]
id = "ROAD"
kind = "control_line"
line = "road_red_line"
title = "项目用地侵入道路红线"
clause = "测试"
TOML
run 1 check --store m.gpkg --rules red_only.toml --crs EPSG:4547 --landuse 0701 \
  --wkt "POLYGON((430150 3740240,430250 3740240,430250 3740340,430150 3740340,430150 3740240))"
stdout_has "侵入「测试河」的蓝线退让范围 1,000 平方米（规则文件未规定其为冲突或复核）"
