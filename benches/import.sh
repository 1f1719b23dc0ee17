#!/usr/bin/env bash
# Importing a big Claude Code history cold (`--no-cache`) against `wc -l` over the same files,
# each run timing both, so the ratio holds on a busy machine; peak RSS beside the longest line
# and beside the peak on a tree a tenth the size (the target: memory bounded by the longest
# line, not growing with the tree); then the launch that writes the cache and the one that
# reads it.
#
# Usage: benches/import.sh [SESSIONS]   (default 36000: ~1 GB, 69,640 files)
#   RUNS=3        cold runs (the range of each figure is printed)
#   TREE=DIR      an existing tree (`leash generate --format claude-code -o DIR/projects`)
#   BASELINE=BIN  also time another leash binary's cold import in each run (before/after)
#   CCUSAGE=1     also time `ccusage daily --offline --json` on the tree (slow: ~100 s, ~9 GB)
set -euo pipefail
cd "$(dirname "$0")/.."
sessions=${1:-36000}
runs=${RUNS:-3}
cargo build --release -q
bin=$PWD/target/release/leash
tree=${TREE:-${BENCH_DIR:-target/bench}/claude-$sessions}
if [ ! -d "$tree/projects" ]; then
  echo "generating $sessions sessions under $tree/projects ..." >&2
  "$bin" generate --format claude-code --sessions "$sessions" --seed 9 -o "$tree/projects" >&2
fi
projects=$tree/projects
# Every file leash reads: sessions, sub-agent transcripts and their meta.json.
files=$(find "$projects" -type f | wc -l)
bytes=$(find "$projects" -type f -print0 | du -cb --files0-from=- | tail -n 1 | cut -f1)
longest=$(find "$projects" -type f -print0 | LC_ALL=C xargs -0 awk '
  { if (length($0) > m) m = length($0) } END { print m + 0 }' | sort -n | tail -n 1)
find "$projects" -type f -exec cat {} + > /dev/null   # warm the page cache

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
small=$work/small/projects
"$bin" generate --format claude-code --sessions $((sessions / 10)) --seed 9 -o "$small" > /dev/null 2>&1
# "SECONDS PEAK_KIB" of a command, its output discarded.
measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1; }
wc_lines() { find "$projects" -type f -print0 | xargs -0 wc -l | tail -n 1; }

printf 'tree              %d files, %.0f MiB, longest line %d bytes (load before: %s)\n' \
  "$files" "$(echo "$bytes / 1048576" | bc -l)" "$longest" "$(cut -d' ' -f1-3 /proc/loadavg)"
results=()
for i in $(seq 1 "$runs"); do
  read -r wc_t _ <<< "$(measure bash -c "$(declare -f wc_lines); projects='$projects'; wc_lines")"
  # A fresh output each run: an existing one is first checked against every input file.
  read -r imp_t imp_kib <<< "$(measure "$bin" import --no-cache "$projects" -q -o "$work/out-$i.jsonl")"
  rm -f "$work/out-$i.jsonl"
  results+=("$wc_t $imp_t $imp_kib")
  awk -v i="$i" -v wc="$wc_t" -v t="$imp_t" -v k="$imp_kib" 'BEGIN {
    printf "run %d             wc -l %.2f s   import --no-cache %.2f s   %.2fx wc -l   peak RSS %.0f MiB\n",
      i, wc, t, t / (wc > 0 ? wc : 0.01), k / 1024
  }'
  if [ -n "${BASELINE:-}" ]; then
    read -r base_t base_kib <<< "$(measure "$BASELINE" import --no-cache "$projects" -q -o "$work/base-$i.jsonl")"
    rm -f "$work/base-$i.jsonl"
    awk -v i="$i" -v b="$base_t" -v t="$imp_t" -v wc="$wc_t" -v k="$base_kib" 'BEGIN {
      printf "run %d baseline    import --no-cache %.2f s   %.2fx wc -l   peak RSS %.0f MiB   (this build takes %.2fx its time)\n",
        i, b, b / (wc > 0 ? wc : 0.01), k / 1024, t / (b > 0 ? b : 0.01)
    }'
  fi
done
printf '%s\n' "${results[@]}" | awk -v b="$bytes" '
  { wc = $1; t = $2; r = t / (wc > 0 ? wc : 0.01); k = $3 / 1024
    if (NR == 1 || r < rmin) rmin = r; if (NR == 1 || r > rmax) rmax = r
    if (NR == 1 || t < tmin) tmin = t; if (NR == 1 || t > tmax) tmax = t
    if (NR == 1 || k < kmin) kmin = k; if (NR == 1 || k > kmax) kmax = k }
  END {
    printf "import, no cache  %.2f-%.2f s   (%.0f MiB/s at best)   %.2fx-%.2fx wc -l   (target <= 4x)\n",
      tmin, tmax, b / 1048576 / tmin, rmin, rmax
    printf "peak RSS          %.0f-%.0f MiB", kmin, kmax
  }'
read -r _ small_kib <<< "$(measure "$bin" import --no-cache "$small" -q -o "$work/small.jsonl")"
awk -v k="$small_kib" 'BEGIN { printf "   (a tree a tenth the size: %.0f MiB)\n", k / 1024 }'

cache=$work/cache
read -r cold_t cold_kib <<< "$(measure env XDG_CACHE_HOME="$cache" "$bin" import "$projects" -q -o "$work/c.jsonl")"
rm -f "$work/c.jsonl"
read -r warm_t warm_kib <<< "$(measure env XDG_CACHE_HOME="$cache" "$bin" import "$projects" -q -o "$work/w.jsonl")"
awk -v c="$cold_t" -v w="$warm_t" -v ck="$cold_kib" -v wk="$warm_kib" 'BEGIN {
  printf "writing the cache %.2f s   (peak RSS %.0f MiB)\n", c, ck / 1024
  printf "import, cached    %.2f s   (%.1f%% of the launch that wrote it, peak RSS %.0f MiB)\n", w, 100 * w / (c > 0 ? c : 0.01), wk / 1024
}'
if [ -n "${CCUSAGE:-}" ]; then
  read -r cc_t cc_kib <<< "$(measure env CLAUDE_CONFIG_DIR="$tree" ccusage daily --offline --json)"
  awk -v c="$cc_t" -v k="$cc_kib" -v t="${results[-1]}" 'BEGIN {
    split(t, r, " ")
    printf "ccusage daily     %.2f s   (peak RSS %.0f MiB; leash imports %.1fx faster, target >= 1.5x)\n", c, k / 1024, c / r[2]
  }'
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
