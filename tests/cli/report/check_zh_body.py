#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Checks a Chinese report (Markdown or HTML) reads like a bureau's document.

    check_zh_body.py REPORT.md|REPORT.html [PLAN_WORD...]

- the head gives 评估年度, 数据日期, 编制单位 and 数据性质, each with a value;
- the body before the technical appendix (技术附录) has no ASCII letter: no English word, rule id
  (ECO-CORE), layer path (projects/P04) or CRS code. Units after a number (m, m², km, km²) are
  allowed, and the PLAN_WORDs: ASCII the plan itself writes in the names quoted verbatim (GDP);
- the appendix is there and is last (only the footer follows it);
- conflicts are counted apart from points to review: "冲突 (N) · 需复核 (M)".
HTML is read as the text a reader sees (tags, styles and attributes dropped; SVG labels and hover
titles kept, as they are read too).
"""
import html
import re
import sys

path, plan_words = sys.argv[1], sys.argv[2:]
text = open(path, encoding="utf-8").read()
problems = []
if path.endswith(".html"):
    head = re.search(r"<header>(.*?)</header>", text, re.S)
    head_text = re.sub(r"<[^>]+>", "\n", head.group(1)) if head else ""
    body = re.sub(r"<style>.*?</style>", "", text, flags=re.S)
    body = re.sub(r"<head>.*?</head>", "", body, flags=re.S)
    cut = body.find('<section id="appendix">')
    main = body[:cut] if cut >= 0 else body
    # The map's scale bar says "5 km", its north arrow "N": both are what maps print everywhere.
    main = re.sub(r'<g class="(scalebar|north)"[^>]*>.*?</g>', "", main, flags=re.S)
    main = html.unescape(re.sub(r"<[^>]+>", " ", main))
else:
    head_text = text.split("\n## ", 1)[0]
    cut = text.find("\n## 技术附录")
    main = text[:cut] if cut >= 0 else text
if cut < 0:
    problems.append("no technical appendix (技术附录)")
for label in ("评估年度", "数据日期", "编制单位", "数据性质"):
    m = re.search(label + r"\**[：:\s]*\**\s*([^\n]+)", head_text)
    if not m or not m.group(1).strip():
        problems.append(f"the head lacks {label}")
allowed = re.sub(r"([\d万亿]\s*)k?m²?(?![A-Za-z])", r"\1", main)
for word in plan_words:
    allowed = re.sub(r"(?<![A-Za-z])" + re.escape(word) + r"(?![A-Za-z])", "", allowed)
letters = re.findall(r"[^\n]{0,20}[A-Za-z]+[^\n]{0,20}", allowed)
if letters:
    problems.append(f"{len(letters)} ASCII words in the Chinese body, e.g. " + " | ".join(l.strip() for l in letters[:5]))
if not re.search(r"冲突 \(\d+\) · 需复核 \(\d+\)", main):
    problems.append("conflicts and reviews are not counted apart")
if problems:
    sys.exit(path + ": " + "; ".join(problems))
print(f"{path}: the head has its four items; the Chinese body has no ASCII word; the appendix is last")
