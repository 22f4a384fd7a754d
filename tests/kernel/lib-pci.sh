# The s390x guest's side of a PCI function passed through by the
# project's binary, as a shell qtest client: sourced (". lib-pci.sh") by
# the zPCI checks of both real-kernel guests -- tests/kernel/checks-x86/
# (the x86-64 guest: vfio-pci functions of q35) and tests/kernel/checks/
# (the s390x guest: a zPCI function of the outer QEMU). Each image has it
# at /lib/check-kernel/lib-pci.sh (CK_LIB= names another directory, e.g.
# tests/kernel on the build host). It defines functions and the guest
# memory layout only; the checks are in the files that source it.
#
# qt_start ARGS...   the binary under -qtest stdio, fifos in $QT; qt_stop,
#                    qt_end STATUS (a failure shows the last exchanges)
# q CMD...           one qtest command, the reply in $QR (not OK: fails)
# want WHAT GOT WANT, rd ADDR SIZE ($V), swap V N, le V N
# clp_request, clp_run, fh_of_fid FID ($FH), clp_query FH, enable_fid FID
# load/store SPACE LEN OFFSET [DATA] (PCILG/PCISTG), mpcifc OC, rpcit
# fill, map_dma      translation tables: IOVA pages 0-3 -> FRAME..
# hcfg BDF OFF LEN   the host function's config space (sysfs)
# virtio_layout BDF, virtio_layout_msix BDF, cload/cstore, virtio_setup,
# virtio_kick N, virtio_wait N, msix_setup BDF VECTOR, wait_airq VECTOR,
# written ADDR, run_refused ARGS...
QBIN=${QBIN:-/opt/qemu-system-s390x}
QT=${QT:-/tmp} # the fifos and logs

LPCB=0x10000           # CLP block, the response at +32
RSP=$((LPCB + 32))
FIB=0x30000
AIBV=0x40000
AISB=0x41000
RTT=0x100000           # region-third, segment and page table
STT=0x104000
PGT=0x108000
FRAME=0x200000         # I/O pages 0-3 go to FRAME .. FRAME + 12 KiB
IOVA=0x100000000
TE_INVALID=0x20
PTE_INVALID=0x400
IOTA=$((RTT | 0x800 | 0x4)) # translation on, region-third designation

qt_start() {
    rm -f $QT/qin $QT/qout $QT/qlog
    mkfifo $QT/qin $QT/qout
    $QBIN -machine s390-ccw-virtio -nodefaults -display none -qtest stdio \
        -qtest-log none "$@" <$QT/qin >$QT/qout 2>$QT/qerr &
    QPID=$!
    exec 3>$QT/qin 4<$QT/qout
}

qt_stop() {
    exec 3>&- 4<&-
    kill $QPID 2>/dev/null
    wait $QPID 2>/dev/null
}

# qt_end STATUS: stop the emulator; a failed check shows its last exchanges
qt_end() {
    [ "$1" -eq 0 ] || { echo "last qtest exchanges:"; tail -4 $QT/qlog; }
    qt_stop
    return "$1"
}

# q CMD...: send, the reply in $QR; a reply not "OK..." fails the check
q() {
    echo "$*" >&3
    read -r QR <&4 || QR="EOF"
    echo "> $* < $QR" >>$QT/qlog
    case "$QR" in OK*) return 0 ;; esac
    echo "qtest: $* -> $QR"
    cat $QT/qerr
    return 1
}

# want WHAT GOT WANT: numbers equal, or say so
want() {
    [ $(($2)) -eq $(($3)) ] && return 0
    printf '%s: got 0x%x, want 0x%x\n' "$1" $(($2)) $(($3))
    return 1
}

# rd ADDR SIZE: guest memory (big endian, readb/w/l/q) in $V
rd() {
    case $2 in 1) c=readb ;; 2) c=readw ;; 4) c=readl ;; *) c=readq ;; esac
    q $c $(($1)) || return 1
    V=${QR#OK }
}

# swap V N: the N low bytes of V reversed (PCI is little endian)
swap() {
    r=0
    i=0
    while [ $i -lt $2 ]; do
        r=$(((r << 8) | (($1 >> (8 * i)) & 0xff)))
        i=$((i + 1))
    done
    echo $r
}

# le V N: V as N little-endian bytes, in hex (for qtest "write")
le() {
    i=0
    while [ $i -lt $2 ]; do
        printf '%02x' $((($1 >> (8 * i)) & 0xff))
        i=$((i + 1))
    done
}

# ---- CLP ----
clp_request() { # CMD RSPLEN
    q memset $LPCB 4096 0 &&
    q writew $LPCB 32 &&
    q writew $((LPCB + 2)) $1 &&
    q writew $RSP $2
}

clp_run() { # the response code must be 0x0010
    q s390_clp $LPCB || return 1
    [ "$QR" = "OK cc 0" ] || { echo "CLP: $QR"; return 1; }
    rd $((RSP + 2)) 2 && want "CLP response" "$V" 0x0010
}

# FH of the function with FID from a List (0 when not listed)
fh_of_fid() {
    FH=0
    clp_request 2 $((4096 - 32)) && clp_run || return 1
    rd $RSP 2 || return 1
    n=$(((V - 32) / 16))
    i=0
    while [ $i -lt $n ]; do
        rd $((RSP + 32 + 16 * i + 8)) 4 || return 1
        if [ $((V)) -eq $(($1)) ]; then
            rd $((RSP + 32 + 16 * i + 12)) 4 || return 1
            FH=$((V))
            return 0
        fi
        i=$((i + 1))
    done
}

clp_query() { # FH: the Query answer in the LPCB
    clp_request 3 192 && q writel $((LPCB + 16)) $1 && clp_run
}

# Enable the function FID (CLP Set PCI Function), then Memory Space and
# Bus Master: its enabled handle in $FH
enable_fid() {
    fh_of_fid $1 || return 1
    [ $FH -ne 0 ] || { echo "fid $1 not listed"; return 1; }
    clp_request 5 32 && q writel $((LPCB + 16)) $FH &&
        q writeb $((LPCB + 23)) 1 && clp_run || return 1
    rd $((RSP + 16)) 4 || return 1
    FH=$((V))
    store 15 2 4 0x0006
}

# ---- PCI LOAD/STORE: SPACE (BAR 0-5, 15 config) LEN OFFSET [DATA] ----
# the value as the function has it (little endian) in $V
load() {
    q s390_pcilg $(printf '0x%x' $((FH << 32 | $1 << 16 | $2))) $(($3)) ||
        return 1
    set -- $2 $QR # LEN OK cc N DATA REQ
    [ "$4" = 0 ] || { echo "PCILG: $QR"; return 1; }
    V=$(swap $(($5)) $1)
}

store() {
    q s390_pcistg $(printf '0x%x' $(swap $(($4)) $2)) \
        $(printf '0x%x' $((FH << 32 | $1 << 16 | $2))) $(($3)) || return 1
    [ "$QR" != "${QR#OK cc 0 }" ] || { echo "PCISTG: $QR"; return 1; }
}

mpcifc() { # OC: the FIB at FIB
    q s390_mpcifc $(printf '0x%x' $((FH << 32 | $1))) $FIB || return 1
    [ "$QR" != "${QR#OK cc 0 }" ] || { echo "MPCIFC $1: $QR"; return 1; }
}

rpcit() { # ADDR LEN
    q s390_rpcit $(printf '0x%x' $((FH << 32))) $(printf '0x%x' $(($1))) $(($2)) ||
        return 1
    [ "$QR" != "${QR#OK cc 0 }" ] || { echo "RPCIT: $QR"; return 1; }
}

# ---- I/O translation: IOVA pages 0-3 -> FRAME .. FRAME + 12 KiB ----
fill() { # ADDR COUNT ENTRY: COUNT 8-byte entries (big endian)
    q write $(($1)) $(($2 * 8)) 0x$(yes "$(printf '%016x' $(($3)))" |
        head -$2 | tr -d '\n')
}

map_dma() {
    fill $RTT 2048 $((TE_INVALID | 0x4)) && fill $STT 2048 $TE_INVALID &&
        fill $PGT 256 $PTE_INVALID &&
        q writeq $((RTT + 16)) $((STT | 0x4 | 0x3)) &&
        q writeq $STT $PGT &&
        q writeq $PGT $FRAME &&
        q writeq $((PGT + 8)) $((FRAME + 0x1000)) &&
        q writeq $((PGT + 16)) $((FRAME + 0x2000)) &&
        q writeq $((PGT + 24)) $((FRAME + 0x3000)) &&
        q memset $FIB 80 0 &&
        q writeq $((FIB + 16)) $IOVA &&
        q writeq $((FIB + 24)) $((IOVA + 0x3fffffff)) &&
        q writeq $((FIB + 32)) $IOTA &&
        mpcifc 4 &&
        rpcit $IOVA 0x4000
}

# ---- the host function's layout, from its config space in sysfs ----
hcfg() { # BDF OFFSET LEN: little endian
    v=0
    for b in $(od -j $(($2)) -N $3 -t u1 -A n /sys/bus/pci/devices/$1/config); do
        v=$((v | b << (8 * ${s:-0})))
        s=$((${s:-0} + 1))
    done
    s=0
    echo $v
}

# The MSI-X capability of the host function BDF: XCAP, table XBAR/XOFF
virtio_layout_msix() {
    p=$(($(hcfg $1 0x34 1)))
    while [ $p -ne 0 ]; do
        if [ "$(hcfg $1 $p 1)" -eq 17 ]; then
            XCAP=$p
            XNUM=$((($(hcfg $1 $((p + 2)) 2) & 0x7ff) + 1))
            t=$(hcfg $1 $((p + 4)) 4)
            XBAR=$((t & 7))
            XOFF=$((t & ~7))
            t=$(hcfg $1 $((p + 8)) 4)
            PBAR=$((t & 7))
            POFF=$((t & ~7))
            return 0
        fi
        p=$(hcfg $1 $((p + 1)) 1)
    done
    echo "no MSI-X capability in $1"
    return 1
}

# virtio's modern capabilities (vendor-specific, type 1 common and 2
# notify) and MSI-X of the host function BDF
virtio_layout() {
    p=$(($(hcfg $1 0x34 1)))
    while [ $p -ne 0 ]; do
        id=$(hcfg $1 $p 1)
        if [ "$id" -eq 9 ]; then
            case $(hcfg $1 $((p + 3)) 1) in
            1) CBAR=$(hcfg $1 $((p + 4)) 1); COFF=$(hcfg $1 $((p + 8)) 4) ;;
            2) NBAR=$(hcfg $1 $((p + 4)) 1); NOFF=$(hcfg $1 $((p + 8)) 4)
               NMUL=$(hcfg $1 $((p + 16)) 4) ;;
            esac
        elif [ "$id" -eq 17 ]; then
            XCAP=$p
            t=$(hcfg $1 $((p + 4)) 4)
            XBAR=$((t & 7))
            XOFF=$((t & ~7))
        fi
        p=$(hcfg $1 $((p + 1)) 1)
    done
    [ -n "$CBAR" ] && [ -n "$NBAR" ] && [ -n "$XCAP" ] ||
        { echo "virtio layout of $1: common $CBAR notify $NBAR msix $XCAP"; return 1; }
}

# common configuration registers: LEN OFFSET [DATA]
cload() { load $CBAR $1 $((COFF + $2)); }
cstore() { store $CBAR $1 $((COFF + $2)) $3; }

# Queue 0 of the virtio-rng function at IOVA (descriptors +0, avail
# +0x100, used +0x200), vector 1; the buffer at IOVA + 4 KiB
virtio_setup() {
    cstore 1 0x14 0 && cstore 1 0x14 1 && cstore 1 0x14 3 &&
        cstore 4 0x08 0 && cstore 4 0x0c 0 &&
        cstore 4 0x08 1 && cstore 4 0x0c 3 &&
        cstore 1 0x14 11 && cload 1 0x14 && want "FEATURES_OK" $((V & 8)) 8 &&
        q memset $FRAME 0x1000 0 &&
        cstore 2 0x16 0 && cstore 2 0x18 8 &&
        cstore 2 0x1a 1 && cload 2 0x1a && want "queue vector" "$V" 1 &&
        cstore 4 0x20 $((IOVA & 0xffffffff)) && cstore 4 0x24 $((IOVA >> 32)) &&
        cstore 4 0x28 $(((IOVA + 0x100) & 0xffffffff)) &&
        cstore 4 0x2c $(((IOVA + 0x100) >> 32)) &&
        cstore 4 0x30 $(((IOVA + 0x200) & 0xffffffff)) &&
        cstore 4 0x34 $(((IOVA + 0x200) >> 32)) && cstore 2 0x1c 1 &&
        cload 2 0x1e && NOTE=$((NOFF + V * NMUL)) &&
        cstore 1 0x14 15 &&
        q write $FRAME 16 0x$(le $((IOVA + 0x1000)) 8)$(le 16 4)$(le 2 2)$(le 0 2)
}

# Post descriptor 0 as avail entry N - 1, then notify queue 0
virtio_kick() { # N
    q memset $((FRAME + 0x1000)) 16 0xee &&
        q write $((FRAME + 0x104 + 2 * ($1 - 1))) 2 0x0000 &&
        q write $((FRAME + 0x102)) 2 0x$(le $1 2) &&
        store $NBAR 2 $NOTE 0
}

# Wait (15 s: a loaded machine) for used.idx to reach N
virtio_wait() {
    for i in $(seq 150); do
        rd $((FRAME + 0x202)) 1 || return 1
        [ $((V)) -ge $1 ] && return 0
        usleep 100000
    done
    echo "used.idx $V, want $1"
    return 1
}

# MSI-X on, table entry VECTOR to the MSI address with data VECTOR, and
# adapter interruptions registered for the function's vectors (no more:
# an operand exception): ISC 3, AIBV, AISB summary bit 9
msix_setup() { # BDF VECTOR
    virtio_layout_msix $1 &&
        q memset $AIBV 16 0 && q memset $AISB 16 0 &&
        q memset $FIB 80 0 &&
        q writel $((FIB + 40)) $((3 << 28 | XNUM << 16 | 0 << 8 | 1 << 7 | 9)) &&
        q writeq $((FIB + 48)) $AIBV && q writeq $((FIB + 56)) $AISB &&
        mpcifc 2 &&
        store 15 2 $((XCAP + 2)) 0x8000 &&
        store $XBAR 4 $((XOFF + 16 * $2)) 0 &&
        store $XBAR 4 $((XOFF + 16 * $2 + 4)) 0xfe000000 &&
        store $XBAR 4 $((XOFF + 16 * $2 + 8)) $2 &&
        store $XBAR 4 $((XOFF + 16 * $2 + 12)) 0 &&
        q s390_cr6 0x10000000
}

# The adapter interruption of vector V: AIBV bit V, summary bit 9, ISC 3
wait_airq() { # VECTOR
    for i in $(seq 150); do
        rd $((AIBV + $1 / 8)) 1 && [ $((V)) -ne 0 ] && break
        usleep 100000
    done
    want "AIBV byte $(($1 / 8))" "$V" $((0x80 >> ($1 % 8))) &&
        rd $((AISB + 1)) 1 && want "AISB byte 1" "$V" 0x40 &&
        q s390_io_intr &&
        { [ "$QR" = "OK 0x00000000 0x00000000 3 adapter" ] ||
            { echo "interruption: $QR"; false; }; }
}

# The 16 bytes at ADDR are no longer the fill pattern
written() {
    q read $(($1)) 16 &&
        { [ "$QR" != "OK 0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee" ] ||
            { echo "buffer at $1 unchanged"; false; }; }
}

# run_refused ARGS...: the emulator refuses to start; its messages in
# $QT/qerr2
run_refused() {
    $QBIN -machine s390-ccw-virtio -nodefaults -display none -qtest stdio \
        -qtest-log none "$@" </dev/null >/dev/null 2>$QT/qerr2 &&
        { echo "started with $*"; return 1; }
    cat $QT/qerr2
}
