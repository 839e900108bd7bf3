# The report's map draws with the catalog's colours and words (layers/*.toml), as the QGIS export does.
run 0 build --store x.gpkg -q
run 0 report --store x.gpkg --format html --lang en --out report.html -q
grep -q 'stroke="#c0a000"' report.html || fail "eco 区 not in the catalog's #c0a000"
! grep -q '#b8a000' report.html || fail "a colour of its own (#b8a000) instead of the catalog's"
grep -q '>eco belt</text>' report.html && grep -q '>service circle</text>' report.html || fail "legend lacks the catalog's English kinds"
