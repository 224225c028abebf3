#!/usr/bin/env bash
# One kernel through depmod's command line, and how a small matrix scales with the cores, in one run
# next to kmod 34.2 (benchmarks/README.md):
#  - an uncompressed kernel (bookworm amd64) and a .ko.xz kernel (trixie amd64): kmod's depmod and
#    bin/beam-depmod with the same arguments, both on kmod's liblzma; wall, CPU (user+sys), peak RSS;
#  - a matrix of four kernels (two .ko, two .ko.xz) on one core (taskset -c 0) and on all of them.
# Every figure is the median of RUNS runs (default 3). No module cache anywhere (--cache=none).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
oracle_dir=$("$top/scripts/fetch-oracle.sh")
oracle=$oracle_dir/depmod
kmod_lib=$oracle_dir/root/usr/lib/x86_64-linux-gnu
work=$(mktemp -d /tmp/beam-depmod-kbench.XXXXXX)
trap 'rm -rf "$work"' EXIT
{
  "$top/scripts/fetch-kernels.sh" bookworm-amd64 trixie-amd64
  "$top/scripts/fetch-kernels.sh" bookworm-s390x trixie-arm64
} >"$work/kernels"
if [ -z "${BEAM_DEPMOD_JAR:-}" ]; then
  (cd "$top" && mvn -B -q -o -DskipTests -pl jobs -am package >/dev/null 2>&1 || mvn -B -q -DskipTests -pl jobs -am package >/dev/null)
fi
"$top/bin/beam-depmod" -n -b "$top/examples/tree/root" 6.1.0-demo-amd64 >/dev/null

# shellcheck source=measure.sh
. "$top/benchmarks/measure.sh"
row() { # LABEL FILE [BASE_FILE]
  local w c r; w=$(median "$2" 1) c=$(median "$2" 2) r=$(median "$2" 3)
  if [ $# -gt 2 ]; then
    echo "| $1 | $w | $(ratio "$w" "$(median "$3" 1)")x | $c | $((r / 1024)) |"
  else
    echo "| $1 | $w | | $c | $((r / 1024)) |"
  fi
}

echo "| run | wall ms | vs kmod | CPU ms | peak RSS MiB |"
echo "|---|---|---|---|---|"
roots=()
i=0
while read -r _ root ver moddir; do
  i=$((i + 1)); roots+=("$root")
  [ $i -le 2 ] || continue
  for _ in $(seq "$runs"); do
    rm -rf "$work/out"
    measure "kmod-$i" "$oracle" -b "$root" -m "/$moddir" -o "$work/out" "$ver"
    rm -rf "$work/out"
    measure "beam-$i" "$top/bin/beam-depmod" --liblzma="$kmod_lib/liblzma.so.5" -b "$root" -m "/$moddir" -o "$work/out" "$ver"
  done
  row "kmod depmod, $ver" "$work/kmod-$i"
  row "bin/beam-depmod (depmod's command line), $ver" "$work/beam-$i" "$work/kmod-$i"
done <"$work/kernels"
for _ in $(seq "$runs"); do
  rm -rf "$work/mo"
  measure one-core taskset -c 0 "$top/bin/beam-depmod" matrix --cache=none --liblzma="$kmod_lib/liblzma.so.5" --input "${roots[@]}" --output "$work/mo"
  rm -rf "$work/mo"
  measure all-cores "$top/bin/beam-depmod" matrix --cache=none --liblzma="$kmod_lib/liblzma.so.5" --input "${roots[@]}" --output "$work/mo"
done
row "matrix of 4 kernels (2 .ko, 2 .ko.xz), one core" "$work/one-core"
row "matrix of 4 kernels, $(nproc) cores" "$work/all-cores"
echo
echo "speed-up on $(nproc) cores: $(ratio "$(median "$work/one-core" 1)" "$(median "$work/all-cores" 1)")x (medians of $runs)"
