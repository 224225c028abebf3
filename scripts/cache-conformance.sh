#!/usr/bin/env bash
# Conformance with the module cache (docs/cache.md): real Debian kernels, as unpacked trees and as
# .deb packages, through the matrix job and depmod's command line, cold (an empty cache) and warm
# (the cache of the cold run), each kernel's 11 files compared byte for byte with kmod 34.2's; then
# a tree with a module replaced by another version and a module deleted, a replaced package,
# garbage and a truncated entry in the cache, two runs at once on one new cache, and a cache that
# cannot be written to: still kmod's bytes, with beam-depmod's warnings where the cache was bad.
#   cache-conformance.sh [SPEC...]   SPEC as for fetch-kernels.sh (default: bookworm-amd64 trixie-amd64)
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
specs=("$@")
[ ${#specs[@]} -gt 0 ] || specs=(bookworm-amd64 trixie-amd64)
oracle=$("$top/scripts/fetch-oracle.sh")/depmod
beam="$top/bin/beam-depmod"
work=$(mktemp -d /tmp/beam-depmod-cache.XXXXXX)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
files="modules.dep modules.dep.bin modules.alias modules.alias.bin modules.softdep modules.weakdep
modules.symbols modules.symbols.bin modules.builtin.bin modules.builtin.alias.bin modules.devname"
"$top/scripts/fetch-kernels.sh" "${specs[@]}" > "$work/kernels" || exit 1
fail=0 pass=0
debs=() roots=()
while read -r deb root ver moddir; do
  "$oracle" -b "$root" -m "/$moddir" -o "$work/oracle" "$ver" 2> "$work/oracle-$ver.stderr"
  debs+=("$deb") roots+=("$root")
done < "$work/kernels"

# verdict NAME OUT-ROOT ORACLE-ROOT STATUS [EXPECTED-GREP]: every kernel's files equal the oracle's
verdict() {
  local name=$1 out=$2 want=$3 status=$4 bad="" ver moddir
  while read -r _ _ ver moddir; do
    for f in $files; do cmp -s "$want/$moddir/$ver/$f" "$out/$ver/$f" || bad="$bad $ver/$f"; done
  done < "$work/kernels"
  if [ -z "$bad" ] && [ "$status" = 0 ]; then
    echo "PASS $name"; pass=$((pass + 1))
  else
    echo "FAIL $name: differs in$bad (exit $status)"; fail=$((fail + 1))
  fi
}

# check NAME CONDITION-STATUS: a condition on the run's summary or stderr
check() {
  if [ "$2" = 0 ]; then echo "PASS $1"; pass=$((pass + 1)); else echo "FAIL $1"; fail=$((fail + 1)); fi
}

matrix() { # matrix NAME CACHE INPUT...: one matrix run, outputs in $work/NAME
  local name=$1 cache=$2; shift 2
  "$beam" matrix --cache="$cache" --input "$@" --output "$work/$name" > "$work/$name.summary" 2> "$work/$name.stderr"
}

for kind in trees debs; do
  if [ $kind = trees ]; then inputs=("${roots[@]}"); else inputs=("${debs[@]}"); fi
  matrix $kind-cold "$work/cache-$kind" "${inputs[@]}"; verdict "matrix over $kind, cold" "$work/$kind-cold" "$work/oracle" $?
  matrix $kind-warm "$work/cache-$kind" "${inputs[@]}"; verdict "matrix over $kind, warm" "$work/$kind-warm" "$work/oracle" $?
  grep -Eq '^0 of [1-9][0-9]* modules from the cache' "$work/$kind-cold.summary"; check "$kind: the cold run read every module" $?
  grep -Eq '^([1-9][0-9]*) of \1 modules from the cache' "$work/$kind-warm.summary"; check "$kind: the warm run read none" $?
  ! grep -q 'beam-depmod: WARNING' "$work/$kind-cold.summary" "$work/$kind-warm.summary"; check "$kind: no warning" $?
done

# depmod's command line, cold then warm: kmod's files and kmod's stderr
while read -r deb root ver moddir; do
  for run in cold warm; do
    "$beam" --cache="$work/cache-cli" -b "$root" -m "/$moddir" -o "$work/cli-$run" "$ver" 2> "$work/cli-$run-$ver.stderr"
    status=$?
    bad=""
    for f in $files; do cmp -s "$work/oracle/$moddir/$ver/$f" "$work/cli-$run/$moddir/$ver/$f" || bad="$bad $f"; done
    cmp -s "$work/oracle-$ver.stderr" "$work/cli-$run-$ver.stderr" || bad="$bad stderr"
    if [ -z "$bad" ] && [ $status = 0 ]; then echo "PASS depmod -b ... $ver, $run"; pass=$((pass + 1))
    else echo "FAIL depmod -b ... $ver, $run: differs in$bad (exit $status)"; fail=$((fail + 1)); fi
  done
done < "$work/kernels"

# a changed tree: the first kernel, one module replaced by the same module of the other kernel (or
# by another module), one deleted; the warm cache of the trees run
read -r _ root ver moddir < "$work/kernels"
changed="$work/changed"
mkdir -p "$changed/$moddir"
cp -al "$root/$moddir/$ver" "$changed/$moddir/$ver"
mods=$(cd "$changed/$moddir/$ver" && find kernel -name '*.ko*' -type f | sort)
victim=$(printf '%s\n' "$mods" | sed -n 100p) other=$(printf '%s\n' "$mods" | sed -n 200p) gone=$(printf '%s\n' "$mods" | sed -n 300p)
replacement=$(find "${roots[@]:1}" -path "*/${victim#kernel/}" -type f 2>/dev/null | head -n 1)
[ -n "$replacement" ] || replacement="$changed/$moddir/$ver/$other"
cp "$replacement" "$changed/$moddir/$ver/$victim.new" && mv "$changed/$moddir/$ver/$victim.new" "$changed/$moddir/$ver/$victim"
rm "$changed/$moddir/$ver/$gone"
"$oracle" -b "$changed" -m "/$moddir" -o "$work/oracle-changed" "$ver" 2>/dev/null
"$beam" matrix --cache="$work/cache-trees" --input "$changed" --output "$work/changed-out" > "$work/changed.summary" 2>&1
status=$? bad=""
for f in $files; do cmp -s "$work/oracle-changed/$moddir/$ver/$f" "$work/changed-out/$ver/$f" || bad="$bad $f"; done
if [ -z "$bad" ] && [ $status = 0 ]; then echo "PASS a replaced ($victim) and a deleted module ($gone)"; pass=$((pass + 1))
else echo "FAIL a replaced ($victim) and a deleted module ($gone): differs in$bad (exit $status)"; fail=$((fail + 1)); fi

# a replaced package: the cache of the .deb runs, the first package's name now holding the second's bytes
if [ ${#debs[@]} -ge 2 ]; then
  cp "${debs[1]}" "$work/$(basename "${debs[0]}")"
  read -r _ _ ver1 moddir1 < <(sed -n 2p "$work/kernels")
  matrix deb-replaced "$work/cache-debs" "$work/$(basename "${debs[0]}")"; status=$? bad=""
  for f in $files; do cmp -s "$work/oracle/$moddir1/$ver1/$f" "$work/deb-replaced/$ver1/$f" || bad="$bad $f"; done
  [ -z "$bad" ] && [ $status = 0 ]; check "a replaced package gives the new package's kernel$bad" $?
fi

# garbage over some entries, one truncated: the same outputs, one warning each
entries=$(find "$work/cache-trees" -type f | sort)
for e in $(printf '%s\n' "$entries" | sed -n '1p;50p;500p'); do head -c 300 /dev/urandom > "$e"; done
e=$(printf '%s\n' "$entries" | sed -n 1000p); truncate -s 100 "$e"
matrix spoilt "$work/cache-trees" "${roots[@]}"; verdict "matrix over a spoilt cache" "$work/spoilt" "$work/oracle" $?
[ "$(grep -c "beam-depmod: WARNING: cache entry .* is unusable" "$work/spoilt.summary")" -ge 4 ]
check "four entries spoilt, four warnings" $?
matrix respoilt "$work/cache-trees" "${roots[@]}"
! grep -q 'beam-depmod: WARNING' "$work/respoilt.summary"; check "the spoilt entries were replaced" $?

# two runs at once on one new cache
matrix concurrent-1 "$work/cache-shared" "${roots[@]}" & first=$!
matrix concurrent-2 "$work/cache-shared" "${roots[@]}"; second=$?
wait $first; verdict "the first of two runs at once" "$work/concurrent-1" "$work/oracle" $?
verdict "the second of two runs at once" "$work/concurrent-2" "$work/oracle" $second
! find "$work/cache-shared" -name '*.tmp' | grep -q .; check "no temporary entry left" $?

# a cache that cannot be written to (under a regular file: permissions do not stop root)
touch "$work/a-file"
matrix unwritable "$work/a-file/cache" "${roots[@]}"; verdict "matrix with a cache that cannot be written to" "$work/unwritable" "$work/oracle" $?
[ "$(grep -c 'beam-depmod: WARNING: cannot write to the module cache' "$work/unwritable.summary")" = 1 ]
check "one warning for the unwritable cache" $?

echo "cache conformance: $pass passed, $fail failed"
[ $fail = 0 ]
