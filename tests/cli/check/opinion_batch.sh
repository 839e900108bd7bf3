# Batch --format pdf --out DIR: one opinion per site, named by its id; an existing file stays
# untouched when Chromium is missing (exit 4, what to install).
command -v chromium >/dev/null || skip "chromium (Debian package) is needed: scripts/install-deps"
mini_store
run 0 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/two_parcels.txt" --batch --format pdf --out opinions
[ "$(ls opinions | tr '\n' ' ')" = "clean.pdf straddle.pdf " ] || fail "opinions: $(ls opinions)"
for f in opinions/*.pdf; do [ "$(head -c 5 "$f")" = "%PDF-" ] || fail "$f is no PDF"; done
echo old > note.pdf
ZONING_CHROMIUM=/nonexistent/chromium run 4 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/one_parcel.txt" --format pdf --out note.pdf
stderr_has "needs headless Chromium"
[ "$(cat note.pdf)" = old ] || fail "a failed PDF replaced the file"
run 3 check --store m.gpkg --proposal "$ZONING_SRC/tests/fixtures/proposals/one_parcel.txt" --format pdf
stderr_has "--format pdf needs --out FILE.pdf"
