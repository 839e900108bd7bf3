# An unmapped value is one line with its count and first fids, not one per feature; on_unmapped =
# "skip" leaves those features out and lists them as warnings.
source "$ZONING_SRC/tests/cli/build/district_lib.sh"
district
run 3 build --data district/try-3-unmapped.toml --store d.gpkg
stderr_has "layer 'parcels': fid 5 (id '6'): value '0906' of field 'DLBM' (for landuse) is not in the crosswalk \"gbt21010\" (crosswalk-gbt21010.toml); 1 feature (fid 5)"
[ ! -e d.gpkg ] || fail "a store was written"
run 0 build --data district --store d.gpkg
stderr_has "warning: district/DLTB.shp: layer 'parcels': fid 5 (id '6'): left out 1 feature (fid 5) (on_unmapped = \"skip\")"
query "SELECT count(*) AS n, sum(ST_Area(geom)) AS m2 FROM parcels"
stdout_has "5 | 580000"
# 120 parcels with one unknown code: one error line naming the count and the first five fids.
copy_mini
python3 -c "
import json; p = '$work/mini/parcels.geojson'; j = json.load(open(p))
proto = j['features'][0]
j['features'] = [dict(proto, properties={'id': 'X%d' % i, 'landuse': '99'}) for i in range(120)]
json.dump(j, open(p, 'w'))"
run 3 build --data mini --store s.gpkg
[ "$(grep -c "unknown land-use code '99'" err)" = 1 ] || fail "expected one line for the one value"
stderr_has "120 features (fid 0, 1, 2, 3, 4, …)"
sed -i 's|source = "parcels.geojson"|source = "parcels.geojson"\non_unmapped = "bin"|' mini/dataset.toml
run 3 build --data mini --store s.gpkg
stderr_has "[layers.parcels]: on_unmapped must be \"error\" or \"skip\", not 'bin'"
