# A work CRS the district leaves the area of use of is refused with the scale error it would cause;
# a geographic one, an unknown one and an unknown kind of area are refused too. Nothing is written.
source "$ZONING_SRC/tests/cli/crs/lib_crs.sh"
crs_fixture crs-east120
cp crs-east120/dataset.toml plain.toml
sed -i 's/^sources = .*/&\ncrs = "EPSG:4547"/' crs-east120/dataset.toml
run 3 build --data crs-east120 --store s.gpkg
# 6.4° from CM 114°E at 36°N, GK's areal scale is (1 + y²/2R² + ...)² ≈ 1.0083.
stderr_matches "crs-east120/dataset.toml: layer 'boundary': fid [0-9]+: the district leaves the area of use of EPSG:4547 \(CGCS2000 / 3-degree Gauss-Kruger CM 114E"
stderr_matches "areas there would be off by about \+0\.8[2-4] % \(at 120\.4400°E 36\.0600°N\)"
stderr_has "区界超出 EPSG:4547 的适用范围：面积误差约 +0.8"
[ ! -e s.gpkg ] || fail "a store was written"
sed -i 's/EPSG:4547/EPSG:4490/' crs-east120/dataset.toml
run 3 build --data crs-east120 --store s.gpkg
stderr_has "[dataset] crs EPSG:4490 is geographic (degrees): areas and lengths need a projected CRS in metres"
sed -i 's/EPSG:4490/EPSG:999999/' crs-east120/dataset.toml
run 3 build --data crs-east120 --store s.gpkg
stderr_has "crs-east120/dataset.toml: [dataset] crs: unknown CRS 'EPSG:999999'"
cp plain.toml crs-east120/dataset.toml
sed -i 's/^sources = .*/&\narea = "spherical"/' crs-east120/dataset.toml
run 3 build --data crs-east120 --store s.gpkg
stderr_has '[dataset] area must be "planar"'
[ ! -e s.gpkg ] || fail "a store was written"
# The same from the command line, over a dataset.toml that names none.
cp plain.toml crs-east120/dataset.toml
run 3 build --data crs-east120 --store s.gpkg --crs EPSG:4326
stderr_has "--crs EPSG:4326 is geographic (degrees)"
run 3 build --data crs-east120 --store s.gpkg --crs EPSG:4547
stderr_has "区界超出 EPSG:4547 的适用范围：面积误差约 +0.8"
stderr_has "leave --crs out to have the zone chosen from the boundary"
[ ! -e s.gpkg ] || fail "a store was written"
