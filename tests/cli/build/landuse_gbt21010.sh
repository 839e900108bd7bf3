# values = "gbt21010": 三调 codes to 用地用海 by meaning (0305 灌木林地 is 0303, 0702 农村宅基地 0703,
# 1203 田坎 2303, 05H1 the parent 09), with 1203 itself an accepted national code (机场用地) elsewhere.
source "$ZONING_SRC/tests/cli/build/district_lib.sh"
district
run 0 build --data district --store d.gpkg
query "SELECT group_concat(id || '=' || landuse, ' ') FROM (SELECT * FROM parcels ORDER BY fid)"
stdout_has "1=0101 2=0703 3=09 4=0303 5=2303"
query "SELECT name_zh FROM landuse_codes WHERE code = '1203'"
stdout_has "机场用地"
sed -i 's/^values = "gbt21010"/values = "gbt2101"/' district/dataset.toml
run 3 build --data district --store d2.gpkg
stderr_has "values = \"gbt2101\": the catalog has no such crosswalk (it has: \"gbt21010\")"
