check_wkt 3 "POLYGON((113.25 33.75,113.26 33.75,113.26 33.76,113.25 33.75))"
# The message names the input and the option to fix, not a file GDAL read it from.
stderr_has "zoning check: --wkt: coordinates (113.25 33.75, 113.26 33.76) are plainly lon/lat degrees, but --crs EPSG:4547 is in metres"
stderr_has "e.g. --crs EPSG:4326"
stderr_lacks "/vsimem"; stderr_lacks "force_crs"; stderr_lacks "[layers."
