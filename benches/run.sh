#!/usr/bin/env bash
# Measures figcheck on the whole benchmark corpus next to `wc -w` on the
# same bytes, and prints MB/s and peak memory.
#
#     benches/run.sh            # builds the release binary first
#
# Needs ../shared/corpus/ (fr_news.jsonl.gz, en_wiki.jsonl.gz).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo build --release --quiet
bin=target/release/figcheck
zcat "$corpus/fr_news.jsonl.gz" > "$tmp/fr_news.jsonl"
zcat "$corpus/en_wiki.jsonl.gz" > "$tmp/en_wiki.jsonl"
cat "$tmp/fr_news.jsonl" "$tmp/en_wiki.jsonl" > "$tmp/all.jsonl"

# Best of three wall-clock runs, in seconds.
best() {
  local best=999999
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N)
    "$@" > /dev/null
    e=$(date +%s.%N)
    best=$(awk -v s="$s" -v e="$e" -v b="$best" 'BEGIN { d = e - s; print (d < b) ? d : b }')
  done
  echo "$best"
}
mbps() { echo "$1 $2" | awk '{ printf "%.1f", $1 / 1e6 / $2 }'; }
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }

for f in fr_news all; do
  size=$(stat -c %s "$tmp/$f.jsonl")
  printf '\n%s.jsonl: %s MB\n' "$f" "$(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1e6 }')"
  t=$(best wc -w "$tmp/$f.jsonl")
  printf '  %-42s %8.3f s %8s MB/s\n' "wc -w" "$t" "$(mbps "$size" "$t")"
  t=$(best "$bin" extract --input jsonl --format jsonl --threads 1 "$tmp/$f.jsonl")
  printf '  %-42s %8.3f s %8s MB/s  peak %s kB\n' "figcheck extract --threads 1" "$t" "$(mbps "$size" "$t")" \
    "$(peak "$bin" extract --input jsonl --format jsonl --threads 1 "$tmp/$f.jsonl")"
  t=$(best "$bin" check --input jsonl --format json --fail-on never --threads 2 "$tmp/$f.jsonl")
  printf '  %-42s %8.3f s %8s MB/s  peak %s kB\n' "figcheck check --threads 2" "$t" "$(mbps "$size" "$t")" \
    "$(peak "$bin" check --input jsonl --format json --fail-on never --threads 2 "$tmp/$f.jsonl")"
done
