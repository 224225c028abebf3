#!/usr/bin/env bash
# Side-by-side cost of the matrix job and kmod 34.2, in one run (benchmarks/README.md):
#  - kmod's depmod once per tree: wall, CPU (user+sys) and peak RSS per tree, summed;
#  - one beam-depmod matrix job over the same trees, on kmod's own liblzma (--liblzma) and on the host's;
#  - the xz floor: CPU of decoding the trees' .ko.xz files with kmod's liblzma (trixie's xz), over the cores;
#  - one matrix job over the kernels' .deb packages against dpkg-deb -x + depmod per package;
#  - with the module cache (docs/cache.md): the trees and the .debs cold (an empty cache) and warm (the
#    cache of the cold run), and depmod -a --cache=DIR on a .ko.xz tree after adding one module
#    against kmod's depmod -a. The runs above use no cache (--cache=none).
# Every figure is the median of RUNS runs (default 3); beam-depmod runs with the launcher's defaults.
#   matrix-bench.sh [SPEC...]   SPEC as for scripts/fetch-kernels.sh, '--previous SPEC' counting as one
#   (default: 8 kernels, half of them .ko.xz: bookworm amd64 twice, i386, s390x; trixie amd64, arm64,
#   armhf, riscv64)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${BEAM_DEPMOD_CACHE:-$HOME/.cache/beam-depmod}
runs=${RUNS:-3}
specs=("$@")
[ ${#specs[@]} -gt 0 ] || specs=(bookworm-amd64 "--previous bookworm-amd64" bookworm-i386 bookworm-s390x
  trixie-amd64 trixie-arm64 trixie-armhf trixie-riscv64)
oracle_dir=$("$top/scripts/fetch-oracle.sh")
oracle=$oracle_dir/depmod
kmod_lib=$oracle_dir/root/usr/lib/x86_64-linux-gnu
work=$(mktemp -d /tmp/beam-depmod-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
for spec in "${specs[@]}"; do
  # shellcheck disable=SC2086 # "--previous SPEC" is two words on purpose
  "$top/scripts/fetch-kernels.sh" $spec
done > "$work/kernels"
# trixie's xz, run on the oracle's libraries: the same liblzma as kmod's
"$top/scripts/debian-fetch.sh" download trixie amd64 "$CACHE/debs/oracle-xz" xz-utils >/dev/null
mkdir -p "$work/xz-utils"
dpkg-deb -x "$CACHE"/debs/oracle-xz/xz-utils_*.deb "$work/xz-utils"
if [ -z "${BEAM_DEPMOD_JAR:-}" ]; then
  (cd "$top" && mvn -B -q -o -DskipTests -pl jobs -am package >/dev/null 2>&1 || mvn -B -q -DskipTests -pl jobs -am package >/dev/null)
fi
# Installation, not a run: bin/beam-depmod makes its class-data archive on the first run of a new jar.
"$top/bin/beam-depmod" -n -b "$top/examples/tree/root" 6.1.0-demo-amd64 >/dev/null
cores=$(nproc)

# shellcheck source=measure.sh
. "$top/benchmarks/measure.sh"
mib() { echo $(($1 / 1024)); }

roots=(); debs=(); n=0
kw=0 kc=0 kr=0
echo "| tree | modules | kmod wall ms | kmod CPU ms | kmod peak RSS MiB |"
echo "|---|---|---|---|---|"
while read -r deb root ver moddir; do
  n=$((n + 1)); roots+=("$root"); debs+=("$deb")
  for _ in $(seq "$runs"); do
    rm -rf "$work/out"
    measure "kmod-$n" "$oracle" -b "$root" -m "/$moddir" -o "$work/out" "$ver"
  done
  w=$(median "$work/kmod-$n" 1) c=$(median "$work/kmod-$n" 2) r=$(median "$work/kmod-$n" 3)
  kw=$((kw + w)); kc=$((kc + c)); [ "$r" -gt "$kr" ] && kr=$r
  echo "| $ver | $(find "$root/$moddir/$ver" -name '*.ko*' | wc -l) | $w | $c | $(mib "$r") |"
  echo "$root/$moddir/$ver" >>"$work/moddirs"
done < "$work/kernels"
rm -rf "$work/out"

# The xz floor: every .ko.xz of the trees decoded once by kmod's liblzma, on one core per process.
xargs -a "$work/moddirs" -I{} find {} -name '*.ko.xz' -print0 >"$work/xzfiles"
for _ in $(seq "$runs"); do
  measure xz bash -c 'xargs -0 -n 200 -P "$1" "$2" --library-path "$3" "$4" -dc <"$0" >/dev/null' \
    "$work/xzfiles" "$cores" "$kmod_lib/ld-linux-x86-64.so.2" "$kmod_lib" "$work/xz-utils/usr/bin/xz"
done
xz_cpu=$(median "$work/xz" 2)
xz_files=$(tr -cd '\0' <"$work/xzfiles" | wc -c)

sync
for _ in $(seq "$runs"); do
  rm -rf "$work/mo"
  measure beam-kmodxz "$top/bin/beam-depmod" matrix --cache=none --liblzma="$kmod_lib/liblzma.so.5" --input "${roots[@]}" --output "$work/mo"
  rm -rf "$work/mo"
  measure beam-hostxz "$top/bin/beam-depmod" matrix --cache=none --input "${roots[@]}" --output "$work/mo"
  rm -rf "$work/mo" "$work/cache"
  measure beam-cold "$top/bin/beam-depmod" matrix --cache="$work/cache" --liblzma="$kmod_lib/liblzma.so.5" --input "${roots[@]}" --output "$work/mo"
  rm -rf "$work/mo"
  measure beam-warm "$top/bin/beam-depmod" matrix --cache="$work/cache" --liblzma="$kmod_lib/liblzma.so.5" --input "${roots[@]}" --output "$work/mo"
done
rm -rf "$work/mo"

for _ in $(seq "$runs"); do
  : >"$work/pkg-run"
  for i in "${!debs[@]}"; do
    read -r _ _ ver moddir < <(sed -n "$((i + 1))p" "$work/kernels")
    rm -rf "$work/x"; mkdir -p "$work/x"
    measure pkg-x dpkg-deb -x "${debs[$i]}" "$work/x"
    measure pkg-d "$oracle" -b "$work/x" -m "/$moddir" -o "$work/kmod-deb" "$ver"
  done
  # one run: the sum over the packages of unpacking and depmod
  paste -d' ' <(tail -n "$n" "$work/pkg-x") <(tail -n "$n" "$work/pkg-d") |
    awk '{ w += $1 + $4; c += $2 + $5; if ($3 > r) r = $3; if ($6 > r) r = $6 } END { printf "%d %d %d\n", w, c, r }' >>"$work/pkg"
  rm -rf "$work/x" "$work/kmod-deb"
  sync
  rm -rf "$work/mo"
  measure beam-debs "$top/bin/beam-depmod" matrix --cache=none --liblzma="$kmod_lib/liblzma.so.5" --input "${debs[@]}" --output "$work/mo"
  rm -rf "$work/mo" "$work/cache"
  measure beam-debs-cold "$top/bin/beam-depmod" matrix --cache="$work/cache" --liblzma="$kmod_lib/liblzma.so.5" --input "${debs[@]}" --output "$work/mo"
  rm -rf "$work/mo"
  measure beam-debs-warm "$top/bin/beam-depmod" matrix --cache="$work/cache" --liblzma="$kmod_lib/liblzma.so.5" --input "${debs[@]}" --output "$work/mo"
done
rm -rf "$work/mo" "$work/cache"

# depmod -a after DKMS adds one module: the first .ko.xz tree, linked, plus a copy of one of its modules
# in updates/dkms; beam-depmod's cache is the one of a run before the module was added.
added=
while read -r _ root ver moddir; do
  one=$(find "$root/$moddir/$ver/kernel" -name '*.ko.xz' -type f -print -quit 2>/dev/null)
  [ -n "$one" ] || continue
  t=$work/added
  mkdir -p "$t/$moddir"; cp -al "$root/$moddir/$ver" "$t/$moddir/"
  "$top/bin/beam-depmod" --cache="$work/cache" --liblzma="$kmod_lib/liblzma.so.5" -b "$t" -m "/$moddir" -o "$work/added-out" "$ver" 2>/dev/null
  mkdir -p "$t/$moddir/$ver/updates/dkms"; cp "$one" "$t/$moddir/$ver/updates/dkms/fx_added.ko.xz"
  for _ in $(seq "$runs"); do
    rm -rf "$work/added-out"
    measure kmod-added "$oracle" -a -b "$t" -m "/$moddir" -o "$work/added-out" "$ver"
    rm -rf "$work/added-out"
    measure beam-added "$top/bin/beam-depmod" --cache="$work/cache" --liblzma="$kmod_lib/liblzma.so.5" -a -b "$t" -m "/$moddir" -o "$work/added-out" "$ver"
  done
  added=$ver
  break
done < "$work/kernels"

row() { # LABEL FILE [BASE_WALL BASE_CPU]
  local w c r; w=$(median "$2" 1) c=$(median "$2" 2) r=$(median "$2" 3)
  if [ $# -gt 2 ]; then
    echo "| $1 | $w | $(ratio "$w" "$3")x | $c | $(ratio "$c" "$4")x | $(mib "$r") |"
  else
    echo "| $1 | $w | | $c | | $(mib "$r") |"
  fi
}
echo
echo "$n kernels, $cores cores, medians of $runs runs; CPU = user + sys."
echo
echo "| run | wall ms | vs kmod | CPU ms | vs kmod | peak RSS MiB |"
echo "|---|---|---|---|---|---|"
echo "| kmod depmod once per tree, summed (peak: the largest) | $kw | | $kc | | $(mib "$kr") |"
row "beam-depmod matrix over the trees, kmod's liblzma" "$work/beam-kmodxz" "$kw" "$kc"
row "beam-depmod matrix over the trees, host's liblzma" "$work/beam-hostxz" "$kw" "$kc"
row "beam-depmod matrix over the trees, kmod's liblzma, cold cache" "$work/beam-cold" "$kw" "$kc"
row "beam-depmod matrix over the trees, kmod's liblzma, warm cache" "$work/beam-warm" "$kw" "$kc"
echo "| xz floor: $xz_files .ko.xz decoded by kmod's liblzma, CPU / $cores cores | $((xz_cpu / cores)) | $(ratio $((xz_cpu / cores)) "$kw")x | $xz_cpu | $(ratio "$xz_cpu" "$kc")x | |"
pw=$(median "$work/pkg" 1) pc=$(median "$work/pkg" 2)
row "dpkg-deb -x + kmod depmod per package, summed" "$work/pkg"
row "beam-depmod matrix over the .deb files, kmod's liblzma" "$work/beam-debs" "$pw" "$pc"
row "beam-depmod matrix over the .deb files, kmod's liblzma, cold cache" "$work/beam-debs-cold" "$pw" "$pc"
row "beam-depmod matrix over the .deb files, kmod's liblzma, warm cache" "$work/beam-debs-warm" "$pw" "$pc"
if [ -n "$added" ]; then
  aw=$(median "$work/kmod-added" 1) ac=$(median "$work/kmod-added" 2)
  row "kmod depmod -a on $added + one module" "$work/kmod-added"
  row "beam-depmod -a --cache=DIR (warm) on $added + one module" "$work/beam-added" "$aw" "$ac"
fi
