#!/usr/bin/env bash
# Side-by-side timing of the matrix job against kmod 34.2, in one run:
#  (a) one matrix job over N real kernel trees     vs (b) kmod depmod run once per tree
#  (c) one matrix job over the N .deb packages     vs (d) dpkg-deb -x + depmod per package
# (a) and (c) run cold (an empty module cache, docs/cache.md) and warm (the cache of the cold run);
#  (e) depmod -a --cache=DIR on a .ko.xz tree after adding one module (warm cache) vs (f) kmod's depmod -a
# Prints wall times, the ratios a/b, c/d and e/f, and the peak RSS of each beam-depmod run.
#   matrix-bench.sh [SPEC...]   SPEC as for scripts/fetch-kernels.sh (default: 8 kernels, 6 architectures)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
specs=("$@")
[ ${#specs[@]} -gt 0 ] || specs=(bookworm-amd64 bookworm-i386 bookworm-arm64 bookworm-armhf bookworm-s390x
  bookworm-ppc64el trixie-amd64 trixie-arm64)
oracle=$("$top/scripts/fetch-oracle.sh")/depmod
work=$(mktemp -d /tmp/beam-depmod-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$top/scripts/fetch-kernels.sh" "${specs[@]}" > "$work/kernels"
(cd "$top" && mvn -B -q -o -DskipTests -pl jobs -am package >/dev/null 2>&1 || mvn -B -q -DskipTests -pl jobs -am package >/dev/null)
# Installation, not a run: bin/beam-depmod makes its class-data archive on the first run of a new jar.
"$top/bin/beam-depmod" -n -b "$top/examples/tree/root" 6.1.0-demo-amd64 >/dev/null
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
timed() { # OUTFILE CMD... -> wall ms on stdout, peak RSS KiB in OUTFILE.rss
  local out=$1; shift; local s; s=$(date +%s%N)
  /usr/bin/time -f %M -o "$out.rss" "$@" >"$out.log" 2>&1 || { echo "failed: $*" >&2; tail -5 "$out.log" >&2; exit 1; }
  ms "$s"
}
export BEAM_DEPMOD_JAVA_OPTS=${BEAM_DEPMOD_JAVA_OPTS:--XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xss8m -Xmx1200m}
roots=(); debs=(); mods=(); vers=(); b=0; d=0; n=0
while read -r deb root ver moddir; do
  n=$((n + 1)); roots+=("$root"); debs+=("$deb"); vers+=("$ver"); mods+=("$moddir")
  t=$(timed "$work/kmod-$n" "$oracle" -b "$root" -m "/$moddir" -o "$work/kmod-out-$n" "$ver"); b=$((b + t))
  echo "$ver: kmod ${t} ms on the tree"
done < "$work/kernels"
# Each side starts with no writeback of the other's files pending.
sync
a=$(timed "$work/beam-trees" "$top/bin/beam-depmod" matrix --cache="$work/cache-trees" --input "${roots[@]}" --output "$work/beam-trees-out")
aw=$(timed "$work/beam-trees-warm" "$top/bin/beam-depmod" matrix --cache="$work/cache-trees" --input "${roots[@]}" --output "$work/beam-trees-out")
for i in "${!debs[@]}"; do
  s=$(date +%s%N)
  rm -rf "$work/x"; mkdir -p "$work/x"; dpkg-deb -x "${debs[$i]}" "$work/x"
  "$oracle" -b "$work/x" -m "/${mods[$i]}" -o "$work/kmod-deb-$i" "${vers[$i]}" 2>/dev/null
  d=$((d + $(ms "$s")))
done
rm -rf "$work/x"
sync
c=$(timed "$work/beam-debs" "$top/bin/beam-depmod" matrix --cache="$work/cache-debs" --input "${debs[@]}" --output "$work/beam-debs-out")
cw=$(timed "$work/beam-debs-warm" "$top/bin/beam-depmod" matrix --cache="$work/cache-debs" --input "${debs[@]}" --output "$work/beam-debs-out")
# depmod -a after DKMS adds one module: the first tree of .ko.xz modules, linked, plus a copy of one of its modules
e="" f=""
for i in "${!roots[@]}"; do
  one=$(find "${roots[$i]}/${mods[$i]}/${vers[$i]}/kernel" -name '*.ko.xz' -type f 2>/dev/null | head -n 1)
  [ -n "$one" ] || continue
  t="$work/added"; mkdir -p "$t/${mods[$i]}"; cp -al "${roots[$i]}/${mods[$i]}/${vers[$i]}" "$t/${mods[$i]}/"
  "$top/bin/beam-depmod" --cache="$work/cache-added" -b "$t" -m "/${mods[$i]}" -o "$work/added-beam" "${vers[$i]}" 2>/dev/null
  mkdir -p "$t/${mods[$i]}/${vers[$i]}/updates/dkms"; cp "$one" "$t/${mods[$i]}/${vers[$i]}/updates/dkms/fx_added.ko.xz"
  sync
  f=$(timed "$work/kmod-added" "$oracle" -a -b "$t" -m "/${mods[$i]}" -o "$work/added-kmod" "${vers[$i]}")
  e=$(timed "$work/beam-added" "$top/bin/beam-depmod" --cache="$work/cache-added" -a -b "$t" -m "/${mods[$i]}" -o "$work/added-beam" "${vers[$i]}")
  added=${vers[$i]}
  break
done
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { printf "%.2f", x / y }'; }
echo
echo "| run | kernels | wall ms | vs kmod | peak RSS MiB |"
echo "|---|---|---|---|---|"
echo "| (b) kmod depmod once per tree | $n | $b | | |"
echo "| (a) beam-depmod matrix over the trees, cold | $n | $a | $(ratio "$a" "$b")x | $(( $(cat "$work/beam-trees.rss") / 1024 )) |"
echo "| (a) beam-depmod matrix over the trees, warm | $n | $aw | $(ratio "$aw" "$b")x | $(( $(cat "$work/beam-trees-warm.rss") / 1024 )) |"
echo "| (d) dpkg-deb -x + kmod depmod per package | $n | $d | | |"
echo "| (c) beam-depmod matrix over the .deb files, cold | $n | $c | $(ratio "$c" "$d")x | $(( $(cat "$work/beam-debs.rss") / 1024 )) |"
echo "| (c) beam-depmod matrix over the .deb files, warm | $n | $cw | $(ratio "$cw" "$d")x | $(( $(cat "$work/beam-debs-warm.rss") / 1024 )) |"
if [ -n "$e" ]; then
  echo "| (f) kmod depmod -a, $added + one module | 1 | $f | | |"
  echo "| (e) beam-depmod -a --cache=DIR (warm), $added + one module | 1 | $e | $(ratio "$e" "$f")x | $(( $(cat "$work/beam-added.rss") / 1024 )) |"
fi
