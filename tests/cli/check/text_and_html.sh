mini_store
run 2 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/in_core.geojson"
stdout_has "结论：冲突 (exit 2)"; stdout_has "ECO-CORE"; stdout_has "测试湿地"; stdout_has "第九章第一节"
run 2 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/in_core.geojson" --lang en
stdout_has "Verdict: conflict (exit 2)"
stdout_has "测试湿地 (core)"; stdout_has "测试绿廊 (corridor)"   # kinds in the catalog's English words
run 2 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/in_core.geojson" --format html --out note.html
grep -q '<svg id="locator"' note.html && grep -q 'id="proposal"' note.html && grep -q 'class="conflict"' note.html || fail "html note lacks its locator map"
