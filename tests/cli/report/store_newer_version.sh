# zoning_store_version is read: a store of another (newer) version is refused with a clear message.
mini_store
python3 -c "
import sqlite3; c = sqlite3.connect('m.gpkg')
c.execute(\"UPDATE zoning_metadata SET value = '2' WHERE key = 'zoning_store_version'\"); c.commit()"
run 3 report --store m.gpkg --format json --out - -q
stderr_has "m.gpkg: store version '2' is not the version this zoning reads (1)"
run 3 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/clean.geojson"
stderr_has "store version '2'"
