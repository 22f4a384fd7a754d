#!/bin/sh
# bench.sh BUILD_DIR: run every benchmark against BUILD_DIR's emulator and,
# when installed, Debian's qemu-system-s390x.  Prints figures only.
# Knobs: BENCH_RUNS, BENCH_QMP_ITERS, BENCH_QTEST_ITERS, QTEST_TIMEOUT,
# BENCH_QEMU=0 (ours only), BENCH_ZPCI_FULL=1 / BENCH_ZPCI_MAX=N
# (bench-zpci-hotplug sizes), BENCH_RPCIT_PAGES (bench-zpci-insn,
# bench-vfio-pci), BENCH_VFIO_FUNCTIONS (bench-vfio-pci hot-plug).
set -e
builddir=${1:-build}
bin="$builddir/qemu-system-s390x"
if [ ! -x "$bin" ]; then
    echo "bench.sh: $bin not found; build first (make)" >&2
    exit 1
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
status=0
for b in bench-startup bench-qmp bench-qtest bench-ccw-xlate bench-ssch bench-zpci-ids bench-zpci-dma bench-zpci-insn bench-zpci-hotplug bench-vfio-pci-sim bench-vfio-pci bench-s390x-cpu; do
    exe="$builddir/tests/bench/$b"
    if [ ! -x "$exe" ]; then
        echo "# $b: not built, skipped"
        continue
    fi
    case $b in
    # pure-module benches: no emulator (bench-ccw-xlate's argument is seconds)
    bench-ccw-xlate|bench-zpci-ids|bench-zpci-dma|bench-vfio-pci-sim|bench-s390x-cpu) "$exe" || status=1 ;;
    *) QTEST_QEMU_BINARY="$bin" "$exe" "$bin" || status=1 ;;
    esac
    echo
done
# Lockstep round trips are bounded by cross-CPU wake-up latency, which
# varies a lot on virtual machines; with both peers on one CPU the figure
# shows the per-command cost of each program instead.
if command -v taskset >/dev/null 2>&1 && [ -x "$builddir/tests/bench/bench-qtest" ]; then
    echo "# bench-qtest, every process pinned to CPU 0"
    QTEST_QEMU_BINARY="$bin" taskset -c 0 "$builddir/tests/bench/bench-qtest" "$bin" || status=1
fi
# the same bare-metal ELFs under ours and Debian's qemu-system-s390x, -accel tcg
echo
sh "$(dirname "$0")/bench-tcg.sh" "$builddir" || status=1
exit $status
