# GET /api/layers on the mini store: the CRS with its proj4 definition, the QGIS export's groups and
# styles, parcels as tiles, the rest as GeoJSON; GET /api/geojson/{layer} gives the features.
source "$ZONING_SRC/tests/cli/serve/serve_lib.sh"
mini_store
start_server --store m.gpkg
case "$url" in http://127.0.0.1:*) ;; *) fail "listens on $url, not on loopback" ;; esac
http GET /api/layers
status_is 200
json_is 'd["crs"]' 'EPSG:4547'
json_is '"+proj=tmerc" in d["proj4"] and "+lon_0=114" in d["proj4"] and "+units=m" in d["proj4"]' True
json_is '[round(x) for x in d["extent"]]' '[430000, 3740000, 431000, 3741000]'
json_is '[l["name"] for g in d["groups"] for l in g["layers"] if l["source"] == "tiles"]' "['parcels']"
json_is '[(l["title"], l["count"]) for g in d["groups"] for l in g["layers"] if l["name"] == "parcels"]' "[('地块', 4)]"
# The land-use style lists the codes present with the standard's colours (layers/landuse.toml), as the QGIS export does.
json_is '[c["value"] for g in d["groups"] for l in g["layers"] if l["name"] == "parcels" for c in l["style"]["categories"]]' "['0301', '0701', '0901', '1001']"
# The base layers' groups come last, as in the .qgs project.
json_is 'd["groups"][-1]["layers"][-1]["name"]' 'roads'
http GET /api/geojson/functional_zones
status_is 200
json_is 'sorted((f["id"], f["properties"]["name"]) for f in d["features"])' "[('Z1', '西区'), ('Z2', '东区')]"
http GET /api/geojson/parcels
status_is 404
json_is '"/tiles/parcels/" in d["error"]' True
http GET /api/geojson/nosuch
status_is 404
# Zoom 0 is one tile over the whole 1 km district, holding the four parcels; an address outside the pyramid is 404.
http GET /tiles/parcels/0/0/0.pbf
status_is 200
[ "$(stat -c %s "$work/out")" -gt 100 ] || fail "tile 0/0/0 is nearly empty"
grep -q "vnd.mapbox-vector-tile" "$work/headers" || fail "tile content type"
http GET /tiles/parcels/9/0/0.pbf
status_is 404
