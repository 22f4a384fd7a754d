#!/bin/sh
# Boot Debian's s390x kernel with the initramfs under Debian's
# qemu-system-s390x in TCG, with a virtio-ccw device for vfio_ccw to take
# (subchannel 0.0.0000, device number 0001) and a zPCI function for
# vfio-pci (virtio-rng-pci behind the outer QEMU's IOMMU: uid 1, fid 1,
# 0001:00:00.0 in the guest). The console goes to
# $CK/console.log (and stdout with CK_VERBOSE=1).
set -e
CK=${CK:?}
KABI=$(cat "$CK/kabi")
HOSTQEMU=${CK_QEMU:-/usr/bin/qemu-system-s390x}
[ -x "$HOSTQEMU" ] || {
    echo "check-kernel: SKIP: no $HOSTQEMU (apt-get install qemu-system-misc)"
    exit 77
}
if [ ! -f "$CK/vmlinuz" ]; then
    mkdir -p "$CK/kimg"
    dpkg-deb -x "$CK"/debs/linux-image-"$KABI"_*_s390x.deb "$CK/kimg"
    cp "$CK/kimg/boot/vmlinuz-$KABI" "$CK/vmlinuz"
fi
timeout "${CK_TIMEOUT:-600}" "$HOSTQEMU" -M s390-ccw-virtio -accel tcg \
    -cpu max -m 1024 -nodefaults -display none -serial stdio -no-reboot \
    -kernel "$CK/vmlinuz" -initrd "$CK/initrd.cpio" \
    -append "console=ttysclp0 panic=-1 quiet loglevel=4" \
    -device virtio-rng-ccw,devno=fe.0.0001 \
    -device zpci,uid=1,fid=1,target=rng0 \
    -device virtio-rng-pci,id=rng0,iommu_platform=on,disable-legacy=on \
    </dev/null >"$CK/console.log" 2>&1 ||
    echo "check-kernel: the guest did not end cleanly (status $?)" >>"$CK/console.log"
[ -z "$CK_VERBOSE" ] || cat "$CK/console.log"
