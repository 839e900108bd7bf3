# zoning COMMAND --help lists the command's main options: help.sh COMMAND OPTION...
command=$1
shift
run 0 "$command" --help
for option in "$@"; do stdout_has "$option"; done
