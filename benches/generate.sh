#!/bin/sh
# Generation speed: times `leash generate` for a large corpus in release mode.
# Usage: benches/generate.sh [SESSIONS] [OUT]   (defaults: 400000, a temporary file)
# Measured on the 2-core build machine (shared): 400,000 sessions in ~11 s wall,
# 2.23 GB, ~75 MB peak memory; to .gz (level 3) about 4.8 s per 100,000 sessions.
set -eu
n=${1:-400000}
out=${2:-$(mktemp --suffix=.jsonl)}
cargo build --release --quiet
/usr/bin/time -f "%e s wall, %M KB max RSS" ./target/release/leash generate --sessions "$n" --seed 1 -o "$out"
ls -l "$out"
[ $# -ge 2 ] || rm -f "$out"
