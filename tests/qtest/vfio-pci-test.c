/*
 * vfio-pci over the simulated host (docs/system/s390x/vfio-pci.rst): a
 * sim-pci-function passed through as a zPCI function.  CLP List/Query
 * show the host's zPCI capabilities, PCILG reads the host's ids and a
 * capability list of MSI-X only, PCISTG/PCILG reach the host's register
 * BAR, the host's DMA engine writes guest memory through RPCIT-loaded
 * translations, its MSI-X vector sets the AIBV bit, and a missing host
 * is refused with QEMU's words.
 */
#include <inttypes.h>

#include "cmdline-test.h"
#include "vfio-pci-test.h"
#include "zpci-event-test.h"
#include "zpci-dma-tables.h"

#define HOST "0000:00:02.0"
#define PASS                                                                   \
    "-object sim-pci-function,id=h0,host=" HOST ",pchid=0x1234,vfn=7,"         \
    "util-str=SIMNIC,gid=5,vendor-id=0x1af4,device-id=0x10f1,"                 \
    "maxstbl=0x800,mui=1000,noi=64 "                                           \
    "-device vfio-pci,host=" HOST ",id=p0,bus=pci.0"

static int pcistb(QTestState *s, uint32_t fh, unsigned space, unsigned len,
                  uint64_t off, uint64_t addr)
{
    uint64_t rq = (uint64_t)fh << 32 | space << 16 | len;

    return inst(s, "s390_pcistb 0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64, rq,
                off, addr);
}

static void test_clp_query(void)
{
    QTestState *s = start(PASS);
    uint32_t fh = fh_of_fid(s, 0);
    char util[7] = { 0 };
    uint8_t body[16] = { 0 };
    uint8_t pfgid;

    g_assert_cmphex(fh, !=, 0);
    g_assert_cmphex(clp_query(s, fh), ==, 0x0010);
    g_assert_cmphex(qtest_readw(s, LPCB_RSP + 16), ==, 7);      /* vfn */
    g_assert_cmphex(qtest_readb(s, LPCB_RSP + 18) & 1, ==, 1);  /* util */
    g_assert_cmphex(qtest_readw(s, LPCB_RSP + 30), ==, 0x1234); /* pchid */
    g_assert_cmphex(qtest_readq(s, LPCB_RSP + 64), ==, IOVA);   /* sdma */
    /* the utility string in EBCDIC: "SIMNIC" */
    qtest_memread(s, LPCB_RSP + 128, util, 6);
    g_assert_cmpmem(util, 6, "\xe2\xc9\xd4\xd5\xc9\xc3", 6);
    /* a simulated group for host group 5, not the default 0xff */
    pfgid = qtest_readb(s, LPCB_RSP + 19);
    g_assert_cmphex(pfgid, !=, 0xff);
    g_assert_cmphex(pfgid, !=, 0);
    /* ... whose Query Group answer is the host's GROUP capability */
    body[3] = pfgid;
    clp_request(s, CLP_GROUP, body, 64);
    g_assert_cmphex(clp_run(s, NULL), ==, 0x0010);
    g_assert_cmpuint(qtest_readw(s, LPCB_RSP + 16) & 0xfff, ==, 64); /* noi */
    g_assert_cmpuint(qtest_readw(s, LPCB_RSP + 20), ==, 0x800); /* maxstbl */
    g_assert_cmpuint(qtest_readw(s, LPCB_RSP + 22), ==, 1000);  /* mui */
    qtest_quit(s);
}

static void test_config_space(void)
{
    QTestState *s = start(PASS);
    uint32_t fh = enable(s);

    g_assert_cmphex(cfg_read(s, fh, 0), ==, 0x10f11af4);
    /* Status: a capability list; it holds MSI-X at the host's 0x40 only */
    g_assert_cmphex((cfg_read(s, fh, 4) >> 16) & 0x10, ==, 0x10);
    g_assert_cmphex(cfg_read(s, fh, 0x34) & 0xff, ==, 0x40);
    g_assert_cmphex(cfg_read(s, fh, 0x40) & 0xffff, ==, 0x0011);
    /* 8 vectors (table size - 1 in the control word) */
    g_assert_cmphex((cfg_read(s, fh, 0x40) >> 16) & 0x7ff, ==, 7);
    qtest_quit(s);
}

static void test_bar_access(void)
{
    QTestState *s = start(PASS);
    uint32_t fh = enable(s);

    g_assert_cmphex(reg_read(s, fh, REG_ID), ==, 0x53494d50);
    g_assert_cmpint(store(s, fh, 0, 8, REG_SCRATCH, 0x0102030405060708ull), ==,
                    0);
    g_assert_cmphex(load(s, fh, 0, 8, REG_SCRATCH), ==, 0x0102030405060708ull);
    /* the register is the host's: little endian, bytes 01 .. 08 */
    g_assert_cmphex(reg_read(s, fh, REG_SCRATCH), ==, 0x04030201);
    g_assert_cmphex(reg_read(s, fh, REG_SCRATCH + 4), ==, 0x08070605);

    /* PCISTB of 128 bytes into the host's buffer */
    for (unsigned i = 0; i < 128; i++) {
        qtest_writeb(s, 0x50000 + i, i);
    }
    g_assert_cmpint(pcistb(s, fh, 0, 128, REG_BUF + 0x100, 0x50000), ==, 0);
    g_assert_cmphex(load(s, fh, 0, 8, REG_BUF + 0x178), ==,
                    0x78797a7b7c7d7e7full);
    /* a block over the BAR's end crosses 4 KiB: specification */
    g_assert_cmpint(pcistb(s, fh, 0, 128, 0x2000 - 64, 0x50000), ==, -0x06);
    g_assert_cmphex(load(s, fh, 0, 8, 0x2000 - 8), ==, 0);
    /* a load past the BAR: operand exception */
    g_assert_cmpint(inst(s, "s390_pcilg 0x%" PRIx64 " 0x2000",
                         (uint64_t)fh << 32 | 8),
                    ==, -0x15);
    qtest_quit(s);
}

static void test_dma(void)
{
    QTestState *s = start(PASS);
    uint32_t fh = enable(s);
    uint64_t reg = 0;

    build_tables(s);
    write_ioat_fib(s, FIB, IOTA_RT);
    g_assert_cmpint(mpcifc(s, fh, 4), ==, 0);
    g_assert_cmpint(store(s, fh, 0, 8, REG_BUF, 0x0011223344556677ull), ==, 0);
    g_assert_cmpint(store(s, fh, 0, 8, REG_BUF + 8, 0x8899aabbccddeeffull), ==,
                    0);

    /* not yet refreshed: no host mapping, the DMA faults */
    qtest_memset(s, FRAME + 0x1ff8, 0, 16);
    dma_to(s, fh, IOVA + 0x1ff8, 16);
    g_assert_cmphex(qtest_readq(s, FRAME + 0x1ff8), ==, 0);
    /* the error event put the function in the error state: reset it */
    g_assert_cmpint(mpcifc(s, fh, 7), ==, 0);
    g_assert_cmphex(reg_read(s, fh, REG_DMA_STATUS), ==, 2);

    g_assert_cmpint(insn_reg(cmd(s,
                                 "s390_rpcit 0x%" PRIx64 " 0x%" PRIx64
                                 " 0x2000",
                                 (uint64_t)fh << 32, (uint64_t)IOVA),
                             &reg),
                    ==, 0);
    /* across the two pages: both halves land where the tables say */
    dma_to(s, fh, IOVA + 0x0ff8, 16);
    g_assert_cmphex(reg_read(s, fh, REG_DMA_STATUS), ==, 1);
    g_assert_cmphex(qtest_readq(s, FRAME + 0x0ff8), ==, 0x0011223344556677ull);
    g_assert_cmphex(qtest_readq(s, FRAME + 0x1000), ==, 0x8899aabbccddeeffull);
    /* past the second page: unmapped, nothing moves */
    dma_to(s, fh, IOVA + 0x1ff8, 16);
    g_assert_cmphex(qtest_readq(s, FRAME + 0x1ff8), ==, 0);
    g_assert_cmpint(mpcifc(s, fh, 7), ==, 0);
    g_assert_cmphex(reg_read(s, fh, REG_DMA_STATUS), ==, 2);
    qtest_quit(s);
}

static void test_msix_airq(void)
{
    QTestState *s = start(PASS);
    uint32_t fh = enable(s);

    qtest_memset(s, AIBV, 0, 16);
    qtest_memset(s, AISB, 0, 16);
    /* MSI-X on; vector 2 (BAR 2, entry 2) to the MSI address, data 2 */
    g_assert_cmpint(store(s, fh, 15, 2, 0x42, 0x0080), ==, 0);
    g_assert_cmpint(store(s, fh, 2, 8, 32, 0xfe), ==, 0);
    g_assert_cmpint(store(s, fh, 2, 4, 40, 0x02000000), ==, 0);
    g_assert_cmpint(store(s, fh, 2, 4, 44, 0), ==, 0);
    qtest_memset(s, FIB, 0, 80);
    qtest_writel(s, FIB + 40, 3u << 28 | 8u << 16 | 5u << 8 | 1u << 7 | 9);
    qtest_writeq(s, FIB + 48, AIBV);
    qtest_writeq(s, FIB + 56, AISB);
    g_assert_cmpint(mpcifc(s, fh, 2), ==, 0);

    /* the host function sends vector 2: AIBV bit 5 + 2, summary bit 9 */
    reg_write(s, fh, REG_IRQ, 2);
    g_assert_cmphex(qtest_readb(s, AIBV), ==, 0x01);
    g_assert_cmphex(qtest_readb(s, AISB + 1), ==, 0x40);
    qtest_quit(s);
}

/* Guest accesses the host refuses: an error event, never a crash */
static void test_refused_access(void)
{
    QTestState *s = start(PASS);
    uint32_t fh = enable(s);
    uint64_t rq = (uint64_t)fh << 32 | 1;
    g_autofree gchar *r = NULL;

    /* a 1-byte load of a register (the host takes 4 or 8 bytes) */
    r = cmd(s, "s390_pcilg 0x%" PRIx64 " 0x0", rq);
    g_assert_true(g_str_has_prefix(r, "OK cc 0 0x00000000000000ff "));
    g_free(r);
    /* ... put the function in the error state: the next load is refused */
    r = cmd(s, "s390_pcilg 0x%" PRIx64 " 0x0", rq | 3);
    g_assert_true(g_str_has_prefix(r, "OK cc 1 "));
    g_assert_cmpint(mpcifc(s, fh, 7), ==, 0);
    /* the MSI-X table through the core: past the 8 vectors, in BAR 2 */
    g_assert_cmpint(store(s, fh, 2, 8, 0x7f8, 0x1122334455667788ull), ==, 0);
    g_assert_cmpint(store(s, fh, 2, 8, 0x800, 0x1122334455667788ull), ==, 0);
    /* the function still answers */
    g_assert_cmphex(reg_read(s, fh, REG_ID), ==, 0x53494d50);
    qtest_quit(s);
}

/* PCI LOAD of the ID register: its cc, *status the status byte */
static int load_st(QTestState *s, uint32_t fh, unsigned *status)
{
    uint64_t rq = (uint64_t)fh << 32 | 4, data = 0, after = 0;
    g_autofree gchar *reply = cmd(s, "s390_pcilg 0x%" PRIx64 " 0x0", rq);
    int cc = -1;

    g_assert_cmpint(sscanf(reply, "OK cc %d 0x%" SCNx64 " 0x%" SCNx64, &cc,
                           &data, &after),
                    ==, 3);
    *status = (after >> 24) & 0xff;
    return cc;
}

/*
 * The host's error interrupt (here a device error of the simulated
 * function; a Linux host signals it from its AER error_detected, as
 * make check-kernel's x86-pci-aer-* checks show): a channel report, an
 * error event with the enabled handle, PEC 0x0007 and no failing
 * address; the function in the error state (PCI LOAD cc 1 status 8)
 * until reset-error, after which it answers and a new error is a new
 * event.
 */
static void test_host_error_event(void)
{
    QTestState *s = start(PASS);
    uint32_t fh = enable(s);
    unsigned st = 0;

    qmp_ok(s, "{'execute': 'qom-set', 'arguments': {'path': '/objects/h0', "
              "'property': 'dma-error', 'value': true}}");
    expect_no_event(s);
    for (unsigned round = 0; round < 2; round++) {
        dma_to(s, fh, IOVA, 16);
        g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
        expect_error_event(s, 0x0007, 0, fh, 0);
        expect_no_event(s);
        g_assert_cmpint(load_st(s, fh, &st), ==, 1);
        g_assert_cmpuint(st, ==, 8);
        g_assert_cmpint(mpcifc(s, fh, 7), ==, 0);
        g_assert_cmphex(reg_read(s, fh, REG_ID), ==, 0x53494d50);
        g_assert_cmphex(reg_read(s, fh, REG_DMA_STATUS), ==, 3);
    }
    qtest_quit(s);
}

/*
 * The host asks for the function back (surprise removal signals the
 * request eventfd): the main loop serves the eventfd with no guest access
 * to poll it, and the standby function is unplugged.
 */
static void test_host_request(void)
{
    QTestState *s = start(PASS);
    JsonObject *ev, *rsp;

    g_assert_cmpstr(sclp_zpci(s, 0, false), ==, "OK 0x0020");
    qtest_qmp_assert_success(
        s, "{'execute': 'qom-set', 'arguments': {'path': '/objects/h0', "
           "'property': 'surprise-removed', 'value': true}}");
    ev = qtest_qmp_eventwait_ref(s, "DEVICE_DELETED");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(ev, "data"), "device"),
                    ==, "p0");
    json_object_unref(ev);
    rsp = qtest_qmp(s, "{'execute': 'qom-get', 'arguments': {'path': "
                       "'/machine/peripheral/p0', 'property': 'type'}}");
    g_assert_true(qmp_rsp_is_err(rsp));
    json_object_unref(rsp);
    qtest_quit(s);
}

static void test_missing_host(void)
{
    expect_start_error("-device vfio-pci,host=" HOST ",bus=pci.0",
                       "vfio " HOST ": no such host device");
    expect_start_error("-device vfio-pci,bus=pci.0",
                       "No provided host device - Use host=DDDD:BB:DD.F or "
                       "sysfsdev=PATH_TO_DEVICE");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vfio-pci/clp-query", test_clp_query);
    g_test_add_func("/vfio-pci/config-space", test_config_space);
    g_test_add_func("/vfio-pci/bar-access", test_bar_access);
    g_test_add_func("/vfio-pci/dma", test_dma);
    g_test_add_func("/vfio-pci/msix-airq", test_msix_airq);
    g_test_add_func("/vfio-pci/refused-access", test_refused_access);
    g_test_add_func("/vfio-pci/host-request", test_host_request);
    g_test_add_func("/vfio-pci/host-error-event", test_host_error_event);
    g_test_add_func("/vfio-pci/missing-host", test_missing_host);
    return g_test_run();
}
