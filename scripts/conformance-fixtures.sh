#!/usr/bin/env bash
# Proves that the committed fixture expectations are the oracle's: regenerates every case (or the
# named ones) with the live kmod 34.2 oracle into a scratch directory (fixtures/make-expected.sh
# --into) and compares, byte for byte, with fixtures/trees/<case>/expected/ and, where it is
# derived from oracle runs, expected-beam/ (the hand-written expected-beam/ of the cycle cases is
# only required to exist).
#   conformance-fixtures.sh [CASE...]
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
T=$top/fixtures/trees
oracle_dir=$("$top/scripts/fetch-oracle.sh") || exit 1
work=$(mktemp -d /tmp/beam-depmod-fixtures.XXXXXX)
trap 'rm -rf "$work"' EXIT

cases=("$@")
[ ${#cases[@]} -gt 0 ] || mapfile -t cases < <(cd "$T" && ls)
if ! ORACLE=$oracle_dir/depmod "$top/fixtures/make-expected.sh" --into "$work/gen" "${cases[@]}" \
    > "$work/log" 2>&1; then
  cat "$work/log" >&2
  echo "conformance-fixtures: make-expected.sh failed" >&2
  exit 1
fi

pass=0 fail=0
for c in "${cases[@]}"; do
  problems=()
  diff -r "$T/$c/expected" "$work/gen/$c/expected" > "$work/diff" 2>&1 || problems+=(expected)
  if [ -d "$work/gen/$c/expected-beam" ]; then
    diff -r "$T/$c/expected-beam" "$work/gen/$c/expected-beam" >> "$work/diff" 2>&1 || problems+=(expected-beam)
  elif [ -f "$T/$c/deviation" ] && ! [ -d "$T/$c/expected-beam" ]; then
    echo "no expected-beam/ for a deviation case" >> "$work/diff"; problems+=(expected-beam)
  elif [ -d "$T/$c/expected-beam" ] && ! [ -f "$T/$c/expected-beam.md" ]; then
    echo "expected-beam/ is committed but no longer derived" >> "$work/diff"; problems+=(expected-beam)
  fi
  if [ ${#problems[@]} -eq 0 ]; then
    echo "PASS $c"; pass=$((pass + 1))
  else
    echo "FAIL $c: ${problems[*]} differ"; fail=$((fail + 1))
    head -c 3000 "$work/diff" | head -n 30 | sed 's/^/    /'
  fi
done
echo "conformance-fixtures: $pass passed, $fail failed"
[ $fail -eq 0 ]
