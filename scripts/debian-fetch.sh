#!/usr/bin/env bash
# Downloads Debian packages without root installs, through a private apt configuration per
# suite and architecture (so the host's apt state is never touched).
#   debian-fetch.sh update SUITE ARCH
#   debian-fetch.sh newest SUITE ARCH REGEX     -> prints the newest package name matching REGEX
#   debian-fetch.sh list SUITE ARCH REGEX       -> prints every package name matching REGEX, oldest first
#   debian-fetch.sh download SUITE ARCH DEST PKG...  -> .deb files into DEST (cached)
set -euo pipefail
CACHE=${BEAM_DEPMOD_CACHE:-$HOME/.cache/beam-depmod}
cmd=$1 suite=$2 arch=$3; shift 3
state=$CACHE/apt/$suite-$arch
mkdir -p "$state/lists/partial" "$state/cache/archives/partial"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main" > "$state/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$state/sources.list" -o Dir::Etc::SourceParts=/nonexistent
  -o "Dir::State::Lists=$state/lists" -o "Dir::Cache=$state/cache"
  -o "APT::Architecture=$arch" -o "APT::Architectures=$arch" -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
ensure_lists() {
  # Lists older than a day are refreshed; packages leave the archive over time.
  if [ -z "$(find "$state/lists" -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ]; then
    apt-get "${apt_opts[@]}" -qq update >&2
  fi
}
case $cmd in
  update) apt-get "${apt_opts[@]}" -qq update >&2 ;;
  list)
    ensure_lists
    apt-cache "${apt_opts[@]}" search --names-only "$1" | awk '{print $1}' | grep -E "$1" | sort -V ;;
  newest) "$0" list "$suite" "$arch" "$1" | tail -n 1 ;;
  download)
    ensure_lists
    dest=$1; shift; mkdir -p "$dest"
    for p in "$@"; do
      if ! ls "$dest/${p}_"*.deb >/dev/null 2>&1; then
        (cd "$dest" && apt-get "${apt_opts[@]}" -qq download "$p:$arch" >&2)
      fi
    done ;;
  *) echo "usage: $0 update|list|newest|download SUITE ARCH ..." >&2; exit 2 ;;
esac
