#!/usr/bin/env bash
# `leash export` to Parquet at the study's scale, against `leash report` on the same corpus in
# the same run.  Usage: benches/export.sh [SESSIONS] (default 400000).
# Target (2-core machine): each export to Parquet <= 2x `leash report`; peak RSS measured beside
# the report's (the export streams: a few batches on top of the loaded index).
# The commands take turns, run after run ($RUNS rounds, default 3), so that a load that comes
# and goes on a shared machine falls on all of them; each keeps its best time and its least
# CPU time (user + system), and both ratios are printed: on a busy machine the CPU ratio is
# the steadier one.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-400000}
rounds=${RUNS:-3}
. benches/corpus.sh   # bin, corpus, bytes: the generated corpus, built once and cached

. benches/measure.sh   # measure_cpu(): best time, peak memory and least CPU time of a command

names=(report sessions decisions turns actions)
declare -A best cpu rss
for _ in $(seq "$rounds"); do
  for name in "${names[@]}"; do
    if [ "$name" = report ]; then
      cmd=("$bin" report "$corpus" --format json)
    else
      cmd=("$bin" export "$corpus" --table "$name" -o "$dir/export-$n-$name.parquet" -q)
    fi
    read -r t m c <<< "$(runs=1 measure_cpu "${cmd[@]}")"
    best[$name]=$(awk -v a="$t" -v b="${best[$name]:-}" 'BEGIN { print (b == "" || a < b) ? a : b }')
    cpu[$name]=$(awk -v a="$c" -v b="${cpu[$name]:-}" 'BEGIN { print (b == "" || a < b) ? a : b }')
    rss[$name]=$(( m > ${rss[$name]:-0} ? m : ${rss[$name]:-0} ))
  done
done

printf "corpus            %d sessions, %.0f MiB, %d cores, %d rounds\n" "$n" "$(echo "$bytes / 1048576" | bc -l)" "$(nproc)" "$rounds"
printf "leash report      %6.2f s   cpu %6.2f s   peak RSS %5.0f MiB\n" "${best[report]}" "${cpu[report]}" "$(echo "${rss[report]} / 1024" | bc -l)"
for table in "${names[@]:1}"; do
  out="$dir/export-$n-$table.parquet"
  rows=$("$bin" export "$corpus" --table "$table" -o "$out" 2>&1 | awk '{print $3}')
  awk -v table="$table" -v t="${best[$table]}" -v c="${cpu[$table]}" -v rss="${rss[$table]}" -v rt="${best[report]}" \
    -v rc="${cpu[report]}" -v size="$(stat -c %s "$out")" -v rows="$rows" 'BEGIN {
    printf "export %-10s %6.2f s   cpu %6.2f s   peak RSS %5.0f MiB   %9d rows, %4.0f MiB   ratio %.2fx report (target <= 2x), cpu %.2fx\n",
      table, t, c, rss / 1024, rows, size / 1048576, t / (rt > 0 ? rt : 0.01), c / (rc > 0 ? rc : 0.01)
  }'
done
