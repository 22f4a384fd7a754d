#!/bin/busybox sh
# /init of the s390x guest of make check-kernel: load the VFIO modules
# built from Debian's source, rebind the virtio-ccw subchannel 0.0.0000 to
# vfio_ccw, create its mdev, bind the zPCI function 0001:00:00.0
# (virtio-rng-pci) to vfio-pci, then run the checks under /checks. Each check
# prints "ok NAME" or "not ok NAME"; the host counts them.
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /tmp
UUID=7e270a25-e163-4922-af60-757fc8ed48c6
SCH=/sys/bus/css/devices/0.0.0000
PCIFN=0001:00:00.0
export UUID SCH PCIFN

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

# in the order build-modules.sh wrote (dependencies first)
load_modules() {
    for m in $(cat /lib/modules/order); do
        insmod /lib/modules/$m.ko || return 1
    done
    test -c /dev/vfio/vfio
}

rebind() {
    echo 0.0.0000 > /sys/bus/css/drivers/io_subchannel/unbind &&
    echo vfio_ccw > $SCH/driver_override &&
    echo 0.0.0000 > /sys/bus/css/drivers/vfio_ccw/bind &&
    test "$(basename "$(readlink $SCH/driver)")" = vfio_ccw
}

make_mdev() {
    echo $UUID > $SCH/mdev_supported_types/vfio_ccw-io/create &&
    test -d /sys/bus/mdev/devices/$UUID &&
    test -c /dev/vfio/vfio &&
    test -c /dev/vfio/"$(basename "$(readlink /sys/bus/mdev/devices/$UUID/iommu_group)")"
}

# The zPCI function to vfio-pci (from virtio-pci, when that took it): its
# driver is vfio-pci and its IOMMU group has a VFIO node
rebind_pci() {
    dev=/sys/bus/pci/devices/$PCIFN
    [ -d $dev ] || { echo "no $PCIFN:"; ls /sys/bus/pci/devices; return 1; }
    if [ -e $dev/driver ]; then
        echo $PCIFN > $dev/driver/unbind || return 1
    fi
    echo vfio-pci > $dev/driver_override &&
    echo $PCIFN > /sys/bus/pci/drivers/vfio-pci/bind &&
    test "$(basename "$(readlink $dev/driver)")" = vfio-pci &&
    test -c /dev/vfio/"$(basename "$(readlink $dev/iommu_group)")"
}

echo "check-kernel-guest: start $(uname -r)"
check modules-load load_modules
check rebind-vfio_ccw rebind
check mdev-create make_mdev
check rebind-vfio-pci rebind_pci
for c in /checks/*.sh; do
    [ -f "$c" ] && . "$c"
done
echo "check-kernel-guest: done"
poweroff -f
