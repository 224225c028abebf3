#!/usr/bin/env bash
# Downloads and unpacks real Debian kernel module trees, picking the newest package that exists.
#   fetch-kernels.sh [--no-unpack] [--previous] SPEC...   SPEC = <suite>-<arch>[-rt], e.g. bookworm-amd64, trixie-s390x
#   --previous picks the second newest package instead (with the newest: two consecutive kernels).
# Prints one line per kernel: "<.deb path> <unpacked root> <kernel version> <modules dir below root>".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
CACHE=${BEAM_DEPMOD_CACHE:-$HOME/.cache/beam-depmod}
unpack=1
if [ "${1:-}" = --no-unpack ]; then unpack=0; shift; fi
rank=1
if [ "${1:-}" = --previous ]; then rank=2; shift; fi
for spec in "$@"; do
  suite=${spec%%-*}; rest=${spec#*-}; arch=${rest%%-*}; variant=${rest#"$arch"}
  case $suite in
    bookworm) ver='6\.1\.0-[0-9]+' ;;
    trixie) ver='6\.12\.[0-9]+\+deb13' ;;
    *) echo "unknown suite in $spec" >&2; exit 2 ;;
  esac
  case $arch in
    amd64) flavour=amd64-unsigned ;;
    arm64) flavour=arm64-unsigned ;;
    i386) flavour=686-pae-unsigned ;;
    armhf) flavour=armmp ;;
    s390x) flavour=s390x ;;
    ppc64el) flavour=powerpc64le ;;
    riscv64) flavour=riscv64 ;;
    *) echo "unknown architecture in $spec" >&2; exit 2 ;;
  esac
  [ "$variant" = -rt ] && flavour=rt-$flavour
  pkgs=$("$here/debian-fetch.sh" list "$suite" "$arch" "^linux-image-$ver-$flavour\$")
  # Newest first; a package the index lists but the mirror no longer (or not yet) serves is skipped,
  # so the rank counts packages that could be downloaded.
  pkg= found=0
  for candidate in $(printf '%s\n' "$pkgs" | tac); do
    if "$here/debian-fetch.sh" download "$suite" "$arch" "$CACHE/debs/kernels" "$candidate"; then
      found=$((found + 1))
      if [ $found = "$rank" ]; then pkg=$candidate; break; fi
    else
      echo "fetch-kernels: $candidate is listed but could not be downloaded; trying the next older one" >&2
    fi
  done
  [ -n "$pkg" ] || { echo "no kernel package for $spec" >&2; exit 1; }
  deb=$(ls "$CACHE/debs/kernels/${pkg}_"*.deb | head -n 1)
  root=$CACHE/kernels/$pkg
  if [ $unpack = 1 ] && [ ! -e "$root/.done" ]; then
    rm -rf "$root"; mkdir -p "$root"
    dpkg-deb -x "$deb" "$root"
    touch "$root/.done"
  fi
  moddir=lib/modules
  [ -d "$root/usr/lib/modules" ] && moddir=usr/lib/modules
  kver=${pkg#linux-image-}; kver=${kver%-unsigned}
  echo "$deb $root $kver $moddir"
done
