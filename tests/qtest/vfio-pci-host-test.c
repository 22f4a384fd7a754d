/*
 * vfio-pci and what its host allows (docs/system/s390x/vfio-pci.rst): the
 * DMA range the guest is told is the host's clamped to its IOVA ranges,
 * an aperture outside it is refused, a DMA mapping the host refuses is
 * RPCIT cc 1 status 16 and is not left in the IOTLB, and a guest disable
 * or a system reset resets the host function (a failing reset leaves the
 * function usable, as in QEMU).
 */
#include <inttypes.h>

#include "cmdline-test.h"
#include "vfio-pci-test.h"
#include "zpci-dma-tables.h"

#define HOST "0000:00:02.0"
#define PASS(fn)                                                               \
    "-object sim-pci-function,id=h0,host=" HOST fn " "                         \
    "-device vfio-pci,host=" HOST ",id=p0,bus=pci.0"

static gint64 qom_int(QTestState *s, const char *path, const char *prop)
{
    JsonNode *n = qtest_qom_get(s, path, prop);
    gint64 v;

    g_assert_nonnull(n);
    v = json_node_get_int(n);
    json_node_unref(n);
    return v;
}

static void qom_set_int(QTestState *s, const char *prop, gint64 value)
{
    qtest_qmp_assert_success(
        s,
        "{'execute': 'qom-set', 'arguments': {'path': '/objects/h0', "
        "'property': %s, 'value': %" G_GINT64_FORMAT "}}",
        prop, value);
}

static void qom_set_bool(QTestState *s, const char *prop, bool value)
{
    if (value) {
        qtest_qmp_assert_success(
            s,
            "{'execute': 'qom-set', 'arguments': {'path': '/objects/h0', "
            "'property': %s, 'value': true}}",
            prop);
    } else {
        qtest_qmp_assert_success(
            s,
            "{'execute': 'qom-set', 'arguments': {'path': '/objects/h0', "
            "'property': %s, 'value': false}}",
            prop);
    }
}

/* Translation registered over 1 GiB at IOVA, the tables built */
static uint32_t enable_translated(QTestState *s)
{
    uint32_t fh = enable(s);

    build_tables(s);
    write_ioat_fib(s, FIB, IOTA_RT);
    g_assert_cmpint(mpcifc(s, fh, 4), ==, 0);
    return fh;
}

/*
 * No BASE capability (QEMU's default range 0x100000000..
 * 0x1ffffffffffffff) and a host whose IOVA range ends at 0x1ffffffff:
 * the guest is told the part it can map, and an aperture past it is an
 * operand exception, as QEMU checks the FIB against its edma.
 */
static void test_iova_range(void)
{
    QTestState *s = start(PASS(",zpci-base=off,end-dma=0x1ffffffff"));
    uint32_t fh = fh_of_fid(s, 0);
    unsigned st = 0;

    g_assert_cmphex(clp_query(s, fh), ==, 0x0010);
    g_assert_cmphex(qtest_readq(s, LPCB_RSP + 64), ==, IOVA);
    g_assert_cmphex(qtest_readq(s, LPCB_RSP + 72), ==, 0x1ffffffffull);

    fh = enable(s);
    build_tables(s);
    write_ioat_fib(s, FIB, IOTA_RT);
    qtest_writeq(s, FIB + 24, 0x200000fffull); /* pal: one page too far */
    g_assert_cmpint(mpcifc(s, fh, 4), ==, -PGM_OPERAND);
    write_ioat_fib(s, FIB, IOTA_RT);
    qtest_writeq(s, FIB + 24, 0x1ffffffffull); /* all of it */
    g_assert_cmpint(mpcifc(s, fh, 4), ==, 0);
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x2000, NULL), ==, 0);
    /* beyond the aperture: the function goes to the error state */
    g_assert_cmpint(rpcit(s, fh, 0x200000000ull, 0x1000, &st), ==, 1);
    g_assert_cmphex(st, ==, 8);
    qtest_quit(s);
}

/* A BASE range inside the IOVA range is told as it is */
static void test_iova_range_base(void)
{
    QTestState *s = start(PASS(",start-dma=0x200000000,end-dma=0x2ffffffff"));
    uint32_t fh = fh_of_fid(s, 0);

    g_assert_cmphex(clp_query(s, fh), ==, 0x0010);
    g_assert_cmphex(qtest_readq(s, LPCB_RSP + 64), ==, 0x200000000ull);
    g_assert_cmphex(qtest_readq(s, LPCB_RSP + 72), ==, 0x2ffffffffull);
    fh = enable(s);
    /* the tables' aperture at 0x100000000 is below the range */
    build_tables(s);
    write_ioat_fib(s, FIB, IOTA_RT);
    g_assert_cmpint(mpcifc(s, fh, 4), ==, -PGM_OPERAND);
    qtest_quit(s);
}

/* An IOVA range narrower than BASE's: the guest gets what both allow */
static void test_iova_range_narrower(void)
{
    QTestState *s = start(PASS(",iova-end=0x17fffffff"));
    uint32_t fh = fh_of_fid(s, 0);

    g_assert_cmphex(clp_query(s, fh), ==, 0x0010);
    g_assert_cmphex(qtest_readq(s, LPCB_RSP + 64), ==, IOVA);
    g_assert_cmphex(qtest_readq(s, LPCB_RSP + 72), ==, 0x17fffffffull);
    qtest_quit(s);
}

/* No page of the DMA range is in an IOVA range: nothing could be mapped */
static void test_iova_range_disjoint(void)
{
    expect_start_error(PASS(",iova-start=0x1000,iova-end=0xfffff"),
                       "vfio " HOST ": no page of the DMA range "
                       "0x100000000..0x1ffffffffffffff is inside the host's "
                       "IOVA ranges");
}

/*
 * The host runs out of DMA mappings under the guest: the page it refuses
 * is RPCIT cc 1 status 16 and stays unmapped (a DMA there faults); once
 * the host has room again, the same RPCIT maps it.
 */
static void test_dma_refused(void)
{
    QTestState *s = start(PASS(""));
    uint32_t fh = enable_translated(s);
    unsigned st = 0;

    g_assert_cmpint(store(s, fh, 0, 8, REG_BUF, 0x0011223344556677ull), ==, 0);
    qom_set_int(s, "dma-limit", 1);
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x2000, &st), ==, 1);
    g_assert_cmphex(st, ==, 16);
    /* page 0 is mapped, page 1 is not */
    dma_to(s, fh, IOVA + 0x0ff8, 8);
    g_assert_cmphex(reg_read(s, fh, REG_DMA_STATUS), ==, 1);
    g_assert_cmphex(qtest_readq(s, FRAME + 0x0ff8), ==, 0x0011223344556677ull);
    dma_to(s, fh, IOVA + 0x1000, 8);
    g_assert_cmphex(qtest_readq(s, FRAME + 0x1000), ==, 0);
    g_assert_cmpint(mpcifc(s, fh, 7), ==, 0); /* the fault's error state */
    g_assert_cmphex(reg_read(s, fh, REG_DMA_STATUS), ==, 2);

    qom_set_int(s, "dma-limit", 2);
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x2000, NULL), ==, 0);
    dma_to(s, fh, IOVA + 0x1000, 8);
    g_assert_cmphex(reg_read(s, fh, REG_DMA_STATUS), ==, 1);
    g_assert_cmphex(qtest_readq(s, FRAME + 0x1000), ==, 0x0011223344556677ull);
    qtest_quit(s);
}

/* A page the host cannot map (not guest memory) is refused the same way */
static void test_dma_not_ram(void)
{
    QTestState *s = start(PASS(""));
    uint32_t fh = enable_translated(s);
    unsigned st = 0;

    qtest_writeq(s, PGT + 8, 0x7ff00000000ull); /* page 1: far past RAM */
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x2000, &st), ==, 1);
    g_assert_cmphex(st, ==, 16);
    /* the guest fixes its table: the refresh goes through */
    qtest_writeq(s, PGT + 8, FRAME + 0x1000);
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x2000, NULL), ==, 0);
    g_assert_cmpint(store(s, fh, 0, 8, REG_BUF, 0x1122334455667788ull), ==, 0);
    dma_to(s, fh, IOVA + 0x1000, 8);
    g_assert_cmphex(reg_read(s, fh, REG_DMA_STATUS), ==, 1);
    g_assert_cmphex(qtest_readq(s, FRAME + 0x1000), ==, 0x1122334455667788ull);
    qtest_quit(s);
}

/*
 * Relaxed translation maps guest memory in aligned blocks (192 MiB:
 * 128 + 64): a host with room for one refuses the registration with
 * status 16 and nothing stays registered; with room for two it works.
 */
static void test_relaxed_refused(void)
{
    QTestState *s = start("-m 192M "
                          "-object sim-pci-function,id=h0,host=" HOST
                          ",dma-limit=1 "
                          "-device vfio-pci,host=" HOST ",id=p0,bus=pci.0 "
                          "-device zpci,uid=1,fid=0,target=p0,"
                          "relaxed-translation=on");
    uint32_t fh = enable(s);
    unsigned st = 0;

    write_ioat_fib(s, FIB, 0); /* T off: relaxed */
    g_assert_cmpint(mpcifc_st(s, fh, 4, &st), ==, 1);
    g_assert_cmphex(st, ==, 16);
    /* nothing registered: deregistration is a sequence error */
    g_assert_cmpint(mpcifc_st(s, fh, 5, &st), ==, 1);
    g_assert_cmphex(st, ==, 24);

    qom_set_int(s, "dma-limit", 2);
    g_assert_cmpint(mpcifc(s, fh, 4), ==, 0);
    g_assert_cmpint(store(s, fh, 0, 8, REG_BUF, 0x0102030405060708ull), ==, 0);
    dma_to(s, fh, IOVA + 0xa000000, 8); /* guest 160 MiB, second block */
    g_assert_cmphex(reg_read(s, fh, REG_DMA_STATUS), ==, 1);
    g_assert_cmphex(qtest_readq(s, 0xa000000), ==, 0x0102030405060708ull);
    qtest_quit(s);
}

/* Registers the guest changed, the engine's last length */
static void dirty_function(QTestState *s, uint32_t fh)
{
    g_assert_cmpint(store(s, fh, 0, 8, REG_SCRATCH, 0x55aa55aa55aa55aaull), ==,
                    0);
    reg_write(s, fh, REG_DMA_LEN, 0x100);
    g_assert_cmphex(load(s, fh, 0, 8, REG_SCRATCH), ==, 0x55aa55aa55aa55aaull);
}

/* A guest disable and a system reset reset the host function */
static void test_reset(void)
{
    QTestState *s = start(PASS(""));
    uint32_t fh = enable(s);

    dirty_function(s, fh);
    g_assert_cmphex(clp_set(s, fh, 1), ==, 0x0010); /* disable */
    g_assert_cmpint(qom_int(s, "/objects/h0", "resets"), ==, 1);
    fh = enable(s);
    g_assert_cmphex(load(s, fh, 0, 8, REG_SCRATCH), ==, 0);
    g_assert_cmphex(reg_read(s, fh, REG_DMA_LEN), ==, 0);

    dirty_function(s, fh);
    qtest_qmp_assert_success(s, "{'execute': 'system_reset'}");
    /* once: the machine's reset of the PCI function, not also the disable */
    g_assert_cmpint(qom_int(s, "/objects/h0", "resets"), ==, 2);
    fh = enable(s);
    g_assert_cmphex(load(s, fh, 0, 8, REG_SCRATCH), ==, 0);
    g_assert_cmphex(reg_read(s, fh, REG_DMA_LEN), ==, 0);
    qtest_quit(s);
}

/*
 * A host function with no reset of its own (reset=off: no
 * VFIO_DEVICE_FLAGS_RESET): as QEMU, neither the disable nor a system
 * reset asks the host for one; the function stays usable.
 */
static void test_no_host_reset(void)
{
    QTestState *s = start(PASS(",reset=off"));
    uint32_t fh = enable(s);

    dirty_function(s, fh);
    g_assert_cmphex(clp_set(s, fh, 1), ==, 0x0010);
    qtest_qmp_assert_success(s, "{'execute': 'system_reset'}");
    g_assert_cmpint(qom_int(s, "/objects/h0", "reset-calls"), ==, 0);
    g_assert_cmpint(qom_int(s, "/objects/h0", "resets"), ==, 0);
    fh = enable(s);
    g_assert_cmphex(load(s, fh, 0, 8, REG_SCRATCH), ==, 0x55aa55aa55aa55aaull);
    qtest_quit(s);
}

/*
 * A host reset that fails (reset-error=on): the disable completes and the
 * function can be enabled and used again, its registers as they were,
 * as QEMU goes on after a reset that did not work.
 */
static void test_reset_fails(void)
{
    QTestState *s = start(PASS(""));
    uint32_t fh = enable(s);

    dirty_function(s, fh);
    qom_set_bool(s, "reset-error", true);
    g_assert_cmphex(clp_set(s, fh, 1), ==, 0x0010);
    g_assert_cmpint(qom_int(s, "/objects/h0", "resets"), ==, 0);
    fh = enable(s);
    g_assert_cmphex(load(s, fh, 0, 8, REG_SCRATCH), ==, 0x55aa55aa55aa55aaull);
    qtest_qmp_assert_success(s, "{'execute': 'system_reset'}");
    fh = enable(s);
    g_assert_cmphex(reg_read(s, fh, REG_ID), ==, 0x53494d50);
    /* the host can reset it again: the next disable does */
    qom_set_bool(s, "reset-error", false);
    g_assert_cmphex(clp_set(s, fh, 1), ==, 0x0010);
    g_assert_cmpint(qom_int(s, "/objects/h0", "resets"), ==, 1);
    fh = enable(s);
    g_assert_cmphex(load(s, fh, 0, 8, REG_SCRATCH), ==, 0);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vfio-pci-host/iova-range", test_iova_range);
    g_test_add_func("/vfio-pci-host/iova-range-base", test_iova_range_base);
    g_test_add_func("/vfio-pci-host/iova-range-narrower",
                    test_iova_range_narrower);
    g_test_add_func("/vfio-pci-host/iova-range-disjoint",
                    test_iova_range_disjoint);
    g_test_add_func("/vfio-pci-host/dma-refused", test_dma_refused);
    g_test_add_func("/vfio-pci-host/dma-not-ram", test_dma_not_ram);
    g_test_add_func("/vfio-pci-host/relaxed-refused", test_relaxed_refused);
    g_test_add_func("/vfio-pci-host/reset", test_reset);
    g_test_add_func("/vfio-pci-host/reset-fails", test_reset_fails);
    g_test_add_func("/vfio-pci-host/no-host-reset", test_no_host_reset);
    return g_test_run();
}
