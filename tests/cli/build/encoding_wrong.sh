# A GB18030 DBF read as GBK: 㙟 (four bytes in GB18030, none in GBK) is an error naming the layer, the
# fid, the field and the bytes, never a garbled name; an encoding iconv does not know fails up front;
# encoding on a source whose driver reads UTF-8 itself is refused.
source "$ZONING_SRC/tests/cli/build/district_lib.sh"
district
run 3 build --data district/try-2-gbk.toml --store d.gpkg
stderr_has "district/DLTB.shp: layer 'parcels': fid 0 (id '1'): field 'ZLDWMC' (for block): bytes 82 30 AD 31 (at byte 0) are not GBK text"
stderr_has 'encoding = "GB18030" for Chinese DBFs'
[ "$(grep -c "are not GBK text" err)" = 2 ] || fail "expected the two 㙟头村 parcels, each once"
[ ! -e d.gpkg ] || fail "a store was written"
run 0 build --data district --store d.gpkg
query "SELECT block FROM parcels WHERE id = '1'"
stdout_has "㙟头村"
sed -i 's/^encoding = "GB18030"/encoding = "GB-18030"/' district/dataset.toml
run 3 build --data district --store d2.gpkg
stderr_has "layer 'parcels': encoding \"GB-18030\" is not a character set iconv knows"
district
sed -i 's|^source = "GNFQ.geojson"|source = "GNFQ.geojson"\nencoding = "GBK"|' district/dataset.toml
run 3 build --data district --store d2.gpkg
stderr_has "layer 'functional_zones': encoding = \"GBK\" is for Shapefile (DBF) sources"
