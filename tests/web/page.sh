# The web page in real headless Chromium (tests/web/page.cjs): renders, toggles, identifies, checks a
# drawn site, zooms to a conflict. SKIP where Chromium or the page's npm packages are absent.
[ -x /usr/bin/chromium ] || skip "no /usr/bin/chromium (scripts/install-deps --test installs it)"
command -v node >/dev/null || skip "no node (scripts/install-deps installs it)"
modules="$ZONING_SRC/src/serve/web/node_modules"
[ -d "$modules/puppeteer-core" ] && [ -d "$modules/ol" ] || skip "no $modules (scripts/install-deps --test runs npm ci)"
source "$ZONING_SRC/tests/cli/serve/serve_lib.sh"
mini_store
start_server --store m.gpkg
ZONING_WEB_MODULES="$modules" timeout 90 node "$ZONING_SRC/tests/web/page.cjs" "$url" >page.txt 2>&1 || { cat page.txt; fail "the page's checks failed"; }
cat page.txt
