copy_mini; printf '\n[layers.parkland]\nsource = "roads.geojson"\n' >> mini/dataset.toml
run 3 build --data mini --store s.gpkg; stderr_has "layer 'parkland': unknown layer"
