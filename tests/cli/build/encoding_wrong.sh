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
# The issue's case: Hong Kong names in BIG5-HKSCS read as BIG5. 埗 (96 F5) is HKSCS only: an error
# naming the bytes, where GDAL printed one untagged warning and stored '?'.
district
/usr/bin/python3 - <<'PY' || skip "GDAL's Python bindings are needed to write a BIG5-HKSCS shapefile"
from osgeo import ogr, osr, gdal
gdal.UseExceptions()
srs = osr.SpatialReference(); srs.ImportFromEPSG(4547)
ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource("district/FQ.shp")
out = ds.CreateLayer("FQ", srs, ogr.wkbPolygon, ["ENCODING=BIG5-HKSCS"])
for name in ("FQBH", "FQMC"):
    out.CreateField(ogr.FieldDefn(name, ogr.OFTString))
src = ogr.Open("district/GNFQ.geojson")  # kept: its layer dies with it
for f, name in zip(src.GetLayer(0), ("深水埗", "東片")):
    g = ogr.Feature(out.GetLayerDefn()); g.SetFrom(f); g.SetField("FQMC", name); out.CreateFeature(g)
ds = None
PY
rm -f district/FQ.cpg
sed -i 's|^source = "GNFQ.geojson"|source = "FQ.shp"\nencoding = "BIG5"|; /^attach = /d' district/dataset.toml
run 3 build --data district --store d2.gpkg
stderr_has "layer 'functional_zones': fid 0 (id 'W'): field 'FQMC' (for name): bytes 96 F5 (at byte 4) are not BIG5 text"
[ "$(grep -c "are not BIG5 text" err)" = 1 ] || fail "only 深水埗 has a character BIG5 lacks"
sed -i 's|^encoding = "BIG5"|encoding = "BIG5-HKSCS"|' district/dataset.toml
run 0 build --data district --store d2.gpkg
run 0 sql --store d2.gpkg "SELECT group_concat(name, ' ') FROM (SELECT name FROM functional_zones ORDER BY fid)"
stdout_has "深水埗 東片"
