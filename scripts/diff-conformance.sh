#!/usr/bin/env bash
# The diff job's counts on real kernels equal set differences of kmod 34.2's own files: two
# consecutive Debian releases (the two newest bookworm amd64 6.1 kernels) and 6.1 -> 6.12.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
read -r _ r1 v1 m1 < <("$top/scripts/fetch-kernels.sh" --previous bookworm-amd64)
read -r _ r2 v2 m2 < <("$top/scripts/fetch-kernels.sh" bookworm-amd64)
read -r _ r3 v3 m3 < <("$top/scripts/fetch-kernels.sh" trixie-amd64)
echo "== $v1 -> $v2"
"$top/scripts/diff-crosscheck.sh" "$r1" "$v1" "/$m1" "$r2" "$v2" "/$m2"
echo "== $v2 -> $v3"
"$top/scripts/diff-crosscheck.sh" "$r2" "$v2" "/$m2" "$r3" "$v3" "/$m3"
