# POST /api/check with bad input: 400 and the message `zoning check` prints for the same file.
source "$ZONING_SRC/tests/cli/serve/serve_lib.sh"
mini_store
cat >site.geojson <<'JSON'
{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4547"}}, "features": [
 {"type": "Feature", "properties": {"id": "s1", "landuse": "9999"},
  "geometry": {"type": "Polygon", "coordinates": [[[430100, 3740100], [430200, 3740100], [430200, 3740200], [430100, 3740200], [430100, 3740100]]]}}]}
JSON
run 3 check --store m.gpkg --proposal site.geojson --format json
cli_message=$(sed -n 's/^zoning check: //p' "$work/err" | head -1)
[ -n "$cli_message" ] || fail "the CLI gave no message"
start_server --store m.gpkg
http POST "/api/check?file=site.geojson" site.geojson
status_is 400
json_is 'd["error"]' "$cli_message"
# Outside the district: the CLI's refusal, not a verdict.
sed 's/4301/4401/g; s/4302/4402/g' site.geojson | sed 's/"9999"/"0901"/' >far.geojson
http POST "/api/check?file=far.geojson" far.geojson
status_is 400
json_is '"entirely outside the district" in d["error"]' True
# Not a proposal at all, an absurd review distance, and no body.
printf 'not json' >junk.txt
http POST "/api/check?landuse=0901" junk.txt
status_is 400
http POST "/api/check?review-distance=nan&file=site.geojson" site.geojson
status_is 400
json_is 'd["error"].startswith("--review-distance")' True
http POST /api/check
status_is 400
# A body over the limit (8 MiB) is refused before it is read.
python3 -c 'import sys; sys.stdout.write("{" + " " * (9 * 1024 * 1024) + "}")' >big.json
http POST /api/check big.json
status_is 413
json_is 'd["error"].startswith("the request body is too large: at most 8388608 bytes")' True
# curl's default content type (form-encoded) has cpp-httplib's own 8 KB limit: the 413 says what to send instead.
python3 -c 'import sys; sys.stdout.write("{" + " " * 10000 + "}")' >form.json
python3 - "$url" form.json >form.out <<'PY'
import http.client, sys, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
c.request("POST", "/api/check", body=open(sys.argv[2], "rb").read(), headers={"Content-Type": "application/x-www-form-urlencoded"})
r = c.getresponse()
print(r.status, r.read().decode())
PY
grep -q '^413 .*send the proposal as application/json' form.out || fail "form-encoded 413: $(cat form.out)"
