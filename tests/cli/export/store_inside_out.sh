# export --force never deletes the store it reads, when the store lives in the output folder.
mkdir d && run 0 build --data "$fixture" --store d/m.gpkg -q && cp d/m.gpkg m.orig
run 3 export --store d/m.gpkg --format gpkg --out d --force -q; stderr_has "d: holds the input d/m.gpkg"
run 3 export --store d/m.gpkg --qgis d/ --force -q; stderr_has "holds the input"
ln -s d linked
run 3 export --store d/m.gpkg --format geojson --out linked --force -q; stderr_has "holds the input"
cmp -s d/m.gpkg m.orig || fail "the store was changed"
