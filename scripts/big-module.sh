#!/usr/bin/env bash
# The largest real module known, riscv64's amdgpu.ko.xz (57.6 MiB decompressed, 1.73 million
# .symtab entries), alone in a kernel tree: the module reader alone, with a heap of twice its
# decompressed size, finds every export and alias the kmod 34.2 oracle writes for it
# (scripts/conformance-reader.sh), and bin/beam-depmod writes the oracle's bytes for that tree.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
oracle=$("$top/scripts/fetch-oracle.sh")/depmod || exit 1
read -r _ root ver moddir < <("$top/scripts/fetch-kernels.sh" trixie-riscv64) || exit 1
module=$(find "$root/$moddir/$ver" -name amdgpu.ko.xz | head -n 1)
[ -n "$module" ] || { echo "big-module: no amdgpu.ko.xz in $root"; exit 1; }
size=$(xz --robot --list "$module" | awk '$1 == "totals" {print $5}')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/root/$moddir/$ver/kernel"
cp "$module" "$work/root/$moddir/$ver/kernel/"
heap=$((2 * size))
echo "big-module: $(basename "$module"), $size bytes decompressed, reader heap $heap bytes"
READER_JAVA_OPTS="-Xmx$heap" "$top/scripts/conformance-reader.sh" "$work/root" "$ver" "/$moddir" >"$work/reader.log" 2>&1 ||
  { tail -5 "$work/reader.log"; echo "big-module: FAIL: the reader alone, in a heap of $heap bytes"; exit 1; }
"$oracle" -b "$work/root" -m "/$moddir" -o "$work/oracle" "$ver" >"$work/oracle.out" 2>"$work/oracle.err"
echo $? >"$work/oracle.exit"
"$top/bin/beam-depmod" -b "$work/root" -m "/$moddir" -o "$work/beam" "$ver" >"$work/beam.out" 2>"$work/beam.err"
echo $? >"$work/beam.exit"
bad=""
for f in modules.dep modules.dep.bin modules.alias modules.alias.bin modules.softdep modules.weakdep \
    modules.symbols modules.symbols.bin modules.builtin.bin modules.builtin.alias.bin modules.devname; do
  cmp -s "$work/oracle/$moddir/$ver/$f" "$work/beam/$moddir/$ver/$f" || bad="$bad $f"
done
for s in out err exit; do cmp -s "$work/oracle.$s" "$work/beam.$s" || bad="$bad std$s"; done
grep -q '^kernel/amdgpu.ko.xz:' "$work/beam/$moddir/$ver/modules.dep" || bad="$bad no-amdgpu-in-modules.dep"
if [ -n "$bad" ]; then
  echo "big-module: FAIL: differs in$bad"
  head -c 3000 "$work/beam.err"
  exit 1
fi
echo "big-module: PASS: the reader alone in a heap of 2x the module; 11 files, stdout, stderr and exit status as the oracle's"
