# A legal 250-byte file name works (the hidden temporary's name is shortened); a path
# component over 255 bytes is a clear error (exit 4 for an output, 3 for an input), never exit 5.
mini_store
long=$(printf 'r%.0s' $(seq 247)).md
run 0 report --store m.gpkg --format md --out "$long" -q
[ -s "$long" ] || fail "250-byte name not written"
run 0 report --store m.gpkg --format md --out "$long" -q
[ "$(ls -a | grep -c 'tmp')" = 0 ] || fail "temporary left behind"
over=$(printf 'x%.0s' $(seq 300))
run 4 report --store m.gpkg --format md --out "$over/r.md" -q; stderr_has "longer than 255 bytes"
run 4 report --store m.gpkg --format csv --out "$over" -q; stderr_has "longer than 255 bytes"
run 4 export --store m.gpkg --format gpkg --out "$over" -q; stderr_has "longer than 255 bytes"
run 4 build --data "$fixture" --store "$over.gpkg" -q; stderr_has "longer than 255 bytes"
run 3 report --store "$over/m.gpkg" --format md --out r.md -q; stderr_has "File name too long"
run 3 sql --store "$over.gpkg" "SELECT 1"; stderr_has "File name too long"
run 3 build --data "$over" --store x.gpkg -q; stderr_has "File name too long"
