# Options that do not go together are a usage error, found before the store is read.
run 3 report --store nowhere.gpkg --format csv --out -
stderr_has "--format csv writes a folder of tables: give --out DIR"; stderr_lacks "nowhere.gpkg"
run 3 export --store nowhere.gpkg --format shp
stderr_has "--format shp needs --out DIR"; stderr_lacks "nowhere.gpkg"
run 3 export --store nowhere.gpkg --qgis q --encoding GBK
stderr_has "--encoding is for --format shp"; stderr_lacks "nowhere.gpkg"
# --threads is 1 to 256: more workers only multiply the frames each keeps in memory.
run 3 report --store nowhere.gpkg --threads 100000
stderr_has "--threads"
run 3 report --store nowhere.gpkg --threads 0
