#!/usr/bin/env bash
# Fuzzes every Jazzer target (the @FuzzTest methods of transforms/src/test) for a bounded time each.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [Class#method ...]     (default: 30 s, every target)
#
# Prints one line per target: its name, the inputs executed, the seconds and the outcome; exits 1
# if any target found something. A finding (crash-*, timeout-*, oom-*, slow-unit-*) is written
# into the target's regression input directory
# transforms/src/test/resources/<package>/<Class>Inputs/<method>/, which `mvn test` replays: fix
# the bug and commit the input. The corpus grown by earlier runs is kept in
# transforms/target/fuzz-corpus (FUZZ_CORPUS overrides) so that later runs continue from it.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
seconds=${1:-30}
shift || true
all=(
  dev.beamdepmod.module.ModuleReaderFuzzTest#moduleFile
  dev.beamdepmod.module.ModuleReaderFuzzTest#modinfo
  dev.beamdepmod.module.DecompressFuzzTest#decode
  dev.beamdepmod.module.DecompressFuzzTest#roundTrip
  dev.beamdepmod.config.DepmodConfigFuzzTest#parse
  dev.beamdepmod.config.DepmodConfigFuzzTest#kernelVersionPattern
  dev.beamdepmod.index.IndexFuzzTest#read
  dev.beamdepmod.index.IndexFuzzTest#writeThenRead
  dev.beamdepmod.archive.PackageFuzzTest#entries
)
targets=("${@:-${all[@]}}")
corpus_root=${FUZZ_CORPUS:-$top/transforms/target/fuzz-corpus}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cp=$(scripts/test-classpath.sh)

# Real inputs to start from: the committed fixture modules (plain, xz, zstd, gzip), depmod.d files
# and packages (.deb, RPM, tarball).
mkdir -p "$scratch/modules" "$scratch/conf" "$scratch/packages"
cp fixtures/modules/*.ko* "$scratch/modules/"
cp fixtures/packages/* examples/matrix/*.deb examples/matrix/*.tar.* "$scratch/packages/"
find fixtures/trees -name '*.conf' -type f -exec sh -c 'cp "$1" "$2/$(echo "$1" | tr / _)"' _ {} "$scratch/conf" \;
seeds_for() {
  case $1 in
    *#moduleFile|*#decode) echo "$scratch/modules" ;;
    *#parse) echo "$scratch/conf" ;;
    *#entries) echo "$scratch/packages" ;;
  esac
}

failed=0
printf '%-62s %12s %6s  %s\n' target executions secs outcome
for target in "${targets[@]}"; do
  class=${target%#*}
  method=${target#*#}
  inputs=$top/transforms/src/test/resources/${class//.//}Inputs/$method
  corpus=$corpus_root/${class##*.}/$method
  mkdir -p "$inputs" "$corpus"
  log=$scratch/${class##*.}-$method.log
  start=$(date +%s)
  status=0
  # Run from the scratch directory: Jazzer drops reproducer sources into its working directory.
  (cd "$scratch" && java -Xmx1g -Xss1m -cp "$cp" com.code_intelligence.jazzer.Jazzer \
    --target_class="$class" --target_method="$method" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 -print_final_stats=1 \
    -artifact_prefix="$inputs/" "$corpus" $(seeds_for "$target")) >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ "$status" -eq 0 ]; then
    outcome=ok
  else
    outcome="FINDING (exit $status): $(grep -m1 -E '^== Java Exception|^==[0-9]+== ERROR|Exception in thread' "$log" || tail -1 "$log")"
    cp "$log" "$top/transforms/target/fuzz-${class##*.}-$method.log"
    failed=1
  fi
  printf '%-62s %12s %6s  %s\n' "${class##*.}#$method" "${runs:-?}" "$(($(date +%s) - start))" "$outcome"
done
exit $failed
