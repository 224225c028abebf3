#!/usr/bin/env bash
# The diff report in a real browser: makes the series report of the bundled example kernels, opens
# report.html in headless Chromium (Debian's package, installed here when missing) and checks that it
# renders, that its tables sort and filter and that the console shows no error
# (scripts/html-report-check.js); keeps the screenshot as target/report-screenshot.png.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v chromium >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
m=$top/examples/matrix
"$top/bin/beam-depmod" diff --series "$m/dir" "$m/linux-modules-6.1.0-fx2-amd64.tar.gz" \
  "$m/linux-modules-6.12.0-fx3-amd64_6.12.0-1_amd64.deb" --output "$work/report" >/dev/null
mkdir -p "$top/target"
node --experimental-websocket "$top/scripts/html-report-check.js" "$work/report/report.html" \
  "$top/target/report-screenshot.png"
