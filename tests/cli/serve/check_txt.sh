# A 界址点坐标 TXT posted to /api/check (as the page uploads it, with its file name) gives
# `zoning check --proposal FILE.txt --format json`'s answer byte for byte, read in the CRS its head
# names (zone 38 with the zone number in its eastings); a broken TXT is 400 with the CLI's message.
source "$ZONING_SRC/tests/cli/serve/serve_lib.sh"
mini_store
cp "$ZONING_SRC/tests/fixtures/proposals/one_parcel.txt" .
"$ZONING" check --store m.gpkg --proposal one_parcel.txt --format json >cli.json 2>cli.err
code=$?
[ "$code" -le 2 ] || { cat cli.err; fail "zoning check exited $code for one_parcel.txt"; }
start_server --store m.gpkg
http POST "/api/check?file=one_parcel.txt" one_parcel.txt
status_is 200
cmp -s "$work/out" cli.json || { diff -u cli.json "$work/out" >"$work/err"; fail "POST /api/check of the TXT differs from zoning check"; }
json_is '(d["proposal"]["name"], d["proposal"]["landuse"], d["proposal"]["area_m2"])' "('合规商业', '0901', 9600.0)"
# Without a file name the content shows it is not JSON: read as a TXT all the same.
http POST "/api/check" one_parcel.txt
status_is 200
json_is 'd["proposal"]["area_m2"]' 9600.0
# A 地块 with a code that is no 用地用海 code: the reader's message naming file, line and code, as the CLI prints it.
sed 's/,0901,@/,9999,@/' one_parcel.txt >bad_code.txt
grep -q ',9999,@' bad_code.txt || fail "fixture edit failed"
"$ZONING" check --store m.gpkg --proposal bad_code.txt --format json >/dev/null 2>cli.err && fail "zoning check accepted bad_code.txt"
cli_message=$(sed -n 's/^zoning check: //p' cli.err | head -1)
[ -n "$cli_message" ] || fail "the CLI gave no message"
http POST "/api/check?file=bad_code.txt" bad_code.txt
status_is 400
json_is 'd["error"]' "$cli_message"
# The 控规 figures beside an uploaded file are query parameters, as the CLI's options beside --proposal.
"$ZONING" check --store m.gpkg --proposal one_parcel.txt --far 2.8 --height 54 --format json >cli_far.json 2>/dev/null
http POST "/api/check?file=one_parcel.txt&far=2.8&height=54" one_parcel.txt
status_is 200
cmp -s "$work/out" cli_far.json || fail "POST /api/check?far=2.8&height=54 differs from zoning check --far 2.8 --height 54"
json_is '(d["indicators"]["stated"]["far"], d["indicators"]["stated"]["height_m"])' "(2.8, 54.0)"
http POST "/api/check?file=one_parcel.txt&density=35" one_parcel.txt
status_is 400
json_is 'd["error"]' "--density (建筑密度) must be a share from 0 to 1 (0.35 for 35%)"
