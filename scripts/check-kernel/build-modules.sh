#!/bin/sh
# Build what Debian's s390x kernel lacks -- vfio, vfio_iommu_type1, mdev,
# vfio_ccw, and for the zPCI function vfio-pci with vfio-pci-core (its
# zPCI capabilities: CONFIG_VFIO_PCI_ZDEV_KVM), vfio_virqfd and irqbypass
# -- out of tree, from Debian's linux-source of the same version,
# against its linux-headers and linux-kbuild, with Debian's cross gcc;
# and the project's own test module tests/kernel/ck-chp-event.c (it
# injects channel-path events: docs/devel/testing-kernel.rst).
# Result: $CK/modules/*.ko (cached).
set -e
CK=${CK:?}
KABI=$(cat "$CK/kabi")
KVER=$(cat "$CK/kver")
KSER=$(echo "$KABI" | cut -d. -f1-2)
KREL=${KABI%-s390x}
OUT="$CK/modules"
# the modules, in load order (init.sh loads them in the order of
# /lib/modules/order); the stamp names them too, so that a new list builds
MODS="vfio vfio_iommu_type1 mdev vfio_ccw irqbypass vfio_virqfd vfio-pci-core vfio-pci ck-chp-event"
CKSRC=$(cd "$(dirname "$0")/../../tests/kernel" && pwd)/ck-chp-event.c
STAMP="$KVER $MODS $(cksum <"$CKSRC")"
if [ -f "$OUT/stamp" ] && [ "$(cat "$OUT/stamp")" = "$STAMP" ]; then
    exit 0
fi
command -v s390x-linux-gnu-gcc >/dev/null || {
    echo "check-kernel: SKIP: no s390x-linux-gnu-gcc (apt-get install gcc-s390x-linux-gnu)"
    exit 77
}
ROOT="$CK/root"
mkdir -p "$ROOT"
for d in "$CK"/debs/linux-headers-*_"$KVER"_*.deb \
         "$CK"/debs/linux-kbuild-"$KSER"_"$KVER"_*.deb \
         "$CK"/debs/linux-source-"$KSER"_"$KVER"_*.deb; do
    dpkg-deb -x "$d" "$ROOT"
done
HDR="$ROOT/usr/src/linux-headers-$KABI"
# the headers' Makefile includes the common part by an absolute path
sed -i "s|^include /usr/src/|include $ROOT/usr/src/|" "$HDR/Makefile"
SRC="$CK/src/linux-source-$KSER"
if [ ! -d "$SRC/drivers/s390/cio" ] || [ ! -d "$SRC/virt/lib" ]; then
    mkdir -p "$CK/src"
    tar -xJf "$ROOT/usr/src/linux-source-$KSER.tar.xz" -C "$CK/src" \
        "linux-source-$KSER/drivers/vfio" "linux-source-$KSER/drivers/s390/cio" \
        "linux-source-$KSER/virt/lib"
fi
MOD="$CK/modsrc"
rm -rf "$MOD"
mkdir -p "$MOD/vfio/pci" "$MOD/ccw" "$MOD/ck"
cp "$CKSRC" "$MOD/ck/"
echo 'obj-m += ck-chp-event.o' > "$MOD/ck/Kbuild"
cp -r "$SRC/drivers/vfio/"*.[ch] "$SRC/drivers/vfio/Makefile" \
    "$SRC/drivers/vfio/mdev" "$MOD/vfio/"
# vfio-pci and vfio-pci-core (not the vendor drivers' subdirectories)
cp "$SRC/drivers/vfio/pci/"*.[ch] "$SRC/drivers/vfio/pci/Makefile" "$MOD/vfio/pci/"
# irqbypass (virt/lib, which Debian's s390x kernel leaves out) with them:
# vfio-pci-core needs its symbols
cp "$SRC/virt/lib/irqbypass.c" "$MOD/vfio/"
echo 'obj-m += irqbypass.o' >> "$MOD/vfio/Makefile"
cp "$SRC/drivers/s390/cio/"*.[ch] "$MOD/ccw/"
# vfio_ccw alone out of the cio directory (the rest is built in)
sed -n '/^vfio_ccw-objs/,/^obj-.*vfio_ccw/p;/^CFLAGS_vfio_ccw_trace/p' \
    "$SRC/drivers/s390/cio/Makefile" | sed 's/obj-$(CONFIG_VFIO_CCW)/obj-m/' \
    > "$MOD/ccw/Kbuild"
# the options Debian leaves unset, as if they were =m
DEFS="-DCONFIG_VFIO_MODULE=1 -DCONFIG_VFIO_MDEV_MODULE=1"
DEFS="$DEFS -DCONFIG_VFIO_IOMMU_TYPE1_MODULE=1 -DCONFIG_VFIO_CCW_MODULE=1"
DEFS="$DEFS -DCONFIG_VFIO_VIRQFD_MODULE=1 -DCONFIG_VFIO_PCI_CORE_MODULE=1"
DEFS="$DEFS -DCONFIG_VFIO_PCI_MODULE=1 -DCONFIG_IRQ_BYPASS_MANAGER_MODULE=1"
DEFS="$DEFS -DCONFIG_VFIO_PCI_ZDEV_KVM=1"
KMAKE="make -C $HDR ARCH=s390 CROSS_COMPILE=s390x-linux-gnu- -j2"
$KMAKE M="$MOD/vfio" CONFIG_VFIO=m CONFIG_VFIO_IOMMU_TYPE1=m \
    CONFIG_VFIO_MDEV=m CONFIG_VFIO_VIRQFD=m CONFIG_VFIO_PCI_CORE=m \
    CONFIG_VFIO_PCI=m CONFIG_VFIO_PCI_ZDEV_KVM=y KCFLAGS="$DEFS" modules >"$CK/modules-vfio.log" 2>&1 ||
    { tail -30 "$CK/modules-vfio.log"; exit 1; }
$KMAKE M="$MOD/ccw" KCFLAGS="$DEFS" \
    KBUILD_EXTRA_SYMBOLS="$MOD/vfio/Module.symvers" modules \
    >"$CK/modules-ccw.log" 2>&1 || { tail -30 "$CK/modules-ccw.log"; exit 1; }
$KMAKE M="$MOD/ck" modules >"$CK/modules-ck.log" 2>&1 ||
    { tail -30 "$CK/modules-ck.log"; exit 1; }
rm -rf "$OUT"
mkdir -p "$OUT"
cp "$MOD/vfio/vfio.ko" "$MOD/vfio/vfio_iommu_type1.ko" \
    "$MOD/vfio/mdev/mdev.ko" "$MOD/ccw/vfio_ccw.ko" "$MOD/vfio/irqbypass.ko" \
    "$MOD/vfio/vfio_virqfd.ko" "$MOD/vfio/pci/vfio-pci-core.ko" \
    "$MOD/vfio/pci/vfio-pci.ko" "$MOD/ck/ck-chp-event.ko" "$OUT/"
echo "$MODS" | tr ' ' '\n' > "$OUT/order"
echo "$STAMP" > "$OUT/stamp"
echo "check-kernel: modules for $KABI in $OUT"
