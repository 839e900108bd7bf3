# --proposal through the layer reader: a curved polygon is linearised, a TIN refused (exit 3, not a signal).
mini_store
printf 'id,WKT\nc1,"CURVEPOLYGON(CIRCULARSTRING(430850 3740110,430880 3740140,430850 3740110))"\n' > curve.csv
run 0 check --store m.gpkg --proposal curve.csv --crs EPSG:4547 --landuse 0901 --format json
python3 -c "import json; j=json.load(open('$work/out')); assert j['proposal']['area_m2'] > 1000, j" || fail "curve area"
printf 'id,WKT\nt1,"TIN(((430800 3740100,430900 3740100,430900 3740150,430800 3740100)))"\n' > tin.csv
run 3 check --store m.gpkg --proposal tin.csv --crs EPSG:4547 --landuse 0901
stderr_has "where a polygon belongs"
