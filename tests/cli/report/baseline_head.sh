# report --baseline: the head of this year's report (mini_next) says what changed since last year's (mini):
# 1 added, 1 removed, 2 changed, 1 status change, 1 new and 1 resolved conflict (tests/fixtures/mini_next/ANSWERS.md).
run 0 build --data "$fixture" --store old.gpkg -q
run 0 build --data "$ZONING_SRC/tests/fixtures/mini_next" --store new.gpkg -q
run 0 report --store new.gpkg --baseline old.gpkg --format md --out - -q
stdout_has "相比：新增要素 1 个，删除 1 个，变更 2 个；项目状态变化 1 个；新增冲突 1 个，已解决 1 个，仍存在 4 个。"
run 0 report --store new.gpkg --baseline old.gpkg --format json --out - -q
/usr/bin/python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["since"]
assert [a["id"] for a in s["added"]] == ["P9"] and [r["id"] for r in s["removed"]] == ["P4"], s
assert s["conflicts_new"] == [{"rule": "ECO-CORE", "features": ["P9", "K"]}] and s["same_rules"], s' out || fail "since in JSON"
run 0 report --store new.gpkg --format json --out - -q
! grep -q '"since"' out || fail "since without --baseline"
run 0 report --store new.gpkg --baseline old.gpkg --format html --out r.html -q
grep -q '<p class="since">与上期' r.html || fail "HTML head"
cp old.gpkg before.gpkg
run 3 report --store new.gpkg --baseline old.gpkg --format md --out old.gpkg -q
cmp -s old.gpkg before.gpkg || fail "the baseline was written over"
