# Sourced by the benches that measure over the study-scale corpus (report.sh, export.sh):
# builds the release binary, generates the corpus of $n sessions once (kept in $BENCH_DIR,
# default target/bench), and warms the page cache so every command reads it from memory.
# Sets: bin, corpus, bytes.
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
cat "$corpus" > /dev/null
