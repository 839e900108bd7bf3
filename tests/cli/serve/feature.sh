# GET /api/features/{layer}/{id}: every attribute, the frame's land use from the report
# (ANSWERS.md: 西区 is 0701 250,000 m² and 0301 250,000 m²), and the conflicts naming it.
source "$ZONING_SRC/tests/cli/serve/serve_lib.sh"
mini_store
start_server --store m.gpkg
http GET /api/features/functional_zones/Z1
status_is 200
json_is 'd["name"]' '西区'
json_is 'd["bbox"]' '[430000.0, 3740000.0, 430500.0, 3741000.0]'
json_is 'round(d["area_m2"])' '500000'
json_is 'sorted((u["code"], round(u["area_m2"])) for u in d["landuse"])' "[('0301', 250000), ('0701', 250000)]"
# P3 (0901) lies in 西区: ZONE-LANDUSE names the zone.
json_is '[c["rule"] for c in d["conflicts"]]' "['ZONE-LANDUSE']"
http GET /api/features/eco_structure/K
status_is 200
json_is 'sorted(c["rule"] for c in d["conflicts"])' "['ECO-CORE', 'REDEV-CORE']"
json_is '[(a["field"], a["value"]) for a in d["attributes"] if a["field"] == "kind"]' "[('kind', '核')]"
# A project is no frame: it has attributes and conflicts, no land-use breakdown.
http GET /api/features/projects/P2
status_is 200
json_is 'd["landuse"]' 'None'
json_is '[c["rule"] for c in d["conflicts"]]' "['ECO-CORE']"
http GET /api/features/projects/NOSUCH
status_is 404
json_is 'd["error"]' "no feature with id 'NOSUCH' in layer 'projects'"
http GET /api/features/nosuch/Z1
status_is 404
