mini_store
run 3 check --store m.gpkg --wkt "POLYGON((0 0,1 0,1 1,0 0))" --landuse 0901; stderr_has "--wkt needs --crs"
