#!/usr/bin/env bash
# `beam-depmod check` against the kmod 34.2 oracle on real Debian kernels: modules of one kernel are
# checked against other kernels of the same architecture (their linux-headers Module.symvers given
# as packages), and for every pair the unknown symbols and CRC mismatches must equal what the oracle
# reports for that module placed alone in the kernel's updates/ directory
# (depmod -n -e -E Module.symvers).
#   check-conformance.sh [-n COUNT] SOURCE TARGET...
#     SOURCE, TARGET: releases of unpacked kernels in the cache (fetch-kernels.sh), e.g. 6.1.0-47-amd64;
#     COUNT modules of SOURCE (default 12), spread over its module list, are checked.
#   Default: one run per architecture, bookworm amd64, s390x (big-endian) and i386 (686-pae, 32-bit):
#   the modules of its second newest kernel against its newest one and itself (fetched by
#   fetch-kernels.sh, picked by pattern, never a pinned ABI number).
# Needs: the kernels unpacked under $CACHE/kernels, network for the linux-headers packages (cached
# under $CACHE/debs/headers), dpkg-deb, python3. Prints PASS/FAIL per pair, exit 1 on any FAIL.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${BEAM_DEPMOD_CACHE:-$HOME/.cache/beam-depmod}
count=12
if [ "${1:-}" = -n ]; then count=$2; shift 2; fi
if [ $# -lt 2 ]; then
  status=0
  for spec in bookworm-amd64 bookworm-s390x bookworm-i386; do
    read -r _ _ previous _ < <("$top/scripts/fetch-kernels.sh" --previous "$spec") || exit 1
    read -r _ _ newest _ < <("$top/scripts/fetch-kernels.sh" "$spec") || exit 1
    echo "== $spec: modules of $previous"
    "$0" -n "$count" "$previous" "$newest" "$previous" || status=1
  done
  exit $status
fi
source=$1; shift
oracle=$("$top/scripts/fetch-oracle.sh")/depmod
# hard links into the cache's file system: the trees are copied once per kernel, cheaply
mkdir -p "$CACHE/tmp"
work=$(mktemp -d "$CACHE/tmp/check-conformance.XXXXXX")
[ -n "${KEEP:-}" ] && echo "work directory: $work" >&2 || trap 'rm -rf "$work"' EXIT

image_dir() { ls -d "$CACHE"/kernels/linux-image-"$1"{,-unsigned} 2>/dev/null | head -n 1; }
arch_of() { case $1 in *-amd64) echo amd64;; *-arm64) echo arm64;; *-686-pae) echo i386;; *-armmp) echo armhf;;
  *-s390x) echo s390x;; *-powerpc64le) echo ppc64el;; *-riscv64) echo riscv64;; esac; }
suite_of() { case $1 in 6.1.*) echo bookworm;; *) echo trixie;; esac; }

src_dir=$(image_dir "$source")
[ -n "$src_dir" ] || { echo "kernel $source is not in $CACHE/kernels (scripts/fetch-kernels.sh)" >&2; exit 1; }
mapfile -t all < <(cd "$src_dir" && find lib/modules/"$source" usr/lib/modules/"$source" -name '*.ko*' 2>/dev/null | sort)
step=$(( ${#all[@]} / count )); [ $step -ge 1 ] || step=1
modules=()
for ((i = 0; i < ${#all[@]} && ${#modules[@]} < count; i += step)); do modules+=("$src_dir/${all[$i]}"); done

kernel_args=() symvers=()
for rel in "$@"; do
  dir=$(image_dir "$rel")
  [ -n "$dir" ] || { echo "kernel $rel is not in $CACHE/kernels" >&2; exit 1; }
  pkg=linux-headers-$rel
  "$top/scripts/debian-fetch.sh" download "$(suite_of "$rel")" "$(arch_of "$rel")" "$CACHE/debs/headers" "$pkg" >&2 || exit 1
  deb=$(ls "$CACHE/debs/headers/${pkg}_"*.deb | head -n 1)
  mkdir -p "$work/symvers/$rel"
  dpkg-deb --fsys-tarfile "$deb" | tar -xO "./usr/src/$pkg/Module.symvers" > "$work/symvers/$rel/Module.symvers"
  cp -al "$dir" "$work/root-$rel"
  kernel_args+=("$work/root-$rel" "$deb")
done

"$top/bin/beam-depmod" check --kernel "${kernel_args[@]}" --output "$work/beam" -- "${modules[@]}" \
  >"$work/beam.md" 2>"$work/beam.err"
status=$?
if [ $status -ne 0 ] && [ $status -ne 3 ]; then
  echo "beam-depmod check failed with status $status:" >&2; cat "$work/beam.err" >&2; exit 1
fi

fail=0 pass=0
for rel in "$@"; do
  root=$work/root-$rel
  moddir=lib/modules; [ -d "$root/$moddir/$rel" ] || moddir=usr/lib/modules
  mkdir -p "$root/$moddir/$rel/updates"
  for m in "${modules[@]}"; do
    base=$(basename "$m")
    ln "$m" "$root/$moddir/$rel/updates/$base"
    "$oracle" -n -e -E "$work/symvers/$rel/Module.symvers" -b "$root" "$rel" >/dev/null 2>"$work/oracle.err"
    rm -f "$root/$moddir/$rel/updates/$base"
    name=${base%%.*}; name=${name//-/_}
    if python3 - "$work/beam/report.json" "$work/oracle.err" "$rel" "$m" "/updates/$base" <<'PY'
import json, re, sys
report, err, rel, file, placed = sys.argv[1:]
pair = [r for r in json.load(open(report, encoding="utf-8"))["results"] if r["kernel"] == rel and r["file"] == file]
if len(pair) != 1:
    print(f"  no result for {file} on {rel}"); sys.exit(1)
unknown, crc = set(), set()
for line in open(err, encoding="latin-1"):
    m = re.match(r"depmod: WARNING: (\S+) (needs unknown symbol|disagrees about version of symbol) (\S+)$", line.rstrip("\n"))
    if m and m.group(1).endswith(placed):
        (unknown if m.group(2).startswith("needs") else crc).add(m.group(3))
ok = True
for what, beam, oracle in (("unknown symbols", pair[0]["unknownSymbols"], unknown), ("CRC mismatches", pair[0]["crcMismatches"], crc)):
    if sorted(oracle) != beam:
        ok = False
        print(f"  {what}: beam-depmod {beam}, kmod {sorted(oracle)}")
sys.exit(0 if ok else 1)
PY
    then pass=$((pass + 1)); echo "PASS $name on $rel"
    else fail=$((fail + 1)); echo "FAIL $name on $rel"
    fi
  done
done
python3 - "$work/beam/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))["results"]
print(f"{len(r)} pairs: {sum(not x['loads'] for x in r)} do not load, {sum(bool(x['crcMismatches']) for x in r)} with CRC mismatches,"
      f" {sum(bool(x['unknownSymbols']) for x in r)} with unknown symbols")
PY
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
