#!/bin/sh
# make demo: start the s390-ccw-virtio machine on the simulated host with a
# QMP socket, show what it is over QMP, and shut it down cleanly.
# Usage: scripts/demo.sh path/to/qemu-system-s390x
set -e
bin=${1:-build/qemu-system-s390x}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sock=$dir/qmp.sock

echo "== $bin -version"
"$bin" -version
echo
echo "== starting: $bin -machine s390-ccw-virtio -m 256M -nodefaults -display none -S -qmp unix:$sock,server=on,wait=off"
"$bin" -machine s390-ccw-virtio -m 256M -nodefaults -display none -S \
    -name demo -qmp "unix:$sock,server=on,wait=off" &
pid=$!
python3 "$(dirname "$0")/demo-qmp.py" "$sock"
wait "$pid"
echo "== exited with status $?"
