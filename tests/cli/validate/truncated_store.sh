run 0 build --data "$fixture" --store s.gpkg
head -c $(( $(stat -c %s s.gpkg) / 3 )) s.gpkg > t.gpkg
run 3 validate --store t.gpkg; stderr_has "t.gpkg"
