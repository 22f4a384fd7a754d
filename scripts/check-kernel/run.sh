#!/bin/sh
# make check-kernel: the real-kernel tier (docs/devel/testing-kernel.rst).
# Fetch Debian's packages, build the VFIO modules Debian's s390x kernel
# lacks, cross-build the project for s390x, boot the kernel under
# qemu-system-s390x (TCG) and run tests/kernel in it. Ends with
# "N passed, N failed"; a download that is impossible is a skip (exit 0).
# CK_NO_CROSS=1: no cross-build (the guest then runs only the kernel
# checks); CK_VERBOSE=1: show the guest console.
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=${1:-build}
mkdir -p "$BUILD/check-kernel"
CK=$(cd "$BUILD/check-kernel" && pwd)
export CK
pass=0
fail=0
result() { # NAME STATUS
    if [ "$2" -eq 0 ]; then
        echo "ok $1"
        pass=$((pass + 1))
    else
        echo "not ok $1"
        fail=$((fail + 1))
    fi
}
step() { # NAME SCRIPT: a skip (77) ends the tier
    nice -n 15 sh "$HERE/$2"
    st=$?
    if [ $st -eq 77 ]; then
        echo "0 passed, 0 failed (skipped)"
        exit 0
    fi
    result "$1" $st
    return $st
}
step fetch fetch.sh || { echo "$pass passed, $fail failed"; exit 1; }
step vfio-modules build-modules.sh || { echo "$pass passed, $fail failed"; exit 1; }
rm -f "$CK/cross/qemu-system-s390x"
if [ -z "$CK_NO_CROSS" ]; then
    step cross-build cross-build.sh
fi
sh "$HERE/mkimage.sh" || { echo "check-kernel: no image"; exit 1; }
nice -n 15 sh "$HERE/boot.sh"
st=$?
[ $st -eq 77 ] && { echo "0 passed, 0 failed (skipped)"; exit 0; }
grep -E '^(ok|not ok) |^# ' "$CK/console.log" | sed 's/\r$//'
gp=$(grep -c '^ok ' "$CK/console.log")
gf=$(grep -c '^not ok ' "$CK/console.log")
pass=$((pass + gp))
fail=$((fail + gf))
grep -q '^check-kernel-guest: done' "$CK/console.log"
result guest-finished $?
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
