# A query that never ends stops with a clear error (exit 3), by a row cap or a time limit,
# instead of growing until bad_alloc.
mini_store
run 3 sql --store m.gpkg --max-rows 1000 "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r"
stderr_has "more than 1000 rows"
run 3 sql --store m.gpkg "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r"
stderr_has "more than 1000000 rows"
run 3 sql --store m.gpkg --timeout 1 "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) FROM r"
stderr_has "ran longer than 1 s"
