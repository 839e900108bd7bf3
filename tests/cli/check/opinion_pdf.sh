# The 审查意见书: Chromium prints it; pdftotext finds its six sections, the site's name, the plan's
# clause, the 界址点 and the signer, and no internal word (rule id, layer name, exit code, path,
# English); one or two A4 pages.
command -v chromium >/dev/null || skip "chromium (Debian package) is needed: scripts/install-deps"
command -v pdftotext >/dev/null || skip "pdftotext (poppler-utils) is needed: scripts/install-deps --test"
mini_store
run 2 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/in_core.geojson" --format pdf --out note.pdf \
  --organisation 测试区自然资源局 --date 2026年1月15日
[ -s note.pdf ] && [ "$(head -c 5 note.pdf)" = "%PDF-" ] || fail "no PDF"
pdftotext -layout note.pdf note.txt
for s in 建设项目规划选址审查意见书 一、项目概况 二、审查依据 三、审查结论 四、审查意见 五、附图 六、界址坐标表 核心区厂房 \
         第九章第一节 不予同意 测试区自然资源局 2026年1月15日 J1 J4 6,400; do
  grep -qF "$s" note.txt || { cp note.txt "$work/out"; fail "the opinion lacks: $s"; }
done
for w in ECO-CORE eco_structure functional_zones projects/ exit m.gpkg in_core.geojson "$work"; do
  ! grep -qF "$w" note.txt || { cp note.txt "$work/out"; fail "the opinion shows an internal word: $w"; }
done
# No English in the Chinese document: Latin words only as point names (J1) and units.
! grep -oE '[A-Za-z]{2,}' note.txt | grep -vxE 'km' | grep -q . || { grep -oE '[A-Za-z]{2,}' note.txt | sort -u > "$work/out"; fail "English in the zh opinion"; }
pages=$(pdfinfo note.pdf | awk '/^Pages:/ {print $2}')
[ "$pages" -ge 1 ] && [ "$pages" -le 2 ] || fail "$pages pages for a simple site"
pdfinfo note.pdf | grep -qE 'Page size: +59[45](\.[0-9]+)? x 84[12]' || fail "not A4: $(pdfinfo note.pdf | grep 'Page size')"
run 2 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/in_core.geojson" --format pdf --out note-en.pdf --lang en
pdftotext note-en.pdf note-en.txt
grep -qF "3. Conclusion" note-en.txt && grep -qF "6. Boundary coordinates" note-en.txt || fail "English opinion"
