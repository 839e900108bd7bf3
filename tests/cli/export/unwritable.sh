mini_store
run 4 export --store m.gpkg --qgis /dev/null/x; stderr_has "/dev/null/x"
[ "$(ls -a | grep -c tmp)" = 0 ] || fail "half-written files left behind"
