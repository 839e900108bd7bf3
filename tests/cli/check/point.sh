check_wkt 3 "POINT(430100 3740100)"; stderr_has "a Point where a polygon belongs"
