# Sourced by the benchmark scripts: one way to time a run and to take medians. Needs $work.
measure() { # NAME CMD...: appends "wall_ms cpu_ms rss_kib" of one run to $work/NAME (CPU = user + sys)
  local name=$1 s e; shift
  s=$(date +%s%N)
  /usr/bin/time -f '%U %S %M' -o "$work/$name.time" "$@" >"$work/$name.log" 2>&1 ||
    { echo "failed: $*" >&2; tail -5 "$work/$name.log" >&2; exit 1; }
  e=$(date +%s%N)
  awk -v w=$(((e - s) / 1000000)) '{ printf "%d %d %d\n", w, ($1 + $2) * 1000, $3 }' "$work/$name.time" >>"$work/$name"
}
median() { # FILE COLUMN: the median of that column over the runs
  cut -d' ' -f"$2" "$1" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { printf "%.2f", x / y }'; }
