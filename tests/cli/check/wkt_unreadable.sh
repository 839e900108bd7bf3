check_wkt 3 "POLYGON((430100 3740100,430200 3740100"
stderr_has "zoning check: --wkt: not readable as WKT"
stderr_lacks "/vsimem"
