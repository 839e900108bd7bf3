# A proposal file whose metric coordinates are declared lon/lat with --crs: the advice names --crs,
# the option the reviewer used, not dataset.toml's force_crs.
mini_store
cat > site.geojson <<'JSON'
{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"S1"},
 "geometry":{"type":"Polygon","coordinates":[[[430100,3740100],[430300,3740100],[430300,3740300],[430100,3740100]]]}}]}
JSON
run 3 check --store m.gpkg --proposal site.geojson --crs EPSG:4326 --landuse 0901
stderr_has "are plainly projected metres, but the source declares EPSG:4326 (lon/lat)"
stderr_has "give the CRS they are in with --crs"
stderr_lacks "force_crs"; stderr_lacks "[layers."
