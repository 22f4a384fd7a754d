#!/bin/sh
# The x86-64 guest: $CK/vmlinux-x86 (the ELF kernel out of Debian's
# bzImage, booted through its PVH entry) and $CK/initrd-x86.cpio
# (uncompressed): static busybox, the kernel's own VFIO modules and
# aer_inject (the error injector of the AER checks) with their
# dependencies (in load order in /lib/modules/order), tests/kernel/
# init-x86.sh as /init, tests/kernel/checks-x86/*.sh, and the project's
# native binary ($CK_BIN, default build/qemu-system-s390x) with the shared
# libraries ldd names, at the paths ldd names.
set -e
CK=${CK:?}
TOP=$(cd "$(dirname "$0")/../.." && pwd)
KABI=$(cat "$CK/kabi-x86")
KIMG="$CK/kimg-x86"
if [ ! -f "$KIMG/stamp" ] || [ "$(cat "$KIMG/stamp")" != "$KABI" ]; then
    rm -rf "$KIMG" "$CK/vmlinux-x86"
    mkdir -p "$KIMG"
    dpkg-deb -x "$CK"/debs/linux-image-"$KABI"_*_amd64.deb "$KIMG"
    echo "$KABI" > "$KIMG/stamp"
fi
if [ ! -f "$CK/vmlinux-x86" ]; then
    # the bzImage itself boots too (slower) when there is no xz ELF inside
    python3 "$TOP/scripts/check-kernel/unxz-kernel.py" \
        "$KIMG/boot/vmlinuz-$KABI" "$CK/vmlinux-x86" ||
        cp "$KIMG/boot/vmlinuz-$KABI" "$CK/vmlinux-x86"
fi
IMG="$CK/initramfs-x86"
rm -rf "$IMG"
mkdir -p "$IMG/bin" "$IMG/lib/modules" "$IMG/proc" "$IMG/sys" "$IMG/dev" \
    "$IMG/tmp" "$IMG/checks" "$CK/bb-x86"
dpkg-deb -x "$CK"/debs/busybox-static_*_amd64.deb "$CK/bb-x86"
cp "$CK/bb-x86/bin/busybox" "$IMG/bin/busybox"
# the modules and what they depend on (their modinfo "depends="), the
# dependencies first (a subshell each: the recursion keeps its variables)
MODDIR="$KIMG/lib/modules/$KABI/kernel"
: > "$IMG/lib/modules/order"
add_module() ( # NAME
    grep -qx "$1" "$IMG/lib/modules/order" && return 0
    f=$(find "$MODDIR" -name "$1.ko" | head -1)
    [ -n "$f" ] || f=$(find "$MODDIR" -name "$(echo "$1" | tr _ -).ko" | head -1)
    [ -n "$f" ] || f=$(find "$MODDIR" -name "$(echo "$1" | tr - _).ko" | head -1)
    [ -n "$f" ] || { echo "check-kernel: no module $1 in $KABI"; return 1; }
    for d in $(grep -a -o 'depends=[A-Za-z0-9_,-]*' "$f" | head -1 |
        sed 's/^depends=//; s/,/ /g'); do
        add_module "$d" || return 1
    done
    cp "$f" "$IMG/lib/modules/$1.ko"
    echo "$1" >> "$IMG/lib/modules/order"
)
for m in vfio vfio_iommu_type1 vfio-pci aer_inject; do
    add_module $m || exit 1
done
cp "$TOP/tests/kernel/init-x86.sh" "$IMG/init"
chmod +x "$IMG/init"
cp "$TOP"/tests/kernel/checks-x86/*.sh "$IMG/checks/" 2>/dev/null || true
# the checks' shared qtest client (they source it)
mkdir -p "$IMG/lib/check-kernel"
cp "$TOP/tests/kernel/lib-pci.sh" "$IMG/lib/check-kernel/"
BIN=${CK_BIN:-$TOP/build/qemu-system-s390x}
if [ -x "$BIN" ]; then
    mkdir -p "$IMG/opt"
    strip -o "$IMG/opt/qemu-system-s390x" "$BIN" 2>/dev/null ||
        cp "$BIN" "$IMG/opt/qemu-system-s390x"
    # the libraries (and the loader) where the binary looks for them
    ldd "$BIN" | sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) .*/\1/p' |
        while read -r lib; do
            mkdir -p "$IMG$(dirname "$lib")"
            cp -L "$lib" "$IMG$lib"
        done
fi
python3 "$TOP/scripts/check-kernel/mkcpio.py" "$IMG" "$CK/initrd-x86.cpio"
