# The store is written while the layers are read (docs/performance.md, "The store written while the
# layers are read"): a build that fails after the parcels' rows went into its temporary file (a
# later layer that cannot be read, a plan file refused after the read) leaves the old store
# byte-identical and no temporary file behind.
run 0 build --data "$fixture" --store s.gpkg
cp s.gpkg before.gpkg
copy_mini
sed -i '/^\[layers.projects\]/a layer = "no_such_layer"' mini/dataset.toml
run 3 build --data mini --store s.gpkg
stderr_has "layer 'no_such_layer': no such layer in the source"
cmp -s s.gpkg before.gpkg || fail "the store changed (a later layer failed)"
[ "$(ls -a | grep -c tmp)" = 0 ] || fail "temporary file left behind (a later layer failed)"
rm -rf mini
copy_mini
# A rule on a layer the dataset lacks is found once the dataset is read (analysis::check_plan_files).
printf '\n[[rule]]\nid = "NEW"\nkind = "overlap_frame"\ntitle = "t"\nclause = "c"\nframe_layer = "industrial_parks"\n' >> mini/rules.toml
run 3 build --data mini --store s.gpkg
stderr_has "rule NEW (line 92) needs this layer; the dataset has none"
cmp -s s.gpkg before.gpkg || fail "the store changed (a plan file refused)"
[ "$(ls -a | grep -c tmp)" = 0 ] || fail "temporary file left behind (a plan file refused)"
