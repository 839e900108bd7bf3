# report/golden.sh EXPECTED ARGS...: the report of the mini store equals tests/cli/expected/EXPECTED
expected=$1
shift
mini_store
run 0 report --store m.gpkg "$@" --out - -q
# The build time is the one volatile field.
sed -E 's/"built_at": "[^"]*"/"built_at": "BUILT_AT"/; s/(Store built:? |存储构建时间: )[0-9T:Z-]+/\1BUILT_AT/' out > got
same_as "$expected" got
