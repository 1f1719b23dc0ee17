#!/bin/sh
# Generation speed: times `leash generate` for a large corpus in release mode.
# Usage: benches/generate.sh [SESSIONS] [OUT]   (defaults: 400000, a temporary file)
# Measured on the shared 2-core build machine (load ~3, release with thin LTO):
# 400,000 sessions in 6.3 s wall, 2.23 GB, under 60 MB peak memory;
# to a .gz file (level 3) 17.6 s, 235 MB.
set -eu
n=${1:-400000}
out=${2:-$(mktemp --suffix=.jsonl)}
cargo build --release --quiet
/usr/bin/time -f "%e s wall, %M KB max RSS" ./target/release/leash generate --sessions "$n" --seed 1 -o "$out"
ls -l "$out"
[ $# -ge 2 ] || rm -f "$out"
