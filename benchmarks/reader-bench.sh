#!/usr/bin/env bash
# Module reader throughput on a real kernel tree, next to kmod 34.2's depmod on the same tree.
#
# usage: benchmarks/reader-bench.sh KERNEL_ROOT VERSION [MODDIR]
#   MODDIR defaults to /lib/modules (use /usr/lib/modules for merged-/usr trees).
#
# Builds nothing: run `mvn -B -o -q -pl benchmarks -am package -DskipTests` first. Runs
# ReadKernelBenchmark (JMH, one fork, short iterations: the machine has 2 cores) and times
# `depmod -b ROOT -m MODDIR -o TMP VERSION` (the oracle, DEPMOD_ORACLE) three times after one
# warm-up run, reporting the median. Both read from a warm page cache. The depmod time is its whole
# run (reading, resolving, writing eleven files); ours is reading the modules only.
# JMH_OPTS overrides the JMH iteration options.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../scripts/tree-args.sh
. "$here/../scripts/tree-args.sh"
jar=$here/target/benchmarks.jar
oracle=${DEPMOD_ORACLE:-$HOME/.cache/beam-depmod/oracle/depmod}
jmh_opts=${JMH_OPTS:--f 1 -wi 1 -i 3 -w 5s -r 5s}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C

depmod_once() {
  local start end
  start=$(date +%s.%N)
  "$oracle" -b "$root" -m "$moddir" -o "$tmp/out" "$version" 2>/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
depmod_once >/dev/null
depmod_times=$(for _ in 1 2 3; do depmod_once; done | sort -n)
depmod_median=$(echo "$depmod_times" | sed -n 2p)

# shellcheck disable=SC2086
java -jar "$jar" ReadKernelBenchmark -p dirname="$dirname" $jmh_opts -rf csv -rff "$tmp/jmh.csv" >"$tmp/jmh.log" 2>&1 || {
  tail -20 "$tmp/jmh.log" >&2
  exit 1
}
score() { # score of the result row whose benchmark name ends with $1
  awk -F, -v name="$1" '{ b = $1; gsub(/"/, "", b) } b ~ name "$" { print $5 }' "$tmp/jmh.csv"
}
kernels_per_s=$(score 'readKernel')
modules_per_s=$(score 'readKernel:modules')
mb_per_s=$(score 'readKernel:megabytes')
modules=$(echo "$modules_per_s / $kernels_per_s" | bc -l)
megabytes=$(echo "$mb_per_s / $kernels_per_s" | bc -l)
ours=$(echo "1 / $kernels_per_s" | bc -l)

printf '| %s | %.0f | %.1f | %.3f | %.0f | %.1f | %.3f | %.2f |\n' \
  "$version" "$modules" "$megabytes" "$ours" "$modules_per_s" "$mb_per_s" "$depmod_median" \
  "$(echo "$ours / $depmod_median" | bc -l)"
