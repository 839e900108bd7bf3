copy_mini
ogr2ogr -f GPKG mini/parcels.gpkg "$fixture/parcels.geojson" -nln parcels >/dev/null 2>&1 || fail "ogr2ogr"
# poke a NaN into one vertex with SQL (GeoPackage blobs are little-endian doubles)
python3 - "$work/mini/parcels.gpkg" <<'PY'
import sqlite3, struct, sys
db = sqlite3.connect(sys.argv[1])
for (name,) in db.execute("select name from sqlite_master where type = 'trigger'").fetchall():
    db.execute(f'drop trigger "{name}"')   # GeoPackage triggers call SpatiaLite-less ST_ functions
fid, blob = db.execute("select fid, geom from parcels where id = 'C'").fetchone()
blob = bytearray(blob)
flags = blob[3]; env = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
first_x = 8 + env + 1 + 4 + 4 + 4   # header, envelope, WKB order+type, ring count, point count
blob[first_x:first_x + 8] = struct.pack("<d", float("nan"))
db.execute("update parcels set geom = ? where fid = ?", (bytes(blob), fid)); db.commit()
PY
sed -i 's/source = "parcels.geojson"/source = "parcels.gpkg"/' mini/dataset.toml
run 3 build --data mini --store s.gpkg
stderr_matches "mini/parcels.gpkg: layer 'parcels': fid [0-9]+ \(id 'C'\): .*(NaN|invalid)"
