#!/usr/bin/env python3
"""A held-out-like set for the sources check, mined from the corpus the way the dev set was.

    python3 scripts/mine_sources.py [--bin B] [--corpus DIR] [--dev FILE] [--seed S] [-n N] > cases.jsonl
    python3 ../shared/eval/score_checks.py sources cases.jsonl

`../shared/eval/sources/dev.jsonl` pairs documents of the corpus that print the same sentence with
the same figure and plants a changed figure in one of them; its held-out twin, mined the same way
from other news, is not in this repository. This script mines pairs from the corpus documents the
dev set does not use (`--dev`): two documents that print one sentence identically (case and runs of
spaces aside) with a figure that figcheck reads as a count, percent, amount or measure with one
value (no range, date or year: `figcheck extract` of the binary `--bin` picks them), one pair of
documents per sentence and per pair. Each pair gives the cases `ok-N` (as printed) and `mut-N`
(the figure in document B changed the ways the dev set changes it: ×1.25, ×1.5, ×2, −30 % or two
digits swapped, written in the literal's own separators), in the dev set's format. A gain that
shows on the dev set and not on this one is tuning to the dev set.

The corpus is CC BY-SA (OrangeSum; Wikipedia): the mined cases carry its licence.
"""
import argparse
import collections
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile

# A number as the news writes it: groups of three after a separator, or plain digits, with
# decimals after a comma or a point.
NUM = re.compile(r'(?<![\w.,\-–/])(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\w\-–/]|[.,]\d)')
# Sentence ends: a mark before a space and a capital, a mark glued to a capitalised word
# ("morts.Le"), or a line break.
END = re.compile(r'[.!?]+(?=\s+[A-ZÉÀ«"]|[A-ZÉÀ«"][a-zé])|\n')


def sentences(t):
    out, start = [], 0
    for m in END.finditer(t):
        if m.group(0) == '.' and 0 < m.start() and t[m.start() - 1].isdigit() \
                and m.end() < len(t) and t[m.end()].isdigit():
            continue
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(t)))
    return [(s, e) for s, e in out if e - s > 30]


def value(lit, lang):
    if lang == 'en':
        return float(re.sub(r'[,\u00a0\u202f ]', '', lit))
    return float(re.sub(r'[.\u00a0\u202f ]', '', lit).replace(',', '.'))


def written_like(lit, v, lang):
    """`v` written with the separators and decimals of `lit`."""
    group, point = (',', '.') if lang == 'en' else (None, ',')
    for c in ('.', ',', '\u00a0', '\u202f', ' '):
        if re.search(r'\d' + re.escape(c) + r'\d{3}(?!\d)', lit) and c != point:
            group = c
    if not re.search(r'\d' + re.escape(group or '#') + r'\d{3}(?!\d)', lit):
        group = None
    dec = re.search(re.escape(point) + r'(\d+)$', lit)
    if dec and not (group == point):
        s = f'{v:.{len(dec.group(1))}f}'
        ip, fp = s.split('.')
    else:
        ip, fp = str(int(round(v))), None
    if group and len(ip) > 3:
        g = []
        while len(ip) > 3:
            g.insert(0, ip[-3:])
            ip = ip[:-3]
        g.insert(0, ip)
        ip = group.join(g)
    return ip + (point + fp if fp else '')


def mutate(lit, lang, rng):
    kind = rng.choices(['x1.5', 'x1.25', '-30%', 'x2', 'swap'], [84, 82, 66, 40, 28])[0]
    if kind == 'swap':
        ds = [i for i, c in enumerate(lit) if c.isdigit()]
        pairs = [(i, j) for i in ds for j in ds
                 if i < j and lit[i] != lit[j] and not (i == ds[0] and lit[j] == '0')]
        if pairs:
            i, j = rng.choice(pairs)
            chars = list(lit)
            chars[i], chars[j] = chars[j], chars[i]
            return ''.join(chars), kind
        kind = 'x1.5'
    v = value(lit, lang)
    new = written_like(lit, v * {'x1.5': 1.5, 'x1.25': 1.25, '-30%': 0.7, 'x2': 2.0}[kind], lang)
    if new == lit or value(new, lang) == v:
        new, kind = written_like(lit, v * 2, lang), 'x2'
    return new, kind


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--bin', default='target/release/figcheck')
    ap.add_argument('--corpus', default='../shared/corpus')
    ap.add_argument('--dev', default='../shared/eval/sources/dev.jsonl')
    ap.add_argument('--seed', type=int, default=11)
    ap.add_argument('-n', type=int, default=300)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    dev = {json.loads(l)['doc'] for l in open(a.dev, encoding='utf-8')}
    docs = {}
    for name in sorted(os.listdir(a.corpus)):
        if name.endswith('.jsonl.gz'):
            with gzip.open(os.path.join(a.corpus, name), 'rt', encoding='utf-8') as f:
                for l in f:
                    r = json.loads(l)
                    if r['id'] not in dev:
                        docs[r['id']] = r
    # The figures figcheck reads as one value of a quantity, as byte spans per document.
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False, encoding='utf-8') as tf:
        for r in docs.values():
            tf.write(json.dumps(r, ensure_ascii=False) + '\n')
    out = subprocess.run([a.bin, 'extract', '--input', 'jsonl', '--format', 'jsonl', tf.name],
                         capture_output=True, text=True, check=True).stdout
    os.unlink(tf.name)
    spans = collections.defaultdict(list)
    for l in out.splitlines():
        x = json.loads(l)
        if x['kind'] in ('count', 'percent', 'money', 'measure') and x['value'] is not None \
                and not x['ambiguous']:
            spans[x['doc']].append((x['start'], x['end']))
    index = collections.defaultdict(list)
    for did, r in docs.items():
        t = r['text']
        ok = spans.get(did, [])
        for s, e in sentences(t):
            figs = []
            for m in NUM.finditer(t, s, e):
                b = len(t[:m.start(1)].encode('utf-8'))
                if any(x <= b < y for x, y in ok):
                    figs.append((m.start(1), m.end(1), m.group(1)))
            if figs:
                index[re.sub(r'\s+', ' ', t[s:e].strip().lower())].append((did, figs))
    pairs, seen = [], set()
    for key in sorted(index):
        occ = sorted(index[key], key=lambda o: o[0])
        if len({o[0] for o in occ}) < 2:
            continue
        x, y = rng.sample(occ, 2) if len(occ) > 2 else occ
        pk = tuple(sorted((x[0], y[0])))
        if x[0] == y[0] or pk in seen:
            continue
        seen.add(pk)
        pairs.append((x, y))
    rng.shuffle(pairs)
    n = 0
    for x, y in pairs:
        if n >= a.n:
            break
        ra, rb = docs[x[0]], docs[y[0]]
        if len(x[1]) != len(y[1]):
            continue
        k = rng.randrange(len(x[1]))
        lit = x[1][k][2]
        if y[1][k][2] != lit:
            continue
        new, kind = mutate(lit, rb.get('lang', 'fr'), rng)
        n += 1
        s, e = y[1][k][0], y[1][k][1]
        changed = rb['text'][:s] + new + rb['text'][e:]
        for case, tb in ((f'ok-{n}', rb['text']), (f'mut-{n}', changed)):
            for role, r, text in (('A', ra, ra['text']), ('B', rb, tb)):
                rec = {'case': case, 'id': f'{case}/{role}', 'text': text, 'lang': r.get('lang'),
                       'doc': r['id'], 'role': role, 'title': r.get('title'), 'literal': lit,
                       'pool': 'mined', 'mutated': case.startswith('mut') and role == 'B'}
                if r.get('date'):
                    rec['date'] = r['date']
                if rec['mutated']:
                    rec['mutated_literal'], rec['mutation'] = new, kind
                print(json.dumps(rec, ensure_ascii=False))
    langs = collections.Counter(docs[p[0][0]].get('lang') for p in pairs[:n])
    print(f'mine_sources.py: {len(pairs)} pairs, {n} cases {dict(langs)}', file=sys.stderr)


if __name__ == '__main__':
    main()
