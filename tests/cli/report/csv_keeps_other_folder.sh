# report --format csv never replaces a folder that holds anything but an earlier CSV report
# without --force, and never a folder that holds its store (issue 12: `--out out` deleted out/xinhua.gpkg).
mkdir res && run 0 build --data "$fixture" --store res/m.gpkg -q
run 3 report --store res/m.gpkg --format csv --out res -q; stderr_has "res: holds the input res/m.gpkg"
run 3 report --store res/m.gpkg --format csv --out res --force -q; stderr_has "holds the input"
[ -s res/m.gpkg ] || fail "the store was deleted"
mkdir notes && echo keep > notes/notes.txt
run 3 report --store res/m.gpkg --format csv --out notes -q; stderr_has "notes: folder exists and is not empty; add --force to replace it"
[ -f notes/notes.txt ] || fail "a folder of other files was replaced"
run 0 report --store res/m.gpkg --format csv --out tables -q
run 0 report --store res/m.gpkg --format csv --out tables -q   # an earlier CSV report: replaced without --force
run 0 report --store res/m.gpkg --format csv --out notes --force -q
[ ! -f notes/notes.txt ] && [ -s notes/coverage.csv ] || fail "--force did not replace"
