#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# No word of the bundled plan in the engine's code: the report's titles, groups and colours come
# from layers/*.toml and the dataset's own dataset.toml, so another district's report never prints
# Xinhua's headings. The words: every `name` in data/xinhua/*.geojson, the dataset's [titles],
# [titles_en] and [groups], and a hand list of the plan's set phrases.
# Usage: check_plan_words.sh SRC_DIR DATA_DIR   (exit 1 naming file, line and word on a hit)
set -u
src=${1:?usage: check_plan_words.sh SRC_DIR DATA_DIR}
data=${2:?usage: check_plan_words.sh SRC_DIR DATA_DIR}
words=$(mktemp)
trap 'rm -f "$words"' EXIT
/usr/bin/python3 - "$data" >"$words" <<'PY' || { echo "check_plan_words: cannot read the words of $data"; exit 2; }
import glob, json, os, sys, tomllib
data = sys.argv[1]
words = set()
for path in glob.glob(os.path.join(data, "*.geojson")):
    with open(path, encoding="utf-8") as f:
        for feature in json.load(f).get("features", []):
            name = (feature.get("properties") or {}).get("name")
            if isinstance(name, str) and len(name) >= 2:
                words.add(name)
with open(os.path.join(data, "dataset.toml"), "rb") as f:
    config = tomllib.load(f)
for section in ("titles", "titles_en", "groups"):
    words.update(v for v in config.get(section, {}).values() if isinstance(v, str))
words.update(["新华", "湛河", "香山", "四大分区", "五区四圈", "一带一区", "三核五廊", "三大园区", "生态智慧城区", "特色商业区", "平顶山",
              "1 belt, 1 area", "5 areas, 4 circles"])
if len(words) < 40:
    sys.exit(f"only {len(words)} words from {data}: the dataset moved?")
print("\n".join(sorted(words)))
PY
hits=$(grep -rnF -f "$words" "$src" --exclude-dir=node_modules --include='*.cpp' --include='*.hpp' --include='*.h' --include='*.txt')
if [ -n "$hits" ]; then
  echo "the bundled plan's words in $src (they belong in data/xinhua/dataset.toml or layers/*.toml):"
  echo "$hits"
  exit 1
fi
echo "no word of the bundled plan ($(wc -l <"$words") words) in $src"
