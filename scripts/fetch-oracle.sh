#!/usr/bin/env bash
# Unpacks trixie's kmod 34.2 (with its libraries) into $CACHE/oracle and writes a wrapper,
# $CACHE/oracle/depmod (and .../modprobe), that runs it through the unpacked dynamic loader.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
CACHE=${BEAM_DEPMOD_CACHE:-$HOME/.cache/beam-depmod}
R=$CACHE/oracle
if [ -x "$R/depmod" ] && "$R/depmod" -V 2>/dev/null | grep -q 'kmod version 34.2'; then echo "$R"; exit 0; fi
pkgs=(kmod libkmod2 libc6 liblzma5 libzstd1 libssl3t64 zlib1g)
"$here/debian-fetch.sh" download trixie amd64 "$CACHE/debs/oracle" "${pkgs[@]}"
rm -rf "$R"; mkdir -p "$R/root"
for d in "$CACHE"/debs/oracle/*.deb; do dpkg-deb -x "$d" "$R/root"; done
for tool in depmod modprobe; do
  cat > "$R/$tool" <<W
#!/bin/sh
exec "$R/root/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" --argv0 $tool --library-path "$R/root/usr/lib/x86_64-linux-gnu" "$R/root/usr/bin/kmod" "\$@"
W
  chmod +x "$R/$tool"
done
"$R/depmod" -V | grep -q 'kmod version 34.2' || { echo "oracle is not kmod 34.2" >&2; exit 1; }
echo "$R"
