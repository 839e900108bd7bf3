# zoning --help lists exactly the commands of tests/cli/CMakeLists.txt (ZONING_COMMANDS), so a new
# command cannot go without its cases: help.sh COMMAND...
run 0 --help
for command in "$@"; do stdout_has "$command"; done
listed=$(sed -n '/^[Ss][Uu][Bb][Cc][Oo][Mm][Mm][Aa][Nn][Dd][Ss]:/,$p' out | sed -nE 's/^  ([a-z]+) .*/\1/p' | sort | tr '\n' ' ')
wanted=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
[ "$listed" = "$wanted" ] || fail "zoning --help lists [$listed], tests/cli/CMakeLists.txt [$wanted]"
