#!/usr/bin/env bash
# Systematic corruption of real module files: every truncation point and random byte changes,
# through the module reader; never an exception, an OutOfMemoryError or a read that does not end.
#
#   scripts/corrupt.sh [MODULES_PER_KERNEL [FLIPS_PER_FILE]]     (defaults: 20 and 200)
#
# Takes the committed fixture modules and, from every kernel tree under ~/.cache/beam-depmod/kernels,
# MODULES_PER_KERNEL small modules (under 16 KiB, every truncation point) and 2 large uncompressed
# ones (over 256 KiB, 20 000 evenly spaced truncation points; a cut compressed file is decoded up to
# the cut, so large compressed ones would take hours), picked evenly from the sorted file list so
# runs are reproducible. Each read has 10 s (a hang stops the run); the JVM has a 1 GiB heap.
set -euo pipefail
cd "$(dirname "$0")/.."
per_kernel=${1:-20}
flips=${2:-200}
cp=$(scripts/test-classpath.sh)
kernels=${KERNELS_DIR:-$HOME/.cache/beam-depmod/kernels}

# pick N FILE...: N entries spread evenly over the (sorted) arguments.
pick() {
  local n=$1
  shift
  printf '%s\n' "$@" | sort | awk -v n="$n" '{a[NR] = $0} END {if (NR) for (i = 0; i < n && i < NR; i++) print a[int(i * NR / n) + 1]}'
}

status=0
run() {
  java -Xmx1g -cp "$cp" dev.beamdepmod.module.CorruptionCheck "$flips" 20000 10 "$@" || status=1
}

echo "== fixtures/modules"
run fixtures/modules/*.ko*
for tree in "$kernels"/*/; do
  [ -d "$tree" ] || continue
  mapfile -t small < <(find "$tree" -name '*.ko*' -type f -size -16k)
  mapfile -t large < <(find "$tree" -name '*.ko' -type f -size +256k)
  [ ${#small[@]} -gt 0 ] || continue
  echo "== $(basename "$tree")"
  run $(pick "$per_kernel" "${small[@]}") $(pick 2 "${large[@]}")
done
exit $status
