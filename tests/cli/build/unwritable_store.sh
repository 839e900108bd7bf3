run 4 build --data "$fixture" --store /dev/null/x/s.gpkg; stderr_has "/dev/null/x/s.gpkg"
