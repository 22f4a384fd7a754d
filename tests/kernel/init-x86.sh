#!/bin/busybox sh
# /init of the x86-64 guest of make check-kernel (q35 with intel-iommu):
# load Debian's VFIO modules, bind the edu function (1234:11e8), the
# virtio-rng function (1af4:1044), the NVMe controller (1b36:0010) and
# the two virtio-rng functions of slot 00:04 (one IOMMU group) and the
# e1000e behind the PCI Express root port (8086:10d3) to vfio-pci, then
# run the checks under
# /checks. Each check prints "ok NAME" or "not ok NAME"; the host counts
# them.
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /tmp

check() {
    name=$1
    shift
    if "$@" >/tmp/check.log 2>&1; then
        echo "ok $name"
    else
        echo "not ok $name"
        sed 's/^/# /' /tmp/check.log
        return 1
    fi
}

load_modules() {
    for m in $(cat /lib/modules/order); do
        insmod /lib/modules/$m.ko || return 1
    done
    test -c /dev/vfio/vfio
}

# The address of the PCI function VENDOR:DEVICE (e.g. 0000:00:03.0)
find_fn() {
    for d in /sys/bus/pci/devices/*; do
        if [ "$(cat "$d/vendor")" = "$1" ] && [ "$(cat "$d/device")" = "$2" ]; then
            basename "$d"
            return 0
        fi
    done
    return 1
}

# Bind BDF to vfio-pci (unbinding whatever driver has it): its group node
rebind() {
    bdf=$1
    dev=/sys/bus/pci/devices/$bdf
    [ -n "$bdf" ] && [ -d "$dev" ] || { echo "no function '$bdf'"; return 1; }
    if [ -e "$dev/driver" ]; then
        echo "$bdf" > "$dev/driver/unbind" || return 1
    fi
    echo vfio-pci > "$dev/driver_override" &&
    echo "$bdf" > /sys/bus/pci/drivers_probe &&
    test "$(basename "$(readlink "$dev/driver")")" = vfio-pci &&
    test -c /dev/vfio/"$(basename "$(readlink "$dev/iommu_group")")"
}

echo "check-kernel-guest: start $(uname -r)"
EDU=$(find_fn 0x1234 0x11e8)
RNG=$(find_fn 0x1af4 0x1044)
NVME=$(find_fn 0x1b36 0x0010)
E1K=$(find_fn 0x8086 0x10d3)
MF=0000:00:04
export EDU RNG NVME MF E1K
echo "# edu at $EDU, virtio-rng at $RNG, nvme at $NVME, two functions at $MF, e1000e at $E1K"

# Both functions of the slot MF bound, in one IOMMU group
rebind_mf() {
    rebind $MF.0 && rebind $MF.1 &&
        test "$(readlink $sys/$MF.0/iommu_group)" = \
            "$(readlink $sys/$MF.1/iommu_group)"
}
sys=/sys/bus/pci/devices
check x86-modules-load load_modules
check x86-rebind-edu rebind "$EDU"
check x86-rebind-virtio-rng rebind "$RNG"
check x86-rebind-nvme rebind "$NVME"
check x86-rebind-multifunction rebind_mf || MF=
check x86-rebind-e1000e rebind "$E1K" || E1K=
echo "# IOMMU groups: $(ls /dev/vfio | tr '\n' ' ')"
for c in /checks/*.sh; do
    [ -f "$c" ] && . "$c"
done
echo "check-kernel-guest: done"
poweroff -f
