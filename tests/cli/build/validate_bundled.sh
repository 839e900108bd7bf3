run 0 build --store xinhua.gpkg
stdout_has "parcels"; stdout_has "0 feature(s) repaired"
run 0 validate --store xinhua.gpkg
stdout_has "0 error(s)"; stdout_has "illustrative"
grep -qE "gaps 0\.[0-9]+ m², overlaps 0\.[0-9]+ m²" out || fail "zones do not tile to under 1 m²"
stdout_has "warning:"   # the 孟宝 railway really leaves the district
command -v ogrinfo >/dev/null && { ogrinfo -ro -so xinhua.gpkg parcels | grep -q "EPSG\",4547\|4547" || fail "store layer not in EPSG:4547"; }
