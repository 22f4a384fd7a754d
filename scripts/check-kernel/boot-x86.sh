#!/bin/sh
# Boot Debian's amd64 kernel with the x86 initramfs under Debian's
# qemu-system-x86_64 in TCG: q35 with an intel-iommu (interrupt remapping:
# VFIO's type1 wants it), an edu function, a modern virtio-rng-pci and an
# NVMe controller (no namespace) behind the IOMMU, the functions the checks
# pass through, and an e1000e (PCI Express, AER and MSI-X) behind a
# pcie-root-port (AER: the kernel's AER driver owns it), whose injected
# errors reach vfio-pci's error interrupt. The console
# goes to $CK/console-x86.log (and stdout with CK_VERBOSE=1).
set -e
CK=${CK:?}
HOSTQEMU=${CK_QEMU_X86:-/usr/bin/qemu-system-x86_64}
[ -x "$HOSTQEMU" ] || {
    echo "check-kernel: SKIP: no $HOSTQEMU (apt-get install qemu-system-x86)"
    exit 77
}
timeout "${CK_TIMEOUT:-600}" "$HOSTQEMU" -accel tcg -machine q35 -cpu max \
    -m 512 -nodefaults -display none -serial stdio -no-reboot \
    -device intel-iommu,intremap=on -device edu \
    -device virtio-rng-pci,iommu_platform=on,disable-legacy=on \
    -device nvme,serial=ckx86 \
    -device virtio-rng-pci,addr=4.0,multifunction=on,iommu_platform=on,disable-legacy=on \
    -device virtio-rng-pci,addr=4.1,iommu_platform=on,disable-legacy=on \
    -device pcie-root-port,id=rp5,chassis=5,slot=5,addr=5.0 \
    -device e1000e,bus=rp5,romfile= \
    -kernel "$CK/vmlinux-x86" -initrd "$CK/initrd-x86.cpio" \
    -append "console=ttyS0 intel_iommu=on panic=-1 quiet loglevel=4" \
    </dev/null >"$CK/console-x86.log" 2>&1 ||
    echo "check-kernel: the x86 guest did not end cleanly (status $?)" \
        >>"$CK/console-x86.log"
[ -z "$CK_VERBOSE" ] || cat "$CK/console-x86.log"
