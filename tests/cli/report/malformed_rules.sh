mini_store
printf '[[rule]]\nid = "X"\ntitle = "t"\nclause = "c"\nkind = "overlap_frame"\nframe_layer = "eco_structure"\nseverity = "fatal"\n' > bad.toml
run 3 report --store m.gpkg --rules bad.toml --out - -q; stderr_has "bad.toml: line 1: severity must be"
