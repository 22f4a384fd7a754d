/*
 * zPCI error events as a Linux guest gets them: a DMA fault, an RPCIT
 * fault and adapter-interruption indicators outside guest RAM put the
 * function in the error state and queue an error event (content code 1)
 * for its fid and enabled handle, announced by a CRW and fetched with
 * CHSC store-event-information; MPCIFC reset-error recovers.  Also the
 * SEI request checks, the selection mask, the queue's bound and reset.
 */
#include <inttypes.h>

#include "zpci-dma-tables.h"
#include "zpci-event-test.h"

#define FIB 0x30000u

static unsigned status_of(gchar *reply, int *cc)
{
    uint64_t reg = 0;

    g_assert_cmpint(sscanf(reply, "OK cc %d 0x%" SCNx64, cc, &reg), ==, 2);
    g_free(reply);
    return (reg >> 24) & 0xff;
}

static int mpcifc(QTestState *s, uint32_t fh, unsigned oc)
{
    int cc;

    status_of(cmd(s, "s390_mpcifc 0x%" PRIx64 " 0x%x", (uint64_t)fh << 32 | oc,
                  FIB),
              &cc);
    return cc;
}

static int rpcit(QTestState *s, uint32_t fh, uint64_t addr, uint64_t len,
                 unsigned *st)
{
    int cc;

    *st = status_of(cmd(s, "s390_rpcit 0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64,
                        (uint64_t)fh << 32, addr, len),
                    &cc);
    return cc;
}

static int pcistg(QTestState *s, uint32_t fh, unsigned space, unsigned len,
                  uint64_t off, uint64_t data)
{
    return inst(s, "s390_pcistg 0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64, data,
                (uint64_t)fh << 32 | space << 16 | len, off);
}

/* A 32-bit test-function register (BAR 0), given in host order. */
static void tf_write(QTestState *s, uint32_t fh, unsigned off, uint32_t v)
{
    g_assert_cmpint(pcistg(s, fh, 0, 4, off, GUINT32_SWAP_LE_BE(v)), ==, 0);
}

/* Enable the function @fid (bus master on); its enabled handle. */
static uint32_t enable_fid(QTestState *s, uint32_t fid)
{
    uint32_t fh = fh_of_fid(s, fid);

    fh = zpci_enable(s, fh);
    g_assert_cmphex(fh & FH_ENABLED, ==, FH_ENABLED);
    g_assert_cmpint(pcistg(s, fh, 15, 2, 4, 0x0600), ==, 0);
    return fh;
}

/* I/O pages 0 and 1 at IOVA -> FRAME, FRAME + 4 KiB; registered. */
static uint32_t setup_dma(QTestState *s)
{
    uint32_t fh = enable_fid(s, 0);

    build_tables(s);
    write_ioat_fib(s, FIB, IOTA_RT);
    g_assert_cmpint(mpcifc(s, fh, 4), ==, 0);
    return fh;
}

/* The test function copies @len bytes of its buffer to @iova. */
static void dma_len(QTestState *s, uint32_t fh, uint64_t iova, uint32_t len)
{
    tf_write(s, fh, 0x10, (uint32_t)iova);
    tf_write(s, fh, 0x14, iova >> 32);
    tf_write(s, fh, 0x18, 0);
    tf_write(s, fh, 0x1c, len);
    tf_write(s, fh, 0x20, 0);
}

static void dma_to(QTestState *s, uint32_t fh, uint64_t iova)
{
    dma_len(s, fh, iova, 8);
}

/* PCI LOAD of the test function's status register: the cc only. */
static int pcilg_cc(QTestState *s, uint32_t fh)
{
    int cc;

    status_of(cmd(s, "s390_pcilg 0x%" PRIx64 " 0x28", (uint64_t)fh << 32 | 4),
              &cc);
    return cc;
}

/* A DMA to a page RPCIT did not map: one error event per error entry. */
static void test_dma_fault(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = setup_dma(s);
    unsigned st;

    expect_no_event(s);
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x1000, &st), ==, 0);
    dma_to(s, fh, IOVA + 0x1000);
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    g_assert_cmphex(stcrw(s), ==, 0);
    expect_error_event(s, 0x0007, 0, fh, IOVA + 0x1000);
    expect_no_event(s);
    g_assert_cmpint(pcilg_cc(s, fh), ==, 1); /* error state */

    /* reset error: enabled again; the next fault is told again */
    g_assert_cmpint(mpcifc(s, fh, 7), ==, 0);
    g_assert_cmpint(pcilg_cc(s, fh), ==, 0);
    qtest_writeq(s, FRAME, 0);
    dma_to(s, fh, IOVA);
    g_assert_cmphex(qtest_readq(s, FRAME), ==, 0); /* buffer is zero */
    expect_no_event(s);
    /* a DMA over two unmapped pages: one event, for the first fault */
    dma_len(s, fh, IOVA + 0x1ff8, 16);
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    expect_error_event(s, 0x0007, 0, fh, IOVA + 0x1ff8);
    expect_no_event(s);
    qtest_quit(s);
}

/* RPCIT over a malformed entry and outside the aperture. */
static void test_rpcit_fault(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = setup_dma(s);
    unsigned st;

    qtest_writeq(s, STT, PGT | 0x4); /* segment entry of the wrong type */
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x1000, &st), ==, 1);
    g_assert_cmpuint(st, ==, 8);
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    expect_error_event(s, 0x0009, 0, fh, IOVA);
    /* refused while in error: no second event */
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x1000, &st), ==, 1);
    expect_no_event(s);
    g_assert_cmpint(mpcifc(s, fh, 7), ==, 0);
    qtest_writeq(s, STT, PGT);
    g_assert_cmpint(rpcit(s, fh, IOVA - 0x1000, 0x1000, &st), ==, 1);
    expect_error_event(s, 0x0002, 0, fh, IOVA - 0x1000);
    qtest_quit(s);
}

/* Adapter-interruption indicators the function cannot store. */
static void test_airq_error(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = enable_fid(s, 0);
    uint64_t aibv = 1ull << 40; /* far beyond guest RAM */

    /* MSI-X on, vector 2 to the MSI address */
    g_assert_cmpint(pcistg(s, fh, 15, 2, 0x42, 0x0080), ==, 0);
    g_assert_cmpint(pcistg(s, fh, 4, 8, 32, 0xfe), ==, 0);
    g_assert_cmpint(pcistg(s, fh, 4, 4, 40, 0x02000000), ==, 0);
    g_assert_cmpint(pcistg(s, fh, 4, 4, 44, 0), ==, 0);
    qtest_memset(s, FIB, 0, 80);
    qtest_writel(s, FIB + 40, 3u << 28 | 4u << 16 | 1u << 7);
    qtest_writeq(s, FIB + 48, aibv);
    qtest_writeq(s, FIB + 56, 0x41000);
    /*
     * Registration checks the indicators against guest storage (cc 1,
     * status 4), so a signal can never find them missing: no event, and
     * the function stays usable.
     */
    g_assert_cmpint(mpcifc(s, fh, 2), ==, 1);
    tf_write(s, fh, 0x38, 2); /* signal vector 2 */
    expect_no_event(s);
    g_assert_cmpint(pcilg_cc(s, fh), ==, 0);
    qtest_quit(s);
}

/*
 * The request: length 16 (else 0x0002, the event stays); type 2 only
 * when selected, the event waiting for a request that does.
 */
static void test_sei_request(void)
{
    QTestState *s = start(NULL);
    SeiEvent e;

    expect_no_event(s);
    qmp_ok(s, "{'execute': 'device_add', 'arguments': {'driver': "
              "'pci-testfn', 'id': 'tf', 'bus': 'pci.0'}}");
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    qtest_memset(s, SEI_BLK, 0, 4096);
    qtest_writel(s, SEI_BLK, 0x0018000e);
    qtest_writeq(s, SEI_BLK + 8, SEI_NT2);
    g_assert_cmpint(inst(s, "s390_chsc 0x%x", SEI_BLK), ==, 0);
    g_assert_cmphex(qtest_readl(s, SEI_BLK + 0x18), ==, 0x00080002);
    e = sei_mask(s, SEI_NT0);
    g_assert_cmphex(e.code, ==, 0x0005);
    e = sei_mask(s, 0);
    g_assert_cmphex(e.code, ==, 0x0005);
    expect_avail(s, PEC_PLUG, 0, FH_EMUL, false);
    expect_no_event(s);
    qtest_quit(s);
}

/*
 * A guest that never takes its events: at most 256 wait, the last one
 * a "rescan" (0x0306, no fid or handle); one CRW for all of them.
 */
static void test_bound(void)
{
    QTestState *s = start("-device zpci,uid=1,fid=1,target=tf,id=z "
                          "-device pci-testfn,bus=pci.0,id=tf");
    uint32_t fh = fh_of_fid(s, 1);

    for (unsigned i = 0; i < 300; i++) {
        qmp_ok(s, "{'execute': 'device_del', 'arguments': {'id': 'tf'}}");
    }
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    g_assert_cmphex(stcrw(s), ==, 0);
    for (unsigned i = 0; i < 255; i++) {
        expect_avail(s, PEC_DECONFIG, 1, fh, true);
    }
    expect_avail(s, PEC_RESCAN, 0, 0, false);
    expect_no_event(s);
    /* drained: the next event has its CRW again */
    qmp_ok(s, "{'execute': 'device_del', 'arguments': {'id': 'z'}}");
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    expect_avail(s, PEC_DECONFIG, 1, fh, false);
    qtest_quit(s);
}

static bool crw_pending(QTestState *s)
{
    g_autofree gchar *r = cmd(s, "s390_crw_pending");

    return !strcmp(r, "OK 1\n") || !strcmp(r, "OK 1");
}

/*
 * System reset drops the events (and the CRW) of the previous life; the
 * next event is announced again.
 */
static void test_reset_drops(void)
{
    QTestState *s = start(NULL);

    qmp_ok(s, "{'execute': 'device_add', 'arguments': {'driver': "
              "'pci-testfn', 'id': 'tf', 'bus': 'pci.0'}}");
    g_assert_true(crw_pending(s));
    qmp_ok(s, "{'execute': 'system_reset'}");
    g_assert_false(crw_pending(s));
    expect_no_event(s);
    g_assert_cmpuint(clp_count(s), ==, 1);
    qmp_ok(s, "{'execute': 'device_add', 'arguments': {'driver': "
              "'pci-testfn', 'id': 'tf2', 'bus': 'pci.0'}}");
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    expect_avail(s, PEC_PLUG, 1, FH_EMUL | 1, false);
    qtest_quit(s);
}

/*
 * The CRW of an event lost because 64 CRWs were waiting: the next event
 * makes a new one (a guest that got the overflow CRW asks again).
 */
static void test_crw_overflow(void)
{
    QTestState *s = start(NULL);
    unsigned n = 0;
    uint32_t crw;

    for (unsigned i = 0; i < 64; i++) {
        qmp_ok(s,
               "{'execute': 'device_add', 'arguments': {'driver': "
               "'ccw-testdev', 'id': 'c%u'}}",
               i);
    }
    qmp_ok(s, "{'execute': 'device_add', 'arguments': {'driver': "
              "'pci-testfn', 'id': 'tf', 'bus': 'pci.0'}}");
    while ((crw = stcrw(s))) {
        g_assert_cmphex(crw & 0x0fff0000, !=, CRW_CSS_EVT);
        n++;
    }
    g_assert_cmpuint(n, ==, 64); /* the 0x0b one was lost */
    qmp_ok(s, "{'execute': 'device_add', 'arguments': {'driver': "
              "'pci-testfn', 'id': 'tf2', 'bus': 'pci.0'}}");
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    expect_avail(s, PEC_PLUG, 0, FH_EMUL | 0, true);
    expect_avail(s, PEC_PLUG, 1, FH_EMUL | 1, false);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/zpci-event/sei-request", test_sei_request);
    g_test_add_func("/zpci-event/dma-fault", test_dma_fault);
    g_test_add_func("/zpci-event/rpcit-fault", test_rpcit_fault);
    g_test_add_func("/zpci-event/airq-error", test_airq_error);
    g_test_add_func("/zpci-event/bound", test_bound);
    g_test_add_func("/zpci-event/reset-drops", test_reset_drops);
    g_test_add_func("/zpci-event/crw-overflow", test_crw_overflow);
    return g_test_run();
}
