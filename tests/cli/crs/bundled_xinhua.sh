# The bundled Xinhua data (113.2°E) still chooses EPSG:4547, CGCS2000 3° GK CM 114°E.
run 0 build --store x.gpkg
stdout_has "Work CRS: EPSG:4547 (the boundary's centroid ("
stdout_has "the CGCS2000 3-degree Gauss-Kruger zone whose central meridian is nearest: EPSG:4547 (CM 114°E)"
run 0 report --store x.gpkg --format json --out r.json
grep -q '"crs": "EPSG:4547"' r.json || fail "report crs is not EPSG:4547"
