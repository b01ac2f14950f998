"""Writes tests/eval/dev-brandclaims11/<lang>.jsonl from the hand-written listings in
brandclaims11_part1.py, _part2.py and _part3.py (the brandclaims11 helper's development set
for brand use without counterfeit words and health claims, issue 11). Run from the
repository root: python3 tools/dev-sets/brandclaims11.py"""
import json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from brandclaims11_part1 import SETS as A
from brandclaims11_part2 import SETS as B
from brandclaims11_part3 import EXTRA
out = "tests/eval/dev-brandclaims11"
os.makedirs(out, exist_ok=True)
for lang, (mp, market, cur, rows) in {**A, **B}.items():
    rows = rows + EXTRA.get(lang, [])
    n = {}
    with open(f"{out}/{lang}.jsonl", "w", encoding="utf-8") as f:
        for group, why, title, extra, price in rows:
            n[group] = n.get(group, 0) + 1
            expect = "genuine" if group.startswith("genuine") else "risky"
            row = {"id": f"dv-{lang}-{group}-{n[group]:02}", "lang": lang, "expect": expect,
                   "group": group, "why": why, "marketplace": mp, "market": market,
                   "title": title, **extra, "price": price, "currency": cur}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
