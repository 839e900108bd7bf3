# The bundled end-of-2023 history (data/xinhua-2023, made by scripts/make-xinhua-2023.py from data/xinhua):
# it is up to date with its script, and against today's store exactly the six projects completed in 2024–2025
# moved 在建 → 已建成; nothing added or removed, no new or resolved conflict, the same plan files.
mkdir -p data && cp -r "$ZONING_SRC/data/xinhua" data/
/usr/bin/python3 "$ZONING_SRC/scripts/make-xinhua-2023.py" || fail "make-xinhua-2023.py"
for f in dataset.toml projects.geojson targets.toml rules.toml indicators.csv; do
  cmp -s "data/xinhua-2023/$f" "$ZONING_SRC/data/xinhua-2023/$f" || fail "data/xinhua-2023/$f is not what scripts/make-xinhua-2023.py makes: rerun it"
done
run 0 build --data "$ZONING_SRC/data/xinhua-2023" --store old.gpkg -q
run 0 build --data "$ZONING_SRC/data/xinhua" --store new.gpkg -q
run 0 diff --from old.gpkg --to new.gpkg --format json
/usr/bin/python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["warnings"] == [], d["warnings"]
moves = [(s["from"], s["to"], s["to_completion_year"]) for s in d["projects_status"]]
assert len(moves) == 6 and all(m[:2] == ("under_construction", "completed") and m[2] in ("2024", "2025") for m in moves), moves
assert all(not (l["added"] or l["removed"]) for l in d["layers"])
assert d["conflicts"]["new"] == [] and d["conflicts"]["resolved"] == []
t01 = {p["id"]: p for p in d["progress"]}["T01"]
assert t01["old"]["measured"] < t01["new"]["measured"], t01' out || fail "end-2023 against today"
# The head dates each side by its data, not by when the store happened to be built.
run 0 diff --from old.gpkg --to new.gpkg --format md
stdout_has "（数据日期 2023-12-31）→ 本期"
stdout_has "（数据日期 2025-12-31）"
