# Sourced by tests/kernel/init-x86.sh in the x86-64 guest: the project's
# native binary (/opt/qemu-system-s390x) passes the functions init bound
# to vfio-pci through to its own s390x guest as zPCI functions; this
# script plays that guest over the qtest protocol on stdio (the PCI
# instructions of docs/devel/qtest-s390x.rst). The checks assert what the
# s390x guest sees: CLP List/Query, config space and BAR registers through
# PCILG/PCISTG/PCISTB, DMA of the virtio-rng function and of the NVMe
# controller through I/O translation tables the guest built and RPCIT
# loaded, their MSI-X vectors as adapter interruptions (and held while
# masked), DMA the vIOMMU blocks after a page was unmapped, a reset at
# CLP disable and the host taking a function back. edu has MSI but no
# MSI-X: the s390x PCI bridge refuses it (as QEMU's).
# The layout each check uses is in docs/devel/testing-kernel.rst.
# The qtest client and the zPCI guest's building blocks (CLP, PCILG/
# PCISTG, translation tables, virtio, MSI-X): tests/kernel/lib-pci.sh.
. "${CK_LIB:-/lib/check-kernel}/lib-pci.sh"

RNG_DEV=${RNG_DEV:-"-device zpci,uid=1,fid=1,target=r0 -device vfio-pci,id=r0,host=$RNG"}

check_rng_clp() {
    qt_start $RNG_DEV
    fh_of_fid 1 && [ $FH -ne 0 ] && clp_query $FH &&
        rd $((RSP + 64)) 8 && want "start DMA" "$V" $IOVA &&
        rd $((RSP + 72)) 8 && want "end DMA (the vIOMMU's 39 bits)" "$V" 0x7fffffffff &&
        rd $((RSP + 19)) 1 && want "group (the default)" "$V" 0xff
    qt_end $?
}

check_rng_config() {
    qt_start $RNG_DEV
    enable_fid 1 && load 15 4 0 && want "vendor/device" "$V" 0x10441af4 &&
        load 15 2 4 && want "command" $((V & 6)) 6
    qt_end $?
}

# virtio's common configuration in the host's BAR: feature word 1 has
# VERSION_1 and ACCESS_PLATFORM; a register written reads back
check_rng_bar() {
    qt_start $RNG_DEV
    virtio_layout $RNG && enable_fid 1 &&
        cstore 4 0x00 1 && cload 4 0x00 && want "feature select" "$V" 1 &&
        cload 4 0x04 && want "features 32-63 & 3" $((V & 3)) 3 &&
        cstore 4 0x00 0 && cload 4 0x00 && want "feature select" "$V" 0
    qt_end $?
}

# The device wrote 16 random bytes at FRAME + 4 KiB: not the fill pattern
check_rng_dma() {
    qt_start $RNG_DEV
    virtio_layout $RNG && enable_fid 1 && map_dma && virtio_setup &&
        virtio_kick 1 && virtio_wait 1 &&
        rd $((FRAME + 0x204)) 4 && want "used id" "$V" 0 &&
        rd $((FRAME + 0x208)) 4 && want "used len (le)" "$V" 0x10000000 &&
        q read $((FRAME + 0x1000)) 16 &&
        { [ "$QR" != "OK 0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee" ] ||
            { echo "buffer unchanged"; false; }; }
    qt_end $?
}

# The queue's vector 1 (MSI-X on, table entry 1 to the MSI address, data
# 1) arrives as an adapter interruption: AIBV bit 1, summary bit 9, ISC 3
check_rng_msix() {
    qt_start $RNG_DEV
    virtio_layout $RNG && enable_fid 1 && map_dma && msix_setup $RNG 1 &&
        virtio_setup && virtio_kick 1 && virtio_wait 1 && wait_airq 1
    qt_end $?
}

# The x86 kernel's count of DMA faults of the function BDF at IOVA
dmar_faults() { # BDF IOVA
    dmesg | grep -c "DMAR: .*Request device \[${1#0000:}\] fault addr $(printf '0x%x' $(($2)))"
    true # grep -c fails when it counts 0
}

# After the buffer's page is invalidated and refreshed (unmapped from the
# host's container), the device's next write is blocked: the request is
# processed (the used ring advances), the buffer keeps its fill pattern
# and the x86 kernel logs the vIOMMU's fault at that IOVA
check_rng_unmap() {
    qt_start $RNG_DEV
    virtio_layout $RNG && enable_fid 1 && map_dma && virtio_setup &&
        virtio_kick 1 && virtio_wait 1 &&
        q writeq $((PGT + 8)) $PTE_INVALID && rpcit $((IOVA + 0x1000)) 0x1000 &&
        f0=$(dmar_faults $RNG $((IOVA + 0x1000))) &&
        virtio_kick 2 && virtio_wait 2 &&
        q read $((FRAME + 0x1000)) 16 &&
        { [ "$QR" = "OK 0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee" ] ||
            { echo "buffer written: $QR"; false; }; } &&
        want "DMA faults logged" $(dmar_faults $RNG $((IOVA + 0x1000))) $((f0 + 1))
    qt_end $?
}

# ---- nvme: the admin queues at IOVA (submission, page 0) and IOVA + 4
# KiB (completion, page 1), 4 entries each; Identify data to page 2 ----
NVME_DEV=${NVME_DEV:-"-device zpci,uid=3,fid=3,target=n0 -device vfio-pci,id=n0,host=$NVME"}

nvme_enable() {
    q memset $FRAME 0x2000 0 &&
    store 0 4 0x24 $((3 << 16 | 3)) &&
        store 0 4 0x28 $((IOVA & 0xffffffff)) && store 0 4 0x2c $((IOVA >> 32)) &&
        store 0 4 0x30 $(((IOVA + 0x1000) & 0xffffffff)) &&
        store 0 4 0x34 $(((IOVA + 0x1000) >> 32)) &&
        store 0 4 0x14 $((4 << 20 | 6 << 16 | 1)) &&
        for i in $(seq 150); do
            load 0 4 0x1c && [ $((V & 1)) -eq 1 ] && break
            usleep 100000
        done &&
        want "CSTS.RDY" $((V & 1)) 1
}

# Identify Controller as submission entry N (0-based, CID 0x1230 + N),
# the data to IOVA + 8 KiB; wait for completion entry N
nvme_identify() { # N
    q memset $((FRAME + 0x2000)) 4096 0xee &&
        q write $((FRAME + 64 * $1)) 44 0x$(le $((6 | (0x1230 + $1) << 16)) 4)$(le 0 20)$(le $((IOVA + 0x2000)) 8)$(le 0 8)$(le 1 4) &&
        store 0 4 0x1000 $(($1 + 1)) &&
        for i in $(seq 150); do
            rd $((FRAME + 0x1000 + 16 * $1 + 12)) 4 && [ $((V)) -ne 0 ] && break
            usleep 100000
        done &&
        CQE=$(swap $((V)) 4) &&
        want "completion CID" $((CQE & 0xffff)) $((0x1230 + $1)) &&
        want "phase" $((CQE >> 16 & 1)) 1
}

# Identify Controller: the device's DMA brings its ids (1b36, 1af4) and
# the serial number of the outer command line into guest memory
check_nvme_identify() {
    qt_start $NVME_DEV
    enable_fid 3 && map_dma && nvme_enable && nvme_identify 0 &&
        want "status" $((CQE >> 17)) 0 &&
        q read $((FRAME + 0x2000)) 16 &&
        { [ "$QR" = "OK 0x361bf41a636b78383620202020202020" ] ||
            { echo "identify data: $QR"; false; }; }
    qt_end $?
}

# Its completion raises MSI-X vector 0: an adapter interruption
check_nvme_msix() {
    qt_start $NVME_DEV
    enable_fid 3 && map_dma && msix_setup $NVME 0 && nvme_enable &&
        nvme_identify 0 && wait_airq 0
    qt_end $?
}

# The data page invalidated and refreshed (unmapped from the host's
# container): the next Identify completes (QEMU's controller does not
# report a failed DMA write), the page keeps its fill pattern and the x86
# kernel logs the vIOMMU's fault at that IOVA
check_nvme_unmap() {
    qt_start $NVME_DEV
    enable_fid 3 && map_dma && nvme_enable && nvme_identify 0 &&
        q writeq $((PGT + 16)) $PTE_INVALID && rpcit $((IOVA + 0x2000)) 0x1000 &&
        f0=$(dmar_faults $NVME $((IOVA + 0x2000))) &&
        nvme_identify 1 &&
        q read $((FRAME + 0x2000)) 16 &&
        { [ "$QR" = "OK 0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee" ] ||
            { echo "data page written: $QR"; false; }; } &&
        want "DMA faults logged" $(dmar_faults $NVME $((IOVA + 0x2000))) $((f0 + 1))
    qt_end $?
}

# PCI STORE BLOCK of 16 bytes to the controller's ASQ and ACQ (one
# pwrite of the host's BAR): PCILG reads the four words back
check_nvme_pcistb() {
    qt_start $NVME_DEV
    enable_fid 3 &&
        q write 0x50000 16 0x$(le 0x123456000 8)$(le 0x789abc000 8) &&
        q s390_pcistb $(printf '0x%x' $((FH << 32 | 16))) 0x28 0x50000 &&
        { [ "$QR" != "${QR#OK cc 0 }" ] || { echo "PCISTB: $QR"; false; }; } &&
        load 0 4 0x28 && want "ASQ low" "$V" 0x23456000 &&
        load 0 4 0x2c && want "ASQ high" "$V" 1 &&
        load 0 4 0x30 && want "ACQ low" "$V" 0x89abc000 &&
        load 0 4 0x34 && want "ACQ high" "$V" 7
    qt_end $?
}

# CLP disable resets the host function (VFIO_DEVICE_RESET, an FLR of the
# controller): enabled again, CC.EN and CSTS.RDY are back to 0
check_nvme_reset() {
    qt_start $NVME_DEV
    enable_fid 3 && nvme_enable &&
        clp_request 5 32 && q writel $((LPCB + 16)) $FH &&
        q writeb $((LPCB + 22)) 1 && clp_run &&
        enable_fid 3 &&
        load 0 4 0x14 && want "CC after the reset" "$V" 0 &&
        load 0 4 0x1c && want "CSTS after the reset" "$V" 0 &&
        { ! grep "host reset failed" $QT/qerr; }
    qt_end $?
}

# Vector 0 masked in the guest's MSI-X table: the completion leaves the
# AIBV alone and sets the vector's pending bit; unmasked, it arrives
check_nvme_msix_mask() {
    qt_start $NVME_DEV
    enable_fid 3 && map_dma && msix_setup $NVME 0 &&
        store $XBAR 4 $((XOFF + 12)) 1 && nvme_enable && nvme_identify 0 &&
        for i in $(seq 150); do
            load $PBAR 4 $POFF && [ $((V & 1)) -eq 1 ] && break
            usleep 100000
        done &&
        want "pending bit 0" $((V & 1)) 1 &&
        rd $AIBV 1 && want "AIBV while masked" "$V" 0 &&
        store $XBAR 4 $((XOFF + 12)) 0 && wait_airq 0 &&
        load $PBAR 4 $POFF && want "pending bit 0 after delivery" $((V & 1)) 0
    qt_end $?
}

# CHSC store event information: the oldest zPCI event's PEC in $V
chsc_event() {
    q memset 0x50000 4096 0 && q writew 0x50000 0x0010 &&
        q writew 0x50002 0x000e && q writeq 0x50008 0xa000000000000000 &&
        q s390_chsc 0x50000 && rd 0x50012 2 && want "CHSC response" "$V" 1 &&
        rd 0x5001b 1 && want "content code (availability)" "$V" 2 &&
        rd 0x50058 4 && want "event fid" "$V" 3 &&
        rd 0x5006e 2
}

# The x86 host takes the NVMe controller back (remove in sysfs) while the
# emulator holds it: the kernel's request interrupt makes the front end
# ask the s390x guest to let it go (a PCI event CRW, PEC 0x0303); the
# guest deconfigures it (SCLP), the emulator releases it, the kernel's
# remove completes and the function is gone from both. Last: the
# controller does not come back.
check_nvme_request() {
    qt_start $NVME_DEV
    enable_fid 3 || { qt_stop; return 1; }
    (echo 1 >/sys/bus/pci/devices/$NVME/remove) &
    for i in $(seq 100); do
        q s390_crw_pending || break
        [ "$QR" = "OK 1" ] && break
        usleep 100000
    done
    want "CRW pending" "${QR#OK }" 1 &&
        q s390_stcrw 0x6100 && rd 0x6100 4 && want "CRW" "$V" 0x0b000000 &&
        chsc_event && want "PEC (deconfiguration requested)" "$V" 0x0303 &&
        q s390_zpci_sclp 3 off && want "SCLP deconfigure" "${QR#OK }" 0x0020 &&
        for i in $(seq 100); do
            [ -e /sys/bus/pci/devices/$NVME ] || break
            usleep 100000
        done &&
        { [ ! -e /sys/bus/pci/devices/$NVME ] ||
            { echo "the kernel's remove did not complete"; false; }; } &&
        fh_of_fid 3 && want "fid 3 listed (its handle)" $FH 0
    qt_end $?
    r=$?
    wait
    return $r
}

# ---- a multi-function device whose functions share an IOMMU group ----
MF_DEV=${MF_DEV:-"-device vfio-pci,id=m0,host=$MF.*"}

# Both virtio-rng functions of host slot 00:04 (one IOMMU group) in one
# guest slot (host=...*): one container, so one IOVA space. The first
# function's DMA works; the second one's translation of the same IOVA is
# refused (the kernel's MAP_DMA: EEXIST) as RPCIT cc 1 status 16; its own
# aperture elsewhere (0x140000000, its page table at 0x10c000, frames at
# 0x300000) takes its DMA.
check_group_shared() {
    # both functions of the group in one guest slot: the second would
    # share the first one's container (IOVA space and mappings) although
    # every zPCI function has a DMA address space of its own: refused,
    # the whole slot rolled back
    run_refused $MF_DEV &&
        grep -q "group [0-9]* used in multiple address spaces" $QT/qerr2 &&
        grep -q "$MF.[01] is in use" $QT/qerr2 || return 1
    # one function of the group works: listed, its config space read
    qt_start -device zpci,uid=4,fid=4,target=m1 -device vfio-pci,id=m1,host=$MF.1
    enable_fid 4 && load 15 4 0 && want "vendor/device" "$V" 0x10441af4
    qt_end $?
}

# edu has no MSI-X: the binary opens it and the bridge refuses it
check_edu_refused() {
    $QBIN -machine s390-ccw-virtio -nodefaults -display none -qtest stdio \
        -qtest-log none -device zpci,uid=2,fid=2,target=e0 -device vfio-pci,id=e0,host=$EDU \
        </dev/null >$QT/qout 2>$QT/qerr && { echo "edu was accepted"; return 1; }
    cat $QT/qerr
    grep -q "MSI-X support is mandatory in the S390 architecture" $QT/qerr
}

# A function bound to no driver (q35's LPC bridge 00:1f.0): its group has
# no VFIO node; the message says so and the hint says what to do
check_unbound() {
    run_refused -device vfio-pci,id=u0,host=0000:00:1f.0 &&
        grep -q "vfio 0000:00:1f.0: failed to open /dev/vfio/[0-9]*: No such file or directory" $QT/qerr2 &&
        grep -q "0000:00:1f.0 is bound to no driver" $QT/qerr2
}

# The group of a function another emulator holds: the kernel's EBUSY
check_group_busy() {
    qt_start $RNG_DEV
    fh_of_fid 1 && [ $FH -ne 0 ] &&
        run_refused -device vfio-pci,id=b0,host=$RNG &&
        grep -q "vfio $RNG: failed to open /dev/vfio/[0-9]*: Device or resource busy" $QT/qerr2
    qt_end $?
}

if [ -n "$CK_HARNESS" ]; then
    : # sourced only for its functions
elif [ -x $QBIN ]; then
    check x86-pci-edu-refused check_edu_refused
    check x86-pci-unbound check_unbound
    check x86-pci-group-busy check_group_busy
    check x86-pci-rng-clp check_rng_clp
    check x86-pci-rng-config check_rng_config
    check x86-pci-rng-bar check_rng_bar
    check x86-pci-rng-dma check_rng_dma
    check x86-pci-rng-msix check_rng_msix
    check x86-pci-rng-unmap check_rng_unmap
    check x86-pci-nvme-identify check_nvme_identify
    check x86-pci-nvme-msix check_nvme_msix
    check x86-pci-nvme-unmap check_nvme_unmap
    check x86-pci-nvme-msix-mask check_nvme_msix_mask
    check x86-pci-nvme-pcistb check_nvme_pcistb
    check x86-pci-nvme-reset check_nvme_reset
    [ -n "$MF" ] && check x86-pci-group-shared check_group_shared
    check x86-pci-nvme-request check_nvme_request
else
    echo "# the project's binary is not in the image: pci checks skipped"
fi
