# POST /api/review.pdf: the 审查意见书 `zoning check --format pdf` prints for the same site and query
# (pdftotext gives the same text), as application/pdf with its six sections; /api/layers offers it;
# bad input is 400 with the CLI's message and no PDF.
command -v chromium >/dev/null || skip "chromium (Debian package) is needed: scripts/install-deps"
command -v pdftotext >/dev/null || skip "pdftotext (poppler-utils) is needed: scripts/install-deps --test"
source "$ZONING_SRC/tests/cli/serve/serve_lib.sh"
mini_store
start_server --store m.gpkg
http GET /api/layers
status_is 200
json_is 'd["review_pdf"]' True
site="$ZONING_SRC/tests/fixtures/proposals/in_core.geojson"
signer=$(python3 -c 'import urllib.parse; print(urllib.parse.urlencode({"organisation": "测试区自然资源局", "date": "2026年1月15日"}))')
http POST "/api/review.pdf?file=in_core.geojson&$signer" "$site"
status_is 200
grep -qx 'content-type: application/pdf' "$work/headers" || fail "not application/pdf: $(grep content-type "$work/headers")"
[ "$(head -c 5 "$work/out")" = "%PDF-" ] || fail "the answer is not a PDF"
pdftotext -layout "$work/out" api.txt
for s in 建设项目规划选址审查意见书 一、项目概况 二、审查依据 三、审查结论 四、审查意见 五、附图 六、界址坐标表 核心区厂房 不予同意 \
         测试区自然资源局 2026年1月15日 J1 J4; do
  grep -qF "$s" api.txt || { cp api.txt "$work/out"; fail "the opinion lacks: $s"; }
done
run 2 check --store m.gpkg --proposal "$site" --format pdf --out cli.pdf --organisation 测试区自然资源局 --date 2026年1月15日
pdftotext -layout cli.pdf cli.txt
diff -u cli.txt api.txt >diff.txt || { cp diff.txt "$work/out"; fail "the API's opinion differs from zoning check --format pdf's"; }
# English with lang=en, as --lang en.
http POST "/api/review.pdf?file=in_core.geojson&lang=en" "$site"
status_is 200
pdftotext "$work/out" en.txt
! grep -qF 审查意见书 en.txt || fail "lang=en printed the Chinese opinion"
# Bad input: the message zoning check prints, and JSON rather than a PDF.
sed 's/"0901"/"9999"/; s/"1001"/"9999"/' "$site" >bad.geojson
grep -q 9999 bad.geojson || fail "fixture edit failed"
run 3 check --store m.gpkg --proposal bad.geojson --format pdf --out bad.pdf
cli_message=$(sed -n 's/^zoning check: //p' "$work/err" | head -1)
[ -n "$cli_message" ] || fail "the CLI gave no message"
[ ! -e bad.pdf ] || fail "the CLI wrote a PDF for bad input"
http POST "/api/review.pdf?file=bad.geojson" bad.geojson
status_is 400
json_is 'd["error"]' "$cli_message"
