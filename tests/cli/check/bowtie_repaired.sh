check_wkt 1 "POLYGON((430800 3740100,430900 3740200,430900 3740100,430800 3740200,430800 3740100))"
stderr_has "the geometry was invalid (Self-intersection at (430850.000 3740150.000)) and was repaired with GEOS MakeValid"
