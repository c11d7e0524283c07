#!/usr/bin/env python3
"""Precision by reading: sample figcheck's findings on the corpus, keep the judgments, score them.

    python3 scripts/judge.py sample [--bin B] [--corpus DIR]   # add a fresh sample to the judgments
    python3 scripts/judge.py show [--all]                       # print unjudged (or all) rows in context
    python3 scripts/judge.py score [--bin B] [--corpus DIR]     # per rule and file: findings, sampled, right, wrong, precision

The corpus files are `DIR/*.jsonl.gz` (default ../shared/corpus). For each rule and severity that
fires, the sampler draws, with a fixed seed, min(n, max(20, 4·√n)) of its n findings on each file
(a rule that reports some findings as `info` is sampled at each severity apart). The sample is
taken from what the given binary reports now: rows already in fixtures/judged/judgments.tsv keep
their verdict, new rows get verdict `?` until someone reads them (`show`) and writes `right`, `wrong`
or `unclear` and a line of why (`known-wrong`: wrong, still firing, left to open work on that
rule; `known-lost`: right, no longer made since a change that was right on the whole, its why
saying how; `score` lists them). The documents the rows cite are copied to
fixtures/judged/<file>.jsonl, so that tests/judged.rs holds the judgments on a fresh clone: a finding
judged wrong must not come back as a warning or an error, one judged right must stay.

A row is keyed by file, rule, document, the documents it cites, byte span and text. `score` counts, for the findings the
binary reports now, how many fall on a judged row, and the precision of those.
"""
import argparse
import collections
import csv
import gzip
import json
import math
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JUDGED = ROOT / "fixtures" / "judged"
TSV = JUDGED / "judgments.tsv"
FIELDS = ["file", "rule", "severity", "doc", "docs", "start", "end", "text", "verdict", "why"]
SEED = 13


def corpus_files(d):
    return sorted(p for p in Path(d).iterdir() if p.name.endswith(".jsonl.gz"))


def read_docs(path):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return {d["id"]: d for d in map(json.loads, fh)}


def findings(binary, path):
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as tmp:
        tmp.write(gzip.open(path, "rb").read())
        tmp.flush()
        p = subprocess.run([binary, "check", "--format", "jsonl", tmp.name], capture_output=True)
    if p.returncode not in (0, 1):
        sys.exit(f"{binary} exited with {p.returncode}: {p.stderr.decode()[-2000:]}")
    out = []
    for line in p.stdout.decode("utf-8").splitlines():
        f = json.loads(line)
        if "code" not in f:
            continue
        docs = [f["doc"]] + [c["doc"] for c in f.get("claims", []) if c["doc"] != f["doc"]]
        out.append({
            "rule": f["code"], "severity": f["severity"], "doc": f["doc"],
            "docs": ",".join(dict.fromkeys(docs)), "start": str(f["start"]), "end": str(f["end"]),
            "text": f["text"].replace("\t", " ").replace("\n", " "), "message": f["message"],
        })
    return out


def key(row):
    # The documents a finding cites are part of it: the same figure
    # corroborated by a reprint of its own text and by another source are
    # two findings, judged apart.
    return (row["file"], row["rule"], row["doc"], row["docs"], row["start"], row["end"], row["text"])


def load():
    if not TSV.exists():
        return []
    with open(TSV, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def save(rows):
    JUDGED.mkdir(parents=True, exist_ok=True)
    rows.sort(key=lambda r: (r["file"], r["rule"], r["doc"], int(r["start"])))
    with open(TSV, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, FIELDS, delimiter="\t", lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


def sample_size(n):
    return min(n, max(20, math.ceil(4 * math.sqrt(n))))


def cmd_sample(a):
    rows = load()
    known = {key(r) for r in rows}
    for path in corpus_files(a.corpus):
        name = path.name.removesuffix(".jsonl.gz")
        by_rule = collections.defaultdict(list)
        for f in findings(a.bin, path):
            by_rule[(f["rule"], f["severity"])].append(f)
        for (rule, severity), fs in sorted(by_rule.items()):
            rng = random.Random(f"{SEED}-{name}-{rule}-{severity}")
            for f in rng.sample(fs, sample_size(len(fs))):
                f["file"] = name
                if key(f) not in known:
                    known.add(key(f))
                    rows.append({**f, "verdict": "?", "why": ""})
    save(rows)
    copy_docs(rows, a.corpus)
    print(f"{TSV.relative_to(ROOT)}: {len(rows)} rows, {sum(r['verdict'] == '?' for r in rows)} to judge")


def copy_docs(rows, corpus):
    for path in corpus_files(corpus):
        name = path.name.removesuffix(".jsonl.gz")
        wanted = {d for r in rows if r["file"] == name for d in r["docs"].split(",")}
        docs = read_docs(path)
        with open(JUDGED / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for i in sorted(wanted):
                fh.write(json.dumps(docs[i], ensure_ascii=False) + "\n")


def cmd_show(a):
    cache = {}
    for r in load():
        if r["verdict"] != "?" and not a.all:
            continue
        if r["file"] not in cache:
            with open(JUDGED / f"{r['file']}.jsonl", encoding="utf-8") as fh:
                cache[r["file"]] = {d["id"]: d for d in map(json.loads, fh)}
        text = cache[r["file"]][r["doc"]]["text"].encode("utf-8")
        s, e = int(r["start"]), int(r["end"])
        ctx = (text[max(0, s - a.width):s].decode("utf-8", "ignore") + "⟦" + text[s:e].decode() + "⟧"
               + text[e:e + a.width].decode("utf-8", "ignore"))
        print(f"== {r['file']} {r['rule']} {r['doc']} {s}-{e} {r['text']!r} verdict={r['verdict']} {r['why']}")
        print("   " + ctx.replace("\n", "⏎"))


def cmd_score(a):
    judged = {key(r): r for r in load()}
    print(f"{'rule':6} {'severity':8} {'file':8} {'findings':>8} {'judged':>6} {'right':>5} {'wrong':>5} {'unclear':>7} {'precision':>9}")
    for path in corpus_files(a.corpus):
        name = path.name.removesuffix(".jsonl.gz")
        by_rule = collections.defaultdict(list)
        for f in findings(a.bin, path):
            f["file"] = name
            by_rule[(f["rule"], f["severity"])].append(f)
        for (rule, severity), fs in sorted(by_rule.items()):
            c = collections.Counter(judged[key(f)]["verdict"].removeprefix("known-") for f in fs if key(f) in judged)
            n = c["right"] + c["wrong"]
            p = f"{c['right'] / n:.2f}" if n else "-"
            print(f"{rule:6} {severity:8} {name:8} {len(fs):>8} {sum(c.values()):>6} {c['right']:>5} {c['wrong']:>5} {c['unclear']:>7} {p:>9}")
    lost = collections.Counter((r["file"], r["rule"]) for r in judged.values() if r["verdict"] == "known-lost")
    for (name, rule), n in sorted(lost.items()):
        print(f"{rule:6} {name:8}: {n} finding(s) judged right no longer made (known-lost)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["sample", "show", "score"])
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "figcheck"))
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--width", type=int, default=220)
    a = ap.parse_args()
    {"sample": cmd_sample, "show": cmd_show, "score": cmd_score}[a.command](a)


if __name__ == "__main__":
    main()
