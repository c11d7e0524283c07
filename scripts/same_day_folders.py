#!/usr/bin/env python3
"""Folders of one day's news: what the rules that compare documents report on them.

    python3 scripts/same_day_folders.py [--bin B] [--corpus DIR] [--seed S] [--folders N] [--size K]
    python3 scripts/same_day_folders.py --days 3 --from 2020-05-01 --to 2020-06-30 --size 1000

An editor's folder holds a day's articles, most of them about unrelated events, and every name in
a small folder is rare: the regime where comparing sources misleads most (a fire and a shooting of
the same day reported as one toll in conflict). This draws N days of the corpus's French news that
have at least five articles, takes up to K articles of each day as one folder, checks each folder
in a run of its own, and prints every error or warning of the rules that compare documents or
figures within one (FC2xx, FC3xx) with its day, to be read, and the count of findings per rule and
severity. A finding here is right only when the two printings really state one quantity
differently. With `--days D`, each folder is instead D consecutive days of news between `--from` and
`--to` (a newsroom's folder on the events of a few days: ~300 articles for three days of May 2020).
Text: OrangeSum (CC BY-SA, Moussa Kamal Eddine, Antoine J.-P. Tixier, Michalis Vazirgiannis).
"""
import argparse
import collections
import gzip
import json
import os
import random
import subprocess
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--bin', default='target/release/figcheck')
    ap.add_argument('--corpus', default='../shared/corpus')
    ap.add_argument('--seed', type=int, default=21)
    ap.add_argument('--folders', type=int, default=150)
    ap.add_argument('--size', type=int, default=30)
    ap.add_argument('--days', type=int, default=1, help='consecutive days per folder, in date order')
    ap.add_argument('--from', dest='first', default='', help='first day of the folders of --days')
    ap.add_argument('--to', dest='last', default='9999', help='last day of the folders of --days')
    a = ap.parse_args()
    by_day = collections.defaultdict(list)
    with gzip.open(os.path.join(a.corpus, 'fr_news.jsonl.gz'), 'rt', encoding='utf-8') as f:
        for line in f:
            r = json.loads(line)
            by_day[(r.get('date') or '')[:10]].append(line)
    if a.days > 1:
        span = sorted(d for d in by_day if d and a.first <= d <= a.last)
        folders = [span[i:i + a.days] for i in range(0, len(span), a.days)]
    else:
        days = sorted(d for d, v in by_day.items() if d and len(v) >= 5)
        random.Random(a.seed).shuffle(days)
        folders = [[d] for d in days[:a.folders]]
    counts = collections.Counter()
    loud = []
    for folder in folders:
        day = folder[0]
        with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False, encoding='utf-8') as tf:
            tf.writelines([line for d in folder for line in by_day[d]][:a.size])
        p = subprocess.run([a.bin, 'check', '--input', 'jsonl', '--format', 'jsonl', '--fail-on', 'never',
                            tf.name], capture_output=True, text=True)
        os.unlink(tf.name)
        if p.returncode != 0:
            raise SystemExit(p.stderr[-2000:])
        for line in p.stdout.splitlines():
            f = json.loads(line)
            code = f.get('code', '')
            if code[:3] in ('FC2', 'FC3'):
                counts[(code, f['severity'])] += 1
                if f['severity'] != 'info':
                    loud.append((day, code, f['message']))
    for day, code, message in loud:
        print(f'{day} {code} {message}')
    print(f'{len(folders)} folders of {a.days} day(s) (up to {a.size} articles each):',
          ', '.join(f'{c} {s} {n}' for (c, s), n in sorted(counts.items())) or 'no finding')


if __name__ == '__main__':
    main()
