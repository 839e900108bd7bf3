run 0 build --store x.gpkg
python3 - "$ZONING_SRC/docs/sql.md" "$work/queries" <<'PY'
import re, sys, os
text = open(sys.argv[1], encoding="utf-8").read()
os.makedirs(sys.argv[2])
for i, q in enumerate(re.findall(r"```sql\n(.*?)```", text, re.S)):
    open(os.path.join(sys.argv[2], "%02d.sql" % i), "w").write(q)
PY
n=0
for q in queries/*.sql; do
  run 0 sql --store x.gpkg "$(cat "$q")"
  rows=$(tail -1 out | sed -n 's/^(\([0-9]*\) rows\{0,1\})$/\1/p')
  [ -n "$rows" ] && [ "$rows" -gt 0 ] || fail "docs/sql.md query $q returned no rows: $(cat "$q")"
  n=$((n + 1))
done
[ "$n" -ge 8 ] || fail "only $n queries found in docs/sql.md"
echo "ran $n queries from docs/sql.md"
