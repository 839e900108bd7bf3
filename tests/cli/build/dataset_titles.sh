# dataset.toml names the catalog's layers as its plan does: the store's tables carry those titles
# (GeoPackage identifiers) and the report's headings follow; a mistake in [titles], [colours] or
# the head keys is refused at build, naming dataset.toml, and leaves no store.
copy_mini
cat >> mini/dataset.toml <<'TOML'
[titles]
functional_zones = "两大片区"
[colours.functional_zones]
"西区" = "#123456"
TOML
sed -i 's/^attach = /organisation = "测试局"\ndata_date = "2025-06"\nevaluation_year = 2025\nattach = /' mini/dataset.toml
run 0 build --data mini --store t.gpkg
/usr/bin/python3 -c "import sqlite3, sys; sys.exit(sqlite3.connect('t.gpkg').execute(\"select identifier from gpkg_contents where table_name = 'functional_zones'\").fetchone()[0] != '两大片区')" \
  || fail "the store's functional_zones is not titled 两大片区"
run 0 report --store t.gpkg --format md --out - -q
stdout_has '### 两大片区'
stdout_has '- **编制单位**：测试局'
stdout_has '- **评估年度**：2025'
run 0 report --store t.gpkg --format html --out t.html -q
grep -q 'fill="#123456"' t.html || fail "the dataset's colour for 西区 is not on the map"

copy_bad() { rm -rf bad; cp -r "$fixture" bad; printf '%s\n' "$@" >> bad/dataset.toml; }
copy_bad '[titles]' 'no_such_layer = "某某"'
run 3 build --data bad --store b.gpkg
stderr_has "dataset.toml: layer 'no_such_layer': [titles] names a layer the catalog has not"
[ ! -e b.gpkg ] || fail "a store was written"
copy_bad '[titles]' 'functional_zones = "行政区界"'
run 3 build --data bad --store b.gpkg
stderr_has "'行政区界' is also the title of layer boundary"
copy_bad '[colours.functional_zones]' '"西区" = "red"'
run 3 build --data bad --store b.gpkg
stderr_has "dataset.toml: [colours.functional_zones] '西区' must be a colour \"#rrggbb\""
rm -rf bad; cp -r "$fixture" bad; sed -i 's/^attach = /data_date = "2025-13-01"\nattach = /' bad/dataset.toml
run 3 build --data bad --store b.gpkg
stderr_has "[dataset] data_date '2025-13-01' must be a date"
