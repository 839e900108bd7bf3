mini_store
run 0 export --store m.gpkg --format gpkg --out g
ogrinfo -ro -so g/m.gpkg projects | grep -q "Feature Count: 8" || fail "projects count"
ogrinfo -ro -so g/m.gpkg conflicts | grep -q "Feature Count: 5" || fail "conflicts count"
python3 -c "
import sqlite3, sys; db = sqlite3.connect('$work/g/m.gpkg')
sys.exit(1 if db.execute(\"select count(*) from sqlite_master where name = 'layer_styles'\").fetchone()[0] else 0)" || fail "gpkg export has QGIS extras"
[ ! -e g/m.qgs ] || fail "gpkg export wrote a project"
