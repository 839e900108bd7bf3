mini_store
run 3 sql --store m.gpkg "SELECT * FROM nowhere"; stderr_has "m.gpkg: SQL error: no such table: nowhere"
run 3 sql --store m.gpkg "SELECT 1; DROP TABLE parcels"; stderr_has "one statement at a time"
run 3 sql --store m.gpkg "DELETE FROM parcels"; stderr_matches "(readonly|read-only)"
