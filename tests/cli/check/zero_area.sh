check_wkt 3 "POLYGON((430100 3740100,430200 3740100,430300 3740100,430100 3740100))"
stderr_matches "(zero area|cannot be repaired)"
