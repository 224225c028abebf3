#!/usr/bin/env bash
# A new user's first run: clones the committed HEAD into a private folder, runs the README's main
# command there (which builds the jar and its class-data archive first) and checks what it printed:
# one build line, the matrix summary, no shell job line (a JVM killed by a signal), no JVM crash
# report, exit status 0; then a second run, served by the module cache.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)  # mode 700, as a user's own folder would be
trap 'rm -rf "$work"' EXIT
git clone -q "$top" "$work/clone" || exit 1
cd "$work/clone"
cmd=$(grep -m1 -E '^    bin/beam-depmod matrix ' README.md | sed 's/^    //')
[ -n "$cmd" ] || { echo "first-run: the README has no main command"; exit 1; }
echo "first-run: $cmd"
# The user's environment: no prebuilt jar.
env -u BEAM_DEPMOD_JAR bash -c "$cmd" >"$work/out" 2>"$work/err"
status=$?
bad=""
[ $status = 0 ] || bad="$bad exit-status-$status"
grep -q '^beam-depmod: building the jar' "$work/err" || bad="$bad no-build-line"
grep -qE 'Aborted|Segmentation|Killed|line [0-9]+:|hs_err|Exception|A fatal error' "$work/err" && bad="$bad crash-line"
[ -z "$(find "$work/clone" -maxdepth 1 -name 'hs_err*')" ] || bad="$bad hs_err-file"
grep -q 'kernels written, 0 failed, 0 inputs failed' "$work/out" || bad="$bad no-summary"
# A second run uses the jar and the archive as they are: nothing is built, nothing is printed.
env -u BEAM_DEPMOD_JAR bash -c "$cmd" >"$work/out2" 2>"$work/err2" || bad="$bad second-run-failed"
grep -q 'building' "$work/err2" && bad="$bad rebuilt"
# The same summary, but for how many modules came from the module cache (docs/cache.md): all of them
# the second time.
cmp -s <(grep -v ' modules from the cache ' "$work/out") <(grep -v ' modules from the cache ' "$work/out2") ||
  bad="$bad second-run-differs"
grep -qE '^([0-9]+) of \1 modules from the cache ' "$work/out2" || bad="$bad second-run-not-from-cache"
echo "--- stderr of the first run:"; cat "$work/err"
if [ -n "$bad" ]; then echo "first-run: FAIL:$bad"; exit 1; fi
echo "first-run: PASS (exit 0, one build line, no crash line, the same summary twice)"
