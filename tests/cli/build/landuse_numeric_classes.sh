# A numeric land-use column holding a local classification (1 居住 … 10 公园). Without a values table
# 1, 7 and 5 are not national codes, and 10, which is one (工矿用地), is named in a warning; with the
# table only its keys count, and each feature gets the class it means.
source "$ZONING_SRC/tests/cli/build/district_lib.sh"
district
run 3 build --data district/try-1-no-values-table.toml --store d.gpkg
stderr_has "layer 'projects': fid 0 (id '0'): unknown land-use code '1' in field 'YDLX' (for landuse)"
stderr_has "unknown land-use code '7'"
stderr_has "unknown land-use code '5'"
stderr_lacks "unknown land-use code '10'"
stderr_has "field 'YDLX' (for landuse) is a number column read as national codes: 10 工矿用地 (1)"
[ ! -e d.gpkg ] || fail "a store was written"
run 0 build --data district --store d.gpkg
query "SELECT group_concat(name || '=' || landuse, ' ') FROM (SELECT * FROM projects ORDER BY fid)"
stdout_has "东村安置小区=0701 示例小学=0804 滨河公园=1401 通用机场=1203"
# With a table, a value outside it is refused even where it pads to a national code (701 -> 0701).
district
sed -i 's/^"7" = "0804"$/"701" = "0804"/' district/dataset.toml
run 3 build --data district --store d2.gpkg
stderr_has "value '7' of field 'YDLX' (for landuse) is not in [layers.projects.values.landuse]; 1 feature (fid 1)"
# A table mapping to no national code fails before any feature is read.
district
sed -i 's/^"7" = "0804"$/"7" = "0899"/' district/dataset.toml
run 3 build --data district --store d2.gpkg
stderr_has "[layers.projects.values.landuse]: '7' maps to '0899', which is not a national 用地用海 code"
