#!/usr/bin/env python3
"""Planted conflicts between sources that state one quantity in their own words.

    python3 scripts/mine_restatements.py [--bin B] [--corpus DIR] [--seed S] > cases.jsonl
    python3 ../shared/eval/score_checks.py sources cases.jsonl

The sources set (`../shared/eval/sources/`, `scripts/mine_sources.py`) plants a changed figure in a
sentence two documents print alike, which FC204 compares word by word. This set plants it where
two news documents of the corpus state the same quantity in different sentences: the same key,
places and period in `figcheck claims --format json`, the same value, published at most a day
apart, sentences less than 70 % alike (difflib). Case `ok-N` is the pair as printed, `mut-N` the
same pair with document B's figure changed the ways the dev set changes figures. Only the rules
that compare quantities across documents (FC201, FC203, FC205) can catch these; a pair as
printed that gets an error or warning citing both documents is a false alarm. The pairs come from
figcheck's own reading of what a figure counts, so the score measures the comparison of sources,
not that reading.
"""
import argparse
import datetime
import difflib
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mine_sources import mutate  # noqa: E402


def docs_and_claims(binary, corpus, name):
    """The documents of a corpus file by id, and `figcheck claims --format json` on them."""
    docs = {}
    with gzip.open(os.path.join(corpus, name), 'rt', encoding='utf-8') as f:
        for l in f:
            r = json.loads(l)
            docs[r['id']] = r
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False, encoding='utf-8') as tf:
        for r in docs.values():
            tf.write(json.dumps(r, ensure_ascii=False) + '\n')
    table = json.loads(subprocess.run([binary, 'claims', '--input', 'jsonl', '--format', 'json', tf.name],
                                      capture_output=True, text=True, check=True).stdout)
    os.unlink(tf.name)
    return docs, table


def sentence_of(text, c):
    """The text between the points around claim `c`."""
    t = text.encode('utf-8')
    s = max(t.rfind(b'.', 0, c['start']), 0)
    e = t.find(b'.', c['end'])
    return t[s:e].decode('utf-8', 'replace')


def plant(doc, c, rng):
    """The digits of claim `c` in `doc`, changed as the dev set changes figures: (literal,
    changed literal, kind of change, changed text), or None when the claim has no digits."""
    t = doc['text'].encode('utf-8')
    figure = t[c['start']:c['end']].decode('utf-8')
    m = re.search(r'\d[\d.,\u00a0\u202f ]*\d|\d', figure)
    if not m:
        return None
    lit = m.group(0)
    new, kind = mutate(lit, doc.get('lang', 'fr'), rng)
    s = c['start'] + len(figure[:m.start()].encode('utf-8'))
    changed = (t[:s] + new.encode('utf-8') + t[s + len(lit.encode('utf-8')):]).decode('utf-8')
    return lit, new, kind, changed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--bin', default='target/release/figcheck')
    ap.add_argument('--corpus', default='../shared/corpus')
    ap.add_argument('--file', default='fr_news.jsonl.gz', help='the corpus file of news to mine')
    ap.add_argument('--seed', type=int, default=5)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    docs, table = docs_and_claims(a.bin, a.corpus, a.file)

    def sentence(c):
        return sentence_of(docs[c['doc']]['text'], c)

    def day(c):
        return datetime.date.fromisoformat(c['source']['date'])

    pairs, seen = [], set()
    for q in table['quantities']:
        if not q['places']:
            continue
        cs = [c for c in q['claims'] if c['value'] and not c['repeat'] and not c['boilerplate']
              and c['source']['date']]
        for i, x in enumerate(cs):
            for y in cs[i + 1:]:
                if x['doc'] == y['doc'] or x['value'] != y['value'] or x['period'] != y['period']:
                    continue
                if abs((day(x) - day(y)).days) > 1:
                    continue
                if difflib.SequenceMatcher(None, sentence(x), sentence(y)).ratio() >= 0.7:
                    continue
                k = tuple(sorted((x['doc'], y['doc'])))
                if k not in seen:
                    seen.add(k)
                    pairs.append((x, y))
    rng.shuffle(pairs)
    n = 0
    for x, y in pairs:
        ra, rb = docs[x['doc']], docs[y['doc']]
        planted = plant(rb, y, rng)
        if not planted:
            continue
        lit, new, kind, changed = planted
        n += 1
        for case, text_b in ((f'ok-{n}', rb['text']), (f'mut-{n}', changed)):
            for role, r, text in (('A', ra, ra['text']), ('B', rb, text_b)):
                rec = {'case': case, 'id': f'{case}/{role}', 'text': text, 'lang': r.get('lang'),
                       'doc': r['id'], 'date': r.get('date'), 'title': r.get('title'), 'literal': lit,
                       'pool': 'restated', 'mutated': case.startswith('mut') and role == 'B'}
                if rec['mutated']:
                    rec['mutated_literal'], rec['mutation'] = new, kind
                print(json.dumps(rec, ensure_ascii=False))
    print(f'mine_restatements.py: {len(pairs)} pairs, {n} cases', file=sys.stderr)


if __name__ == '__main__':
    main()
