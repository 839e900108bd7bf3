# An --out that exists but is not a regular file (a pipe here; a device such as /dev/full alike) is
# refused, never renamed over: as root, the rename would replace the device itself.
mini_store
mkfifo pipe; mkdir folder
run 4 report --store m.gpkg --format json --out pipe
stderr_has "zoning report: pipe: is not a regular file"
[ -p pipe ] || fail "the pipe was replaced"
run 4 report --store m.gpkg --format md --out folder
stderr_has "zoning report: folder: is a folder"
[ -d folder ] || fail "the folder was replaced"
run 4 check --store m.gpkg --wkt "POLYGON((430100 3740100,430300 3740100,430300 3740300,430100 3740100))" --crs EPSG:4547 --landuse 0901 --format json --out pipe
[ -p pipe ] || fail "check replaced the pipe"
