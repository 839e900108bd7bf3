# export/shp.sh ENCODING: UTF-8 or GBK
enc=$1
mini_store
run 0 export --store m.gpkg --format shp --out s --encoding $enc
for l in projects functional_zones conflicts parcels; do [ -s s/$l.shp ] && [ -s s/$l.cpg ] && [ -s s/$l.prj ] || fail "s/$l.* missing"; done
[ -s s/progress.dbf ] || fail "progress.dbf missing"
ogrinfo -ro -so s/projects.shp projects | grep -q "compl_year: " || fail "field name map (completion_year -> compl_year)"
ogrinfo -ro -so s/projects.shp projects | grep -q "Feature Count: 8" || fail "count"
ogrinfo -ro s/functional_zones.shp functional_zones | grep -q "name (String) = 西区" || fail "Chinese names lost"
grep -q 4547 s/projects.prj || grep -q "CGCS2000_3_Degree_GK_CM_114E\|CGCS2000 / 3-degree Gauss-Kruger CM 114E" s/projects.prj || fail "prj"
if [ $enc = GBK ]; then
  python3 -c "import sys; d = open('$work/s/functional_zones.dbf','rb').read(); sys.exit(0 if '西区'.encode('gbk') in d and '西区'.encode() not in d else 1)" || fail "DBF is not GBK"
  grep -q "936" s/functional_zones.cpg || fail ".cpg does not say GBK (936)"
else
  python3 -c "import sys; d = open('$work/s/functional_zones.dbf','rb').read(); sys.exit(0 if '西区'.encode() in d else 1)" || fail "DBF is not UTF-8"
fi
