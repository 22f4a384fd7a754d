/*
 * Shared by the zPCI benchmarks (bench-zpci-insn, bench-vfio-pci): the
 * qtest s390x instruction commands (docs/devel/qtest-s390x.rst) as a
 * Linux guest issues them, CLP List + enable of the first function, and
 * 1 GiB of 4 KiB I/O translation tables built in guest memory:
 * SDMA .. SDMA + 1 GiB - 1, page n at FRAMES + (n % 8192) * 4 KiB, one
 * region-third table, one segment table and 1,024 page tables.
 * A benchmark sets bench_zpci_name and, while an emulator runs, running.
 */
#ifndef BENCH_ZPCI_H
#define BENCH_ZPCI_H

#include <inttypes.h>

#include "bench-common.h"

#define LPCB      0x10000u
#define LPCB_RSP  (LPCB + 32)
#define LPCB_SIZE 4096u
#define FIB       0x30000u
#define RTT       0x100000u /* region-third table: 2048 entries */
#define STT       0x104000u /* segment table: 2048 entries */
#define PGT       0x200000u /* 1024 page tables of 256 entries (2 KiB) */
#define FRAMES    0x1000000u
#define SDMA      0x100000000ull
#define PAGES     262144u
#define SEGMENTS  (PAGES / 256)
#define DT_R3     0x4ull
#define IOTA_T    0x800ull /* translation on, as Linux sets it */

static char *cmdf(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static char *cmdf(QTestState *s, const char *fmt, ...)
{
    g_autofree char *line = NULL;
    va_list ap;

    va_start(ap, fmt);
    line = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qtest_sendf(s, "%s\n", line);
    return qtest_recv_reply(s);
}

/* "OK cc N ..." -> N, anything else -> -1 */
static int cc_of(char *reply)
{
    int cc = -1;

    if (sscanf(reply, "OK cc %d", &cc) != 1) {
        cc = -1;
    }
    g_free(reply);
    return cc;
}

/* The benchmark's name for die()'s message, and the emulator it quits */
static const char *bench_zpci_name = "bench";
static QTestState *running;

static void die(const char *what)
{
    printf("# %s: %s\n", bench_zpci_name, what);
    if (running) {
        qtest_quit(running);
    }
    exit(1);
}

static uint16_t clp(QTestState *s, uint16_t cmd, const uint8_t body[16],
                    uint16_t rsp_len)
{
    qtest_memset(s, LPCB, 0, LPCB_SIZE);
    qtest_writew(s, LPCB, 32);
    qtest_writew(s, LPCB + 2, cmd);
    qtest_memwrite(s, LPCB + 16, body, 16);
    qtest_writew(s, LPCB_RSP, rsp_len);
    if (cc_of(cmdf(s, "s390_clp 0x%x", LPCB)) != 0) {
        die("CLP failed");
    }
    return qtest_readw(s, LPCB_RSP + 2);
}

/* List, then Set PCI Function (enable) of the first: the enabled fh. */
static uint32_t enable_first(QTestState *s)
{
    uint8_t body[16] = { 0 };
    uint32_t fh;

    if (clp(s, 0x0002, body, LPCB_SIZE - 32) != 0x0010) {
        die("CLP List failed");
    }
    fh = qtest_readl(s, LPCB_RSP + 32 + 12);
    body[0] = fh >> 24;
    body[1] = fh >> 16;
    body[2] = fh >> 8;
    body[3] = fh;
    body[7] = 1; /* one DMA address space */
    if (clp(s, 0x0005, body, 32) != 0x0010) {
        die("CLP Set PCI Function failed");
    }
    return qtest_readl(s, LPCB_RSP + 16);
}

static int pcistg(QTestState *s, uint32_t fh, unsigned space, unsigned len,
                  uint64_t off, uint64_t data)
{
    return cc_of(cmdf(s, "s390_pcistg 0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64,
                      data, (uint64_t)fh << 32 | space << 16 | len, off));
}

static int mpcifc(QTestState *s, uint32_t fh, unsigned oc)
{
    return cc_of(cmdf(s, "s390_mpcifc 0x%" PRIx64 " 0x%x",
                      (uint64_t)fh << 32 | oc, FIB));
}

static int rpcit(QTestState *s, uint32_t fh, uint64_t addr, uint64_t len)
{
    return cc_of(cmdf(s, "s390_rpcit 0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64,
                      (uint64_t)fh << 32, addr, len));
}

static void put_be64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++) {
        p[i] = v >> (56 - 8 * i);
    }
}

/* SDMA .. SDMA + 1 GiB - 1: page n at FRAMES + (n % 8192) * 4 KiB. */
static void build_tables(QTestState *s)
{
    g_autofree uint8_t *rt = g_malloc(2048 * 8);
    g_autofree uint8_t *st = g_malloc(2048 * 8);
    g_autofree uint8_t *pt = g_malloc(SEGMENTS * 2048);

    for (unsigned i = 0; i < 2048; i++) {
        put_be64(rt + 8 * i, 0x20 | DT_R3); /* invalid */
        put_be64(st + 8 * i, i < SEGMENTS ? PGT + i * 2048ull : 0x20);
    }
    put_be64(rt + 8 * 2, STT | DT_R3 | 3); /* 2^32: index 2, 4 blocks */
    for (unsigned n = 0; n < PAGES; n++) {
        put_be64(pt + 8 * n, FRAMES + (n % 8192) * 4096ull);
    }
    qtest_bufwrite(s, RTT, rt, 2048 * 8);
    qtest_bufwrite(s, STT, st, 2048 * 8);
    qtest_bufwrite(s, PGT, pt, SEGMENTS * 2048);
    qtest_memset(s, FIB, 0, 80);
    qtest_writeq(s, FIB + 16, SDMA); /* pba */
    qtest_writeq(s, FIB + 24, SDMA + 4 * 1024ull * 1024 * 1024 - 1);
    qtest_writeq(s, FIB + 32, RTT | IOTA_T | DT_R3); /* iota */
}

/*
 * One round: deregister and register the translation (an empty IOTLB),
 * then refresh @pages pages from SDMA, @step pages per RPCIT.  Returns
 * the pages refreshed; @dt the time by the clock, @cpu the emulator's CPU
 * time (the busy machine's noise is less).
 */
static unsigned rpcit_round(QTestState *s, uint32_t fh, unsigned pages,
                            unsigned step, const char *what, double *dt,
                            double *cpu)
{
    double t0, c0;
    unsigned n;

    if (mpcifc(s, fh, 5) != 0 || mpcifc(s, fh, 4) != 0) {
        die("MPCIFC (re-)registration failed");
    }
    c0 = bench_cpu_seconds(qtest_pid(s));
    t0 = bench_now();
    for (n = 0; n < pages; n += step) {
        if (rpcit(s, fh, SDMA + n * 4096ull, step * 4096ull) != 0) {
            printf("# RPCIT %s: not cc 0 at page %u\n", what, n);
            break;
        }
    }
    *dt = bench_now() - t0;
    *cpu = bench_cpu_seconds(qtest_pid(s)) - c0;
    return n;
}

#endif
