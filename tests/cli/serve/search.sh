# GET /api/search?q=: by name or id across layers, exact matches first; an empty query is a 400.
source "$ZONING_SRC/tests/cli/serve/serve_lib.sh"
mini_store
start_server --store m.gpkg
http GET "/api/search?q=%E6%B5%8B%E8%AF%95"  # 测试
status_is 200
json_is 'sorted((r["layer"], r["id"]) for r in d["results"] if r["layer"] == "eco_structure")' "[('eco_structure', 'K'), ('eco_structure', 'L')]"
http GET "/api/search?q=p2"
status_is 200
json_is '(d["results"][0]["layer"], d["results"][0]["id"], d["results"][0]["name"])' "('projects', 'P2', '核心区工厂')"
json_is 'd["results"][0]["bbox"]' '[430750.0, 3740750.0, 430850.0, 3740850.0]'
http GET "/api/search?q=%20"
status_is 400
http GET "/api/search?q=nothing-has-this"
status_is 200
json_is 'd["total"]' '0'
