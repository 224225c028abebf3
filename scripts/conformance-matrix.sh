#!/usr/bin/env bash
# Conformance of the matrix job: one pipeline over real Debian kernel packages (.deb, streamed,
# never unpacked by beam-depmod), each kernel's outputs compared byte for byte with kmod 34.2 run
# on the same package unpacked by dpkg-deb.
#   conformance-matrix.sh [SPEC...]   SPEC as for fetch-kernels.sh (default: four architectures)
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
specs=("$@")
[ ${#specs[@]} -gt 0 ] || specs=(bookworm-amd64 trixie-amd64 bookworm-s390x bookworm-i386)
oracle=$("$top/scripts/fetch-oracle.sh")/depmod
work=$(mktemp -d /tmp/beam-depmod-matrix.XXXXXX)
trap 'rm -rf "$work"' EXIT
files="modules.dep modules.dep.bin modules.alias modules.alias.bin modules.softdep modules.weakdep
modules.symbols modules.symbols.bin modules.builtin.bin modules.builtin.alias.bin modules.devname"
"$top/scripts/fetch-kernels.sh" "${specs[@]}" > "$work/kernels" || exit 1
debs=()
start=$(date +%s%N)
while read -r deb root ver moddir; do
  "$oracle" -b "$root" -m "/$moddir" -o "$work/oracle" "$ver" 2>/dev/null
  debs+=("$deb")
done < "$work/kernels"
echo "oracle, once per unpacked kernel: $(( ($(date +%s%N) - start) / 1000000 )) ms"
start=$(date +%s%N)
"$top/bin/beam-depmod" matrix --input "${debs[@]}" --output "$work/beam" > "$work/summary" 2> "$work/stderr"
status=$?
echo "beam-depmod matrix over ${#debs[@]} packages: $(( ($(date +%s%N) - start) / 1000000 )) ms, exit $status"
cat "$work/summary"
fail=0 pass=0
while read -r deb root ver moddir; do
  bad=""
  for f in $files; do
    cmp -s "$work/oracle/$moddir/$ver/$f" "$work/beam/$ver/$f" || bad="$bad $f"
  done
  if [ -z "$bad" ] && [ $status = 0 ]; then
    echo "PASS $ver (from $(basename "$deb")): 11 files identical"; pass=$((pass + 1))
  else
    echo "FAIL $ver (from $(basename "$deb")): differs in$bad (exit $status)"; fail=$((fail + 1))
  fi
done < "$work/kernels"
echo "matrix conformance: $pass passed, $fail failed"
[ $fail = 0 ]
