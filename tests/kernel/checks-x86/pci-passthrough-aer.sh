# Sourced by tests/kernel/init-x86.sh (before pci-passthrough.sh: '-'
# sorts before '.'; it uses that file's shell functions: the qtest
# client, CLP, PCI LOAD/STORE, MPCIFC): a host error of a passed-through
# function. The e1000e behind the outer
# machine's pcie-root-port (PCI Express with AER and MSI-X, bound to
# vfio-pci by init) is passed through as fid 5; the x86 kernel's
# aer_inject module makes its AER driver see an uncorrectable non-fatal
# error of the function, the recovery calls vfio-pci's error_detected,
# which signals the error interrupt's eventfd the emulator registered.
# The s390x guest sees it as the architecture has it: a channel report,
# an error event for fid 5 in CHSC store event information, the function
# in the error state until MPCIFC reset-error. The layout is in
# docs/devel/testing-kernel.rst.
# pci-passthrough.sh's functions only; its checks run when init sources it
if ! command -v qt_start >/dev/null; then
    aer_harness=$CK_HARNESS
    CK_HARNESS=1
    . "${AER_CHECKS:-/checks}/pci-passthrough.sh"
    CK_HARNESS=$aer_harness
fi
E1K_DEV=${E1K_DEV:-"-device zpci,uid=5,fid=5,target=x0 -device vfio-pci,id=x0,host=$E1K"}
AER_UNCOR_POISONED=0x1000 # Poisoned TLP: non-fatal by default severity
AER_UNCOR_DLP=0x10        # Data Link Protocol error: fatal by default

# The offset of the extended capability ID of the host function BDF (0: none)
ext_cap() { # BDF ID
    p=256
    while [ $p -ne 0 ]; do
        h=$(hcfg $1 $p 4)
        [ $((h & 0xffff)) -eq $(($2)) ] && { echo $p; return 0; }
        p=$(((h >> 20) & 0xffc))
    done
    echo 0
}

# Bytes as octal escapes for printf: N bytes of V, little endian
oct_le() { # V N
    i=0
    while [ $i -lt $2 ]; do
        printf '\\%03o' $((($1 >> (8 * i)) & 0xff))
        i=$((i + 1))
    done
}

# aer_inject's request (drivers/pci/pcie/aer_inject.c): bus, device,
# function (one byte each, one of padding), the uncorrectable and the
# correctable status, four header log words, the domain; 32 bytes in one
# write
aer_inject() { # BDF UNCOR COR
    [ -c /dev/aer_inject ] || { echo "no /dev/aer_inject"; return 1; }
    b=${1#*:}
    dom=$((0x${1%%:*}))
    bus=$((0x${b%%:*}))
    b=${b#*:}
    dev=$((0x${b%%.*}))
    fn=$((${b#*.}))
    req="$(oct_le $bus 1)$(oct_le $dev 1)$(oct_le $fn 1)$(oct_le 0 1)"
    req="$req$(oct_le $(($2)) 4)$(oct_le $(($3)) 4)$(oct_le 0 16)$(oct_le $dom 4)"
    # shellcheck disable=SC2059
    printf "$req" >/dev/aer_inject
}

# The root port's AER service is the kernel's AER driver (the _OSC gave
# the OS control of AER) and the e1000e has the AER capability: what
# aer_inject needs
check_aer_capable() {
    rp=$(basename "$(dirname "$(readlink -f /sys/bus/pci/devices/$E1K)")")
    a=$(ext_cap $E1K 1)
    [ "$a" -ne 0 ] || { echo "$E1K has no AER capability"; return 1; }
    [ "$(ext_cap $rp 1)" -ne 0 ] || { echo "root port $rp has no AER capability"; return 1; }
    [ "$(basename "$(readlink /sys/bus/pci_express/devices/$rp:pcie002/driver)")" = aer ] ||
        { echo "the AER service of $rp has no aer driver"; ls /sys/bus/pci_express/devices; return 1; }
    # the Poisoned TLP is not marked fatal, nor masked
    want "uncorrectable severity & poisoned" $(($(hcfg $E1K $((a + 12)) 4) & AER_UNCOR_POISONED)) 0 &&
        want "uncorrectable mask & poisoned" $(($(hcfg $E1K $((a + 8)) 4) & AER_UNCOR_POISONED)) 0
}

# Inject an uncorrectable error (the non-fatal one by default) into the
# e1000e; wait for the zPCI event's channel report, take it (STCRW) and
# wait for the x86 kernel's recovery to end ("device recovery
# successful"/"failed": after a fatal error's secondary bus reset, a
# second or more after error_detected), its outcome in $RECOVERY
aer_fire() { # [UNCOR]
    n=$(dmesg | grep -c "AER: device recovery")
    aer_inject $E1K ${1:-$AER_UNCOR_POISONED} 0 || { echo "aer_inject refused it"; dmesg | tail -3; return 1; }
    for i in $(seq 100); do
        q s390_crw_pending || return 1
        [ "$QR" = "OK 1" ] && break
        usleep 100000
    done
    want "CRW pending" "${QR#OK }" 1 &&
        q s390_stcrw 0x6100 && rd 0x6100 4 && want "CRW (PCI event)" "$V" 0x0b000000 &&
        for i in $(seq 100); do
            r=$(dmesg | grep -c "AER: device recovery")
            [ "$r" -gt "$n" ] && break
            usleep 100000
        done &&
        want "x86 recoveries" "$r" $((n + 1)) &&
        RECOVERY=$(dmesg | grep "AER: device recovery" | tail -1 | sed 's/.*device recovery //')
}

# CHSC store event information: an error event (content code 1) of fid 5
# with its enabled handle, failing address 0 and PEC 0x0007
chsc_error_event() {
    q memset 0x50000 4096 0 && q writew 0x50000 0x0010 &&
        q writew 0x50002 0x000e && q writeq 0x50008 0xa000000000000000 &&
        q s390_chsc 0x50000 && rd 0x50012 2 && want "CHSC response" "$V" 1 &&
        rd 0x5001b 1 && want "content code (error)" "$V" 1 &&
        rd 0x50054 4 && want "event handle" "$V" $FH &&
        rd 0x50058 4 && want "event fid" "$V" 5 &&
        rd 0x50060 8 && want "failing address" "$V" 0 &&
        rd 0x5006e 2 && want "PEC" "$V" 0x0007
}

# PCI LOAD of the vendor/device word: cc 1 with status 8 (in error)
load_in_error() {
    q s390_pcilg "$(printf 0x%x $((FH << 32 | 15 << 16 | 4)))" 0 || return 1
    set -- $QR # OK cc N DATA REQ
    want "PCILG cc in error" "$3" 1 && want "PCILG status" $((($5 >> 24) & 0xff)) 8
}

# STPCIFC: the function-controls byte of the FIB (enabled 0x80, error
# 0x40, blocked 0x20)
fc_byte() {
    q s390_stpcifc "$(printf 0x%x $((FH << 32)))" $FIB || return 1
    [ "$QR" != "${QR#OK cc 0 }" ] || { echo "STPCIFC: $QR"; return 1; }
    rd $((FIB + 8)) 1
}

# The host's error interrupt of the e1000e reaches the s390x guest: a
# channel report, the error event; PCI LOAD answers cc 1 status 8 and
# STPCIFC shows error and blocked; the emulator keeps running
check_aer_error_event() {
    qt_start $E1K_DEV
    enable_fid 5 && load 15 4 0 && want "vendor/device" "$V" 0x10d38086 &&
        aer_fire && want "x86 recovery successful" "$([ "$RECOVERY" = successful ]; echo $?)" 0 &&
        chsc_error_event && load_in_error &&
        fc_byte && want "function controls" "$V" 0xe0 &&
        q s390_crw_pending && want "no second report" "${QR#OK }" 0
    qt_end $?
}

# MPCIFC reset-error gives the function back (its config space and BAR
# answer); a second host error is a second event (one per entry into
# the error state), reset again, the function answers again
check_aer_reset_error() {
    qt_start $E1K_DEV
    enable_fid 5 && aer_fire && chsc_error_event &&
        q memset $FIB 80 0 && mpcifc 7 &&
        fc_byte && want "function controls" "$V" 0x80 &&
        load 15 4 0 && want "vendor/device" "$V" 0x10d38086 &&
        load 0 4 8 && echo "e1000e STATUS $(printf 0x%x $V)" &&
        aer_fire && chsc_error_event && load_in_error &&
        mpcifc 7 && load 15 4 0 && want "vendor/device" "$V" 0x10d38086
    qt_end $?
}

# A fatal error: vfio-pci's error_detected, then the x86 kernel resets
# the root port's secondary bus; the guest sees the same error event,
# and after reset-error the function answers again
check_aer_fatal() {
    qt_start $E1K_DEV
    enable_fid 5 && aer_fire $AER_UNCOR_DLP && chsc_error_event &&
        load_in_error && q memset $FIB 80 0 && mpcifc 7 &&
        load 15 4 0 && want "vendor/device" "$V" 0x10d38086 &&
        { dmesg | grep -q "Uncorrected (Fatal) error message received from $E1K" ||
            { echo "no fatal error in the x86 log"; false; }; }
    qt_end $?
}

if [ -n "$CK_HARNESS" ]; then
    : # sourced only for its functions
elif [ -x $QBIN ] && [ -n "$E1K" ]; then
    check x86-pci-aer-capable check_aer_capable
    check x86-pci-aer-error-event check_aer_error_event
    check x86-pci-aer-reset-error check_aer_reset_error
    check x86-pci-aer-fatal check_aer_fatal
    # pci-passthrough.sh's first check writes its output to $QT/qout
    rm -f $QT/qin $QT/qout
else
    echo "# no binary or no e1000e: the AER checks skipped"
fi
