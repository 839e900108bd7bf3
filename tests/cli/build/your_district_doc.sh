# docs/your-district.md: every command of the walkthrough run on its fixture, the output the page
# shows compared with the program's (tests/cli/doc_console.py; `--update` rewrites the page).
cp -r "$ZONING_SRC/tests/fixtures/district" district
python3 "$ZONING_SRC/tests/cli/doc_console.py" "$ZONING_SRC/docs/your-district.md" "$work" >out 2>err ||
  fail "docs/your-district.md shows other output than the program prints"
