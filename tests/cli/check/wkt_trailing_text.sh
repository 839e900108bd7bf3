# Two polygons pasted as one --wkt, or text after the polygon: refused, never the first one kept.
P="POLYGON((430800 3740100,430900 3740100,430900 3740150,430800 3740150,430800 3740100))"
check_wkt 3 "$P $P"
stderr_has "zoning check: --wkt: text after the geometry ('POLYGON"
run 3 check --store m.gpkg --wkt "$P, garbage" --crs EPSG:4547 --landuse 0901
stderr_has "text after the geometry (', garbage')"
run 0 check --store m.gpkg --wkt "  $P  " --crs EPSG:4547 --landuse 0901
