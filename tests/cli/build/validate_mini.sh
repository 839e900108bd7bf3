run 0 build --data "$fixture" --store s.gpkg
stdout_has "Built s.gpkg"; stdout_has "parcels"
stderr_has "layer 'industrial_parks': the dataset does not provide this catalog layer"
run 0 validate --store s.gpkg
stdout_has "parcels                     4"
stdout_has "gaps 0.000 m², overlaps 0.000 m²"
stdout_has "Functional zones outside the boundary: 0.000 m²"
stdout_has "district 1.000 km², zones 1.000 km²"
stdout_has "0 error(s)"
run 0 validate --store s.gpkg --format json
python3 -c "import json,sys; j=json.load(open('$work/out')); assert j['ok'] and j['tiling']['gap_area_m2']==0, j; assert [l['count'] for l in j['layers'] if l['layer']=='parcels']==[4]" \
  || fail "json output"
