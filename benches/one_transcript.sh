#!/usr/bin/env bash
# One huge transcript: a single Claude Code session file and a single Codex rollout of about
# SIZE MB each (a generated session's lines repeated with fresh ids), imported cold against
# `wc -l` on the same file in the same run; peak RSS beside the file's longest line and beside
# the peak on the same transcript a quarter the size. Target: memory bounded by the longest
# line (a few reading parts of HOLD bytes), not growing with the file.
#
# Usage: benches/one_transcript.sh [SIZE_MB]   (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
size=$((${1:-1000} * 1000000))
cargo build --release -q
bin=$PWD/target/release/leash
dir=${BENCH_DIR:-target/bench}/one-transcript
mkdir -p "$dir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1; }

# The biggest generated session of a format, its lines after the first repeated (each
# repetition's uuids and tool ids made its own) until the file is `bytes` long.
build() {
  local format=$1 out=$2 bytes=$3
  [ -s "$out" ] && [ "$(stat -c %s "$out")" -ge "$bytes" ] && return
  "$bin" generate --format "$format" --sessions 40 --seed 9 -o "$work/gen-$format" > /dev/null 2>&1
  local src
  src=$(find "$work/gen-$format" -name '*.jsonl' ! -path '*/subagents/*' -printf '%s %p\n' | sort -n | tail -n 1 | cut -d' ' -f2)
  local reps=$((bytes / $(stat -c %s "$src") + 1))
  LC_ALL=C awk -v reps="$reps" 'NR == FNR { if (FNR == 1) head = $0; else body[n++] = $0; next }
    END {
      print head
      for (r = 0; r < reps; r++) for (i = 0; i < n; i++) {
        l = body[i]
        gsub(/"toolu_/, "\"toolu_" r "x", l); gsub(/"call_/, "\"call_" r "x", l)
        gsub(/"uuid":"/, "\"uuid\":\"" r "-", l); gsub(/"parentUuid":"/, "\"parentUuid\":\"" r "-", l)
        print l
      }
    }' "$src" "$src" > "$out"
}

printf 'load before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
for format in claude-code codex; do
  big=$dir/$format-$size.jsonl
  build "$format" "$big" "$size"
  quarter=$work/$format-quarter.jsonl
  head -c $((size / 4)) "$big" | head -n -1 > "$quarter"
  longest=$(LC_ALL=C awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$big")
  read -r wc_t _ <<< "$(measure wc -l "$big")"
  read -r t kib <<< "$(measure "$bin" import --no-cache "$big" -q -o "$work/out.jsonl")"
  lines=$(wc -l < "$big")
  rm -f "$work/out.jsonl"
  read -r _ q_kib <<< "$(measure "$bin" import --no-cache "$quarter" -q -o "$work/q.jsonl")"
  rm -f "$work/q.jsonl"
  awk -v f="$format" -v b="$(stat -c %s "$big")" -v n="$lines" -v l="$longest" -v wc="$wc_t" -v t="$t" -v k="$kib" -v q="$q_kib" 'BEGIN {
    printf "%-12s one file, %.0f MB, %d lines, longest %d bytes\n", f, b / 1e6, n, l
    printf "             wc -l %.2f s   import --no-cache %.2f s (%.2fx wc -l)   peak RSS %.0f MiB (%.1f%% of the file)   a quarter of it: %.0f MiB\n",
      wc, t, t / (wc > 0 ? wc : 0.01), k / 1024, 100 * k * 1024 / b, q / 1024
  }'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
