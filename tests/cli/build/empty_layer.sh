copy_mini; echo '{"type":"FeatureCollection","features":[]}' > mini/roads.geojson
run 3 build --data mini --store s.gpkg; stderr_has "mini/roads.geojson: layer 'roads': layer has no features"
