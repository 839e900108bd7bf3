# A layer put in another CRS inside the store is refused by name, not read as 0 m² of parcels.
mini_store
ogr2ogr -f GPKG p4326.gpkg m.gpkg parcels -t_srs EPSG:4326 || fail "ogr2ogr"
ogr2ogr -update -overwrite m.gpkg p4326.gpkg parcels -nln parcels || fail "ogr2ogr back"
run 3 report --store m.gpkg --format json --out - -q
stderr_has "m.gpkg: layer 'parcels': store layer is in WGS 84, not the work CRS EPSG:4547"
