# The tile cache is never the store's own folder: the server only reads beside the store.
mini_store
run 3 serve --store m.gpkg --port 0 --cache-dir .
stderr_has "--cache-dir"
stderr_has "store's folder"
[ -z "$(ls -A | grep -v '^m.gpkg$\|^out$\|^err$')" ] || fail "something was written beside the store: $(ls -A)"
