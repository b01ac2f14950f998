"""Floor calibration check: lints every row of both tables of the Walmart–Amazon
benchmark (genuine listings with their prices in US dollars; CC-BY 4.0, Mudgal et al.
2018; read at run time, never shipped) with the built-in packs, and prints each row a
price-floor rule flags, then the count. Every floor in crate/core/packs/price.toml must
leave that count at zero.

usage (from the repository root):
    python3 tools/price-floors/corpus_check.py [CORPUS_DIR]
        (default ../shared/corpus/walmart-amazon)
"""
import csv
import json
import subprocess
import sys

FLOOR_RULES = ("price.below-floor", "price.controller-floor")

corpus = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/walmart-amazon"
rows = {}
for table in ("tableA_walmart", "tableB_amazon"):
    with open(f"{corpus}/{table}.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rid = f"{table}:{row['id']}"
            rows[rid] = {
                "id": rid,
                "title": row.get("title", ""),
                "category": row.get("category", ""),
                "brand": row.get("brand", ""),
                "price": row.get("price", ""),
                "currency": "USD",
            }
subprocess.run(["cargo", "build", "-q", "--release", "-p", "listing-guard-cli"], check=True)
out = subprocess.run(
    ["./target/release/listing-guard", "check", "--format", "json", "--fail-on", "block", "-"],
    input="".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows.values()),
    capture_output=True, text=True, check=False,
)
if out.returncode not in (0, 1):
    sys.exit(out.stderr)
flagged = 0
for line in out.stdout.splitlines():
    f = json.loads(line)
    if f["rule"] in FLOOR_RULES:
        flagged += 1
        r = rows[f["listing"]]
        print(f"{r['id']}: {f['rule']}: {r['price']} {r['title'][:90]!r} ({f.get('brand')})")
print(f"{flagged} genuine rows under a floor, of {len(rows)} rows")
