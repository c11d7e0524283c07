#!/usr/bin/env python3
"""Planted contradictions inside one article: the same quantity stated twice, one statement changed.

    python3 scripts/mine_in_document.py [--bin B] [--corpus DIR] [--seed S] [--cases N] > cases.jsonl
    python3 scripts/mine_in_document.py --score cases.jsonl [--bin B]

The sources sets plant a changed figure across two documents; this one plants it inside one news
document of the corpus that states one quantity twice, in two sentences less than 70 % alike
(difflib): the same key, places and period in `figcheck claims --format json`, the same value.
Case `ok-N` is the document as printed, `mut-N` the same document with the second statement's
figure changed the ways the dev set changes figures (scripts/mine_sources.py `mutate`). Only FC301
can catch these.

`--score` checks the documents as printed in one run and the changed ones in another (so that no
document meets its own copy), and prints, per rule, the changed documents that get an error or
warning finding their printed twin does not get, and the printed documents that get one at all;
the last line is `caught C/N (rate) false_alarms F/N` over FC3xx findings. The pairs come from
figcheck's own reading of what a figure counts, so this measures the check, not that reading.
Text: OrangeSum (CC BY-SA, Moussa Kamal Eddine, Antoine J.-P. Tixier, Michalis Vazirgiannis).
"""
import argparse
import collections
import difflib
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mine_restatements import docs_and_claims, plant, sentence_of as sentence  # noqa: E402

LOUD = ("error", "warning")


def mine(a):
    rng = random.Random(a.seed)
    docs, table = docs_and_claims(a.bin, a.corpus, a.file)
    pairs, seen = [], set()
    for q in table['quantities']:
        if not q['places']:
            continue
        by_doc = collections.defaultdict(list)
        for c in q['claims']:
            if c['value'] and not c['repeat'] and not c['boilerplate'] and c['kind'] == 'count':
                by_doc[c['doc']].append(c)
        for d, cs in by_doc.items():
            text = docs[d]['text']
            for i, x in enumerate(cs):
                for y in cs[i + 1:]:
                    if x['value'] != y['value'] or x['period'] != y['period']:
                        continue
                    sx, sy = sentence(text, x), sentence(text, y)
                    if sx == sy or difflib.SequenceMatcher(None, sx, sy).ratio() >= 0.7:
                        continue
                    if d not in seen:
                        seen.add(d)
                        pairs.append((x, y) if x['start'] < y['start'] else (y, x))
    rng.shuffle(pairs)
    n = 0
    for x, y in pairs[:a.cases]:
        r = docs[y['doc']]
        planted = plant(r, y, rng)
        if not planted:
            continue
        lit, new, kind, changed = planted
        n += 1
        for case, text in ((f'ok-{n}', r['text']), (f'mut-{n}', changed)):
            rec = {'case': case, 'id': case, 'text': text, 'lang': r.get('lang'), 'doc': r['id'],
                   'date': r.get('date'), 'title': r.get('title'), 'literal': lit,
                   'first': x['text'], 'pool': 'in_document'}
            if case.startswith('mut'):
                rec['mutated_literal'], rec['mutation'] = new, kind
            print(json.dumps(rec, ensure_ascii=False))
    print(f'mine_in_document.py: {len(pairs)} documents, {n} cases', file=sys.stderr)


def run(binary, recs):
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False, encoding='utf-8') as tf:
        for r in recs:
            tf.write(json.dumps(r, ensure_ascii=False) + '\n')
    p = subprocess.run([binary, 'check', '--input', 'jsonl', '--format', 'json', '--fail-on', 'never', tf.name],
                       capture_output=True, text=True)
    os.unlink(tf.name)
    if p.returncode not in (0, 1):
        sys.exit(p.stderr[-2000:])
    out = collections.defaultdict(set)
    for f in json.loads(p.stdout)['findings']:
        if f.get('severity') in LOUD:
            out[str(f.get('doc'))].add((f['code'], f.get('message')))
    return out


def score(a):
    recs = [json.loads(l) for l in open(a.score, encoding='utf-8') if l.strip()]
    oks = [r for r in recs if r['case'].startswith('ok-')]
    muts = [r for r in recs if r['case'].startswith('mut-')]
    found_ok = run(a.bin, oks)
    found_mut = run(a.bin, muts)
    caught, fa, by_code = 0, 0, collections.Counter()
    for r in muts:
        twin = 'ok-' + r['case'][4:]
        twin_sigs = {(c, m.replace(twin, r['case'])) for c, m in found_ok.get(twin, set())}
        new = {c for c, m in found_mut.get(r['case'], set()) - twin_sigs}
        by_code.update(new)
        if any(c.startswith('FC3') for c in new):
            caught += 1
        elif a.show:
            print(f"MISSED {r['case']}: {r['first']!r} then {r['literal']} -> {r['mutated_literal']} "
                  f"({r['doc']})")
    for r in oks:
        if any(c.startswith('FC3') for c, _ in found_ok.get(r['case'], set())):
            fa += 1
            if a.show:
                print(f"FALSE ALARM {r['case']} ({r['doc']}): {sorted(found_ok[r['case']])}")
    print('new findings on changed documents, by rule:', dict(sorted(by_code.items())))
    print(f'caught {caught}/{len(muts)} ({caught / max(len(muts), 1):.3f}) false_alarms {fa}/{len(oks)}')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--bin', default='target/release/figcheck')
    ap.add_argument('--corpus', default='../shared/corpus')
    ap.add_argument('--file', default='fr_news.jsonl.gz', help='the corpus file of news to mine')
    ap.add_argument('--seed', type=int, default=5)
    ap.add_argument('--cases', type=int, default=200)
    ap.add_argument('--score', help='score this file of cases instead of mining')
    ap.add_argument('--show', action='store_true', help='list the missed cases and false alarms')
    a = ap.parse_args()
    score(a) if a.score else mine(a)


if __name__ == '__main__':
    main()
