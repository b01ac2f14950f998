#!/usr/bin/env python3
"""Writes crate/core/data/zh-everyday.txt: the Chinese brand names of the built-in packs
that are also everyday Chinese words, with the common longer words that contain them.

A name is everyday when CC-CEDICT has an entry for it written in lower-case pinyin (a
common word: 高达 [gao1 da2] "to reach up to", 小米 [xiao3 mi3] "millet"), besides or
instead of a capitalised entry (a proper noun: 高达 [Gao1 da2] "Gundam"). Its compounds
are the longer everyday words that contain it: lower-case CC-CEDICT entries and the
words of jieba's dictionary that it does not tag as proper nouns (小米粥, 三星级, 苹果派),
less the ones that name the brand's own goods or company (苹果电脑, 苹果公司). The engine
reads those as the words, not as the brand. See README.md for the sources and licences.

usage: python3 tools/zh-everyday/gen_everyday.py CEDICT_FILE JIEBA_DICT [OUT]
"""
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKS = ["brands.toml", "brand-registry.toml"]
HAN = re.compile(r"^[\u3400-\u9fff]+$")
LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


def t2s_table():
    table = {}
    for line in (ROOT / "crate/core/data/t2s.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        chars = [c for c in line if not c.isspace()]
        if len(chars) == 2:
            table[chars[0]] = chars[1]
    return table


def pack_names():
    """Every Chinese-script brand name or alias in the built-in brand packs."""
    names = set()
    for pack in PACKS:
        doc = tomllib.loads((ROOT / "crate/core/packs" / pack).read_text(encoding="utf-8"))
        for rule in doc.get("rule", []):
            for b in rule.get("brands", []):
                for n in [b.get("name", "")] + b.get("aliases", []):
                    names.add(n)
            for line in rule.get("brand_lines", "").splitlines():
                for n in line.lstrip("!?").split("|"):
                    names.add(n.strip())
    return {n for n in names if HAN.match(n)}


# Endings that make a word the company or its shop, not an everyday word.
COMPANY = {"公司", "集团", "网", "店", "牌", "机", "电脑", "手机", "官网", "品牌"}
# Single-character goods: 鳄鱼恤 and 鳄鱼衫 are the brand's shirts, not crocodiles.
GOODS = {"恤", "衫", "鞋", "包", "表", "裤", "帽", "衣"}


def product_words(fold):
    """The Chinese product-type words of brands.toml (手机, 耳机, 模型…)."""
    doc = tomllib.loads((ROOT / "crate/core/packs/brands.toml").read_text(encoding="utf-8"))
    out = set()
    for words in doc.get("product_types", {}).values():
        out |= {fold(w) for w in words if HAN.match(w)}
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    cedict, jieba = Path(sys.argv[1]), Path(sys.argv[2])
    out = Path(sys.argv[3]) if len(sys.argv) > 3 else ROOT / "crate/core/data/zh-everyday.txt"
    t2s = t2s_table()
    fold = lambda s: "".join(t2s.get(c, c) for c in s)
    common = {}  # folded word -> first gloss, for lower-case-pinyin entries
    version = "?"
    for raw in cedict.read_text(encoding="utf-8").splitlines():
        if raw.startswith("#! date="):
            version = raw.split("=", 1)[1].strip()
        m = LINE.match(raw)
        if not m:
            continue
        trad, simp, pinyin, gloss = m.groups()
        if pinyin[:1].isupper() or not HAN.match(simp):
            continue
        # "surname X", "variant of X", "old name of X" are not everyday uses.
        senses = [g for g in gloss.split("/") if not re.match(r"(surname|variant of|old variant|see |used in|abbr\. for|CL:)", g)]
        if not senses:
            continue
        for w in {fold(simp), fold(trad)}:
            common.setdefault(w, senses[0])
    proper = set()  # folded words CC-CEDICT has only as proper nouns
    for raw in cedict.read_text(encoding="utf-8").splitlines():
        m = LINE.match(raw)
        if m and m.group(3)[:1].isupper():
            for w in {fold(m.group(1)), fold(m.group(2))}:
                if w not in common:
                    proper.add(w)
    # jieba: "word freq tag"; nr/ns/nt/nz are person, place, organisation and other names.
    jieba_words = set()
    for raw in jieba.read_text(encoding="utf-8").splitlines():
        parts = raw.split()
        if len(parts) == 3 and not parts[2].startswith(("nr", "ns", "nt", "nz")) and HAN.match(parts[0]):
            jieba_words.add(fold(parts[0]))
    names = sorted({fold(n) for n in pack_names()})
    products = product_words(fold)
    rows = []
    for n in names:
        if n not in common:
            continue
        candidates = {w for w in common if n in w} | {w for w in jieba_words if n in w}
        compounds = sorted(
            w
            for w in candidates
            if w != n
            and len(w) <= len(n) + 2
            and w not in proper
            # The brand's goods or company: 苹果电脑, 苹果手机, 苹果公司, 苹果网.
            and not any(p in w.replace(n, " ") for p in products | COMPANY | GOODS)
            # Another brand name of the packs inside it is not an everyday word.
            and not any(o != n and o in w for o in names)
        )
        rows.append((n, common[n], compounds))
    with out.open("w", encoding="utf-8") as f:
        f.write("# GENERATED by tools/zh-everyday/gen_everyday.py: do not edit by hand; run the script.\n")
        f.write(f"# Sources: CC-CEDICT {version} (https://cc-cedict.org, CC BY-SA 4.0) and jieba dict.txt\n")
        f.write("# (https://github.com/fxsjy/jieba, MIT). This table is CC BY-SA 4.0; see tools/zh-everyday/README.md.\n")
        f.write("# A line: a brand name of the built-in packs that is also an everyday word (folded to\n")
        f.write("# Simplified), a tab, then the longer everyday words containing it, space-separated.\n")
        f.write("# The gloss after '#' says which everyday word it is; the engine ignores it.\n")
        for n, gloss, compounds in rows:
            f.write(f"{n}\t{' '.join(compounds)}\t# {gloss[:60]}\n")
    print(f"{len(rows)} of {len(names)} Chinese brand names are everyday words; wrote {out}")


if __name__ == "__main__":
    main()
