copy_mini
# GeoJSON without a crs member is WGS84 by RFC 7946; these coordinates are metres.
python3 -c "
import json; p = '$work/mini/projects.geojson'; j = json.load(open(p)); del j['crs']; json.dump(j, open(p, 'w'))"
run 3 build --data mini --store s.gpkg
stderr_matches "mini/projects.geojson: layer 'projects': coordinates \(430[0-9.]+ 3740[0-9.]+, .*\) are plainly projected metres, but the source declares EPSG:4326"
sed -i 's|source = "projects.geojson"|source = "projects.geojson"\ncrs = "EPSG:4547"\nforce_crs = true|' mini/dataset.toml
run 0 build --data mini --store s.gpkg
