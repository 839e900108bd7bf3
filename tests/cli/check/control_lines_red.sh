# A square site 30 m deep in the mini road's 40 m red line (tests/fixtures/control_lines/README.md): 3,000 m², a conflict by the rules file.
F="$ZONING_SRC/tests/fixtures/control_lines"
mini_store
site="POLYGON((430100 3740490,430200 3740490,430200 3740590,430100 3740590,430100 3740490))"
run 2 check --store m.gpkg --rules "$F/rules.toml" --wkt "$site" --crs EPSG:4547 --landuse 0701
stdout_has "道路红线「测试路」（主干路，红线宽度 40 m）：侵入 3,000 平方米"
stdout_has "ROAD "; stdout_has "蓝线退让范围：数据中无"; stdout_has "铁路线路安全保护区：数据中无"
stdout_lacks "road_red_line"   # no internal words in the Chinese note
run 2 check --store m.gpkg --rules "$F/rules.toml" --wkt "$site" --crs EPSG:4547 --landuse 0701 --format json
stdout_has '"line": "road_red_line"'; stdout_has '"overlap_m2": 3000.0'; stdout_has '"width_m": 40.0'
# Transport land is what a red line holds: the rule exempting it decides (no ROAD finding), the intrusion is
# still listed (the site is a review only for lying on forest and housing parcels).
sed 's/^subject = "projects"/subject = "projects"\nexempt_landuse = ["12"]/' "$F/rules.toml" > exempt.toml
run 1 check --store m.gpkg --rules exempt.toml --wkt "$site" --crs EPSG:4547 --landuse 1207
stdout_has "道路红线「测试路」（主干路，红线宽度 40 m）：侵入 3,000 平方米"
stdout_lacks "] ROAD "; stdout_lacks "道路红线 3,000"
