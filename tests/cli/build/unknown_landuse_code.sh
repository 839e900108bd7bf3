copy_mini; sed -i 's/"landuse": "1001"/"landuse": "9999"/' mini/parcels.geojson
run 3 build --data mini --store s.gpkg
stderr_matches "mini/parcels.geojson: layer 'parcels': fid [0-9]+ \(id 'E'\): unknown land-use code '9999'"
