mini_store
run 4 report --store m.gpkg --out /dev/null/x/report.html -q; stderr_has "/dev/null/x/report.html"
