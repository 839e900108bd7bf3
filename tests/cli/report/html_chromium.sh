command -v chromium >/dev/null || skip "chromium (Debian package) is needed: scripts/install-deps --test"
run 0 build --store x.gpkg
run 0 report --store x.gpkg --format html --out report.html -q
profile=$(mktemp -d)
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update
       --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$profile")
timeout 120 chromium "${flags[@]}" --dump-dom "file://$work/report.html" > dom.html 2>/dev/null || fail "chromium --dump-dom"
timeout 120 chromium "${flags[@]}" --screenshot="$work/shot.png" --window-size=1400,1100 "file://$work/report.html" >/dev/null 2>&1 || fail "chromium screenshot"
rm -rf "$profile"
/usr/bin/python3 "$ZONING_SRC/tests/cli/check_report_render.py" dom.html shot.png || fail "the page did not render the map"
