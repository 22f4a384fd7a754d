#!/bin/sh
# Boot Debian's s390x kernel on the project's own CPU: the native binary
# ($CK_BIN) with -accel tcg, two CPUs, the SCLP console, a virtio-ccw
# block device (devno fe.0.0007), and an initramfs of static busybox with
# tests/kernel/init-ourcpu.sh as /init. The console goes to
# $CK/console-ourcpu.log (and stdout with CK_VERBOSE=1).
set -e
CK=${CK:?}
TOP=$(cd "$(dirname "$0")/../.." && pwd)
KABI=$(cat "$CK/kabi")
[ -x "${CK_BIN:?}" ] || {
    echo "check-kernel: SKIP: no $CK_BIN for the guest on this CPU"
    exit 77
}
if [ ! -f "$CK/vmlinuz" ]; then
    mkdir -p "$CK/kimg"
    dpkg-deb -x "$CK"/debs/linux-image-"$KABI"_*_s390x.deb "$CK/kimg"
    cp "$CK/kimg/boot/vmlinuz-$KABI" "$CK/vmlinuz"
fi
IMG="$CK/initramfs-ourcpu"
rm -rf "$IMG"
mkdir -p "$IMG/bin" "$IMG/proc" "$IMG/sys" "$IMG/dev" "$IMG/tmp" "$CK/bb"
[ -x "$CK/bb/bin/busybox" ] ||
    dpkg-deb -x "$CK"/debs/busybox-static_*_s390x.deb "$CK/bb"
cp "$CK/bb/bin/busybox" "$IMG/bin/busybox"
# the DASD driver of the kernel package, without debugging information
mkdir -p "$IMG/lib/modules"
for m in dasd_mod dasd_eckd_mod; do
    s390x-linux-gnu-strip --strip-debug -o "$IMG/lib/modules/$m.ko" \
        "$CK/kimg/lib/modules/$KABI/kernel/drivers/s390/block/$m.ko"
done
cp "$TOP/tests/kernel/init-ourcpu.sh" "$IMG/init"
chmod +x "$IMG/init"
python3 "$TOP/scripts/check-kernel/mkcpio.py" "$IMG" "$CK/initrd-ourcpu.cpio"
truncate -s 16M "$CK/ourcpu-disk.img"
python3 "$TOP/scripts/check-kernel/mkldl.py" "$CK/ourcpu-dasd.img" 30
timeout "${CK_TIMEOUT:-900}" "$CK_BIN" -M s390-ccw-virtio,s390-map-css=on -accel tcg \
    -smp 2 -m 512 -nodefaults -nographic -no-reboot \
    -chardev stdio,id=con0 -device sclpconsole,chardev=con0 \
    -kernel "$CK/vmlinuz" -initrd "$CK/initrd-ourcpu.cpio" \
    -append "console=ttysclp0 panic=-1 quiet loglevel=4" \
    -drive if=none,id=d0,format=raw,file="$CK/ourcpu-disk.img" \
    -device virtio-blk-ccw,drive=d0,devno=fe.0.0007 \
    -object sim-dasd-3390,id=dk0,busid=0.0.1234,file="$CK/ourcpu-dasd.img",model=3390-1 \
    -device vfio-ccw,id=dasd0,hostid=0.0.1234 ${CK_OURCPU_ARGS} \
    </dev/null >"$CK/console-ourcpu.log" 2>&1 ||
    echo "check-kernel: the guest on this CPU did not end cleanly (status $?)" \
        >>"$CK/console-ourcpu.log"
[ -z "$CK_VERBOSE" ] || cat "$CK/console-ourcpu.log"
