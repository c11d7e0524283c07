#!/usr/bin/env python3
"""Fill the offsets of hand-written gold annotations and check them.

    python3 scripts/gold_fill.py fixtures/gold/fr_news.jsonl

Each case's "expected" entries are written by hand with "text" (exactly as in the input), an optional
"nth" (0 for the first occurrence of that text in the input, 1 for the second …), and the reading:
"value" (exact decimal string, "." as decimal point, scale applied: "1,2 million" is "1200000"; null for
dates, times, identifiers, phones and ranges), "type" (a figcheck kind: count, percent, money, measure,
temperature, age, duration, date, time, ordinal, range, fraction, identifier, phone), "unit" (ISO code
for money, "%" for percent, the unit symbol for measures, null otherwise), and for a range or an open
interval "range": {"min", "max"} (null for an open end). This script adds start/end (code points) and
byte_start/byte_end (an entry already placed keeps its place, so the script can run again), sorts the entries by position, and rewrites the file in place. It fails, naming the
case, on a text not found in the input, on overlapping entries, and on a value that is not a decimal.
"""
import json
import sys
from decimal import Decimal, InvalidOperation

KINDS = {"count", "percent", "money", "measure", "temperature", "age", "duration", "date", "time",
         "ordinal", "range", "fraction", "identifier", "phone"}


def fill(case):
    text = case["input"]
    out = []
    for e in case["expected"]:
        nth = e.pop("nth", 0)
        pos = -1
        if "start" in e and text[e["start"]:e["start"] + len(e["text"])] == e["text"]:
            # Already placed: keep the occurrence found the first time.
            pos, nth = e["start"] - 1, 0
        for _ in range(nth + 1):
            pos = text.find(e["text"], pos + 1)
            if pos < 0:
                raise SystemExit(f"{case['id']}: {e['text']!r} (occurrence {nth}) not in the input")
        e["start"], e["end"] = pos, pos + len(e["text"])
        e["byte_start"] = len(text[:pos].encode("utf-8"))
        e["byte_end"] = e["byte_start"] + len(e["text"].encode("utf-8"))
        if e.get("type") not in KINDS:
            raise SystemExit(f"{case['id']}: {e['text']!r} has type {e.get('type')!r}, not a figcheck kind")
        for v in [e.get("value")] + list((e.get("range") or {}).values()):
            if v is not None:
                try:
                    Decimal(v)
                except (InvalidOperation, TypeError):
                    raise SystemExit(f"{case['id']}: {e['text']!r} has a value {v!r} that is not a decimal string")
        out.append(e)
    out.sort(key=lambda e: e["start"])
    for a, b in zip(out, out[1:]):
        if b["start"] < a["end"]:
            raise SystemExit(f"{case['id']}: {a['text']!r} and {b['text']!r} overlap")
    case["expected"] = out
    return case


def main():
    path = sys.argv[1]
    with open(path, encoding="utf-8") as fh:
        cases = [json.loads(l) for l in fh if l.strip()]
    cases = [fill(c) for c in cases]
    with open(path, "w", encoding="utf-8") as fh:
        for c in cases:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"{path}: {len(cases)} cases, {sum(len(c['expected']) for c in cases)} figures")


if __name__ == "__main__":
    main()
