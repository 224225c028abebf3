#!/usr/bin/env bash
# Fault injection, end to end through bin/beam-depmod (needs root: tmpfs mounts, setpriv, chattr).
#
#   scripts/faults.sh [KILLS]        (default 50)
#
# Each row prints PASS or FAIL with what was checked; exit 1 if any row fails. Rows:
#   mkdir-*      output directory paths kmod cannot create: message and exit status equal the oracle's
#   unwritable   output directory not writable (as nobody), read-only file system, directory in the
#                way of an output file, full disk (64 KiB tmpfs): beam-depmod stops at the first
#                failure with kmod's message for it, exit 1, every previous output file unchanged,
#                no temporary file left (kmod instead goes on, or renames a cut file into place)
#   unreadable   unreadable module file, directory, modules.order, modules.builtin (as nobody):
#                stderr, exit status and every output file equal the oracle's
#   kill         KILLS runs killed with SIGKILL at random points, mostly while writing (the write
#                phase is stretched by delaying each write(2) by 10 ms with strace, when present):
#                afterwards every output file is complete (byte-identical to one run's version), the
#                set is the previous one or the new one (a mix only when the kill fell between two
#                renames), and the next run removes the temporary files the killed one left
#   concurrent   two runs on the same output directory at once, five times: the result is one run's
#                complete set, no temporary file left
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
kills=${1:-50}
[ "$(id -u)" -eq 0 ] || { echo "faults.sh: needs root" >&2; exit 1; }
oracle_src=$("$top/scripts/fetch-oracle.sh") || exit 1
if [ -z "${BEAM_DEPMOD_JAR:-}" ]; then
  (cd "$top" && mvn -B -q -DskipTests -pl jobs -am package) || exit 1
fi
jar=${BEAM_DEPMOD_JAR:-$top/jobs/target/beam-depmod.jar}

work=$(mktemp -d /tmp/beam-depmod-faults.XXXXXX)
chmod 755 "$work"
mounts=()
cleanup() {
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done
  chattr -R -i "$work" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
# Quicker JVM start-up for the many short runs (no other effect).
export BEAM_DEPMOD_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss8m"
# The launcher, the jar and the example its class-data archive is made from, copied where user
# nobody can read them whatever the checkout's own permissions (a clone in a private folder).
mkdir -p "$work/launcher/bin" "$work/launcher/examples"
cp "$top/bin/beam-depmod" "$work/launcher/bin/"
cp -r "$top/examples/tree" "$work/launcher/examples/"
cp "$jar" "$work/launcher/beam-depmod.jar"
chmod -R a+rX "$work/launcher"
export BEAM_DEPMOD_JAR=$work/launcher/beam-depmod.jar
B=$work/launcher/bin/beam-depmod
"$B" -V >/dev/null 2>&1  # makes the class-data archive now, as root, readable by every later run
# A copy of the oracle that user nobody can run (the cache is under root's home).
cp -r "$oracle_src/root" "$work/oracle-root"
printf '#!/bin/sh\nexec "%s/ld-linux-x86-64.so.2" --argv0 depmod --library-path "%s" "%s" "$@"\n' \
  "$work/oracle-root/usr/lib/x86_64-linux-gnu" "$work/oracle-root/usr/lib/x86_64-linux-gnu" \
  "$work/oracle-root/usr/bin/kmod" > "$work/oracle"
chmod 755 "$work/oracle"
O=$work/oracle
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$work" "$@"; }
files="modules.dep modules.dep.bin modules.alias modules.alias.bin modules.softdep modules.weakdep
modules.symbols modules.symbols.bin modules.builtin.bin modules.builtin.alias.bin modules.devname"
temp_re='\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp$'
pass=0 fail=0
row() { # row PASS|FAIL NAME DETAIL
  echo "$1 $2: $3"
  if [ "$1" = PASS ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
}
temps() { ls -A "$1" 2>/dev/null | grep -cE "$temp_re"; }
same_files() { # same_files DIR1 DIR2: every output file identical (or absent in both)
  local f
  for f in $files; do
    if [ -e "$1/$f" ] || [ -e "$2/$f" ]; then cmp -s "$1/$f" "$2/$f" || return 1; fi
  done
}

# Inputs: the basic fixture case, and two larger trees of renamed fixture module copies whose
# outputs differ in every file but the builtin indexes.
cp -r "$top/fixtures/trees/basic/root" "$work/basic"
copies() { # copies DIR N
  local i f b
  for i in $(seq 1 "$2"); do
    mkdir -p "$1/lib/modules/1.0/kernel/d$i"
    for f in "$top"/fixtures/modules/fx*.ko; do
      b=$(basename "$f" .ko)
      case $b in fx_cyc_*|fx_nonascii) continue ;; esac # cycles and non-ASCII aliases write nothing
      cp "$f" "$1/lib/modules/1.0/kernel/d$i/${b}_$i.ko"
    done
  done
}
copies "$work/A" 20
copies "$work/B" 21
chmod -R a+rX "$work"
for t in A B basic; do
  "$B" -b "$work/$t" -o "$work/ref-$t" 1.0 >/dev/null 2>&1
  "$O" -b "$work/$t" -o "$work/oracle-$t" 1.0 >/dev/null 2>&1
  same_files "$work/ref-$t/lib/modules/1.0" "$work/oracle-$t/lib/modules/1.0" \
    || { echo "faults.sh: beam-depmod differs from the oracle on tree $t" >&2; exit 1; }
done
refA=$work/ref-A/lib/modules/1.0
refB=$work/ref-B/lib/modules/1.0
refbasic=$work/ref-basic/lib/modules/1.0

# --- mkdir-*: output directories kmod cannot create -------------------------------------------
mkdir_case() { # mkdir_case NAME SETUP...   (SETUP runs with $o as the fresh -o directory)
  local name=$1 t
  shift
  for t in oracle beam; do
    o=$work/mk
    chattr -R -i "$o" 2>/dev/null; rm -rf "$o"; mkdir -p "$o/lib"
    eval "$@"
    local cmd=$O; [ $t = beam ] && cmd=$B
    "$cmd" -b "$work/basic" -o "$o" 1.0 >/dev/null 2>"$work/mk-$t.err"; echo $? >>"$work/mk-$t.err"
    chattr -R -i "$o" 2>/dev/null
  done
  if cmp -s "$work/mk-oracle.err" "$work/mk-beam.err"; then
    row PASS "mkdir-$name" "$(grep -m1 'depmod: [EF]' "$work/mk-beam.err" | grep -v 'could not open modules' || echo 'written')"
  else
    row FAIL "mkdir-$name" "$(diff "$work/mk-oracle.err" "$work/mk-beam.err" | head -4 | tr '\n' ' ')"
  fi
}
mkdir_case final-file 'mkdir $o/lib/modules; touch $o/lib/modules/1.0'
mkdir_case middle-file 'touch $o/lib/modules'
mkdir_case final-dangling-link 'mkdir $o/lib/modules; ln -s /nonexistent $o/lib/modules/1.0'
mkdir_case middle-dangling-link 'ln -s /nonexistent $o/lib/modules'
mkdir_case final-link-to-file 'mkdir $o/lib/modules; touch $o/f; ln -s $o/f $o/lib/modules/1.0'
mkdir_case link-loop 'ln -s $o/lib/modules $o/lib/modules'
mkdir_case immutable-parent 'mkdir $o/lib/modules; chattr +i $o/lib/modules'

# --- unwritable: beam-depmod stops at the first failure and changes nothing ------------------
# prepare DIR: the previous outputs (the basic case's) in DIR/lib/modules/1.0; the runs then
# write tree A's, whose files all differ from them but for the builtin indexes.
prepare() { rm -rf "$1/lib"; mkdir -p "$1/lib/modules"; cp -r "$refbasic" "$1/lib/modules/1.0"; }
# check_unchanged NAME DIR EXPECTED_FIRST_LINE_REGEX
check_unchanged() {
  local name=$1 d=$2/lib/modules/1.0 re=$3 first status
  first=$(tail -1 "$work/run.err") # the write comes last
  status=$(cat "$work/run.exit")
  if [ "$status" = 1 ] && same_files "$refbasic" "$d" && [ "$(temps "$d")" = 0 ] && [[ $first =~ $re ]]; then
    row PASS "$name" "exit 1, previous files unchanged, no temporary file: $first"
  else
    row FAIL "$name" "exit $status, temps $(temps "$d"), unchanged: $(same_files "$refbasic" "$d" && echo yes || echo no): $first"
  fi
}
run_beam() { "$@" >/dev/null 2>"$work/run.err"; echo $? >"$work/run.exit"; }

o=$work/unwritable; prepare "$o"; chmod -R a+rX "$o"
run_beam as_nobody "$B" -b "$work/A" -o "$o" 1.0
as_nobody "$O" -b "$work/A" -o "$o" 1.0 2>&1 >/dev/null | grep -m1 openat > "$work/oracle.first"
# kmod's line for the first file, with our temporary name for its "modules.dep.<pid>.<usec>.<sec>"
re=$(sed -E 's/[][().^$*+?{}|\\]/\\&/g; s/modules\\\.dep\\\.[0-9]+\\\.[0-9]+\\\.[0-9]+/modules\\.dep\\.[-0-9a-f]{36}\\.tmp/' "$work/oracle.first")
check_unchanged unwritable-directory "$o" "^$re\$"

o=$work/rofs; mkdir -p "$o"; mount -t tmpfs -o size=4m tmpfs "$o"; mounts+=("$o")
prepare "$o"; mount -o remount,ro "$o"
run_beam "$B" -b "$work/A" -o "$o" 1.0
check_unchanged read-only-file-system "$o" \
  '^depmod: ERROR: openat\(.*/lib/modules/1.0, modules\.dep\.[-0-9a-f]{36}\.tmp, 301, 644\): Read-only file system$'

o=$work/inway; prepare "$o"; rm "$o/lib/modules/1.0/modules.symbols"; mkdir "$o/lib/modules/1.0/modules.symbols"
cp "$refbasic/modules.symbols" "$work/symbols.keep"
run_beam "$B" -b "$work/A" -o "$o" 1.0
rmdir "$o/lib/modules/1.0/modules.symbols" && cp "$work/symbols.keep" "$o/lib/modules/1.0/modules.symbols"
check_unchanged directory-in-the-way "$o" \
  '^depmod: FATAL: renameat\(.*/lib/modules/1.0, modules\.symbols\.[-0-9a-f]{36}\.tmp, .*/lib/modules/1.0, modules\.symbols\): Is a directory$'

o=$work/full; mkdir -p "$o"; mount -t tmpfs -o size=64k tmpfs "$o"; mounts+=("$o")
prepare "$o"
dd if=/dev/zero of="$o/filler" bs=1k count=64 2>/dev/null # fills what is left
run_beam "$B" -b "$work/A" -o "$o" 1.0
check_unchanged full-disk "$o" \
  "^depmod: ERROR: Could not create index 'modules\.[a-z.]+'\. No output file was replaced: No space left on device\$"
rm "$o/filler"; rm -rf "$o/lib/modules/1.0"/*
run_beam "$B" -b "$work/basic" -o "$o" 1.0
if [ "$(cat "$work/run.exit")" = 0 ] && same_files "$refbasic" "$o/lib/modules/1.0"; then
  row PASS full-disk-freed "the next run with space writes the complete set"
else
  row FAIL full-disk-freed "exit $(cat "$work/run.exit")"
fi

# --- unreadable: the same as the oracle --------------------------------------------------------
u=$work/unreadable
cp -r "$top/fixtures/trees/basic/root" "$u"
cp -r "$u/lib/modules/1.0/kernel" "$u/lib/modules/1.0/locked"
chmod -R a+rX "$u"
chmod 000 "$u/lib/modules/1.0/locked" "$(find "$u/lib/modules/1.0/kernel" -name '*.ko' | sort | head -1)" \
  "$u/lib/modules/1.0/modules.order" "$u/lib/modules/1.0/modules.builtin"
for t in oracle beam; do
  cmd=$O; [ $t = beam ] && cmd=$B
  mkdir -p "$work/ur-$t"; chown nobody "$work/ur-$t"
  as_nobody "$cmd" -b "$u" -o "$work/ur-$t" 1.0 >"$work/ur-$t.out" 2>"$work/ur-$t.err"; echo $? >"$work/ur-$t.exit"
done
if same_files "$work/ur-oracle/lib/modules/1.0" "$work/ur-beam/lib/modules/1.0" \
    && cmp -s "$work/ur-oracle.err" "$work/ur-beam.err" && cmp -s "$work/ur-oracle.exit" "$work/ur-beam.exit"; then
  row PASS unreadable-inputs "stderr, exit status and 11 files as the oracle's ($(grep -c . "$work/ur-beam.err") messages)"
else
  row FAIL unreadable-inputs "$(diff "$work/ur-oracle.err" "$work/ur-beam.err" | head -4 | tr '\n' ' ')"
fi

# --- kill: SIGKILL at random points -----------------------------------------------------------
# state DIR: one letter per output file: a (tree A's), b (B's), = (both have it), - (absent),
# X (neither: a partial or foreign file)
state() {
  local f s=""
  for f in $files; do
    if [ ! -e "$1/$f" ]; then s+="-"
    elif cmp -s "$1/$f" "$refA/$f" && cmp -s "$1/$f" "$refB/$f"; then s+="="
    elif cmp -s "$1/$f" "$refA/$f"; then s+="a"
    elif cmp -s "$1/$f" "$refB/$f"; then s+="b"
    else s+="X"; fi
  done
  echo "$s"
}
is_set() { # is_set STATE a|b: the complete set of that tree
  [[ $1 =~ ^[=$2]+$ ]]
}
strace_delay=()
if command -v strace >/dev/null; then
  # Only write(2): delaying the renames too would make their (really microseconds long) window as
  # likely a target as the writes.
  strace_delay=(strace -f -qq -o /dev/null --seccomp-bpf -e trace=write -e inject=write:delay_enter=10000)
fi
o=$work/kill; d=$o/lib/modules/1.0
old=0 new=0 mixed=0 partial=0 early=0 midwrite=0 late=0
# The temporary files of the current run (a killed run's stay until the next run removes them).
own_temps() { comm -13 <(echo "$temps_before") <(ls -A "$d" 2>/dev/null | grep -E "$temp_re"); }
for i in $(seq 1 "$kills"); do
  tree=A; [ $((i % 2)) = 0 ] && tree=B
  before=$(state "$d")
  temps_before=$(ls -A "$d" 2>/dev/null | grep -E "$temp_re")
  "${strace_delay[@]}" "$B" -b "$work/$tree" -o "$o" 1.0 >/dev/null 2>&1 &
  runner=$!
  if [ $((i % 5)) = 0 ]; then
    sleep "$((RANDOM % 4)).$((RANDOM % 10))" # any point of the run, mostly before writing
  else
    for _ in $(seq 1 20000); do # until its first temporary file, then a random moment of the write
      [ -n "$(own_temps)" ] || ! kill -0 "$runner" 2>/dev/null && break
      sleep 0.001
    done
    sleep "0.$(printf '%03d' $((RANDOM % 300)))"
  fi
  victim=$runner
  if [ -n "${strace_delay[*]}" ]; then
    # The run is strace's child (bin/beam-depmod, then java by exec, one pid): kill it whatever its
    # name, once it exists. Killing strace alone would leave the run going on untraced.
    # (Until strace has ended: gone, or a zombie, which kill -0 would still find.)
    until victim=$(pgrep -P "$runner") || [[ $(ps -o stat= -p "$runner") != [^Z]* ]]; do sleep 0.001; done
  fi
  kill -9 ${victim:-$runner} 2>/dev/null
  wait "$runner" 2>/dev/null
  after=$(state "$d")
  # Where the kill fell: before the write (nothing new), in it (temporary files of its own), after it.
  if [ -n "$(own_temps)" ]; then
    midwrite=$((midwrite + 1))
  elif [ "$after" = "$before" ]; then early=$((early + 1))
  else late=$((late + 1)); fi
  if [[ $after == *X* ]]; then partial=$((partial + 1)); echo "  kill $i: partial file: $after"
  elif [ "$after" = "$before" ]; then old=$((old + 1))
  elif is_set "$after" "${tree,,}"; then new=$((new + 1))
  else mixed=$((mixed + 1)); fi
done
"$B" -b "$work/A" -o "$o" 1.0 >/dev/null 2>&1
final=$(state "$d")
detail="$kills kills ($early before the write, $midwrite during it, $late after it): $old left the previous set,"
detail+=" $new the new complete set, $mixed a mix of complete files (killed between renames), $partial a partial"
detail+=" file; after the next run: $(temps "$d") temporary files, complete set: $(is_set "$final" a && echo yes || echo no)"
if [ $partial = 0 ] && [ "$(temps "$d")" = 0 ] && is_set "$final" a; then row PASS kill "$detail"
else row FAIL kill "$detail"; fi

# --- concurrent: two runs at once -------------------------------------------------------------
o=$work/concurrent; d=$o/lib/modules/1.0; bad=""
for i in 1 2 3 4 5; do
  "$B" -b "$work/A" -o "$o" 1.0 >/dev/null 2>&1 & a=$!
  "$B" -b "$work/B" -o "$o" 1.0 >/dev/null 2>&1 & b=$!
  wait $a; wa=$?; wait $b; wb=$?
  s=$(state "$d")
  { [ $wa = 0 ] && [ $wb = 0 ] && [ "$(temps "$d")" = 0 ] && { is_set "$s" a || is_set "$s" b; }; } \
    || bad+=" run $i: exit $wa/$wb state $s temps $(temps "$d");"
done
if [ -z "$bad" ]; then row PASS concurrent "5 times two runs (trees A and B) at once: one run's complete set, no temporary file"
else row FAIL concurrent "$bad"; fi

echo "faults: $pass passed, $fail failed"
[ $fail = 0 ]
