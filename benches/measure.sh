# Sourced by the bench scripts: `measure CMD...` runs CMD $runs times (default 3) and prints
# "best_seconds max_rss_kb"; `measure_cpu CMD...` adds the least CPU time (user + system,
# seconds) of those runs, the figure that a machine shared with other work disturbs least.
stamp=$(mktemp)
trap 'rm -f "$stamp"' EXIT
measure_cpu() {
  local best="" cpu="" rss=0
  for _ in $(seq "${runs:-3}"); do
    local out t m u s
    /usr/bin/time -f "%e %M %U %S" -o "$stamp" "$@" > /dev/null 2>&1
    read -r t m u s <<< "$(tail -n 1 "$stamp")"
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    c=$(awk "BEGIN{print $u + $s}")
    if [ -z "$cpu" ] || awk "BEGIN{exit !($c < $cpu)}"; then cpu=$c; fi
    [ "$m" -gt "$rss" ] && rss=$m
  done
  echo "$best $rss $cpu"
}
measure() {
  local best rss _cpu
  read -r best rss _cpu <<< "$(measure_cpu "$@")"
  echo "$best $rss"
}
