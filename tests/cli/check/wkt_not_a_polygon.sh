# WKT types GEOS or GDAL know but that are no site: exit 3 with the type named, never a signal.
mini_store
while IFS='|' read -r wkt want; do
  run 3 check --store m.gpkg --wkt "$wkt" --crs EPSG:4547 --landuse 0901
  stderr_has "zoning check: --wkt: $want"
done <<'CASES'
TRIANGLE((430800 3740100,430900 3740100,430900 3740150,430800 3740100))|a Triangle where a polygon belongs
TIN(((430800 3740100,430900 3740100,430900 3740150,430800 3740100)))|a TIN where a polygon belongs
POLYHEDRALSURFACE(((430800 3740100,430900 3740100,430900 3740150,430800 3740100)))|a PolyhedralSurface where a polygon belongs
GEOMETRYCOLLECTION(POLYGON((430800 3740100,430900 3740100,430900 3740150,430800 3740100)))|a Geometry Collection where a polygon belongs
CURVEPOLYGON EMPTY|the geometry is empty
POLYGON EMPTY|the geometry is empty
MULTISURFACE Z EMPTY|the geometry is empty
GEOMETRYCOLLECTION EMPTY|a Geometry Collection where a polygon belongs
COMPOUNDCURVE((430800 3740100,430900 3740100))|a Compound Curve where a polygon belongs
CASES
