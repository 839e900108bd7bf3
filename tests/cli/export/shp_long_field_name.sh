# export/shp_long_field_name.sh: a catalog field whose name is longer than the 10 bytes a DBF field
# name holds, without a dbf_name: exit 3 naming the layer file and the field, with a name to give,
# before anything is written (it was exit 5, an internal error). With the dbf_name it exports.
cp -r "$ZONING_SRC/layers" cat
cat >> cat/redevelopment_areas.toml.field <<'TOML'
[[fields]]
name = "relocation_households"
type = "integer"
TOML
# Put the field among the others (before [style]).
python3 - <<'PY' || fail "could not edit the catalog copy"
import re
p = "cat/redevelopment_areas.toml"
s = open(p, encoding="utf-8").read()
i = s.index("[style]")
s = s[:i] + open(p + ".field", encoding="utf-8").read() + s[i:]
open(p, "w", encoding="utf-8").write(s)
PY
rm cat/redevelopment_areas.toml.field
run 0 build --data "$fixture" --store m.gpkg --catalog cat -q
run 3 export --store m.gpkg --catalog cat --format shp --out s
stderr_has "redevelopment_areas.toml: layer 'redevelopment_areas': field 'relocation_households' is 21 bytes, more than the 10 a Shapefile (DBF) field name holds"
stderr_has 'dbf_name = "relocation"'
[ "$(wc -l < err)" = 1 ] || fail "not one line on stderr"
[ ! -e s ] && [ -z "$(ls -A | grep tmp)" ] || fail "something was written"
# The other formats take any name.
run 0 export --store m.gpkg --catalog cat --format gpkg --out g -q
# Given a dbf_name, it is the DBF column.
sed -i 's/^name = "relocation_households"$/name = "relocation_households"\ndbf_name = "reloc_hh"/' cat/redevelopment_areas.toml
run 0 export --store m.gpkg --catalog cat --format shp --out s -q
ogrinfo -ro -so s/redevelopment_areas.shp redevelopment_areas | grep -q "^reloc_hh: " || fail "dbf_name not used"
# Two fields that would be one DBF column (DBF names ignore case) are refused too.
sed -i 's/^dbf_name = "reloc_hh"$/dbf_name = "NAME"/' cat/redevelopment_areas.toml
run 3 export --store m.gpkg --catalog cat --format shp --out s2
stderr_has "layer 'redevelopment_areas': fields 'name' and 'relocation_households' would both be DBF field 'NAME'"
[ ! -e s2 ] || fail "something was written"
