#!/usr/bin/env bash
# Load speed and memory of `leash report` at the study's scale, against `wc -l` on the same file
# in the same run.  Usage: benches/report.sh [SESSIONS] (default 400000).
# Targets (2-core machine): wall time <= 6x `wc -l`; peak RSS <= 15% of the file size.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-400000}
runs=${RUNS:-3}
. benches/corpus.sh   # bin, corpus, bytes: the generated corpus, built once and cached

. benches/measure.sh   # measure(): best time and peak memory of a command

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

# The same run's figures against the study's (the generator is calibrated to them).
"$bin" report "$corpus" --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
e = r["by_expertise"]; g = r["regimes"]
rows = [
  ("human planning share", r["planning_human_share"]["pooled"], 0.70),
  ("human execution share", r["execution_human_share"]["pooled"], 0.20),
  ("turns per session", r["turns_per_session"]["mean"], 4),
  ("actions per prompt", r["actions_per_prompt"]["mean"], 10),
  ("words per turn", r["words_per_turn"]["mean"], 2400),
  ("sessions over 100 a/p", r["actions_per_prompt"]["share_sessions_over_100"], 0.02),
  ("novice a/p", e["novice"]["actions_per_prompt"], 5),
  ("expert a/p", e["expert"]["actions_per_prompt"], 12),
  ("novice words", e["novice"]["words_per_turn"], 600),
  ("expert words", e["expert"]["words_per_turn"], 3200),
  ("user_keeps_execution a/p", g["user_keeps_execution"]["actions_per_prompt"], 8),
  ("agent_controls_planning a/p", g["agent_controls_planning"]["actions_per_prompt"], 16),
  ("novice verified", e["novice"]["verified_success_rate"], 0.15),
  ("expert verified", e["expert"]["verified_success_rate"], 0.305),
]
print("figures         ours vs the study")
for name, ours, study in rows:
  print(f"  {name:<28} {ours:>9.3f}  {study:>7}  ({100*(ours-study)/study:+.1f}%)")
'
