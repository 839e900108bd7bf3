# export/full_disk.sh: on a full disk every export format ends in one line of ours (exit 4, naming
# the output), never GDAL's own "ERROR 1: ..." line, and leaves nothing behind. The disk is a
# 64 KiB tmpfs, filled to each level in turn so the disk runs out at every step of the write.
# Needs mount privileges (root, as in CI's container); SKIP elsewhere.
mini_store
mkdir full
mount -t tmpfs -o size=64k tmpfs full 2>/dev/null || skip "cannot mount a tmpfs (needs root)"
trap 'umount "$work/full" 2>/dev/null; rm -rf "$work"' EXIT
for how in "--qgis full/q" "--format gpkg --out full/g" "--format shp --out full/s" "--format shp --out full/s --encoding GBK"; do
  for kib in 0 8 16 24 32 40 48 52 56 60; do
    rm -rf full/* full/.[!.]* 2>/dev/null
    [ "$kib" = 0 ] || head -c ${kib}k /dev/zero > full/fill 2>/dev/null
    "$ZONING" export --store m.gpkg $how >"$work/out" 2>"$work/err"
    got=$?
    [ "$got" = 0 ] && continue  # it fitted
    [ "$got" = 4 ] || fail "exit $got, expected 4 (or 0): export $how with ${kib} KiB taken"
    [ "$(wc -l < "$work/err")" = 1 ] || fail "not one line on stderr: export $how with ${kib} KiB taken"
    stderr_matches "^zoning export: full/[a-z]+/"
    stderr_lacks "ERROR 1"
    stderr_lacks "Warning 1"
    [ -z "$(ls -A full | grep -v '^fill$')" ] || fail "half-written files left behind: $(ls -A full)"
  done
done
# The first failure is the one named: the disk, not a table GDAL could not create afterwards.
rm -rf full/*
"$ZONING" export --store m.gpkg --format gpkg --out full/g >"$work/out" 2>"$work/err"
stderr_has "disk is full"
stderr_lacks "no such table"
