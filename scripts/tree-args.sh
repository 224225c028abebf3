# Sourced by the scripts that take one kernel tree as "KERNEL_ROOT VERSION [MODDIR]" (depmod's -b,
# version and -m): sets root, version, moddir (default /lib/modules) and dirname, or exits 2 with usage.
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: $0 KERNEL_ROOT VERSION [MODDIR]" >&2
  exit 2
fi
root=${1%/}
version=$2
moddir=${3:-/lib/modules}
# shellcheck disable=SC2034 # used by the sourcing script
dirname=$root$moddir/$version
