# indicators.csv is checked at build against targets.toml: an unknown target, a unit other than the
# target's, a year given twice, a target the geometry measures. Each error names the file and line; a
# good file measures the statistical target like any other (T5 GDP 12 of 10 亿元 in 2024: met).
copy_mini
sed -i 's/^attach = .*/attach = ["targets.toml", "rules.toml", "indicators.csv"]/' mini/dataset.toml
header='target_id,year,value,unit,source,certainty'
try() {
  printf '%s\n%s\n' "$header" "$1" > mini/indicators.csv
  run 3 build --data mini --store m.gpkg -q
  stderr_has "indicators.csv"
  stderr_has "line ${3:-2}"
  stderr_has "$2"
  [ ! -e m.gpkg ] || fail "a store was written from a bad indicators.csv"
}
try 'T9,2024,12,亿元,统计公报,surveyed' "target 'T9' is not in targets.toml"
try 'T5,2024,12,万元,统计公报,surveyed' "unit '万元' is not the target's unit '亿元'"
try 'T5,2023,11,亿元,统计公报,surveyed
T5,2023,12,亿元,统计公报,surveyed' "has a value for 2023 already (line 2)" 3
try 'T1,2024,12,m²,统计公报,surveyed' "is measured from the data"
try 'T5,2024,twelve,亿元,统计公报,surveyed' "value must be a finite number"
try 'T5,2024,12,亿元,,surveyed' "needs its source"
printf '%s\n%s\n%s\n' "$header" 'T5,2023,8,亿元,"统计公报, 2023",surveyed' 'T5,2024,12,亿元,统计公报 2024,estimated' > mini/indicators.csv
run 0 build --data mini --store m.gpkg -q
run 0 report --store m.gpkg --format json --out - -q
/usr/bin/python3 -c '
import json, sys
t5 = {p["id"]: p for p in json.load(open(sys.argv[1]))["progress"]}["T5"]
assert t5["measured"] == 12 and t5["measured_year"] == 2024 and t5["status"] == "met" and t5["measured_from"] == "indicator", t5
assert t5["indicator"] == {"source": "统计公报 2024", "certainty": "estimated"}, t5
assert t5["series"] == [{"year": 2023, "value": 8.0}, {"year": 2024, "value": 12.0}], t5["series"]' out || fail "T5 from indicators"
run 0 report --store m.gpkg --format json --out - --year 2023 -q
grep -q '"measured": 8.0' out || fail "--year 2023 takes the 2023 value"
