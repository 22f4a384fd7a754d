/*
 * bench-zpci-insn: zPCI instructions over the qtest s390x extension
 * (docs/devel/qtest-s390x.rst), the test program playing a Linux guest:
 *
 *   PCILG   lockstep loads of pci-testfn's config space (4 bytes at 0:
 *           config space takes 1 to 4 bytes) and of its BAR 0 registers
 *           (8 bytes): round trips/s
 *   RPCIT   1 GiB of 4 KiB mappings (262,144 pages) built in guest memory
 *           (one region-third, one segment and 1,024 page tables), then
 *           refreshed with one RPCIT for the whole range, with one per
 *           1 MiB segment, and with one per 4 KiB page (the first
 *           BENCH_RPCIT_PAGES pages, default 16,384, as Linux refreshes
 *           each streaming mapping): pages/s.  The translations are
 *           deregistered and registered again between the rounds so
 *           each starts from an empty IOTLB; a DMA through the last page
 *           checks the result.
 *
 * BENCH_QTEST_ITERS PCILG loads per space (default 20000).  Debian's QEMU
 * has no s390x qtest instructions: only our binary is measured.
 * Usage: bench-zpci-insn [OUR_BINARY]
 */
#include "bench-zpci.h"

static void bench_pcilg(QTestState *s, uint32_t fh, unsigned space,
                        unsigned len, const char *what, int iters)
{
    uint64_t req = (uint64_t)fh << 32 | space << 16 | len;
    double t0 = bench_now(), dt;
    int i;

    for (i = 0; i < iters; i++) {
        if (cc_of(cmdf(s, "s390_pcilg 0x%" PRIx64 " 0", req)) != 0) {
            printf("# PCILG %s: not cc 0\n", what);
            break;
        }
    }
    dt = bench_now() - t0;
    printf("%-9s PCILG %-13s %9.0f round trips/s  (%d in %.3f s)\n", "ours",
           what, i / dt, i, dt);
}

/* pages/s of one rpcit_round() */
static void bench_rpcit(QTestState *s, uint32_t fh, unsigned pages,
                        unsigned step, const char *what)
{
    double dt, cpu;
    unsigned n = rpcit_round(s, fh, pages, step, what, &dt, &cpu);

    printf("%-9s RPCIT %-13s %9.0f pages/s  (%u pages, %u RPCIT, %.3f s; "
           "emulator CPU %.2f s: %.0f pages/CPU s)\n",
           "ours", what, n / dt, n, n / step, dt, cpu, cpu > 0 ? n / cpu : 0);
}

/* testfn DMA of 8 bytes to the last I/O page: the bytes arrive. */
static bool dma_check(QTestState *s, uint32_t fh)
{
    uint64_t iova = SDMA + (PAGES - 1) * 4096ull;
    uint64_t frame = FRAMES + ((PAGES - 1) % 8192) * 4096ull;
    static const unsigned regs[] = { 0x10, 0x14, 0x18, 0x1c, 0x20 };
    uint32_t vals[] = { (uint32_t)iova, iova >> 32, 0, 8, 0 };

    qtest_writeq(s, frame, 0);
    if (pcistg(s, fh, 2, 8, 0, 0x0123456789abcdefull) != 0) {
        return false;
    }
    for (int i = 0; i < 5; i++) {
        if (pcistg(s, fh, 0, 4, regs[i], GUINT32_SWAP_LE_BE(vals[i])) != 0) {
            return false;
        }
    }
    return qtest_readq(s, frame) == 0x0123456789abcdefull;
}

int main(int argc, char **argv)
{
    BenchTarget t[2];
    int nt = bench_targets(argc, argv, t);
    int iters = bench_iterations("BENCH_QTEST_ITERS", 20000);
    unsigned per_page = bench_iterations("BENCH_RPCIT_PAGES", 16384);
    QTestState *s;
    uint32_t fh;

    bench_zpci_name = "bench-zpci-insn";
    printf("# bench-zpci-insn: zPCI instructions over qtest, lockstep\n");
    if (nt == 0 || !t[0].accel_qtest) {
        printf("# no binary of ours to measure\n");
        return 0;
    }
    if (nt > 1) {
        printf("# %s: no s390x qtest instructions, skipped\n", t[1].name);
    }
    t[0].args = "-machine s390-ccw-virtio -nodefaults -m 128M "
                "-device zpci,target=t0,dma-budget=262144 "
                "-device pci-testfn,id=t0,bus=pci.0";
    s = running = bench_start(&t[0]);
    fh = enable_first(s);
    /* Memory Space and Bus Master Enable in the Command register */
    if (pcistg(s, fh, 15, 2, 4, 0x0600) != 0) {
        die("PCISTG to the Command register failed");
    }
    bench_pcilg(s, fh, 15, 4, "config 4 B", iters);
    bench_pcilg(s, fh, 0, 8, "BAR 0 8 B", iters);
    build_tables(s);
    if (mpcifc(s, fh, 4) != 0) {
        die("MPCIFC register I/O address translation failed");
    }
    bench_rpcit(s, fh, PAGES, 256, "per 1 MiB");
    bench_rpcit(s, fh, PAGES, PAGES, "1 GiB at once");
    if (!dma_check(s, fh)) {
        printf("# DMA through the last page did not arrive\n");
    }
    bench_rpcit(s, fh, MIN(per_page, PAGES), 1, "per 4 KiB");
    qtest_quit(s);
    running = NULL;
    return 0;
}
