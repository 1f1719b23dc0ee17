#!/usr/bin/env bash
# Generation speed of `leash generate` at the study's scale, against baselines measured in the
# same run: `wc -l` over the generated corpus (reading what was written), and, when BASELINE
# names another leash binary (an older build), that binary generating the same sessions.
# Usage: benches/generate.sh [SESSIONS] (default 400000); RUNS=3 BASELINE=/path/to/leash.
# Target: 400,000 sessions well under a minute on the 2-core machine (the output goes to
# /dev/null, so what is timed is generation, not the disk).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-400000}
runs=${RUNS:-3}
cargo build --release -q
bin=target/release/leash
dir=${BENCH_DIR:-target/bench}
mkdir -p "$dir"
corpus="$dir/generated-$n.jsonl"
"$bin" generate --sessions "$n" --seed 1 > "$corpus"
bytes=$(stat -L -c %s "$corpus")
cat "$corpus" > /dev/null   # warm the page cache for wc -l

. benches/measure.sh   # measure(): best time and peak memory of a command

read -r wc_t _ <<< "$(measure wc -l "$corpus")"
read -r gen_t gen_rss <<< "$(measure "$bin" generate --sessions "$n" --seed 1)"
base_t=0
if [ -n "${BASELINE:-}" ]; then
  read -r base_t _ <<< "$(measure "$BASELINE" generate --sessions "$n" --seed 1)"
fi
awk -v n="$n" -v bytes="$bytes" -v wc="$wc_t" -v gt="$gen_t" -v rss="$gen_rss" -v bt="$base_t" -v cores="$(nproc)" 'BEGIN {
  mb = bytes / 1048576
  printf "corpus          %d sessions, %.0f MiB, %d cores\n", n, mb, cores
  printf "wc -l           %.2f s\n", wc
  printf "leash generate  %.2f s   (%.0f sessions/s, %.0f MiB/s)   (target: well under 60 s)\n", gt, n / (gt > 0 ? gt : 0.01), mb / (gt > 0 ? gt : 0.01)
  printf "time ratio      %.2fx wc -l\n", gt / (wc > 0 ? wc : 0.01)
  if (bt > 0) printf "baseline        %.2f s   ratio %.2fx the baseline binary\n", bt, gt / bt
  printf "peak RSS        %.0f MiB\n", rss / 1024
}'
rm -f "$corpus"
