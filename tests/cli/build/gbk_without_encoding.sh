# A GBK shapefile without .cpg and no `encoding` in dataset.toml: build refuses with one line naming
# the layer, the fid and the field, instead of storing raw GBK bytes that break every JSON output.
copy_mini
/usr/bin/python3 - <<'PY' || skip "GDAL's Python bindings are needed to write a GBK shapefile"
from osgeo import ogr, osr, gdal
gdal.UseExceptions()
src = ogr.Open("mini/functional_zones.geojson")
ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource("mini/zones.shp")
srs = osr.SpatialReference(); srs.ImportFromEPSG(4547)
lyr = src.GetLayer(0)
out = ds.CreateLayer("zones", srs, ogr.wkbPolygon, ["ENCODING=CP936"])
defn = lyr.GetLayerDefn()
for i in range(defn.GetFieldCount()):
    out.CreateField(defn.GetFieldDefn(i))
for f in lyr:
    g = ogr.Feature(out.GetLayerDefn()); g.SetFrom(f); out.CreateFeature(g)
ds = None
PY
rm -f mini/zones.cpg
sed -i 's|source = "functional_zones.geojson"|source = "zones.shp"|' mini/dataset.toml
run 3 build --data mini --store m.gpkg
stderr_matches "layer 'functional_zones': fid [0-9]+ .*field 'name' is not UTF-8"
stderr_has 'encoding = "GB18030"'
[ ! -e m.gpkg ] || fail "a store was written"
# With the encoding named, the same file builds.
sed -i 's|source = "zones.shp"|source = "zones.shp"\nencoding = "GBK"|' mini/dataset.toml
run 0 build --data mini --store m.gpkg
