# Options that do not go together are a usage error, found before the store is read.
run 3 check --store nowhere.gpkg --wkt "POLYGON((0 0,1 0,1 1,0 0))" --crs EPSG:4547 --landuse 0901 --format gpkg
stderr_has "--format gpkg is for --batch"; stderr_lacks "nowhere.gpkg"
run 3 check --store nowhere.gpkg --proposal nowhere.geojson --batch --format html
stderr_has "--format html is for a single proposal"; stderr_lacks "nowhere"
run 3 check --store nowhere.gpkg --proposal nowhere.geojson --batch --format gpkg
stderr_has "--format gpkg needs --out FILE.gpkg"; stderr_lacks "nowhere"
run 3 check --store nowhere.gpkg --wkt "POLYGON((0 0,1 0,1 1,0 0))" --landuse 0901
stderr_has "--wkt needs --crs"; stderr_lacks "nowhere"
