# Sourced by the report cases that ask headless Chromium what it laid out (not a case itself).
# chromium_probe HTML WIDTH SCRIPT OUT: copies HTML with SCRIPT run at the end of its body, opens
# it in a window WIDTH px wide and writes the JSON the script left in <body data-probe> to OUT.
command -v chromium >/dev/null || skip "chromium (Debian package) is needed: scripts/install-deps --test"
chromium_flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update
                --disable-sync --no-first-run --hide-scrollbars)
chromium_probe() {
  local page=$1 width=$2 script=$3 out=$4 profile
  profile=$(mktemp -d)
  /usr/bin/python3 -c 'import sys; page = open(sys.argv[1], encoding="utf-8").read(); script = open(sys.argv[2], encoding="utf-8").read()
open("probe.html", "w", encoding="utf-8").write(page.replace("</body>", "<script>" + script + "</script></body>"))' "$page" "$script"
  timeout 120 chromium "${chromium_flags[@]}" --user-data-dir="$profile" --window-size="$width",1000 --dump-dom "file://$work/probe.html" \
    > probe-dom.html 2>/dev/null || fail "chromium --dump-dom"
  rm -rf "$profile"
  /usr/bin/python3 - probe-dom.html > "$out" <<'PY' || fail "the probe left nothing in the DOM"
import html, re, sys
m = re.search(r'data-probe="([^"]*)"', open(sys.argv[1], encoding="utf-8").read())
if not m:
    sys.exit(1)
print(html.unescape(m.group(1)))
PY
}
