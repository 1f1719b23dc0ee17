#!/usr/bin/env bash
# Load speed and memory of `leash report` at the study's scale, against `wc -l` on the same file
# in the same run.  Usage: benches/report.sh [SESSIONS] (default 400000).
# Targets (2-core machine): wall time <= 6x `wc -l`; peak RSS <= 15% of the file size.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-400000}
runs=${RUNS:-3}
cargo build --release -q
bin=target/release/leash
dir=${BENCH_DIR:-target/bench}
mkdir -p "$dir"
corpus="$dir/corpus-$n.jsonl"
if [ ! -s "$corpus" ]; then
  echo "generating $n sessions into $corpus ..." >&2
  "$bin" generate --sessions "$n" --seed 1 -o "$corpus"
fi
bytes=$(stat -L -c %s "$corpus")
cat "$corpus" > /dev/null   # warm the page cache so both read from memory

stamp=$(mktemp)
trap 'rm -f "$stamp"' EXIT
# best of $runs: prints "seconds max_rss_kb"
measure() {
  local best="" rss=0
  for _ in $(seq "$runs"); do
    local out t m
    /usr/bin/time -f "%e %M" -o "$stamp" "$@" > /dev/null 2>&1
    out=$(tail -n 1 "$stamp")
    t=${out% *} m=${out#* }
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    [ "$m" -gt "$rss" ] && rss=$m
  done
  echo "$best $rss"
}

read -r wc_t _ <<< "$(measure wc -l "$corpus")"
read -r leash_t leash_rss <<< "$(measure "$bin" report "$corpus" --format json)"
awk -v n="$n" -v bytes="$bytes" -v wc="$wc_t" -v lt="$leash_t" -v rss="$leash_rss" -v cores="$(nproc)" 'BEGIN {
  mb = bytes / 1048576
  printf "corpus          %d sessions, %.0f MiB, %d cores\n", n, mb, cores
  printf "wc -l           %.2f s\n", wc
  printf "leash report    %.2f s   (%.0f MiB/s)\n", lt, mb / (lt > 0 ? lt : 0.01)
  printf "time ratio      %.2fx wc -l   (target <= 6x)\n", lt / (wc > 0 ? wc : 0.01)
  printf "peak RSS        %.0f MiB = %.1f%% of the file   (target <= 15%%)\n", rss / 1024, 100 * rss * 1024 / bytes
}'
