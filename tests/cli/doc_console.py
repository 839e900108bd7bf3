#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Runs the ```console blocks of a document and compares what they print with what the document
# says, so a walkthrough cannot drift from the program. In a block, a line "$ zoning ARGS" is a
# command (run with $ZONING, from the folder given); the lines after it are its output, stderr
# first, then stdout (the order a terminal shows them for these commands); "…" alone on a line
# stands for any number of lines; "[exit N]" closes the output of a command that exits N != 0.
# A ```toml block after "<!-- file: PATH -->" must equal that file (PATH from the source root).
#
#   doc_console.py DOC WORKDIR            check (exit 1 on a difference, shown as a diff)
#   doc_console.py DOC WORKDIR --update   write the real outputs into DOC
#
# For docs/your-district.md, WORKDIR holds a copy of tests/fixtures/district named district/:
#   d=$(mktemp -d); cp -r tests/fixtures/district $d/district
#   ZONING=build/src/zoning ZONING_SRC=. python3 tests/cli/doc_console.py docs/your-district.md $d --update
# (a block whose output changed is written in full: put back any "…" that elided warnings).
import difflib
import os
import re
import shlex
import subprocess
import sys

doc_path, workdir = sys.argv[1], sys.argv[2]
update = "--update" in sys.argv[3:]
zoning = os.environ["ZONING"]
src = os.environ["ZONING_SRC"]
lines = open(doc_path, encoding="utf-8").read().split("\n")


def run(command):
    args = shlex.split(command)
    assert args[0] == "zoning", command
    p = subprocess.run([zoning] + args[1:], cwd=workdir, capture_output=True, text=True)
    out = (p.stderr + p.stdout).rstrip("\n").split("\n") if (p.stderr + p.stdout).strip() else []
    if p.returncode != 0:
        out.append(f"[exit {p.returncode}]")
    return out


def matches(expected, actual):
    """Expected lines, with "…" for any run of lines, against actual lines."""
    if not expected:
        return not actual
    if expected[0] == "…":
        return any(matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and matches(expected[1:], actual[1:])


failures, out_lines, i, pending_file = [], [], 0, None
while i < len(lines):
    line = lines[i]
    m = re.match(r"<!-- file: (.+) -->", line.strip())
    if m:
        pending_file = m.group(1)
    if line.strip() == "```toml" and pending_file:
        end = lines.index("```", i + 1)
        want = open(os.path.join(src, pending_file), encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[i + 1:end] != want:
            failures.append(f"{pending_file}: the document's copy differs:\n" +
                            "\n".join(difflib.unified_diff(want, lines[i + 1:end], "file", "document", lineterm="")))
            if update:
                lines[i + 1:end] = want
                end = i + 1 + len(want)
        out_lines.extend(lines[i:end + 1])
        i, pending_file = end + 1, None
        continue
    if line.strip() != "```console":
        out_lines.append(line)
        i += 1
        continue
    end = lines.index("```", i + 1)
    block = lines[i + 1:end]
    out_lines.append(line)
    k = 0
    while k < len(block):
        if not block[k].startswith("$ "):
            k += 1
            continue
        command = block[k][2:]
        j = k + 1
        while j < len(block) and not block[j].startswith("$ "):
            j += 1
        expected = block[k + 1:j]
        actual = run(command)
        if not matches(expected, actual):
            failures.append(f"$ {command}\n" + "\n".join(difflib.unified_diff(expected, actual, "document", "program", lineterm="")))
            out_lines.append(block[k])
            out_lines.extend(actual)
        else:
            out_lines.extend(block[k:j])
        k = j
    out_lines.append("```")
    i = end + 1

if update:
    open(doc_path, "w", encoding="utf-8").write("\n".join(out_lines))
for f in failures:
    print(f, end="\n\n")
sys.exit(1 if failures and not update else 0)
