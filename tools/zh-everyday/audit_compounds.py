#!/usr/bin/env python3
"""Audit: do short Chinese terms of the packs fire inside ordinary longer words?

For every Chinese term of one or two characters in crate/core/packs (brand packs aside:
their everyday names are handled by zh-everyday.txt), takes the commonest longer words of
jieba's dictionary that contain it (not proper nouns, frequency >= 20, at most two
characters longer) and writes them as listings, one per line, for `listing-guard check`:

  python3 tools/zh-everyday/audit_compounds.py JIEBA_DICT > /tmp/audit.jsonl
  listing-guard check --format json /tmp/audit.jsonl | python3 tools/zh-everyday/audit_compounds.py --report

The report lists each term, the rule it fired for, and the compounds it fired in (with
the severity's initial). A compound that is an ordinary word (鼻烟壶 "snuff bottle" for
鼻烟) needs an `unless` word or a pass example in its pack; one that still means the
thing (左轮手枪 for 手枪) does not.
"""
import glob
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def fold_table():
    t2s = {}
    for line in (ROOT / "crate/core/data/t2s.txt").read_text(encoding="utf-8").splitlines():
        chars = [c for c in line if not c.isspace()]
        if not line.startswith("#") and len(chars) == 2:
            t2s[chars[0]] = chars[1]
    return lambda s: "".join(t2s.get(c, c) for c in s)


def listings(jieba_dict):
    fold = fold_table()
    words = {}
    for raw in Path(jieba_dict).read_text(encoding="utf-8").splitlines():
        w, f, tag = raw.split()
        if HAN.match(w) and not tag.startswith(("nr", "ns", "nt", "nz")) and int(f) >= 20:
            words[fold(w)] = int(f)
    terms = {}
    for p in sorted(glob.glob(str(ROOT / "crate/core/packs/*.toml"))):
        if "brand" in Path(p).name:
            continue
        pack, rule = Path(p).stem, None
        for line in open(p, encoding="utf-8"):
            m = re.match(r'^id = "([^"]+)"', line)
            if m:
                rule = m.group(1)
            for t in re.findall(r'"([\u4e00-\u9fff]{1,2})"', line):
                if rule:
                    terms.setdefault(fold(t), set()).add(f"{pack}.{rule}")
    for t, rules in sorted(terms.items()):
        compounds = sorted((w for w in words if t in w and w != t and len(w) <= len(t) + 2), key=lambda w: -words[w])
        for c in compounds[:15]:
            print(json.dumps({"id": f"{t}|{c}|{','.join(sorted(rules))}", "title": c}, ensure_ascii=False))


def report():
    seen = {}
    for line in sys.stdin:
        d = json.loads(line)
        t, c, rules = d["listing"].split("|")
        if d["rule"] in rules.split(","):
            seen.setdefault((t, d["rule"]), []).append(f"{c}:{d['severity'][0]}")
    for (t, r), cs in sorted(seen.items()):
        print(t, r, " ".join(cs))


if __name__ == "__main__":
    if sys.argv[1:] == ["--report"]:
        report()
    elif len(sys.argv) == 2:
        listings(sys.argv[1])
    else:
        sys.exit(__doc__)
