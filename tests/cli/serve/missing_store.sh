# A store that is not there: exit 3 naming it, before anything listens.
run 3 serve --store none.gpkg --port 0 --cache-dir cache
stderr_has "none.gpkg"
stdout_lacks "http://"
