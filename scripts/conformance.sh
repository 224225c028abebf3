#!/usr/bin/env bash
# Conformance against the kmod 34.2 oracle: runs the oracle and beam-depmod on the same real Debian
# kernels and compares every output file byte for byte, plus stderr and the exit status.
#   conformance.sh [SPEC...]    SPEC as for fetch-kernels.sh (default: the CI set, every Debian
#                               architecture, riscv64 and ppc64el first: a newest kernel of each)
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
specs=("$@")
[ ${#specs[@]} -gt 0 ] || specs=(trixie-riscv64 trixie-ppc64el bookworm-amd64 trixie-amd64 bookworm-s390x bookworm-i386 trixie-arm64 trixie-armhf)
oracle=$("$top/scripts/fetch-oracle.sh")/depmod
work=$(mktemp -d /tmp/beam-depmod-conformance.XXXXXX)
trap 'rm -rf "$work"' EXIT
files="modules.dep modules.dep.bin modules.alias modules.alias.bin modules.softdep modules.weakdep
modules.symbols modules.symbols.bin modules.builtin.bin modules.builtin.alias.bin modules.devname"
fail=0 pass=0
while read -r deb root ver moddir; do
  name=$(basename "$root")
  for tool in oracle beam; do
    mkdir -p "$work/$name/$tool"
    cmd=("$oracle"); [ $tool = beam ] && cmd=("$top/bin/beam-depmod")
    start=$(date +%s%N)
    "${cmd[@]}" -b "$root" -m "/$moddir" -o "$work/$name/$tool" "$ver" \
      >"$work/$name/$tool.out" 2>"$work/$name/$tool.err"
    echo $? >"$work/$name/$tool.exit"
    echo "$name: $tool took $(( ($(date +%s%N) - start) / 1000000 )) ms"
  done
  bad=""
  for f in $files; do
    cmp -s "$work/$name/oracle/$moddir/$ver/$f" "$work/$name/beam/$moddir/$ver/$f" || bad="$bad $f"
  done
  for s in out err exit; do cmp -s "$work/$name/oracle.$s" "$work/$name/beam.$s" || bad="$bad std$s"; done
  # What modprobe makes of both sets of indexes, for every module and alias.
  if ! "$top/scripts/readback.sh" "$root" "$ver" "/$moddir" "$work/$name/oracle" "$work/$name/beam" \
      >"$work/$name/readback.log" 2>&1; then
    bad="$bad modprobe-readback"; tail -5 "$work/$name/readback.log"
  fi
  # The module reader alone: exports and aliases of every module file vs the oracle's files, as sets.
  if ! "$top/scripts/conformance-reader.sh" "$root" "$ver" "/$moddir" >"$work/$name/reader.log" 2>&1; then
    bad="$bad reader-sets"; tail -5 "$work/$name/reader.log"
  fi
  if [ -z "$bad" ]; then
    echo "PASS $name ($ver): 11 files, stdout, stderr, exit status, modprobe read-back and reader sets identical"; pass=$((pass + 1))
  else
    echo "FAIL $name ($ver): differs in$bad"; fail=$((fail + 1))
    diff <(head -c 2000 "$work/$name/oracle.err") <(head -c 2000 "$work/$name/beam.err") | head -20
  fi
done < <("$top/scripts/fetch-kernels.sh" "${specs[@]}")
echo "conformance: $pass passed, $fail failed"
[ $fail = 0 ]
