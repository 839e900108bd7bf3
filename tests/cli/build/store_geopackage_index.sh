# The store is written in bulk (rows through SQLite, each R-tree packed once): GDAL still reads
# it as a GeoPackage with every feature, its extent and a spatial index that finds them.
command -v ogrinfo >/dev/null || skip "ogrinfo (gdal-bin) is not installed"
mini_store
n=$(sed -n 's/^ *parcels *\([0-9]*\) features.*/\1/p' "$work/out")
[ -n "$n" ] && [ "$n" -gt 0 ] || fail "build did not say how many parcels it kept"
ogrinfo -ro -so m.gpkg parcels > info.txt 2>&1 || { cat info.txt; fail "ogrinfo cannot read the store"; }
grep -q "^Feature Count: $n\$" info.txt || { cat info.txt; fail "GDAL counts other than $n parcels"; }
extent=$(sed -n 's/^Extent: (\([-0-9.]*\), \([-0-9.]*\)) - (\([-0-9.]*\), \([-0-9.]*\))$/\1 \2 \3 \4/p' info.txt)
[ -n "$extent" ] || { cat info.txt; fail "no extent"; }
# Through the R-tree: the layer's extent holds every parcel, a box beside it none.
got=$(ogrinfo -ro -q m.gpkg parcels -spat $extent | grep -c '^OGRFeature')
[ "$got" = "$n" ] || fail "the spatial filter on the extent found $got of $n parcels"
set -- $extent
got=$(ogrinfo -ro -q m.gpkg parcels -spat "$(echo "$3 + 10" | bc)" "$2" "$(echo "$3 + 20" | bc)" "$4" | grep -c '^OGRFeature')
[ "$got" = 0 ] || fail "the spatial filter beside the extent found $got parcels"
for layer in parcels boundary functional_zones; do
  ogrinfo -ro m.gpkg -sql "SELECT rtreecheck('rtree_${layer}_geom') AS verdict" > check.txt 2>&1
  grep -q "verdict (String) = ok" check.txt || { cat check.txt; fail "SQLite's rtreecheck of $layer"; }
done
