#!/usr/bin/env bash
# Records kmod 34.2's outputs for every kernel of examples/matrix into examples/matrix/expected/<version>/,
# by unpacking each package with the standard tools and running the oracle on the tree; the matrix
# job's end-to-end test compares its outputs with these.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
oracle=$("$here/../scripts/fetch-oracle.sh")/depmod
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
exp=$here/matrix/expected
rm -rf "$exp"; mkdir -p "$exp"
run() { # ROOT
  for moddir in lib/modules usr/lib/modules; do
    [ -d "$1/$moddir" ] || continue
    for v in "$1/$moddir"/*/; do
      v=$(basename "$v")
      "$oracle" -b "$1" -m "/$moddir" -o "$work/out" "$v" 2>/dev/null
      mkdir -p "$exp/$v"; cp "$work/out/$moddir/$v"/modules.* "$exp/$v/"
    done
  done
}
run "$here/matrix/dir"
for p in "$here"/matrix/*.tar.gz "$here"/matrix/*.deb; do
  rm -rf "$work/root"; mkdir -p "$work/root"
  case $p in *.deb) dpkg-deb -x "$p" "$work/root" ;; *) tar -xzf "$p" -C "$work/root" ;; esac
  run "$work/root"
done
ls "$exp"
