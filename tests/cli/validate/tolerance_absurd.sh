# --tolerance must be a finite area: NaN (which passes every comparison) and 1e300 are refused before any I/O.
for v in nan inf 1e300; do
  run 3 validate --store missing.gpkg --tolerance "$v"
  stderr_has "zoning validate: --tolerance: must be an area in m² from 0 to 1e10"
done
