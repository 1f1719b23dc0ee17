# Sourced by the bench scripts: `measure CMD...` runs CMD $runs times (default 3) and prints
# "best_seconds max_rss_kb".
stamp=$(mktemp)
trap 'rm -f "$stamp"' EXIT
measure() {
  local best="" rss=0
  for _ in $(seq "${runs:-3}"); do
    local out t m
    /usr/bin/time -f "%e %M" -o "$stamp" "$@" > /dev/null 2>&1
    out=$(tail -n 1 "$stamp")
    t=${out% *} m=${out#* }
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    [ "$m" -gt "$rss" ] && rss=$m
  done
  echo "$best $rss"
}
