# report --out never names its store or its --rules file (by filesystem identity: also through
# a symlink or a hard link); the input stays byte-identical.
mini_store
cp "$fixture/rules.toml" rules.toml && cp m.gpkg m.orig && cp rules.toml rules.orig
run 3 report --store m.gpkg --format md --out m.gpkg -q; stderr_has "m.gpkg: --out names the input m.gpkg"
run 3 report --store m.gpkg --rules rules.toml --format json --out rules.toml -q; stderr_has "--out names the input rules.toml"
ln -s m.gpkg alias.gpkg && ln m.gpkg hard.gpkg
run 3 report --store m.gpkg --format html --out alias.gpkg -q; stderr_has "names the input"
run 3 report --store m.gpkg --format html --out hard.gpkg -q; stderr_has "names the input"
cmp -s m.gpkg m.orig && cmp -s rules.toml rules.orig || fail "an input was changed"
[ -L alias.gpkg ] || fail "the link was replaced"
