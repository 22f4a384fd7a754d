/*
 * The function measurement block through the qtest s390x extension:
 * MPCIFC set-measurement, the block updated every mui of the virtual
 * clock with the counts of PCI LOAD / STORE / STORE BLOCK / RPCIT and
 * the format 0 DMA byte counters, deregistration, address errors,
 * disable and reset.
 */
#include "zpci-dma-tables.h"
#include "zpci-event-test.h"

#define FIB     0x30000u
#define FMB     0x31000u
#define FMB_LEN 64
#define MUI_NS  4000000000ll /* the group's mui: 4000 ms */
#define MSI_SRC 0x32000u

/* MPCIFC set-measurement with @fmb in the FIB. */
static int set_measure(QTestState *s, uint32_t fh, uint64_t fmb)
{
    qtest_memset(s, FIB, 0, 80);
    qtest_writeq(s, FIB + 64, fmb);
    return zpci_fc(s, "s390_mpcifc", fh, 10, FIB, NULL);
}

static uint64_t stpcifc_fmb(QTestState *s, uint32_t fh)
{
    qtest_memset(s, FIB, 0xee, 80);
    g_assert_cmpint(zpci_fc(s, "s390_stpcifc", fh, 0, FIB, NULL), ==, 0);
    return qtest_readq(s, FIB + 64);
}

static int pcilg(QTestState *s, uint32_t fh, unsigned space, uint64_t off)
{
    return inst(s, "s390_pcilg 0x%" PRIx64 " 0x%" PRIx64,
                (uint64_t)fh << 32 | space << 16 | 4, off);
}

static int pcistg(QTestState *s, uint32_t fh, unsigned space, uint64_t off)
{
    return inst(s, "s390_pcistg 0 0x%" PRIx64 " 0x%" PRIx64,
                (uint64_t)fh << 32 | space << 16 | 4, off);
}

static int pcistb(QTestState *s, uint32_t fh)
{
    return inst(s, "s390_pcistb 0x%" PRIx64 " 0 0x%x",
                (uint64_t)fh << 32 | 2u << 16 | 16, MSI_SRC);
}

#define FMB_SAMPLES(s) qtest_readl(s, FMB + 4)
#define FMB_LAST(s)    qtest_readq(s, FMB + 8)
#define FMB_LOADS(s)   qtest_readq(s, FMB + 16)
#define FMB_STORES(s)  qtest_readq(s, FMB + 24)
#define FMB_STBS(s)    qtest_readq(s, FMB + 32)
#define FMB_RPCITS(s)  qtest_readq(s, FMB + 40)
#define FMB_DMA_RD(s)  qtest_readq(s, FMB + 48)
#define FMB_DMA_WR(s)  qtest_readq(s, FMB + 56)

static void test_updates(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = zpci_enable(s, fh_of_fid(s, 0));

    /* Query PCI Function: a 64-byte block (16 words) */
    g_assert_cmphex(clp_query(s, fh), ==, 0x0010);
    g_assert_cmpuint(qtest_readb(s, LPCB_RSP + 62), ==, FMB_LEN / 4);

    qtest_memset(s, FMB, 0xaa, FMB_LEN);
    g_assert_cmpint(set_measure(s, fh, FMB), ==, 0);
    g_assert_cmphex(stpcifc_fmb(s, fh), ==, FMB);
    /* nothing stored before the first interval is over */
    g_assert_cmpint(pcilg(s, fh, 0, 0), ==, 0);
    g_assert_cmpint(pcilg(s, fh, 15, 0), ==, 0);
    g_assert_cmpint(pcistg(s, fh, 0, 0x18), ==, 0);
    g_assert_cmpint(pcistb(s, fh), ==, 0);
    qtest_clock_step(s, MUI_NS - 1000000);
    g_assert_cmphex(qtest_readl(s, FMB), ==, 0xaaaaaaaa);

    qtest_clock_step(s, 1000000);
    g_assert_cmphex(qtest_readb(s, FMB), ==, 0); /* format 0 */
    /* format indication: the DMA counters are valid, nothing moved */
    g_assert_cmphex(qtest_readl(s, FMB) & 0xffffff, ==, 0x800000);
    g_assert_cmpuint(FMB_DMA_RD(s), ==, 0);
    g_assert_cmpuint(FMB_DMA_WR(s), ==, 0);
    g_assert_cmpuint(FMB_SAMPLES(s), ==, 1);
    g_assert_cmpuint(FMB_LOADS(s), ==, 2);
    g_assert_cmpuint(FMB_STORES(s), ==, 1);
    g_assert_cmpuint(FMB_STBS(s), ==, 1);
    g_assert_cmpuint(FMB_RPCITS(s), ==, 0);
    /* last update: TOD << 1, the update-in-progress bit clear */
    g_assert_cmphex(FMB_LAST(s) & 1, ==, 0);
    g_assert_cmphex(FMB_LAST(s), !=, 0);

    /* a failed load (operand exception) is not counted */
    g_assert_cmpint(pcilg(s, fh, 0, 0x100000), ==, -PGM_OPERAND);
    g_assert_cmpint(pcilg(s, fh, 0, 0), ==, 0);
    qtest_clock_step(s, MUI_NS);
    g_assert_cmpuint(FMB_SAMPLES(s), ==, 2);
    g_assert_cmpuint(FMB_LOADS(s), ==, 3);

    /* deregistration: no more updates, STPCIFC shows 0 */
    g_assert_cmpint(set_measure(s, fh, 0), ==, 0);
    g_assert_cmphex(stpcifc_fmb(s, fh), ==, 0);
    qtest_memset(s, FMB, 0x55, FMB_LEN);
    qtest_clock_step(s, 3 * MUI_NS);
    g_assert_cmphex(qtest_readq(s, FMB), ==, 0x5555555555555555ull);

    /* on again: the counters start from zero */
    g_assert_cmpint(set_measure(s, fh, FMB), ==, 0);
    qtest_clock_step(s, MUI_NS);
    g_assert_cmpuint(FMB_SAMPLES(s), ==, 1);
    g_assert_cmpuint(FMB_LOADS(s), ==, 0);
    qtest_quit(s);
}

/* RPCIT is counted (a registered translation, nothing valid to map). */
static void test_rpcit_counted(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = zpci_enable(s, fh_of_fid(s, 0));
    g_autofree gchar *r = NULL;

    /* region-third table of invalid entries */
    for (unsigned i = 0; i < 2048; i++) {
        qtest_writeq(s, 0x100000 + 8 * i, 0x20 | 0x4);
    }
    qtest_memset(s, FIB, 0, 80);
    qtest_writeq(s, FIB + 16, 0x100000000ull);
    qtest_writeq(s, FIB + 24, 0x13fffffffull);
    qtest_writeq(s, FIB + 32, 0x100000 | 0x800 | 0x4);
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 4, FIB, NULL), ==, 0);
    g_assert_cmpint(set_measure(s, fh, FMB), ==, 0);
    r = cmd(s, "s390_rpcit 0x%" PRIx64 " 0x100000000 0x1000",
            (uint64_t)fh << 32);
    g_assert_true(g_str_has_prefix(r, "OK cc 0"));
    qtest_clock_step(s, MUI_NS);
    g_assert_cmpuint(FMB_RPCITS(s), ==, 1);
    qtest_quit(s);
}

/* A 4-byte PCI STORE of @val to pci-testfn's BAR 0 register @off */
static void reg_write(QTestState *s, uint32_t fh, unsigned off, uint32_t val)
{
    g_assert_cmpint(inst(s, "s390_pcistg 0x%x 0x%" PRIx64 " 0x%x",
                         GUINT32_SWAP_LE_BE(val),
                         (uint64_t)fh << 32 | 0u << 16 | 4, off),
                    ==, 0);
}

/* pci-testfn DMA of @len bytes at @iova (@to_memory: buffer -> memory) */
static void testfn_dma(QTestState *s, uint32_t fh, uint64_t iova, uint32_t len,
                       bool to_memory)
{
    reg_write(s, fh, 0x10, (uint32_t)iova);
    reg_write(s, fh, 0x14, iova >> 32);
    reg_write(s, fh, 0x18, 0);
    reg_write(s, fh, 0x1c, len);
    reg_write(s, fh, 0x20, to_memory ? 0 : 1);
}

/*
 * Format 0 DMA counters: the bytes the function read from and wrote to
 * memory through its translations; faulting DMAs and DMAs while
 * measurement is off are not counted.
 */
static void test_dma_counters(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = zpci_enable(s, fh_of_fid(s, 0));

    /* Memory Space and Bus Master on; I/O pages 0 and 1 at IOVA mapped */
    g_assert_cmpint(inst(s, "s390_pcistg 0x0600 0x%" PRIx64 " 4",
                         (uint64_t)fh << 32 | 15u << 16 | 2),
                    ==, 0);
    build_tables(s);
    write_ioat_fib(s, FIB, IOTA_RT);
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 4, FIB, NULL), ==, 0);
    g_assert_cmpint(inst(s, "s390_rpcit 0x%" PRIx64 " 0x%" PRIx64 " 0x2000",
                         (uint64_t)fh << 32, IOVA),
                    ==, 0);
    /* not measured yet: not counted */
    testfn_dma(s, fh, IOVA, 64, true);
    g_assert_cmpint(set_measure(s, fh, FMB), ==, 0);

    testfn_dma(s, fh, IOVA, 100, true);          /* 100 written */
    testfn_dma(s, fh, IOVA + 0xff0, 0x20, true); /* across pages: 32 */
    testfn_dma(s, fh, IOVA + 8, 40, false);      /* 40 read */
    /* past the mapped pages: a fault, nothing counted */
    testfn_dma(s, fh, IOVA + 0x2000, 16, false);
    qtest_clock_step(s, MUI_NS);
    g_assert_cmphex(qtest_readl(s, FMB) & 0xffffff, ==, 0x800000);
    g_assert_cmpuint(FMB_DMA_WR(s), ==, 132);
    g_assert_cmpuint(FMB_DMA_RD(s), ==, 40);
    g_assert_cmpuint(FMB_SAMPLES(s), ==, 1);

    /* off and on again: they start from zero */
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 7, FIB, NULL), ==, 0);
    g_assert_cmpint(set_measure(s, fh, 0), ==, 0);
    g_assert_cmpint(set_measure(s, fh, FMB), ==, 0);
    qtest_clock_step(s, MUI_NS);
    g_assert_cmpuint(FMB_DMA_WR(s), ==, 0);
    g_assert_cmpuint(FMB_DMA_RD(s), ==, 0);
    qtest_quit(s);
}

/* A vfio-pci function's DMA is the host's: the counters are not valid */
static void test_dma_counters_vfio(void)
{
    QTestState *s = start("-object sim-pci-function,id=h0,host=0000:00:02.0 "
                          "-device vfio-pci,host=0000:00:02.0,bus=pci.0");
    uint32_t fh = zpci_enable(s, fh_of_fid(s, 0));

    qtest_memset(s, FMB, 0xaa, FMB_LEN);
    g_assert_cmpint(set_measure(s, fh, FMB), ==, 0);
    qtest_clock_step(s, MUI_NS);
    g_assert_cmpuint(FMB_SAMPLES(s), ==, 1);
    g_assert_cmphex(qtest_readl(s, FMB) & 0xffffff, ==, 0);
    g_assert_cmpuint(FMB_DMA_RD(s), ==, 0);
    g_assert_cmpuint(FMB_DMA_WR(s), ==, 0);
    qtest_quit(s);
}

static void test_address_errors(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = zpci_enable(s, fh_of_fid(s, 0));
    unsigned st = 0xff;

    /* low four bits set: cc 1, measurement off */
    g_assert_cmpint(set_measure(s, fh, FMB), ==, 0);
    qtest_writeq(s, FIB + 64, FMB + 8);
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 10, FIB, &st), ==, 1);
    g_assert_cmpuint(st, ==, 0);
    g_assert_cmphex(stpcifc_fmb(s, fh), ==, 0);
    /* the guest is told, as QEMU: FMB protection error at that address */
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    expect_error_event(s, 0x002c, 0, fh, FMB + 8);
    qtest_memset(s, FMB, 0x55, FMB_LEN);
    qtest_clock_step(s, 2 * MUI_NS);
    g_assert_cmphex(qtest_readq(s, FMB + 8), ==, 0x5555555555555555ull);

    /* a block outside guest RAM: accepted, stopped at the first update */
    g_assert_cmpint(set_measure(s, fh, 0x40000000000ull), ==, 0);
    g_assert_cmphex(stpcifc_fmb(s, fh), ==, 0x40000000000ull);
    qtest_clock_step(s, MUI_NS);
    g_assert_cmphex(stpcifc_fmb(s, fh), ==, 0);
    /* an FMB address error event names the block; the function goes on */
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    expect_error_event(s, 0x002a, 0, fh, 0x40000000000ull);
    g_assert_cmphex(fh_of_fid(s, 0), ==, fh);
    /* one reaching past the end of RAM (128 MiB) likewise */
    g_assert_cmpint(set_measure(s, fh, 0x8000000 - 32), ==, 0);
    qtest_clock_step(s, MUI_NS);
    g_assert_cmphex(stpcifc_fmb(s, fh), ==, 0);
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    expect_error_event(s, 0x002a, 0, fh, 0x8000000 - 32);
    qtest_quit(s);
}

/* Disable (CLP) and system reset stop the updates. */
static void test_disable_reset(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = zpci_enable(s, fh_of_fid(s, 0));

    g_assert_cmpint(set_measure(s, fh, FMB), ==, 0);
    g_assert_cmphex(clp_set(s, fh, 1), ==, 0x0010);
    qtest_memset(s, FMB, 0x55, FMB_LEN);
    qtest_clock_step(s, 2 * MUI_NS);
    g_assert_cmphex(qtest_readq(s, FMB + 8), ==, 0x5555555555555555ull);

    fh = zpci_enable(s, fh_of_fid(s, 0));
    g_assert_cmphex(stpcifc_fmb(s, fh), ==, 0);
    g_assert_cmpint(set_measure(s, fh, FMB), ==, 0);
    qtest_qmp_assert_success(s, "{'execute': 'system_reset'}");
    qtest_memset(s, FMB, 0x55, FMB_LEN);
    qtest_clock_step(s, 2 * MUI_NS);
    g_assert_cmphex(qtest_readq(s, FMB + 8), ==, 0x5555555555555555ull);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/zpci-fmb/updates", test_updates);
    g_test_add_func("/zpci-fmb/rpcit-counted", test_rpcit_counted);
    g_test_add_func("/zpci-fmb/dma-counters", test_dma_counters);
    g_test_add_func("/zpci-fmb/dma-counters-vfio", test_dma_counters_vfio);
    g_test_add_func("/zpci-fmb/address-errors", test_address_errors);
    g_test_add_func("/zpci-fmb/disable-reset", test_disable_reset);
    return g_test_run();
}
