# build/bad_plan_file.sh FILE TEXT EXPECTED: TEXT appended to the mini fixture's FILE (rules.toml or
# targets.toml) makes `build` refuse with a line naming FILE and EXPECTED, and write no store: a plan
# file that report and check would refuse (or misread) must never reach the store.
copy_mini
printf '%b' "$2" >> "mini/$1"
run 3 build --data mini --store m.gpkg
stderr_matches "mini/$1: .*line [0-9]+"
stderr_has "$3"
[ ! -e m.gpkg ] || fail "a store was written"
# validate --data says so too, before anyone builds.
run 3 validate --data mini
stderr_has "$3"
