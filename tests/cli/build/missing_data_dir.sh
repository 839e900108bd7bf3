run 3 build --data "$work/nowhere" --store s.gpkg; stderr_has "nowhere/dataset.toml: dataset description not found"
