copy_mini; sed -i 's/"landuse"/"dlbm"/g' mini/parcels.geojson
run 3 build --data mini --store s.gpkg; stderr_has "mini/parcels.geojson: layer 'parcels': missing required field 'landuse'"
