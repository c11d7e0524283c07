#!/usr/bin/env bash
# Checks that two builds of figcheck give byte-identical output on the
# corpus: `check` (text and JSONL) and `extract --format jsonl` on each file
# of ../shared/corpus/, and `check` on both files together. For changes
# that must not change what figcheck prints (restructuring, speed).
#
#   benches/same_output.sh OLD_BINARY NEW_BINARY
#
# Prints the SHA-256 of each output of NEW_BINARY and `same` or `DIFF`
# (standard error and exit codes are compared too); exits 1 on any
# difference, 2 when the corpus cannot be read. Build the old binary from a worktree of the
# commit to compare with (`git worktree add /tmp/old REV && cargo build
# --release --manifest-path /tmp/old/Cargo.toml`).
set -uo pipefail
old=${1:?usage: same_output.sh OLD_BINARY NEW_BINARY}
new=${2:?usage: same_output.sh OLD_BINARY NEW_BINARY}
corpus="$(dirname "$0")/../../shared/corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in en_wiki fr_news; do
  if ! zcat "$corpus/$f.jsonl.gz" > "$work/$f.jsonl" || [ ! -s "$work/$f.jsonl" ]; then
    echo "cannot read $corpus/$f.jsonl.gz" >&2
    exit 2
  fi
done
# one OUTDIR NAME BINARY ARGS...: stdout to NAME, stderr and exit code to
# NAME.stderr, so that they are compared too.
one() {
  local dir=$1 name=$2 bin=$3
  shift 3
  "$bin" "$@" > "$dir/$name" 2> "$dir/$name.stderr"
  echo "exit $?" >> "$dir/$name.stderr"
}
run() { # BINARY OUTDIR
  mkdir -p "$2"
  for f in en_wiki fr_news; do
    one "$2" "$f.check.txt" "$1" check "$work/$f.jsonl"
    one "$2" "$f.check.jsonl" "$1" check --format jsonl "$work/$f.jsonl"
    one "$2" "$f.extract.jsonl" "$1" extract --format jsonl "$work/$f.jsonl"
  done
  one "$2" both.check.jsonl "$1" check --format jsonl "$work/en_wiki.jsonl" "$work/fr_news.jsonl"
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
