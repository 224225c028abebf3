#!/usr/bin/env bash
# Reads two sets of depmod outputs for the same kernel back through the oracle's modprobe (kmod 34.2)
# and compares what modprobe makes of them. Complements the byte comparison: it shows whether the
# indexes answer every query the same way.
#   readback.sh KERNEL_ROOT VERSION MODDIR DIR_A DIR_B
# KERNEL_ROOT/MODDIR/VERSION is the module tree (MODDIR e.g. /lib/modules or /usr/lib/modules).
# DIR_A, DIR_B hold depmod's output files, either directly or as a depmod -o directory
# (DIR/MODDIR/VERSION/modules.dep).
#
# Two scratch roots are built, ROOT/lib/modules/VERSION (modprobe's fixed place) holding symlinks to
# the tree's entries plus the output files of DIR_A resp. DIR_B. modprobe runs with -C on an empty
# directory (no host configuration) and answers, in both roots:
#   modprobe -D NAME   (--show-depends: prints insmod/builtin lines, loads nothing) for every module
#                      name in either modules.dep and every line of the tree's modules.builtin
#   modprobe -R ALIAS  (--resolve-alias: prints the module names) for a concrete string matching
#                      every pattern of either modules.alias ('*' removed, '?' -> '0', a bracket
#                      expression -> its first character), "symbol:NAME" for every line of either
#                      modules.symbols, and every alias in the tree's modules.builtin.modinfo
# The queries go in batches (modprobe -a takes many names and answers each independently); stdout
# (root path replaced by @ROOT@), stderr and exit status of a batch are compared, and a batch that
# differs is bisected down to the differing names. Exit status 1 on any difference.
set -euo pipefail
[ $# -eq 5 ] || { echo "usage: readback.sh KERNEL_ROOT VERSION MODDIR DIR_A DIR_B" >&2; exit 2; }
top=$(cd "$(dirname "$0")/.." && pwd)
kroot=$(cd "$1" && pwd); ver=$2; moddir=/${3#/}; tree=$kroot$moddir/$ver
[ -d "$tree" ] || { echo "no module tree at $tree" >&2; exit 2; }
modprobe=$("$top/scripts/fetch-oracle.sh")/modprobe
BATCH=${READBACK_BATCH:-400}
outputs="modules.dep modules.dep.bin modules.alias modules.alias.bin modules.softdep modules.weakdep \
modules.symbols modules.symbols.bin modules.builtin.bin modules.builtin.alias.bin modules.devname"

work=$(mktemp -d /tmp/beam-depmod-readback.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/conf"

# outdir DIR: the directory holding DIR's modules.dep
outdir() {
  if [ -f "$1/modules.dep" ]; then cd "$1" && pwd
  elif [ -f "$1$moddir/$ver/modules.dep" ]; then cd "$1$moddir/$ver" && pwd
  else echo "no modules.dep in $1 or $1$moddir/$ver" >&2; exit 2; fi
}
out_a=$(outdir "$4"); out_b=$(outdir "$5")

for side in a b; do
  d=$work/$side/lib/modules/$ver
  mkdir -p "$d"
  for e in "$tree"/* "$tree"/.[!.]*; do
    [ -e "$e" ] || continue
    case " $outputs " in *" $(basename "$e") "*) ;; *) ln -s "$e" "$d/" ;; esac
  done
  src=$out_a; [ $side = b ] && src=$out_b
  for f in $outputs; do
    if [ -e "$src/$f" ]; then ln -s "$src/$f" "$d/$f"; fi
  done
done

# --- query lists -----------------------------------------------------------------------------------
{
  for o in "$out_a" "$out_b"; do
    sed -n 's#^\([^:]*\):.*#\1#p' "$o/modules.dep"
  done | sed 's#.*/##; s#\.ko\(\.[a-z]*\)\?$##; s#-#_#g'
  if [ -f "$tree/modules.builtin" ]; then sed 's#.*/##; s#\.ko$##; s#-#_#g' "$tree/modules.builtin"; fi
} | LC_ALL=C sort -u | grep -v '^$' > "$work/names" || true
{
  for o in "$out_a" "$out_b"; do
    if [ -f "$o/modules.alias" ]; then sed -n 's/^alias \(.*\) [^ ]*$/\1/p' "$o/modules.alias"; fi
    if [ -f "$o/modules.symbols" ]; then sed -n 's/^alias \(symbol:[^ ]*\) .*/\1/p' "$o/modules.symbols"; fi
  done
  if [ -f "$tree/modules.builtin.modinfo" ]; then
    tr '\0' '\n' < "$tree/modules.builtin.modinfo" | sed -n 's/^[^.=]*\.alias=//p'
  fi
} | perl -ne 'chomp; s/\*//g; s/\?/0/g; s/\[(!?)(\]?[^]]*)\]/concrete($1, $2)/ge; print "$_\n" if length;
    # a bracket expression: its first character, or for [!...] one of a few that it does not hold
    sub concrete { my ($neg, $set) = @_; return substr($set, 0, 1) unless $neg;
      for my $c (qw(0 a Z _)) { return $c if index($set, $c) < 0 } return "~" }' \
  | LC_ALL=C sort -u > "$work/aliases"

# --- running and comparing -------------------------------------------------------------------------
# ask SIDE MODE LISTFILE OUT: runs modprobe -MODE -a on every line of LISTFILE in root SIDE.
ask() {
  local root=$work/$1 rc=0
  local -a names
  mapfile -t names < "$3"
  (cd "$work" && "$modprobe" -d "$root" -S "$ver" -C "$work/conf" "-$2" -a -- "${names[@]}") \
    > "$4.out" 2> "$4.err" || rc=$?
  sed -i "s#$root#@ROOT@#g; s/ctx=0x[0-9a-f]*/ctx=0x.../g" "$4.out" "$4.err"
  echo "$rc" >> "$4.out"
}

# same MODE LISTFILE: asks both roots about LISTFILE; true if the answers are identical.
same() {
  ask a "$1" "$2" "$2.a" & ask b "$1" "$2" "$2.b"; wait
  cmp -s "$2.a.out" "$2.b.out" && cmp -s "$2.a.err" "$2.b.err"
}

# narrow MODE LISTFILE: LISTFILE's answers differ; bisects it down to the differing names, prints them.
narrow() {
  local n
  n=$(grep -c '' "$2")
  if [ "$n" -eq 1 ]; then
    differ=$((differ + 1))
    if [ $differ -le 20 ]; then
      echo "DIFF modprobe -$1 '$(cat "$2")':"
      diff <(cat "$2.a.out" "$2.a.err") <(cat "$2.b.out" "$2.b.err") | sed -n 's/^[<>]/    &/p' | head -n 12 || true
    fi
    return
  fi
  head -n $((n / 2)) "$2" > "$2.1"
  tail -n +$((n / 2 + 1)) "$2" > "$2.2"
  same "$1" "$2.1" || narrow "$1" "$2.1"
  same "$1" "$2.2" || narrow "$1" "$2.2"
}

# check MODE LISTFILE LABEL: compares the answers of both roots in batches; prints and counts the
# differences.
check() {
  local mode=$1 list=$2 label=$3 total unknown=0 chunk
  differ=0
  total=$(grep -c '' "$list" || true)
  rm -rf "$work/chunks"; mkdir "$work/chunks"
  split -l "$BATCH" -a 4 "$list" "$work/chunks/c"
  for chunk in "$work/chunks"/c*; do
    same "$mode" "$chunk" || narrow "$mode" "$chunk"
    unknown=$((unknown + $(grep -c '^modprobe: WARNING: Module .* not found in directory @ROOT@/' "$chunk.a.err" || true)))
  done
  [ $differ -le 20 ] || echo "... $((differ - 20)) more differences for -$mode"
  echo "$label: $total queried ($unknown unknown to root A), $differ differ"
  differences=$((differences + differ))
}

differences=0
start=$(date +%s%N)
check D "$work/names" "show-depends (module names)"
check R "$work/aliases" "resolve-alias (aliases, symbol: and built-in aliases)"
echo "readback: $differences differences ($(( ($(date +%s%N) - start) / 1000000 )) ms)"
[ $differences -eq 0 ]
