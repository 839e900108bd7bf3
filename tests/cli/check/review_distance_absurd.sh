# --review-distance must be a finite distance a district can have: NaN and 1e12 are refused before any I/O.
for v in nan -nan inf 1e12 100001; do
  run 3 check --store missing.gpkg --wkt "POLYGON((0 0,1 0,1 1,0 0))" --crs EPSG:4547 --landuse 0901 --review-distance "$v"
  stderr_has "zoning check: --review-distance: must be a distance in metres from 0 to 100000"
done
