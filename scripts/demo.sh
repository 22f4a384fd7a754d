#!/bin/sh
# make demo: the s390-ccw-virtio machine on the simulated host. A 3390
# DASD (an image file in a temporary directory) is passed through to the
# guest with vfio-ccw; the machine is shown over QMP, then
# scripts/demo-ccw.py plays the guest CPU over qtest: it finds and enables
# the subchannel, runs SENSE ID, writes a record and reads it back, and
# finds the record in the image file. Exits non-zero if a step fails.
# Usage: scripts/demo.sh path/to/qemu-system-s390x
set -e
bin=${1:-build/qemu-system-s390x}
here=$(dirname "$0")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

echo "== $bin -version"
"$bin" -version
echo
python3 "$here/demo-ccw.py" "$bin" "$dir"
