#!/usr/bin/env bash
# The largest real module, read alone in a heap of twice its decompressed size: Debian trixie's
# riscv64 amdgpu.ko.xz (58 MiB decompressed, 1.7 million symbols, as riscv64 keeps its local labels).
# A tree holding only that module goes through bin/beam-depmod with -Xmx = 2 x the decompressed
# size and through the kmod 34.2 oracle; every output file, stdout, stderr and the exit status must
# be identical, and the module's aliases (from its modinfo) must be there.
#   big-module.sh        (fetches the kernel with scripts/fetch-kernels.sh trixie-riscv64)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
oracle=$("$top/scripts/fetch-oracle.sh")/depmod
read -r _ root ver moddir < <("$top/scripts/fetch-kernels.sh" trixie-riscv64)
module=$(find "$root/$moddir/$ver" -name amdgpu.ko.xz -type f | head -1)
[ -n "$module" ] || { echo "big-module: no amdgpu.ko.xz in $root" >&2; exit 1; }
relpath=${module#"$root/$moddir/$ver/"}
size=$(xz -dc "$module" | wc -c)
heap_kib=$((2 * size / 1024))

work=$(mktemp -d /tmp/beam-depmod-big-module.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/root/$moddir/$ver/$(dirname "$relpath")"
cp "$module" "$work/root/$moddir/$ver/$relpath"

echo "big-module: $relpath, $size bytes decompressed; beam-depmod with -Xmx${heap_kib}k"
status=0
"$oracle" -b "$work/root" -m "/$moddir" -o "$work/oracle" "$ver" >"$work/oracle.out" 2>"$work/oracle.err" \
  || status=$?
echo $status >"$work/oracle.exit"
status=0
BEAM_DEPMOD_JAVA_OPTS="-Xmx${heap_kib}k -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xss8m" \
  "$top/bin/beam-depmod" -b "$work/root" -m "/$moddir" -o "$work/beam" "$ver" \
  >"$work/beam.out" 2>"$work/beam.err" || status=$?
echo $status >"$work/beam.exit"

bad=""
for f in modules.dep modules.dep.bin modules.alias modules.alias.bin modules.softdep modules.weakdep \
    modules.symbols modules.symbols.bin modules.builtin.bin modules.builtin.alias.bin modules.devname; do
  cmp -s "$work/oracle/$moddir/$ver/$f" "$work/beam/$moddir/$ver/$f" || bad="$bad $f"
done
for s in out err exit; do cmp -s "$work/oracle.$s" "$work/beam.$s" || bad="$bad std$s"; done
aliases=$(grep -c ' amdgpu$' "$work/oracle/$moddir/$ver/modules.alias" || true)
[ "$aliases" -gt 0 ] || bad="$bad no-aliases-in-the-oracle's-modules.alias"
if [ -n "$bad" ]; then
  echo "big-module: FAIL, differs in$bad"
  head -c 2000 "$work/beam.err"
  exit 1
fi
echo "big-module: PASS, 11 files, stdout, stderr and exit status identical to the oracle's ($aliases aliases)"
