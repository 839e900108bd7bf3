# A shapefile without .shx: refused with the remedy; with open_options = ["SHAPE_RESTORE_SHX=YES"]
# read from a copy in memory, and the folder is byte-identical afterwards (no .shx written beside it).
source "$ZONING_SRC/tests/cli/build/district_lib.sh"
district
before=$(find district -printf "%p %s %T@\n" | sort; sha256sum district/*)
run 3 build --data district/try-4-no-shx.toml --store d.gpkg
stderr_has "layer 'projects': the shapefile's .shx index is missing; add open_options = [\"SHAPE_RESTORE_SHX=YES\"]"
SHAPE_RESTORE_SHX=YES run 0 build --data district --store d.gpkg
[ ! -e district/GHXM.shx ] || fail "a .shx was written into the source folder"
after=$(find district -printf "%p %s %T@\n" | sort; sha256sum district/*)
[ "$before" = "$after" ] || fail "the source folder changed"
query "SELECT count(*) FROM projects"
stdout_has "4"
# An option the driver does not have is an error, not a warning that does nothing.
sed -i 's/^open_options = .*/open_options = ["SHAPE_RESTORE_SHX=YES", "ADJUST_TYPE=YES", "NO_SUCH_OPTION=1"]/' district/dataset.toml
run 3 build --data district --store d2.gpkg
stderr_has "open option 'NO_SUCH_OPTION=1': the ESRI Shapefile driver has no open option NO_SUCH_OPTION"
