/*
 * Adapter I/O interruptions of a zPCI function through the qtest s390x
 * extension: the test function signals an MSI-X vector, the AIBV and
 * AISB bits appear in guest memory, and one adapter interruption is
 * pending at the registered ISC until the guest takes it; a new one
 * only after the guest clears the summary bit; SET INTERRUPTION
 * CONTROLS suppression.
 */
#include <inttypes.h>

#include "zpci-test.h"

#define FIB       0x30000u
#define AIBV      0x40000u
#define AISB      0x41000u
#define ISC       3u
#define AISBO     9u /* summary bit: byte 1, 0x40 */
#define AIBVO     5u
#define IID_ADAPT (0x80000000u | ISC << 27)

static int mpcifc(QTestState *s, uint32_t fh, unsigned oc)
{
    return inst(s, "s390_mpcifc 0x%" PRIx64 " 0x%x", (uint64_t)fh << 32 | oc,
                FIB);
}

static int store(QTestState *s, uint32_t fh, unsigned space, unsigned len,
                 uint64_t off, uint64_t data)
{
    uint64_t rq = (uint64_t)fh << 32 | space << 16 | len;

    return inst(s, "s390_pcistg 0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64, data,
                rq, off);
}

/* Enable the function, MSI-X vector 2 at the MSI address, registered. */
static uint32_t setup(QTestState *s)
{
    uint32_t fh = fh_of_fid(s, 0);

    g_assert_cmphex(clp_set(s, fh, 0), ==, 0x0010);
    fh = qtest_readl(s, LPCB_RSP + 16);
    qtest_memset(s, AIBV, 0, 16);
    qtest_memset(s, AISB, 0, 16);
    g_assert_cmpint(store(s, fh, 15, 2, 4, 0x0400), ==, 0);
    g_assert_cmpint(store(s, fh, 15, 2, 0x42, 0x0080), ==, 0);
    g_assert_cmpint(store(s, fh, 4, 8, 32, 0xfe), ==, 0);
    g_assert_cmpint(store(s, fh, 4, 4, 40, 0x02000000), ==, 0);
    g_assert_cmpint(store(s, fh, 4, 4, 44, 0), ==, 0);

    qtest_memset(s, FIB, 0, 80);
    qtest_writel(s, FIB + 40,
                 ISC << 28 | 4u << 16 | AIBVO << 8 | 1u << 7 | AISBO);
    qtest_writeq(s, FIB + 48, AIBV);
    qtest_writeq(s, FIB + 56, AISB);
    g_assert_cmpint(mpcifc(s, fh, 2), ==, 0);
    return fh;
}

/* The test function's IRQ register: signal vector 2. */
static void raise_vec2(QTestState *s, uint32_t fh)
{
    g_assert_cmpint(store(s, fh, 0, 4, 0x38, 0x02000000), ==, 0);
}

static void assert_io_intr(QTestState *s, const char *want)
{
    g_autofree gchar *r = cmd(s, "s390_io_intr");

    g_assert_cmpstr(r, ==, want);
}

static const char adapter_reply[] = "OK 0x00000000 0x00000000 3 adapter";

static void test_airq_once(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = setup(s);

    g_free(cmd(s, "s390_cr6 0x%x", 0x80000000u >> ISC));
    raise_vec2(s, fh);
    /* AIBV bit aibvo + 2 = 7: byte 0, 0x01; AISB bit 9: byte 1, 0x40 */
    g_assert_cmphex(qtest_readb(s, AIBV), ==, 0x01);
    g_assert_cmphex(qtest_readb(s, AISB + 1), ==, 0x40);

    /* a second signal while the summary bit is set: no new interruption */
    qtest_writeb(s, AIBV, 0);
    raise_vec2(s, fh);
    g_assert_cmphex(qtest_readb(s, AIBV), ==, 0x01);

    qtest_writel(s, 0xc0, 0);
    assert_io_intr(s, adapter_reply);
    g_assert_cmphex(qtest_readl(s, 0xc0), ==, IID_ADAPT);
    assert_io_intr(s, "OK none");

    raise_vec2(s, fh); /* summary bit still set */
    assert_io_intr(s, "OK none");

    /* the guest clears the summary bit: the next signal interrupts */
    qtest_writeb(s, AISB + 1, 0);
    raise_vec2(s, fh);
    g_assert_cmphex(qtest_readb(s, AISB + 1), ==, 0x40);
    /* TPI to lowcore takes it too */
    g_assert_cmpint(inst(s, "s390_tpi 0"), ==, 1);
    g_assert_cmphex(qtest_readl(s, 0xc0), ==, IID_ADAPT);
    g_assert_cmphex(qtest_readl(s, 0xb8), ==, 0);
    g_assert_cmpint(inst(s, "s390_tpi 0"), ==, 0);
    qtest_quit(s);
}

/* CR6 masks the ISC; the indication waits, once, until enabled. */
static void test_airq_isc_mask(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = setup(s);

    g_free(cmd(s, "s390_cr6 0x%x", 0x80000000u >> (ISC + 1)));
    raise_vec2(s, fh);
    assert_io_intr(s, "OK none");
    qtest_writeb(s, AISB + 1, 0);
    raise_vec2(s, fh); /* a second while pending: still one */
    g_free(cmd(s, "s390_cr6 0x%x", 0x80000000u >> ISC));
    assert_io_intr(s, adapter_reply);
    assert_io_intr(s, "OK none");
    qtest_quit(s);
}

static int sic(QTestState *s, unsigned mode, unsigned isc)
{
    return inst(s, "s390_sic 0x%x 0x%x", mode, isc << 27);
}

static void test_sic(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = setup(s);

    g_free(cmd(s, "s390_cr6 0x%x", 0x80000000u >> ISC));
    g_assert_cmpint(sic(s, 2, ISC), ==, -PGM_OPERAND);
    g_assert_cmpint(sic(s, 1, ISC), ==, 0);
    /* single mode: the first goes, the next is suppressed */
    raise_vec2(s, fh);
    assert_io_intr(s, adapter_reply);
    qtest_writeb(s, AISB + 1, 0);
    raise_vec2(s, fh);
    g_assert_cmphex(qtest_readb(s, AISB + 1), ==, 0x40); /* bits still set */
    assert_io_intr(s, "OK none");

    /* SIC again re-arms it: the summary bit must go clear -> set again */
    g_assert_cmpint(sic(s, 1, ISC), ==, 0);
    qtest_writeb(s, AISB + 1, 0);
    raise_vec2(s, fh);
    assert_io_intr(s, adapter_reply);

    /* suppression on another ISC has no effect on ISC 3 */
    g_assert_cmpint(sic(s, 0, ISC), ==, 0);
    g_assert_cmpint(sic(s, 1, ISC + 1), ==, 0);
    for (int i = 0; i < 2; i++) {
        qtest_writeb(s, AISB + 1, 0);
        raise_vec2(s, fh);
        assert_io_intr(s, adapter_reply);
    }
    qtest_quit(s);
}

/* Deregistered: no bits, no interruption. */
static void test_airq_deregistered(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = setup(s);

    g_free(cmd(s, "s390_cr6 0x%x", 0x80000000u >> ISC));
    g_assert_cmpint(mpcifc(s, fh, 3), ==, 0);
    raise_vec2(s, fh);
    g_assert_cmphex(qtest_readb(s, AISB + 1), ==, 0);
    assert_io_intr(s, "OK none");
    qtest_quit(s);
}

/* system_reset drops a pending adapter interruption. */
static void test_airq_reset(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = setup(s);
    JsonObject *ev;

    raise_vec2(s, fh);
    g_assert_cmphex(qtest_readb(s, AISB + 1), ==, 0x40);
    qtest_qmp_assert_success(s, "{'execute': 'system_reset'}");
    ev = qtest_qmp_eventwait_ref(s, "RESET");
    json_object_unref(ev);
    g_free(cmd(s, "s390_cr6 0x%x", 0x80000000u >> ISC));
    assert_io_intr(s, "OK none");
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/zpci-airq/once", test_airq_once);
    g_test_add_func("/zpci-airq/isc-mask", test_airq_isc_mask);
    g_test_add_func("/zpci-airq/sic", test_sic);
    g_test_add_func("/zpci-airq/deregistered", test_airq_deregistered);
    g_test_add_func("/zpci-airq/reset", test_airq_reset);
    return g_test_run();
}
