#!/usr/bin/env bash
# Import throughput on a large transcript tree, against `wc -l` over the same files in the same
# run, and the second launch with the import cache.  Usage: benches/import.sh [MIB] (default 1024).
# The tree replicates ../shared/fixtures (Claude Code project folders and Codex rollouts), each
# copy with its own session ids, under target/bench/transcripts.
set -euo pipefail
cd "$(dirname "$0")/.."
mib=${1:-1024}
cargo build --release -q
bin=$PWD/target/release/leash
tree=${BENCH_DIR:-target/bench}/transcripts-$mib
if [ ! -d "$tree" ]; then
  echo "replicating the fixtures into $tree (~$mib MiB) ..." >&2
  python3 - "$tree" "$mib" <<'PY'
import os, re, sys
tree, mib = sys.argv[1], int(sys.argv[2])
fx = "../shared/fixtures"
files = []
for sub in ("claude-code/sample-project", "claude-code/edge"):
    for f in sorted(os.listdir(os.path.join(fx, sub))):
        files.append(("claude", sub.split("/")[-1], f, open(os.path.join(fx, sub, f), encoding="utf-8").read()))
for f in sorted(os.listdir(os.path.join(fx, "codex"))):
    files.append(("codex", "", f, open(os.path.join(fx, "codex", f), encoding="utf-8").read()))
uuid = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
per_copy = sum(len(t.encode()) for *_, t in files)
copies = max(1, mib * 1048576 // per_copy)
for i in range(copies):
    tag = f"{i:012x}"
    fresh = lambda m: m.group(0)[:24] + tag
    for kind, group, name, text in files:
        body = uuid.sub(fresh, text)
        fname = uuid.sub(fresh, name)
        if kind == "claude":
            d = os.path.join(tree, "claude", f"-home-user-{group}-{i}")
        else:
            d = os.path.join(tree, "codex", "2026", "02", f"{i % 28 + 1:02d}")
            fname = fname.replace(".jsonl", f"-{tag}.jsonl") if not uuid.search(fname) else fname
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, fname), "w", encoding="utf-8") as out:
            out.write(body)
print(f"{copies} copies", file=sys.stderr)
PY
fi
bytes=$(du -sb "$tree" | cut -f1)
files=$(find "$tree" -name '*.jsonl' | wc -l)
find "$tree" -name '*.jsonl' -exec cat {} + > /dev/null   # warm the page cache

secs() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1; }
read -r wc_t _ <<< "$(secs sh -c "find '$tree' -name '*.jsonl' -print0 | wc -l --files0-from=- | tail -n 1")"
cache=$(mktemp -d)
read -r cold_t cold_rss <<< "$(secs env XDG_CACHE_HOME="$cache" "$bin" import "$tree" -q -o /dev/null)"
read -r warm_t warm_rss <<< "$(secs env XDG_CACHE_HOME="$cache" "$bin" import "$tree" -q -o /dev/null)"
rm -rf "$cache"
awk -v b="$bytes" -v f="$files" -v wc="$wc_t" -v c="$cold_t" -v w="$warm_t" -v cr="$cold_rss" -v wr="$warm_rss" 'BEGIN {
  mb = b / 1048576
  printf "tree              %d files, %.0f MiB\n", f, mb
  printf "wc -l             %.2f s   (%.0f MiB/s)\n", wc, mb / (wc > 0 ? wc : 0.01)
  printf "import, no cache  %.2f s   (%.0f MiB/s, %.1fx wc -l, peak RSS %.0f MiB)\n", c, mb / (c > 0 ? c : 0.01), c / (wc > 0 ? wc : 0.01), cr / 1024
  printf "import, cached    %.2f s   (%.1f%% of the first launch, peak RSS %.0f MiB)\n", w, 100 * w / (c > 0 ? c : 0.01), wr / 1024
}'
