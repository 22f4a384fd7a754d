#!/bin/sh
# make check-kernel: the real-kernel tier (docs/devel/testing-kernel.rst).
# Two guests, each under Debian's QEMU in TCG:
#  s390x  fetch Debian's packages, build the VFIO modules Debian's s390x
#         kernel lacks, cross-build the project for s390x, boot the kernel
#         under qemu-system-s390x and run tests/kernel/init.sh (vfio_ccw);
#  x86    Debian's amd64 kernel under qemu-system-x86_64 (q35, intel-iommu,
#         edu, virtio-rng-pci) with the project's native binary, which
#         passes the functions through as zPCI functions
#         (tests/kernel/init-x86.sh, vfio-pci).
#  ourcpu the same s390x kernel on the project's own CPU (-accel tcg of
#         the native binary) with busybox (tests/kernel/init-ourcpu.sh).
# Ends with "N passed, N failed" (summed over both); a part whose host
# QEMU is missing or whose download is impossible is skipped (a SKIP line,
# counted in "(N skipped)"; exit 0 when nothing failed).
# CK_ONLY=s390x, x86 or ourcpu: that part alone. CK_NO_CROSS=1: no
# cross-build (the s390x guest then runs only the kernel checks);
# CK_VERBOSE=1: show the guest consoles.
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=${1:-build}
mkdir -p "$BUILD/check-kernel"
CK=$(cd "$BUILD/check-kernel" && pwd)
export CK
CK_BIN=${CK_BIN:-$(cd "$BUILD" && pwd)/qemu-system-s390x}
export CK_BIN
pass=0
fail=0
skipped=0
result() { # NAME STATUS
    if [ "$2" -eq 0 ]; then
        echo "ok $1"
        pass=$((pass + 1))
    else
        echo "not ok $1"
        fail=$((fail + 1))
    fi
}
# step NAME SCRIPT: 0 done, 77 the part is skipped, else failed
step() {
    nice -n 15 sh "$HERE/$2"
    st=$?
    if [ $st -eq 77 ]; then
        skipped=$((skipped + 1))
        return 77
    fi
    result "$1" $st
    return $st
}
# guest_results LOG NAME: the guest's ok/not ok lines, counted
guest_results() {
    grep -E '^(ok|not ok) |^# ' "$1" | sed 's/\r$//'
    gp=$(grep -c '^ok ' "$1")
    gf=$(grep -c '^not ok ' "$1")
    pass=$((pass + gp))
    fail=$((fail + gf))
    grep -q '^check-kernel-guest: done' "$1"
    result "$2" $?
}

s390x_part() {
    step fetch fetch.sh || return
    step vfio-modules build-modules.sh || return
    rm -f "$CK/cross/qemu-system-s390x"
    if [ -z "$CK_NO_CROSS" ]; then
        step cross-build cross-build.sh
    fi
    sh "$HERE/mkimage.sh" || { result s390x-image 1; return; }
    nice -n 15 sh "$HERE/boot.sh"
    [ $? -eq 77 ] && { skipped=$((skipped + 1)); return; }
    guest_results "$CK/console.log" guest-finished
}

x86_part() {
    hq=${CK_QEMU_X86:-/usr/bin/qemu-system-x86_64}
    if [ ! -x "$hq" ]; then
        echo "check-kernel: SKIP: no $hq (apt-get install qemu-system-x86)"
        skipped=$((skipped + 1))
        return
    fi
    step x86-fetch fetch-x86.sh || return
    [ -x "$CK_BIN" ] ||
        echo "check-kernel: no $CK_BIN: the x86 guest runs the kernel checks only"
    step x86-image mkimage-x86.sh || return
    nice -n 15 sh "$HERE/boot-x86.sh"
    [ $? -eq 77 ] && { skipped=$((skipped + 1)); return; }
    guest_results "$CK/console-x86.log" x86-guest-finished
}

ourcpu_part() {
    step ourcpu-fetch fetch.sh || return
    nice -n 15 sh "$HERE/boot-ourcpu.sh"
    [ $? -eq 77 ] && { skipped=$((skipped + 1)); return; }
    grep -q 'check-kernel-guest: userspace' "$CK/console-ourcpu.log"
    result ourcpu-userspace $?
    guest_results "$CK/console-ourcpu.log" ourcpu-guest-finished
    # the block the guest wrote reached the image file: track 1 record 9
    python3 - "$CK/ourcpu-dasd.img" <<'EOF'
import sys
with open(sys.argv[1], "rb") as f:
    f.seek(512 + 56832 + 5 + 16 + 8 * (8 + 4096) + 8)
    sys.exit(f.read(4096) != b"ourcpu!!" * 512)
EOF
    result ourcpu-dasd-image $?
}

case "${CK_ONLY:-all}" in
all) s390x_part; x86_part; ourcpu_part ;;
s390x) s390x_part ;;
x86) x86_part ;;
ourcpu) ourcpu_part ;;
*) echo "check-kernel: CK_ONLY=$CK_ONLY: s390x, x86 or ourcpu"; exit 2 ;;
esac
if [ $skipped -gt 0 ]; then
    echo "$pass passed, $fail failed ($skipped skipped)"
else
    echo "$pass passed, $fail failed"
fi
[ $fail -eq 0 ]
