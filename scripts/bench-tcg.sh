#!/bin/sh
# bench-tcg.sh BUILD_DIR: the same bare-metal ELFs (tests/guest/bench-copy,
# bench-mix) under BUILD_DIR's emulator and, when installed, Debian's
# /usr/bin/qemu-system-s390x, both with -accel tcg; prints guest
# instructions/s (instructions counted statically per loop iteration,
# time from start to the guest's exit, start-up included).
set -e
builddir=${1:-build}
copy_insns=$((60000 * 16387))
mix_insns=$((100000000 * 8))
for b in "$builddir/qemu-system-s390x" /usr/bin/qemu-system-s390x; do
    [ -x "$b" ] || { echo "# $b: not installed, skipped"; continue; }
    for e in copy mix; do
        elf="$builddir/tests/guest/bench-$e.elf"
        [ -f "$elf" ] || { echo "# $elf: not built (needs gcc-s390x-linux-gnu)"; exit 1; }
        t0=$(date +%s.%N)
        "$b" -nodefaults -display none -machine s390-ccw-virtio,accel=tcg \
            -kernel "$elf" || { echo "# $b $e: exit status $?"; exit 1; }
        t1=$(date +%s.%N)
        eval n=\$${e}_insns
        awk -v n="$n" -v a="$t0" -v b="$t1" -v e="$e" -v bin="$b" \
            'BEGIN { printf "bench-tcg %-5s %-40s %7.3f s %8.1f M guest insns/s\n", e, bin, b - a, n / (b - a) / 1e6 }'
    done
done
