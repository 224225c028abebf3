#!/usr/bin/env bash
# Cross-checks the kernel comparison (dev.beamdepmod.diff) on two real kernel trees against set
# differences of what kmod 34.2's depmod itself writes for them.
#
# usage: scripts/diff-crosscheck.sh BASE_ROOT BASE_VERSION BASE_MODDIR HEAD_ROOT HEAD_VERSION HEAD_MODDIR
#   e.g. ~/.cache/beam-depmod/kernels/linux-image-6.1.0-50-amd64-unsigned 6.1.0-50-amd64 /lib/modules \
#        ~/.cache/beam-depmod/kernels/linux-image-6.12.107+deb13-amd64-unsigned 6.12.107+deb13-amd64 /usr/lib/modules
#
# Runs the oracle (DEPMOD_ORACLE, default: scripts/fetch-oracle.sh's) on both trees, makes the diff
# report with `bin/beam-depmod diff` (the report stays in $OUT, default a temporary directory), and
# checks the report's counts:
#   symbols-added/-removed/-moved   = names only in head's / base's modules.symbols, names whose
#                                     module differs
#   aliases-, softdeps-, weakdeps-added/-removed
#                                   = (module, value) pairs of modules.alias / modules.softdep /
#                                     modules.weakdep plus modules.builtin.modinfo's records of
#                                     built-in modules, only in head / base; base pairs of a module
#                                     the report calls renamed count under its new name
#   modules-added/-removed + modules-renamed
#                                   = names only in head / base (modules.dep, modules.builtin, names
#                                     with aliases in modules.builtin.modinfo)
#   modules-now-builtin/-now-loadable
#                                   = names loadable in one tree, built-in only in the other
# Prints "category report expected" per line and exits 1 on any difference.
set -euo pipefail

if [ $# -ne 6 ]; then
  echo "usage: $0 BASE_ROOT BASE_VERSION BASE_MODDIR HEAD_ROOT HEAD_VERSION HEAD_MODDIR" >&2
  exit 2
fi
repo=$(cd "$(dirname "$0")/.." && pwd)
oracle=${DEPMOD_ORACLE:-$("$repo/scripts/fetch-oracle.sh")/depmod}
tmp=$(mktemp -d)
trap '[ -n "${KEEP_TMP:-}" ] && echo "kept $tmp" || rm -rf "$tmp"' EXIT
out=${OUT:-$tmp/report}
export LC_ALL=C

# prepare SIDE ROOT VERSION MODDIR: oracle outputs in $tmp/SIDE/out
prepare() {
  local side=$1 root=${2%/} version=$3 moddir=$4
  mkdir -p "$tmp/$side"
  "$oracle" -b "$root" -m "$moddir" -o "$tmp/$side/o" "$version" 2>"$tmp/$side/oracle.err" || {
    echo "oracle failed on $root:" >&2; cat "$tmp/$side/oracle.err" >&2; exit 1; }
  ln -s "$tmp/$side/o$moddir/$version" "$tmp/$side/out"
  local in=$root$moddir/$version
  cp "$in/modules.builtin" "$in/modules.builtin.modinfo" "$tmp/$side/"
}
prepare base "$1" "$2" "$3"
prepare head "$4" "$5" "$6"
"$repo/bin/beam-depmod" diff --base "${1%/}$3/$2" --head "${4%/}$6/$5" --output "$out" >/dev/null 2>"$tmp/diff.err" || {
  echo "beam-depmod diff failed:" >&2; cat "$tmp/diff.err" >&2; exit 1; }

# the report's total for a category (report.json: "totals": {"id": n, ...} on one line)
count() {
  grep -m1 '"totals"' "$out/report.json" | grep -o "\"$1\": [0-9]*" | awk '{print $2}'
}
# old<TAB>new module names of the renames in the report
grep '"category": "modules-renamed"' "$out/report.json" \
  | sed 's/.*"module": "\([^"]*\)", "item": "\([^"]*\)".*/\2\t\1/' >"$tmp/renames" || true

for side in base head; do
  d=$tmp/$side
  sed -n 's/^alias symbol:\([^ ]*\) \(.*\)$/\1\t\2/p' "$d/out/modules.symbols" | sort -u >"$d/symbols"
  sed 's/:.*//; s|.*/||; s/\..*//; s/-/_/g' "$d/out/modules.dep" | sort -u >"$d/loadable"
  # built-in: modules.builtin lines, and names with aliases in modules.builtin.modinfo
  { sed 's|.*/||; s/\..*//; s/-/_/g' "$d/modules.builtin"
    tr '\0' '\n' <"$d/modules.builtin.modinfo" | sed -n 's/^\([^.=]\+\)\.alias=.*/\1/p'
  } | sort -u | comm -23 - "$d/loadable" >"$d/builtin"
  sort -u "$d/loadable" "$d/builtin" >"$d/modules"
  # (module, value) pairs: "KEY VALUE MODULE" lines ("softdep MODULE VALUE" for the deps files)
  sed -n 's/^alias \(.*\) \([^ ]*\)$/\2\t\1/p' "$d/out/modules.alias" >"$d/alias.loadable"
  for key in softdep weakdep; do
    sed -n "s/^$key \\([^ ]*\\) \\(.*\\)\$/\\1\\t\\2/p" "$d/out/modules.$key" >"$d/$key.loadable"
  done
  tr '\0' '\n' <"$d/modules.builtin.modinfo" \
    | sed -n 's/^\([^.=]\+\)\.\(alias\|softdep\|weakdep\)=\(.\+\)$/\2\t\1\t\3/p' \
    | awk -F'\t' -v dir="$d" 'FILENAME == ARGV[1] { keep[$1]; next }
        ($2 in keep) { print $2 "\t" $3 > (dir "/" $1 ".builtin") }' "$d/builtin" -
  for key in alias softdep weakdep; do
    touch "$d/$key.builtin"
    cat "$d/$key.loadable" "$d/$key.builtin" >"$d/$key.all"
  done
done
# base pairs under the new names of renamed modules
for key in alias softdep weakdep; do
  awk -F'\t' 'FILENAME == ARGV[1] { to[$1] = $2; next } { m = ($1 in to) ? to[$1] : $1; print m "\t" $2 }' \
    "$tmp/renames" "$tmp/base/$key.all" | sort -u >"$tmp/base/$key.pairs"
  sort -u "$tmp/head/$key.all" >"$tmp/head/$key.pairs"
done

only() { comm -"$1" "$2" "$3" | wc -l; }
symbol_names() { cut -f1 "$1" | sort -u; }
renamed=$(wc -l <"$tmp/renames")
failed=0
check() {
  local label=$1 ours=$2 expected=$3 verdict=ok
  [ "$ours" = "$expected" ] || { verdict=DIFFERENT; failed=1; }
  printf '%-40s %8s %8s  %s\n' "$label" "$ours" "$expected" "$verdict"
}
printf '%-40s %8s %8s\n' category report expected
check symbols-added "$(count symbols-added)" "$(only 13 <(symbol_names "$tmp/base/symbols") <(symbol_names "$tmp/head/symbols"))"
check symbols-removed "$(count symbols-removed)" "$(only 23 <(symbol_names "$tmp/base/symbols") <(symbol_names "$tmp/head/symbols"))"
check symbols-moved "$(count symbols-moved)" \
  "$(join -t "$(printf '\t')" "$tmp/base/symbols" "$tmp/head/symbols" | awk -F'\t' '$2 != $3' | wc -l)"
for pair in alias:aliases softdep:softdeps weakdep:weakdeps; do
  key=${pair%:*} category=${pair#*:}
  check "$category-added" "$(count "$category-added")" "$(only 13 "$tmp/base/$key.pairs" "$tmp/head/$key.pairs")"
  check "$category-removed" "$(count "$category-removed")" "$(only 23 "$tmp/base/$key.pairs" "$tmp/head/$key.pairs")"
done
check "modules-added + modules-renamed" "$(( $(count modules-added) + renamed ))" \
  "$(only 13 "$tmp/base/modules" "$tmp/head/modules")"
check "modules-removed + modules-renamed" "$(( $(count modules-removed) + renamed ))" \
  "$(only 23 "$tmp/base/modules" "$tmp/head/modules")"
check modules-now-builtin "$(count modules-now-builtin)" "$(comm -12 "$tmp/base/loadable" "$tmp/head/builtin" | wc -l)"
check modules-now-loadable "$(count modules-now-loadable)" "$(comm -12 "$tmp/base/builtin" "$tmp/head/loadable" | wc -l)"
sort -u "$tmp/base/alias.loadable" >"$tmp/base/alias.plain"
sort -u "$tmp/head/alias.loadable" >"$tmp/head/alias.plain"
echo "for information, (module, alias) pairs of modules.alias alone, without built-in modules and renames:" \
  "$(only 13 "$tmp/base/alias.plain" "$tmp/head/alias.plain") added," \
  "$(only 23 "$tmp/base/alias.plain" "$tmp/head/alias.plain") removed"
[ $failed = 0 ] && echo "all counts agree" || echo "counts differ" >&2
exit $failed
