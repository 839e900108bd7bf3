mini_store
mkdir full && echo keep > full/notes.txt
run 3 export --store m.gpkg --qgis full; stderr_has "full: folder exists and is not empty; add --force to replace it"
[ -f full/notes.txt ] || fail "existing folder touched"
run 0 export --store m.gpkg --qgis full --force
[ ! -f full/notes.txt ] && [ -s full/m.qgs ] || fail "--force did not replace"
