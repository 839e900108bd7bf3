# sql only reads: no VACUUM INTO, ATTACH, pragma writes, load_extension or SpatiaLite file
# functions, even with SPATIALITE_SECURITY=relaxed in the environment; the store is unchanged.
mini_store && cp m.gpkg m.orig && echo secret > secret.txt
export SPATIALITE_SECURITY=relaxed
run 3 sql --store m.gpkg "VACUUM INTO 'copy.gpkg'"; [ ! -e copy.gpkg ] || fail "VACUUM INTO wrote a file"
run 3 sql --store m.gpkg "ATTACH DATABASE 'x.db' AS x"; [ ! -e x.db ] || fail "ATTACH created a file"
run 3 sql --store m.gpkg "PRAGMA journal_mode = WAL"
run 3 sql --store m.gpkg "PRAGMA user_version = 7"
run 3 sql --store m.gpkg "SELECT load_extension('mod_spatialite')"
run 3 sql --store m.gpkg "SELECT BlobToFile(x'00', 'm.gpkg')"
run 3 sql --store m.gpkg "SELECT BlobToFile(x'00', 'new.bin')"; [ ! -e new.bin ] || fail "BlobToFile wrote"
run 3 sql --store m.gpkg "SELECT hex(BlobFromFile('secret.txt'))"; stdout_lacks "736563726574"
run 3 sql --store m.gpkg "SELECT ExportDXF('dxf', 'parcels', 'geom', NULL, NULL, NULL, NULL, 'x.dxf')"; [ ! -e dxf ] || fail "ExportDXF wrote"
run 3 sql --store m.gpkg "CREATE TEMP TABLE t(a)"
run 3 sql --store m.gpkg "BEGIN"
cmp -s m.gpkg m.orig || fail "the store was changed"
run 0 sql --store m.gpkg "SELECT COUNT(*) AS n, ROUND(SUM(ST_Area(geom))) FROM parcels"; stdout_has "n"
