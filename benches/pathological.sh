#!/usr/bin/env bash
# Per-byte time of `figcheck extract` on pathological inputs, next to its
# per-byte time on normal news (fr_news.jsonl of ../shared/corpus/).
#
#     benches/pathological.sh [BINARY]     # default: target/release/figcheck
#     SIZE_MB=2 benches/pathological.sh    # smaller inputs (default 10 MB)
#
# Each input is generated here, SIZE_MB megabytes of: digits with no
# space; "1 1 1 …"; "XNUMX XNUMX …" (the placeholder some corpora leave for
# numbers); French number words ("vingt-deux trois cent …"); English number
# words; one line of news text with no line break; nested brackets around
# figures; "un"/"une" after a count ("deux garçons et une fille et une …");
# one line of glued points and letters ("ab.ab.ab.…", no space); one
# sentence of figures after a year and a place ("En 2019 à Paris, 1 1 1 …",
# no break at all: what a figure reads around it must not grow with its
# sentence).
# Every input but the line of news, the glued points and the sentence of
# figures has a line break every 70 bytes or so, as text does. The file is
# read as one plain-text document (`--max-doc-size` raised above it).
# Prints, for each, the best of three runs (user + system seconds; one run
# stopped after TIMEOUT seconds, default 300, counts as that long), µs per
# kB and the ratio to normal news; the target is at most 3.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/figcheck}
size=$(( ${SIZE_MB:-10} * 1000 * 1000 ))
corpus=../shared/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# best CMD...: the lowest user + system seconds of three runs; a run over
# TIMEOUT seconds (default 300) is stopped and counted as TIMEOUT.
limit=${TIMEOUT:-300}
best() {
  local b=999999 status
  for _ in 1 2 3; do
    status=0
    /usr/bin/time -o "$tmp/time" -f '%U %S' timeout "$limit" "$@" > /dev/null 2> /dev/null || status=$?
    if [ "$status" -eq 124 ]; then
      echo "$limit"
      return
    fi
    b=$(awk -v b="$b" '{ t = $1 + $2; print (t < b) ? t : b }' "$tmp/time")
  done
  echo "$b"
}

# repeat FILE TEXT: TEXT repeated up to SIZE bytes, a line break after
# every 70 bytes or so (at a space).
repeat() {
  python3 - "$1" "$2" "$size" <<'EOF'
import sys
path, unit, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
out, line, n = [], [], 0
while n < size:
    line.append(unit)
    n += len(unit.encode())
    if sum(len(x) for x in line) >= 70:
        out.append("".join(line).rstrip(" ") + "\n")
        line = []
out.append("".join(line))
open(path, "w").write("".join(out))
EOF
}

zcat "$corpus/fr_news.jsonl.gz" > "$tmp/fr_news.jsonl"
news_bytes=$(stat -c %s "$tmp/fr_news.jsonl")
news=$(best "$bin" extract --input jsonl --format jsonl --threads 1 "$tmp/fr_news.jsonl")
news_us=$(awk -v t="$news" -v s="$news_bytes" 'BEGIN { print t * 1e6 / (s / 1000) }')
printf '%-26s %8s %9s %10s %6s\n' input MB seconds 'µs/kB' ratio
printf '%-26s %8.1f %9.3f %10.1f %6.2f\n' fr_news.jsonl "$(awk -v s="$news_bytes" 'BEGIN { print s / 1e6 }')" "$news" "$news_us" 1

python3 - "$tmp/digits.txt" "$size" <<'EOF'
import sys
path, size = sys.argv[1], int(sys.argv[2])
block = ("1234567890" * 7)[:70] + "\n"
open(path, "w").write(block * (size // len(block)))
EOF
repeat "$tmp/ones.txt" "1 "
repeat "$tmp/xnumx.txt" "XNUMX "
repeat "$tmp/words_fr.txt" "vingt-deux trois cent quarante et un mille "
repeat "$tmp/words_en.txt" "twenty-two three hundred and forty-one thousand "
repeat "$tmp/brackets.txt" "((([[[{{{12 (3) [4]}}}]]])))  "
repeat "$tmp/articles.txt" "deux garçons et une fille et une "
python3 -c "import sys; open(sys.argv[1], 'w').write('ab.' * (int(sys.argv[2]) // 3))" "$tmp/dots.txt" "$size"
python3 -c "import sys; open(sys.argv[1], 'w').write('En 2019 à Paris, ' + '1 ' * (int(sys.argv[2]) // 2))" "$tmp/one_sentence.txt" "$size"
# One line: the news text of the corpus joined with spaces, no line break.
python3 - "$tmp/fr_news.jsonl" "$tmp/one_line.txt" "$size" <<'EOF'
import json, sys
src, path, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
parts, n = [], 0
for line in open(src):
    t = " ".join(json.loads(line)["text"].split())
    parts.append(t)
    n += len(t.encode()) + 1
    if n >= size:
        break
open(path, "w").write(" ".join(parts))
EOF

for f in digits ones xnumx words_fr words_en brackets articles one_line dots one_sentence; do
  bytes=$(stat -c %s "$tmp/$f.txt")
  t=$(best "$bin" extract --format jsonl --threads 1 --max-doc-size "$(( bytes + 1000 ))" "$tmp/$f.txt")
  us=$(awk -v t="$t" -v s="$bytes" 'BEGIN { print t * 1e6 / (s / 1000) }')
  printf '%-26s %8.1f %9.3f %10.1f %6.2f\n' "$f.txt" "$(awk -v s="$bytes" 'BEGIN { print s / 1e6 }')" "$t" "$us" \
    "$(awk -v a="$us" -v b="$news_us" 'BEGIN { print a / b }')"
done
