# Sourced by tests/kernel/init.sh in the s390x guest: the project's
# binary (cross-built, /opt/qemu-system-s390x) passes the vfio_ccw mdev
# through to its own guest, played by this script over the qtest protocol
# on stdio. The checks assert what that guest sees: STSCH (device number
# and paths from the host's SCHIB), the I/O interruption, the IRB of TEST
# SUBCHANNEL and the data the kernel's translated program stored, HSCH and
# CSCH performed by the host subchannel.
QBIN=${QBIN:-/opt/qemu-system-s390x}
# the device under test (QDEV= lets the harness be tried on a sim host)
QDEV=${QDEV:-"-device vfio-ccw,id=p0,sysfsdev=/sys/bus/mdev/devices/$UUID"}
SID=0x00010000 # css fe, set 0, subchannel 0 with s390-map-css=on

qt_start() {
    rm -f /tmp/qin /tmp/qout /tmp/qlog
    mkfifo /tmp/qin /tmp/qout
    $QBIN -machine s390-ccw-virtio,s390-map-css=on -nodefaults \
        -display none -qtest stdio \
        $QDEV </tmp/qin >/tmp/qout 2>/tmp/qerr &
    QPID=$!
    exec 3>/tmp/qin 4</tmp/qout
}

# the emulator does not end at EOF on its qtest input: SIGTERM ends it
qt_stop() {
    exec 3>&- 4<&-
    kill $QPID 2>/dev/null
    wait $QPID 2>/dev/null
}

# q CMD...: send, the reply in $QR; a reply not "OK..." fails the check
q() {
    echo "$*" >&3
    read -r QR <&4 || QR="EOF"
    echo "> $* < $QR" >>/tmp/qlog
    case "$QR" in OK*) return 0 ;; esac
    echo "qtest: $* -> $QR"
    cat /tmp/qerr
    return 1
}

# expect CMD... VALUE: the reply's value (a number or "cc N") equals VALUE
expect() {
    want=$(eval echo \${$#})
    n=$(($# - 1))
    args=""
    i=1
    for a in "$@"; do
        [ $i -le $n ] && args="$args $a"
        i=$((i + 1))
    done
    q $args || return 1
    got=${QR#OK }
    case "$want" in
    cc*) [ "$got" = "$want" ] && return 0 ;;
    *) [ $((got)) -eq $((want)) ] && return 0 ;;
    esac
    echo "$args: got '$got', want '$want'"
    return 1
}

# the I/O interruption of $SID with intparm @1 (default 0x12345678), ISC
# 3 (10 s)
wait_intr() {
    for i in $(seq 100); do
        q s390_io_intr || return 1
        [ "$QR" != "OK none" ] && break
        usleep 100000
    done
    [ "$QR" = "OK $SID ${1:-0x12345678} 3" ] || { echo "interrupt: $QR"; return 1; }
}

enable_sch() {
    q s390_cr6 0x10000000 &&
    expect s390_stsch $SID 0x1000 "cc 0" &&
    q writel 0x1000 0xcafe0000 &&
    q writew 0x1004 0x1881 &&
    expect s390_msch $SID 0x1000 "cc 0"
}

# ORB at 0x2000: intparm, format-1 CCWs (+ @1: more ctrl0 bits), LPM ff
start_at() {
    q writel 0x2000 0x12345678 &&
    q writel 0x2004 $(((0x0080 | $1) << 16 | 0xff00)) &&
    q writel 0x2008 $2 &&
    q memset 0x5000 96 0xee &&
    expect s390_ssch $SID 0x2000 "cc 0" &&
    wait_intr &&
    expect s390_tsch $SID 0x5000 "cc 0"
}

check_schib() {
    qt_start
    # the device number (0001) and path mask (0x80) of the host subchannel
    q s390_cr6 0x10000000 &&
    expect s390_stsch $SID 0x1000 "cc 0" &&
    expect readw 0x1006 0x0001 &&
    expect readb 0x100b 0x80
    r=$?
    qt_stop
    return $r
}

# SENSE ID: the virtio-ccw control unit answers ff 3832
check_sense_id() {
    qt_start
    enable_sch &&
    q memset 0x4000 16 0 &&
    q writeq 0x3000 0xe420000c00004000 &&
    start_at 0 0x3000 &&
    expect readw 0x5002 0x4007 &&
    expect readb 0x5008 0x0c &&
    expect readb 0x5009 0 &&
    expect readl 0x5004 0x3008 &&
    expect readb 0x4000 0xff &&
    expect readw 0x4001 0x3832
    r=$?
    qt_stop
    return $r
}

# A chain: NOOP (command chaining) then SENSE ID through a format-2 IDAL
check_chain_idal() {
    qt_start
    enable_sch &&
    q memset 0x8000 16 0 &&
    q writeq 0x7100 0x8000 &&
    q writeq 0x3000 0x0360000100000000 &&
    q writeq 0x3008 0xe424000c00007100 &&
    start_at 0x0002 0x3000 &&
    expect readw 0x5002 0x4007 &&
    expect readb 0x5008 0x0c &&
    expect readl 0x5004 0x3010 &&
    expect readb 0x8000 0xff &&
    expect readw 0x8001 0x3832
    r=$?
    qt_stop
    return $r
}

# The host kernel's count of I/O interruptions of its subchannels (the
# "CIO" line of /proc/interrupts: vfio_ccw's are counted there)
host_io_intrs() {
    sed -n 's/^CIO: *\([0-9]*\).*/\1/p' /proc/interrupts
}

# HSCH or CSCH (@1) on the idle enabled subchannel goes through the async
# command region to the host subchannel (the host takes one more I/O
# interruption), whose interruption ends it: the guest's has the
# subchannel's intparm (MSCH's 0xcafe0000); TSCH stores the SCSW with
# function control, status control and device status @2 @3 (the host
# device's own status), the guest's CPA (0: no program ran), then cc 1
idle_function() { # hsch|csch CTRL DSTAT
    qt_start
    n0=$(host_io_intrs)
    enable_sch &&
    expect s390_$1 $SID "cc 0" &&
    wait_intr 0xcafe0000 &&
    q memset 0x5000 96 0xee &&
    expect s390_tsch $SID 0x5000 "cc 0" &&
    expect readw 0x5002 $2 &&
    expect readl 0x5004 0 &&
    expect readb 0x5008 $3 &&
    expect readb 0x5009 0 &&
    expect s390_tsch $SID 0x5000 "cc 1" &&
    { [ "$(host_io_intrs)" -eq $((n0 + 1)) ] ||
        { echo "host I/O interruptions: $n0 -> $(host_io_intrs)"; false; }; }
    r=$?
    qt_stop
    return $r
}

# HSCH: function control halt, the host device's device end (the outer
# QEMU's virtio-ccw device presents it), so secondary status with status
# pending (0x2003)
check_hsch_idle() { idle_function hsch 0x2003 0x04; }
# CSCH: function control clear, status pending alone, no device status
check_csch_idle() { idle_function csch 0x1001 0; }

# The host takes the device back (mdev removed): the request interrupt
# unplugs it, the guest gets the subchannel's CRW and STSCH says cc 3
check_request_unplug() {
    qt_start
    enable_sch || { qt_stop; return 1; }
    echo 1 >/sys/bus/mdev/devices/$UUID/remove &
    rm_pid=$!
    for i in $(seq 100); do
        q s390_crw_pending || break
        [ "$QR" = "OK 1" ] && break
        usleep 100000
    done
    expect s390_stcrw 0x6100 "cc 0" &&
    expect readw 0x6102 0x0000 &&
    expect s390_stsch $SID 0x1000 "cc 3"
    r=$?
    qt_stop
    wait $rm_pid
    return $r
}

# wait_crw: a channel report pending in the guest (10 s), then STCRW
# stores it at 0x6100
wait_crw() {
    for i in $(seq 100); do
        q s390_crw_pending || return 1
        [ "$QR" = "OK 1" ] && break
        usleep 100000
    done
    [ "$QR" = "OK 1" ] || { echo "no channel report pending"; return 1; }
    q memset 0x6100 4 0xee &&
    expect s390_stcrw 0x6100 "cc 0"
}

# A channel-path event on the host (tests/kernel/ck-chp-event.c calls the
# kernel's path-gone, then path-available handler for the subchannel's
# CHPID 0.00): vfio_ccw queues a CRW in its CRW region, the guest gets it
# as it is: RSC channel path (4), ERC permanent error without facility
# initialization (6), RSID the CHPID; then ERC initialized (2). The path
# stays installed in the host's SCHIB (only a report), so STSCH's PIM is
# still 0x80; no further report is pending.
CHPEV=/sys/module/ck_chp_event/parameters
check_chp_event() {
    qt_start
    enable_sch &&
    echo 0.00 >$CHPEV/offline &&
    wait_crw &&
    expect readl 0x6100 0x04060000 &&
    echo 0.00 >$CHPEV/online &&
    wait_crw &&
    expect readl 0x6100 0x04020000 &&
    expect s390_crw_pending 0 &&
    expect s390_stsch $SID 0x1000 "cc 0" &&
    expect readb 0x100b 0x80
    r=$?
    qt_stop
    return $r
}

if [ -n "$CK_HARNESS" ]; then
    : # sourced only for its functions
elif [ -x $QBIN ]; then
    check ccw-schib-paths check_schib
    check ccw-sense-id check_sense_id
    check ccw-chain-idal check_chain_idal
    check ccw-hsch-idle check_hsch_idle
    check ccw-csch-idle check_csch_idle
    check ccw-chp-event check_chp_event
    check ccw-request-unplug check_request_unplug
else
    echo "# the project's s390x binary is not in the image: ccw checks skipped"
fi
