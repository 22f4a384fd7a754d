#!/bin/sh
# The s390x guest's initramfs ($CK/initrd.cpio, uncompressed): static
# busybox, the VFIO modules, tests/kernel/init.sh as /init, the checks of
# tests/kernel/checks, and, when it was cross-built ($CK/cross/...), the
# project's s390x binary with the libraries it needs.
set -e
CK=${CK:?}
TOP=$(cd "$(dirname "$0")/../.." && pwd)
IMG="$CK/initramfs"
rm -rf "$IMG"
mkdir -p "$IMG/bin" "$IMG/lib/modules" "$IMG/proc" "$IMG/sys" "$IMG/dev" \
    "$IMG/tmp" "$IMG/checks" "$CK/bb"
dpkg-deb -x "$CK"/debs/busybox-static_*_s390x.deb "$CK/bb"
cp "$CK/bb/bin/busybox" "$IMG/bin/busybox"
# without their debugging information (a smaller image loads faster)
for m in "$CK"/modules/*.ko; do
    s390x-linux-gnu-strip --strip-debug -o "$IMG/lib/modules/${m##*/}" "$m" ||
        cp "$m" "$IMG/lib/modules/"
done
cp "$CK/modules/order" "$IMG/lib/modules/"
cp "$TOP/tests/kernel/init.sh" "$IMG/init"
chmod +x "$IMG/init"
cp "$TOP"/tests/kernel/checks/*.sh "$IMG/checks/" 2>/dev/null || true
# the checks' shared qtest client (they source it)
mkdir -p "$IMG/lib/check-kernel"
cp "$TOP/tests/kernel/lib-pci.sh" "$IMG/lib/check-kernel/"
BIN="$CK/cross/qemu-system-s390x"
if [ -x "$BIN" ]; then
    mkdir -p "$IMG/opt" "$IMG/lib64" "$IMG/usr/lib/s390x-linux-gnu"
    s390x-linux-gnu-strip -o "$IMG/opt/qemu-system-s390x" "$BIN"
    # the cross libc (its ld64.so.1 is the binary's interpreter)
    cp -a /usr/s390x-linux-gnu/lib/ld64.so.1 /usr/s390x-linux-gnu/lib/libc.so.6 \
        /usr/s390x-linux-gnu/lib/libm.so.6 "$IMG/lib/"
    cp -a "$CK"/sysroot/usr/lib/s390x-linux-gnu/*.so.* \
        "$CK"/sysroot/lib/s390x-linux-gnu/*.so.* \
        "$IMG/usr/lib/s390x-linux-gnu/" 2>/dev/null || true
    ln -sf ../lib/ld64.so.1 "$IMG/lib64/ld64.so.1"
fi
python3 "$TOP/scripts/check-kernel/mkcpio.py" "$IMG" "$CK/initrd.cpio"
