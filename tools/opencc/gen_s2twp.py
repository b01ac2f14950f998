#!/usr/bin/env python3
"""Writes crate/core/data/zh_tw.txt: the Traditional Chinese (Taiwan) form of every
Simplified Chinese text in the built-in packs (rule messages, "Instead" lines, fix labels,
pack and policy names, descriptions), keyed by the Simplified text.

Input: OpenCC's dictionary text files STPhrases.txt, STCharacters.txt, TSCharacters.txt, TWPhrases.txt,
TWVariantsPhrases.txt and TWVariants.txt (data/dictionary/ of
https://github.com/BYVoid/OpenCC, Apache-2.0). See README.md.

The conversion follows OpenCC's s2twp configuration (Simplified -> Traditional, Taiwan
standard, with Taiwan phrases): the text is cut into segments by longest match in
STPhrases; each segment goes through two steps, each a longest-prefix replacement over a
group of dictionaries where the first dictionary with a match wins (OpenCC's
"short_circuit"): [STPhrases, STCharacters], then [TWPhrases, TWVariantsPhrases,
TWVariants]. A key with several candidates takes the first. OpenCC's build-generated
STPhrases_GeneratedFromRegionalPhrases is made here the same way (each Taiwan phrase key
spelt in Simplified through TSCharacters). Not used: its compatibility-ideograph
normalisation (the packs have no such characters).

Then, as written in Taiwan, curly quotes become corner brackets (“…” -> 「…」,
‘…’ -> 『…』), and the hand-reviewed phrase fixes of tools/opencc/zh_tw_fixes.txt are
applied (each line `generated<TAB>preferred`, replaced everywhere, in file order).

Usage: gen_s2twp.py OPENCC_DICTIONARY_DIR [OUT]
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")


def read(path):
    """{key: first value} of one OpenCC dictionary file (the first entry of a key wins)."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            key, _, vals = line.partition("\t")
            if key and key not in out:
                out[key] = vals.split(" ")[0]
    return out


class Group:
    """Dictionaries tried in order; the first with a prefix match gives its longest one."""

    def __init__(self, dicts):
        self.dicts = [(d, max(map(len, d))) for d in dicts]

    def match(self, text, i):
        for d, longest in self.dicts:
            for n in range(min(longest, len(text) - i), 0, -1):
                v = d.get(text[i:i + n])
                if v is not None:
                    return n, v
        return None

    def convert(self, text):
        out, i = [], 0
        while i < len(text):
            m = self.match(text, i)
            if m:
                out.append(m[1])
                i += m[0]
            else:
                out.append(text[i])
                i += 1
        return "".join(out)


def segments(text, phrases, longest):
    """OpenCC's segmentation: the longest STPhrases key at each place, else one character."""
    i = 0
    while i < len(text):
        n = next((n for n in range(min(longest, len(text) - i), 1, -1) if text[i:i + n] in phrases), 1)
        yield text[i:i + n]
        i += n


ZH_TEXT = re.compile(r'\bzh\s*=\s*"((?:[^"\\\n]|\\.)*)"')


def zh_texts(source, out):
    """Every `zh = "…"` text of a pack (a {en = …, zh = …} table; `zh = [...]` term lists
    are not texts). Read with a pattern, not a TOML parser: the packs use TOML 1.1's
    multi-line inline tables, which Python's tomllib does not read. A text this misses is
    caught by the core's test, which lists every Chinese text the engine shows."""
    for m in ZH_TEXT.finditer(source):
        out.add(json.loads(f'"{m.group(1)}"'))


def read_fixes(path):
    fixes = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            bad, sep, good = line.partition("\t")
            if not sep or not bad:
                sys.exit(f"{path}:{n}: expected `generated<TAB>preferred`")
            fixes.append((bad, good.split("\t# ")[0]))
    return fixes


def main():
    src = sys.argv[1]
    out_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "crate", "core", "data", "zh_tw.txt")
    d = {name: read(os.path.join(src, f"{name}.txt"))
         for name in ("STPhrases", "STCharacters", "TSCharacters", "TWPhrases", "TWVariantsPhrases", "TWVariants")}
    # What OpenCC's build generates as STPhrases_GeneratedFromRegionalPhrases: each Taiwan
    # phrase key (standard Traditional) under its Simplified spelling, so that segmentation
    # keeps 软件 or 激光 whole and the Taiwan step can turn them into 軟體, 雷射.
    regional = {}
    for name in ("TWPhrases", "TWVariantsPhrases"):
        for key in d[name]:
            simp = "".join(d["TSCharacters"].get(c, c) for c in key)
            if simp not in d["STPhrases"] and len(simp) > 1:
                regional.setdefault(simp, key)
    d["STPhrases"] = {**regional, **d["STPhrases"]}
    steps = [Group([d["STPhrases"], d["STCharacters"]]),
             Group([d["TWPhrases"], d["TWVariantsPhrases"], d["TWVariants"]])]
    longest = max(map(len, d["STPhrases"]))
    fixes = read_fixes(os.path.join(HERE, "zh_tw_fixes.txt"))
    used = set()

    def s2twp(text):
        out = []
        for seg in segments(text, d["STPhrases"], longest):
            for step in steps:
                seg = step.convert(seg)
            out.append(seg)
        t = "".join(out).translate(str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"}))
        for bad, good in fixes:
            if bad in t:
                used.add(bad)
                t = t.replace(bad, good)
        return t

    texts = set()
    for path in sorted(glob.glob(os.path.join(ROOT, "crate", "core", "packs", "*.toml"))):
        with open(path, encoding="utf-8") as f:
            zh_texts(f.read(), texts)
    for t in texts:
        if "\t" in t or "\n" in t:
            sys.exit(f"a pack text has a tab or a line break, which this table cannot hold: {t!r}")
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Simplified Chinese pack text<TAB>its Traditional Chinese (Taiwan) form. Generated by\n")
        f.write("# tools/opencc/gen_s2twp.py from OpenCC data (Apache-2.0) and tools/opencc/zh_tw_fixes.txt;\n")
        f.write("# do not edit: fix phrasing in zh_tw_fixes.txt and regenerate (tools/opencc/README.md).\n")
        for t in sorted(texts):
            f.write(f"{t}\t{s2twp(t)}\n")
    unused = [b for b, _ in fixes if b not in used]
    print(f"{len(texts)} texts -> {out_path}; {len(fixes)} phrase fixes ({len(unused)} unused)")
    for b in unused:
        print(f"  unused fix: {b}")


if __name__ == "__main__":
    main()
