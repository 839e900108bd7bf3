run 3 report --store nowhere.gpkg -q; stderr_has "nowhere.gpkg: store not found (run \`zoning build\` first)"
