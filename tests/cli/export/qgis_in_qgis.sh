[ -x /usr/bin/qgis_process.bin ] || [ -d /usr/lib/python3/dist-packages/qgis ] || skip "QGIS (Debian qgis, python3-qgis) is needed: scripts/install-deps --test"
run 0 build --store x.gpkg
run 0 export --store x.gpkg --qgis q
# Moved elsewhere, the project still finds its GeoPackage: paths are relative.
mv q moved
HOME="$work/home" QT_QPA_PLATFORM=offscreen timeout 300 /usr/bin/python3 "$ZONING_SRC/tests/qgis/check_qgis_export.py" "$work/moved" x "$work/render.png" > qgis.log 2>&1 \
  || { grep -v -E "XDG_RUNTIME|DeprecationWarning|setapi" qgis.log; fail "QGIS check"; }
grep "^qgis:" qgis.log
