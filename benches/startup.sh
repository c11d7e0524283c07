#!/usr/bin/env bash
# Measures the one-file run an editor's pre-commit hook makes, start to
# finish: the median and the fastest of N runs (default 30) of
# `figcheck check FILE` on each given file (default: the first seed).
#
#     benches/startup.sh [BINARY] [FILE...]
#
# The binary defaults to target/release/figcheck (build it first).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/figcheck}
shift || true
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$(ls fixtures/seeds/*.txt | head -n 1)")
n=${RUNS:-30}
for f in "${files[@]}"; do
  times=()
  for _ in $(seq "$n"); do
    s=$(date +%s%N)
    "$bin" check "$f" > /dev/null 2>&1 || true
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(echo "$sorted" | awk -v n="$n" 'NR == int((n + 1) / 2)')
  fastest=$(echo "$sorted" | head -n 1)
  printf '%s: median %.1f ms, fastest %.1f ms (%s runs)\n' "$f" \
    "$(awk -v u="$median" 'BEGIN { print u / 1000 }')" \
    "$(awk -v u="$fastest" 'BEGIN { print u / 1000 }')" "$n"
done
