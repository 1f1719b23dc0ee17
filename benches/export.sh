#!/usr/bin/env bash
# `leash export` to Parquet at the study's scale, against `leash report` on the same corpus in
# the same run.  Usage: benches/export.sh [SESSIONS] (default 400000).
# Target (2-core machine): each export to Parquet <= 2x `leash report`; peak RSS measured beside
# the report's (the export streams: a few batches on top of the loaded index).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-400000}
runs=${RUNS:-3}
. benches/corpus.sh   # bin, corpus, bytes: the generated corpus, built once and cached

. benches/measure.sh   # measure(): best time and peak memory of a command

read -r rep_t rep_rss <<< "$(measure "$bin" report "$corpus" --format json)"
printf "corpus            %d sessions, %.0f MiB, %d cores\n" "$n" "$(echo "$bytes / 1048576" | bc -l)" "$(nproc)"
printf "leash report      %6.2f s   peak RSS %5.0f MiB\n" "$rep_t" "$(echo "$rep_rss / 1024" | bc -l)"
for table in sessions decisions turns actions; do
  out="$dir/export-$n-$table.parquet"
  read -r t rss <<< "$(measure "$bin" export "$corpus" --table "$table" -o "$out" -q)"
  rows=$("$bin" export "$corpus" --table "$table" -o "$out" 2>&1 | awk '{print $3}')
  awk -v table="$table" -v t="$t" -v rss="$rss" -v rt="$rep_t" -v size="$(stat -c %s "$out")" -v rows="$rows" 'BEGIN {
    printf "export %-10s %6.2f s   peak RSS %5.0f MiB   %9d rows, %4.0f MiB   ratio %.2fx report (target <= 2x)\n",
      table, t, rss / 1024, rows, size / 1048576, t / (rt > 0 ? rt : 0.01)
  }'
done
