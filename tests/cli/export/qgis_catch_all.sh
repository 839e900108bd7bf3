# A district whose 120 zone names no catalog category lists, exported for QGIS and rendered in real
# QGIS (headless): every zone is drawn in its catch-all colour (tests/qgis/check_catch_all.py).
[ -d /usr/lib/python3/dist-packages/qgis ] || skip "QGIS (Debian qgis, python3-qgis) is needed: scripts/install-deps --test"
/usr/bin/python3 "$ZONING_SRC/tests/cli/report/make_many_zones.py" many 12 10 >/dev/null || fail "fixture"
run 0 build --data many --store many.gpkg
run 0 export --store many.gpkg --qgis q
HOME="$work/home" QT_QPA_PLATFORM=offscreen timeout 300 /usr/bin/python3 "$ZONING_SRC/tests/qgis/check_catch_all.py" "$work/q" many "$work/zones.png" > qgis.log 2>&1 \
  || { grep -v -E "XDG_RUNTIME|DeprecationWarning|setapi" qgis.log; fail "QGIS catch-all check"; }
grep "^qgis:" qgis.log
