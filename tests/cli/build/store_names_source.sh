# build --store never names one of the sources, dataset.toml or an attachment.
copy_mini && cp -r mini orig
run 3 build --data mini --store mini/parcels.geojson -q; stderr_has "--store names the input mini/parcels.geojson"
run 3 build --data mini --store mini/rules.toml -q; stderr_has "names the input"
run 3 build --data mini --store mini/dataset.toml -q; stderr_has "names the input"
ln -s mini/parcels.geojson p.gpkg
run 3 build --data mini --store p.gpkg -q; stderr_has "names the input"
diff -r mini orig >/dev/null || fail "a source was changed"
