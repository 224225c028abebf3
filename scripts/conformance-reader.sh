#!/usr/bin/env bash
# Checks the module reader against kmod 34.2's depmod on one kernel tree.
#
# usage: scripts/conformance-reader.sh KERNEL_ROOT VERSION [MODDIR]
#   KERNEL_ROOT  root of the tree (what depmod gets as -b)
#   VERSION      kernel version (directory under MODDIR)
#   MODDIR       module directory inside the root, default /lib/modules (-m of depmod)
#
# Runs the oracle (DEPMOD_ORACLE, default: the one scripts/fetch-oracle.sh provides) into a temporary
# directory, reads every module with dev.beamdepmod.bench.DumpExportsAndAliases from
# benchmarks/target/benchmarks.jar (built when older than the sources; JVM options in READER_JAVA_OPTS), and
# compares as sets:
#   * every line of the oracle's modules.symbols and modules.alias (minus the header) must be among
#     ours. Ours may have more lines, but only where depmod de-duplicates: its symbol table keeps one
#     owner per symbol (the last exporter in module order), and of several files with the same module
#     name only one is kept. So an extra "alias symbol:S M" line must name a symbol S the oracle
#     attributes to another module, and an extra "alias A M" line must belong to a module name M that
#     several files share.
#   * the module-reading messages (library lines and "failed to load symbols") must be the same
#     multiset (the order differs: depmod prints in its module order).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=tree-args.sh
. "$repo/scripts/tree-args.sh"
jar=$repo/benchmarks/target/benchmarks.jar
oracle=${DEPMOD_ORACLE:-$("$repo/scripts/fetch-oracle.sh")/depmod}
# Built when missing or older than the sources, so the reader checked is the checkout's.
if [ ! -f "$jar" ] || [ -n "$(find "$repo"/pom.xml "$repo"/*/pom.xml "$repo"/*/src/main -newer "$jar" -print -quit)" ]; then
  (cd "$repo" && mvn -B -q -DskipTests -pl benchmarks -am package >/dev/null)
fi

tmp=$(mktemp -d)
trap '[ -n "${KEEP_TMP:-}" ] && echo "kept $tmp" || rm -rf "$tmp"' EXIT
export LC_ALL=C

"$oracle" -b "$root" -m "$moddir" -o "$tmp/out" "$version" 2>"$tmp/oracle.err" || {
  echo "oracle failed:" >&2
  cat "$tmp/oracle.err" >&2
  exit 1
}
out=$tmp/out$moddir/$version
java ${READER_JAVA_OPTS:-} -cp "$jar" dev.beamdepmod.bench.DumpExportsAndAliases "$dirname" >"$tmp/ours" 2>"$tmp/ours.err" || {
  echo "reader failed:" >&2
  grep -v '^depmod: ' "$tmp/ours.err" >&2
  exit 1
}

sort -u "$tmp/ours" >"$tmp/ours.set"
tail -n +2 "$out/modules.symbols" | cat - <(tail -n +2 "$out/modules.alias") | sort -u >"$tmp/oracle.set"

comm -13 "$tmp/ours.set" "$tmp/oracle.set" >"$tmp/missing"
comm -23 "$tmp/ours.set" "$tmp/oracle.set" >"$tmp/extra"

# Module names read from more than one file.
find "$dirname" \( -name build -o -name source \) -prune -o \( -type f -o -type l \) -print |
  sed -n 's|.*/||; /\.ko\(\.xz\|\.zst\|\.gz\)\?$/{s/\..*//; s/-/_/g; p}' | sort | uniq -d >"$tmp/dupnames"
# Symbols the oracle attributes to some module.
tail -n +2 "$out/modules.symbols" | awk '{print $2}' | sort -u >"$tmp/oracle.syms"

unexplained=$(awk -v dups="$tmp/dupnames" -v syms="$tmp/oracle.syms" '
  BEGIN { while ((getline l < dups) > 0) dup[l] = 1; while ((getline l < syms) > 0) sym[l] = 1 }
  $2 ~ /^symbol:/ && ($2 in sym) { next }
  ($NF in dup) { next }
  { print }' "$tmp/extra")

grep -E '^depmod: ERROR: (xz|zstd|gzip): |^depmod: ERROR: failed to load symbols from ' "$tmp/oracle.err" | sort >"$tmp/oracle.msgs" || true
sort "$tmp/ours.err" >"$tmp/ours.msgs"

status=0
echo "$root ($version): oracle lines $(wc -l <"$tmp/oracle.set"), ours $(wc -l <"$tmp/ours.set"), extra (de-duplicated by depmod) $(wc -l <"$tmp/extra"), messages $(wc -l <"$tmp/ours.msgs")"
if [ -s "$tmp/missing" ]; then
  echo "FAIL: $(wc -l <"$tmp/missing") oracle lines missing from ours, e.g.:"; head -5 "$tmp/missing"; status=1
fi
if [ -n "$unexplained" ]; then
  echo "FAIL: extra lines not explained by de-duplication, e.g.:"; echo "$unexplained" | head -5; status=1
fi
if ! diff "$tmp/oracle.msgs" "$tmp/ours.msgs" >"$tmp/msgs.diff"; then
  echo "FAIL: read messages differ (< oracle, > ours):"; head -10 "$tmp/msgs.diff"; status=1
fi
[ $status -eq 0 ] && echo PASS
exit $status
