#!/usr/bin/env python3
"""Draw the sentences of the extraction gold set (fixtures/gold/) from a corpus file.

    python3 scripts/gold_sample.py ../shared/corpus/fr_news.jsonl.gz fr 160 > /tmp/fr_candidates.jsonl

Sentences are drawn at random with a fixed seed among those dense in figures: at least two runs of
digits, or one run of digits and one number word of the language (the words are read from
rules/lang/<lang>/numerals.toml, so the sampler has no word list of its own). Each output line is
one case of the score.py format with an empty "expected" list, to be annotated by reading.
"""
import gzip
import json
import random
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

SEED = 13


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")


def number_words(lang):
    data = tomllib.loads((Path(__file__).resolve().parent.parent / "rules" / "lang" / lang / "numerals.toml").read_text())
    words = set()

    def walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if isinstance(x, str) and re.fullmatch(r"[0-9.]+", x):
                    words.add(fold(k))
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(data)
    return {w for w in words if len(w) > 2}


def sentences(text):
    # A sentence ends at . ! ? followed by a space or a capital, or at a line break.
    for para in text.split("\n"):
        for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«\"“])|(?<=[a-zà-ÿ][.!?])(?=[A-ZÀ-Ý])", para):
            s = s.strip()
            if 40 <= len(s) <= 400:
                yield s


def main():
    path, lang, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    words = number_words(lang)
    opener = gzip.open if path.endswith(".gz") else open
    pool = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            for i, s in enumerate(sentences(doc["text"])):
                digits = len(re.findall(r"\d+", s))
                wordy = sum(1 for w in re.findall(r"[^\W\d_]+", s) if fold(w) in words)
                if digits >= 2 or (digits >= 1 and wordy >= 1):
                    pool.append((doc["id"], i, s))
    rng = random.Random(SEED)
    picked = rng.sample(pool, n)
    seen_docs = {}
    for doc, i, s in picked:
        seen_docs[doc] = seen_docs.get(doc, 0) + 1
        case = {"id": f"gold-{doc}-{i}", "lang": lang, "category": "news", "input": s, "expected": [], "source": {"doc": doc, "sentence": i}}
        print(json.dumps(case, ensure_ascii=False))


if __name__ == "__main__":
    main()
