head -c 5000 /dev/urandom > bad.gpkg
run 3 validate --store bad.gpkg; stderr_matches "zoning validate: bad.gpkg: (cannot open|not a)"
