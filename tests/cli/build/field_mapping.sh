# [layers.X]: id = "@fid", constants, where (and a bad one), a missing field listing those there are,
# an unknown key.
source "$ZONING_SRC/tests/cli/build/district_lib.sh"
district
run 0 build --data district --store d.gpkg
query "SELECT group_concat(id || ':' || category || ':' || source, ' ') FROM (SELECT * FROM projects ORDER BY fid)"
stdout_has "0:重点项目:示例区 2025 年重点项目清单 1:重点项目:示例区 2025 年重点项目清单 2:重点项目"
query "SELECT id || ' ' || name || ' ' || kind FROM water"
stdout_has "HL01 无名沟渠 沟渠"
# where left out BSM 7 of the next district; without it, it is read.
query "SELECT count(*) FROM parcels WHERE id = '7'"
stdout_has "0"
cp district/dataset.toml keep.toml
sed -i "/^where = /d" district/dataset.toml
run 0 build --data district --store d.gpkg
query "SELECT count(*) FROM parcels WHERE id = '7'"
stdout_has "1"
cp keep.toml district/dataset.toml
sed -i "s/^where = .*/where = \"ZLDWDM LIKE\"/" district/dataset.toml
run 3 build --data district --store d3.gpkg
stderr_has "layer 'parcels': where \"ZLDWDM LIKE\" is not a filter GDAL can apply: "
stderr_has "(the source's fields: BSM, ZLDWDM, ZLDWMC, DLBM, DLMC)"
cp keep.toml district/dataset.toml
sed -i 's/^landuse = "DLBM"/landuse = "DLBMM"/' district/dataset.toml
run 3 build --data district --store d3.gpkg
stderr_has "layer 'parcels': missing required field 'DLBMM' (mapped from 'landuse'); the source's fields are: BSM, ZLDWDM, ZLDWMC, DLBM, DLMC"
cp keep.toml district/dataset.toml
sed -i 's/^name = "DLMC"/name = "MC"/' district/dataset.toml
run 3 build --data district --store d3.gpkg
stderr_has "missing field 'MC' (mapped from 'name'); the source's fields are: BSM, ZLDWDM, ZLDWMC, DLBM, DLMC"
cp keep.toml district/dataset.toml
sed -i 's/^kind = "沟渠"/kind = "水渠"/' district/dataset.toml
run 3 build --data district --store d3.gpkg
stderr_has "[layers.water.constants]: field 'kind' is '水渠', not one of: 河流, 沟渠, 湖泊"
cp keep.toml district/dataset.toml
sed -i 's/^where = /wehre = /' district/dataset.toml
run 3 build --data district --store d3.gpkg
stderr_has "[layers.parcels]: unknown key 'wehre'"
[ ! -e d3.gpkg ] || fail "a store was written"
