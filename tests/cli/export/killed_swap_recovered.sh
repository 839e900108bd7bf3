# What a run killed (kill -9) in the middle of a --force replace leaves is put right by the next
# run: a parked ".res.old-PID" of a dead PID is put back when the folder is missing, removed when
# it is there; ".res.tmp-PID" folders of dead PIDs are removed. Folders of live PIDs are left.
mini_store
dead=$(sh -c 'echo $$')   # a pid that has just ended
run 0 export --store m.gpkg --format geojson --out res -q
# killed between the two renames: the old folder parked, the new one half-written
mv res ".res.old-$dead" && mkdir ".res.tmp-$dead" && echo half > ".res.tmp-$dead/x.geojson"
mkdir ".res.tmp-$$" && echo live > ".res.tmp-$$/x"  # a run still going (this shell)
run 3 export --store m.gpkg --format geojson --out res -q; stderr_has "not empty"
[ -n "$(ls res/*.geojson)" ] || fail "the parked folder was not put back"
[ ! -e ".res.old-$dead" ] && [ ! -e ".res.tmp-$dead" ] || fail "left-behind folders not cleaned"
[ -e ".res.tmp-$$" ] || fail "a live run's folder was removed"
# killed after the swap: both there, the parked one goes
cp -r res ".res.old-$dead"
run 0 export --store m.gpkg --format geojson --out res --force -q
[ ! -e ".res.old-$dead" ] && [ -n "$(ls res/*.geojson)" ] || fail "stale parked folder kept"
