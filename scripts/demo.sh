#!/bin/sh
# make demo: the s390-ccw-virtio machine on the simulated host. A 3390
# DASD (an image file in a temporary directory) is passed through to the
# guest with vfio-ccw; the machine is shown over QMP, then
# scripts/demo-ccw.py plays the guest CPU over qtest: it finds and enables
# the subchannel, runs SENSE ID, writes a record and reads it back, and
# finds the record in the image file. Then a real guest boots on the same
# image with -accel tcg: tests/guest/demo-dasd.c finds the DASD with
# STSCH, runs SENSE ID, reads the record (Define Extent + Locate Record +
# Read Data, ended by an I/O interruption) and prints it on the SCLP
# console; this script checks the printed text. Exits non-zero if a step
# fails.
# Usage: scripts/demo.sh path/to/qemu-system-s390x
set -e
bin=${1:-build/qemu-system-s390x}
here=$(dirname "$0")
elf=$(dirname "$bin")/tests/guest/demo-dasd.elf
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

if [ ! -f "$elf" ]; then
    echo "demo: $elf is not built: the guest program needs the cross" >&2
    echo "compiler s390x-linux-gnu-gcc (Debian's gcc-s390x-linux-gnu;" >&2
    echo "scripts/install-deps.sh installs it, as root), then make demo again" >&2
    exit 1
fi

echo "== $bin -version"
"$bin" -version
echo
python3 "$here/demo-ccw.py" "$bin" "$dir"

echo
echo "== boot a guest on the same image: $elf"
set -- -nodefaults -display none -machine s390-ccw-virtio,accel=tcg,s390-map-css=on \
    -object sim-dasd-3390,id=d0,busid=0.0.1234,file="$dir/dasd.img" \
    -device vfio-ccw,id=dasd0,hostid=0.0.1234 \
    -chardev stdio,id=con0 -device sclpconsole,chardev=con0 \
    -kernel "$elf"
echo "   $bin $*"
status=0
timeout 30 "$bin" "$@" </dev/null >"$dir/console" 2>"$dir/err" || status=$?
sed 's/^/    console: /' "$dir/console"
if [ -s "$dir/err" ]; then
    sed 's/^/    stderr: /' "$dir/err"
fi
want='demo-dasd: record: hello from the guest, written through vfio-ccw'
if [ "$status" != 0 ]; then
    echo "demo: FAILED: the guest exited with status $status" >&2
    exit 1
fi
if ! grep -qF "$want" "$dir/console"; then
    echo "demo: FAILED: the guest did not print the record" >&2
    exit 1
fi
echo "demo: the guest read the record through vfio-ccw and printed it"
