#!/bin/busybox sh
# /init of the guest that make check-kernel boots on this project's own
# s390x CPU (scripts/check-kernel/boot-ourcpu.sh): Debian's kernel and
# static busybox under -accel tcg of the native binary, two CPUs, a
# virtio-ccw block device of the project. Each check prints "ok NAME" or
# "not ok NAME" (with its output as "# " lines); the host counts them.
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /tmp
echo "check-kernel-guest: userspace on the project's CPU"

check() {
    name=$1
    shift
    if "$@" >/tmp/check.log 2>&1; then
        echo "ok $name"
    else
        echo "not ok $name"
        sed 's/^/# /' /tmp/check.log
    fi
}

# uname and the CPU the kernel found (STIDP, STSI: QEMU's machine words)
machine() {
    [ "$(uname -m)" = s390x ] &&
        grep -q '^vendor_id *: IBM/S390' /proc/cpuinfo &&
        grep -q 'Manufacturer: *QEMU' /proc/sysinfo
}
# both CPUs came up (SIGP start, restart, external calls)
smp() {
    cat /sys/devices/system/cpu/online
    [ "$(cat /sys/devices/system/cpu/online)" = 0-1 ]
}
# 64-bit arithmetic and hashing by busybox's compiled code
arith() {
    [ $((123456789 * 987654321 % 1000003)) -eq 839324 ] &&
        [ "$(printf abc | md5sum | cut -d' ' -f1)" = \
            900150983cd24fb0d6963f7d28e17f72 ] &&
        [ "$(printf abc | sha256sum | cut -d' ' -f1)" = \
            ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad ]
}
# a round trip through gzip (string and bit operations, larger buffers)
compress() {
    seq 1 20000 >/tmp/seq
    gzip -c /tmp/seq | gunzip -c | cmp - /tmp/seq
}
# processes: fork, exec, pipes, signals
procs() {
    ( sleep 1; echo child ) &
    pid=$!
    kill -0 $pid && wait $pid &&
        [ "$(echo pipe | tr a-z A-Z | rev)" = EPIP ]
}
# the clock runs: the CPU timer and the clock comparator drive sleep
clock() {
    t0=$(cut -d' ' -f1 /proc/uptime | cut -d. -f1)
    sleep 2
    t1=$(cut -d' ' -f1 /proc/uptime | cut -d. -f1)
    [ $((t1 - t0)) -ge 2 ] && [ $((t1 - t0)) -le 30 ]
}
# the channel subsystem the kernel enumerated (STSCH) and its SCHIB
css() {
    ls /sys/bus/css/devices
    [ -d /sys/bus/css/devices/0.0.0000 ] &&
        [ "$(cat /sys/bus/ccw/devices/0.0.0007/cutype)" = 3832/02 ]
}
# the simulated 3390 through vfio-ccw (an image in Linux's disk layout,
# scripts/check-kernel/mkldl.py: block b holds its number): Linux's own
# DASD driver brings it online (SENSE ID, path verification, RDC, RCD,
# PSF/RSSD, the volume analysis), reads block 13, writes block 20 (the
# host checks the image afterwards) and reads it back past the cache
dasd() {
    insmod /lib/modules/dasd_mod.ko && insmod /lib/modules/dasd_eckd_mod.ko &&
        echo 1 >/sys/bus/ccw/devices/0.0.1234/online || return 1
    cat /sys/bus/ccw/devices/0.0.1234/devtype \
        /sys/bus/ccw/devices/0.0.1234/cutype
    for i in 1 2 3 4 5 6 7 8 9 10; do
        [ -b /dev/dasda ] && break
        sleep 1
    done
    dmesg | grep -i dasd
    [ "$(cat /sys/bus/ccw/devices/0.0.1234/devtype)" = 3390/02 ] &&
        [ "$(dd if=/dev/dasda bs=4096 skip=13 count=1 2>/dev/null | md5sum |
            cut -d' ' -f1)" = 9ef25667e8ea0771e3c5d5cb767e80e4 ] || return 1
    for i in $(seq 512); do printf 'ourcpu!!'; done >/tmp/blk
    dd if=/tmp/blk of=/dev/dasda bs=4096 seek=20 count=1 conv=fsync &&
        echo 3 >/proc/sys/vm/drop_caches &&
        [ "$(dd if=/dev/dasda bs=4096 skip=20 count=1 2>/dev/null | md5sum |
            cut -d' ' -f1)" = 09407674f477266444a9f386fb073728 ]
}
check ourcpu-machine machine
check ourcpu-smp smp
check ourcpu-arith arith
check ourcpu-compress compress
check ourcpu-procs procs
check ourcpu-clock clock
check ourcpu-css css
check ourcpu-dasd dasd
echo "check-kernel-guest: done"
poweroff -f
