#!/usr/bin/env bash
# Checks that two builds of figcheck give byte-identical output on the
# corpus: `check` (text and JSONL) and `extract --format jsonl` on each file
# of ../shared/corpus/, and `check` on both files together. For changes
# that must not change what figcheck prints (restructuring, speed).
#
#   benches/same_output.sh OLD_BINARY NEW_BINARY
#
# Prints the SHA-256 of each output of NEW_BINARY and `same` or `DIFF`;
# exits 1 on any difference. Build the old binary from a worktree of the
# commit to compare with (`git worktree add /tmp/old REV && cargo build
# --release --manifest-path /tmp/old/Cargo.toml`).
set -u
old=${1:?usage: same_output.sh OLD_BINARY NEW_BINARY}
new=${2:?usage: same_output.sh OLD_BINARY NEW_BINARY}
corpus="$(dirname "$0")/../../shared/corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in en_wiki fr_news; do
  zcat "$corpus/$f.jsonl.gz" > "$work/$f.jsonl"
done
run() { # BINARY OUTDIR
  mkdir -p "$2"
  for f in en_wiki fr_news; do
    "$1" check "$work/$f.jsonl" > "$2/$f.check.txt" 2>/dev/null
    "$1" check --format jsonl "$work/$f.jsonl" > "$2/$f.check.jsonl" 2>/dev/null
    "$1" extract --format jsonl "$work/$f.jsonl" > "$2/$f.extract.jsonl" 2>/dev/null
  done
  "$1" check --format jsonl "$work/en_wiki.jsonl" "$work/fr_news.jsonl" > "$2/both.check.jsonl" 2>/dev/null
}
run "$old" "$work/old"
run "$new" "$work/new"
status=0
for x in $(cd "$work/new" && ls); do
  sum=$(sha256sum "$work/new/$x" | cut -c1-64)
  if cmp -s "$work/old/$x" "$work/new/$x"; then
    echo "same  $sum  $x"
  else
    echo "DIFF  $sum  $x"
    status=1
  fi
done
exit $status
