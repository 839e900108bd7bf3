# --zone keeps the conflicts whose overlap lies in the zone, whatever features they name:
# 商贸科创区 is named by none of the four inside it (the planned 科技服务产业园 crosses two roads' red lines).
run 0 build --store x.gpkg -q
run 0 report --store x.gpkg --format json --zone 商贸科创区 --out - -q
python3 -c "
import json; j = json.load(open('$work/out'))
assert [(c['layer'], c['name']) for c in j['coverage']] == [('functional_zones', '商贸科创区')], j['coverage']
got = sorted((c['rule'], c['features'][0]['id'], c['features'][1]['id']) for c in j['conflicts'])
assert got == [('ECO-CORRIDOR', 'P24', 'EC07'), ('REDEV-CORE', 'RA04', 'EC03'), ('ROAD-RED-LINE', 'P10', 'R01'), ('ROAD-RED-LINE', 'P10', 'R07')], got" || fail "conflicts in 商贸科创区"
