/*
 * zPCI DMA end to end through the qtest s390x extension: I/O translation
 * tables built in guest memory, registered with MPCIFC, loaded with
 * RPCIT; pci-testfn's DMA engine then writes guest memory through them.
 * Faults: a DMA to an I/O address RPCIT did not map, a malformed table
 * entry under RPCIT.
 */
#include <inttypes.h>

#include "zpci-dma-tables.h"
#include "zpci-test.h"

#define FIB 0x30000u

/* The status byte of a request register. */
static unsigned status_of(uint64_t reg)
{
    return (reg >> 24) & 0xff;
}

/* An instruction answering "OK cc N REG": its cc (or -pgm), *reg. */
static int insn_reg(gchar *reply, uint64_t *reg)
{
    unsigned code;
    int cc;

    if (sscanf(reply, "OK pgm 0x%x", &code) == 1) {
        g_free(reply);
        return -(int)code;
    }
    g_assert_cmpint(sscanf(reply, "OK cc %d 0x%" SCNx64, &cc, reg), ==, 2);
    g_free(reply);
    return cc;
}

static int mpcifc(QTestState *s, uint32_t fh, unsigned oc, unsigned *st)
{
    uint64_t reg = 0;
    int cc = insn_reg(cmd(s, "s390_mpcifc 0x%" PRIx64 " 0x%x",
                          (uint64_t)fh << 32 | oc, FIB),
                      &reg);

    *st = status_of(reg);
    return cc;
}

static int rpcit(QTestState *s, uint32_t fh, uint64_t addr, uint64_t len,
                 unsigned *st)
{
    uint64_t reg = 0;
    int cc = insn_reg(cmd(s,
                          "s390_rpcit 0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64,
                          (uint64_t)fh << 32, addr, len),
                      &reg);

    *st = status_of(reg);
    return cc;
}

/* PCI STORE of @len bytes (storage order of the register's low bytes). */
static int pcistg(QTestState *s, uint32_t fh, unsigned space, unsigned len,
                  uint64_t off, uint64_t data)
{
    uint64_t rq = (uint64_t)fh << 32 | space << 16 | len;

    return inst(s, "s390_pcistg 0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64, data,
                rq, off);
}

/* A 32-bit register of BAR 0 (little endian on the function's side). */
static void reg_write(QTestState *s, uint32_t fh, unsigned off, uint32_t v)
{
    g_assert_cmpint(pcistg(s, fh, 0, 4, off, GUINT32_SWAP_LE_BE(v)), ==, 0);
}

static uint32_t reg_read(QTestState *s, uint32_t fh, unsigned off)
{
    uint64_t rq = (uint64_t)fh << 32 | 4;
    g_autofree gchar *reply = cmd(s, "s390_pcilg 0x%" PRIx64 " 0x%x", rq, off);
    uint64_t data = 0, after = 0;
    int cc = -1;

    g_assert_cmpint(sscanf(reply, "OK cc %d 0x%" SCNx64 " 0x%" SCNx64, &cc,
                           &data, &after),
                    ==, 3);
    g_assert_cmpint(cc, ==, 0);
    return GUINT32_SWAP_LE_BE((uint32_t)data);
}

static uint32_t enable(QTestState *s)
{
    uint32_t fh = fh_of_fid(s, 0);

    fh = zpci_enable(s, fh);
    /* Bus Master Enable (and memory space) in the command register */
    g_assert_cmpint(pcistg(s, fh, 15, 2, 4, 0x0600), ==, 0);
    return fh;
}

/* Copy @len bytes at @off of the buffer to I/O address @iova. */
static void dma_to(QTestState *s, uint32_t fh, uint64_t iova, unsigned off,
                   unsigned len)
{
    reg_write(s, fh, 0x10, (uint32_t)iova);
    reg_write(s, fh, 0x14, iova >> 32);
    reg_write(s, fh, 0x18, off);
    reg_write(s, fh, 0x1c, len);
    reg_write(s, fh, 0x20, 0); /* buffer to memory */
}

static QTestState *setup(uint32_t *fh)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    unsigned st = 0;

    *fh = enable(s);
    build_tables(s);
    write_ioat_fib(s, FIB, IOTA_RT);
    g_assert_cmpint(mpcifc(s, *fh, 4, &st), ==, 0);
    /* the buffer: 00 11 22 .. 77, then 88 99 .. ff */
    g_assert_cmpint(pcistg(s, *fh, 2, 8, 0, 0x0011223344556677ull), ==, 0);
    g_assert_cmpint(pcistg(s, *fh, 2, 8, 8, 0x8899aabbccddeeffull), ==, 0);
    return s;
}

static void test_dma_through_tables(void)
{
    static const uint8_t want[16] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55,
                                      0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb,
                                      0xcc, 0xdd, 0xee, 0xff };
    uint8_t got[16];
    uint32_t fh;
    QTestState *s = setup(&fh);
    unsigned st = 0;

    g_assert_cmpint(rpcit(s, fh, IOVA, 0x2000, &st), ==, 0);
    qtest_memset(s, FRAME + 0x1100, 0, 16);
    dma_to(s, fh, IOVA + 0x1100, 0, 16);
    g_assert_cmphex(reg_read(s, fh, 0x28) & 3, ==, 1); /* DONE, no FAULT */
    qtest_memread(s, FRAME + 0x1100, got, sizeof(got));
    g_assert_cmpmem(got, sizeof(got), want, sizeof(want));
    /* the identity address got nothing */
    g_assert_cmphex(qtest_readq(s, 0x1100), ==, 0);

    /* registered again: sequence error; STPCIFC shows the registration */
    g_assert_cmpint(mpcifc(s, fh, 4, &st), ==, 1);
    g_assert_cmpuint(st, ==, 24);
    g_assert_cmpint(insn_reg(cmd(s, "s390_stpcifc 0x%" PRIx64 " 0x%x",
                                 (uint64_t)fh << 32, FIB),
                             &(uint64_t){ 0 }),
                    ==, 0);
    g_assert_cmphex(qtest_readb(s, FIB + 8) & 0x10, ==, 0x10);
    g_assert_cmphex(qtest_readq(s, FIB + 16), ==, IOVA);
    g_assert_cmphex(qtest_readq(s, FIB + 32), ==, IOTA_RT);

    /* deregistration unmaps: the same DMA now faults */
    g_assert_cmpint(mpcifc(s, fh, 5, &st), ==, 0);
    g_assert_cmpint(mpcifc(s, fh, 5, &st), ==, 1);
    g_assert_cmpuint(st, ==, 24);
    qtest_memset(s, FRAME + 0x1100, 0, 16);
    dma_to(s, fh, IOVA + 0x1100, 0, 16);
    g_assert_cmphex(reg_read(s, fh, 0x28) & 2, ==, 2);
    g_assert_cmphex(qtest_readq(s, FRAME + 0x1100), ==, 0);
    qtest_quit(s);
}

/* A DMA to a page RPCIT did not map: testfn FAULT, function in error. */
static void test_dma_fault(void)
{
    uint32_t fh;
    QTestState *s = setup(&fh);
    unsigned st = 0;

    g_assert_cmpint(rpcit(s, fh, IOVA, 0x1000, &st), ==, 0);
    dma_to(s, fh, IOVA + 0x1000, 0, 8); /* page 1: valid, not refreshed */
    g_assert_cmphex(qtest_readq(s, FRAME + 0x1000), ==, 0);
    /* the function is in the error state now: loads and RPCIT refused */
    g_assert_cmpint(insn_reg(cmd(s, "s390_pcilg 0x%" PRIx64 " 0x28",
                                 (uint64_t)fh << 32 | 4),
                             &(uint64_t){ 0 }),
                    ==, 1);
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x1000, &st), ==, 1);
    g_assert_cmpuint(st, ==, 8);
    /* reset error: the function tells what faulted */
    g_assert_cmpint(mpcifc(s, fh, 7, &st), ==, 0);
    g_assert_cmphex(reg_read(s, fh, 0x28) & 3, ==, 3);
    g_assert_cmphex(reg_read(s, fh, 0x30), ==, (uint32_t)(IOVA + 0x1000));
    g_assert_cmphex(reg_read(s, fh, 0x34), ==, (uint32_t)(IOVA >> 32));
    /* refreshed, the same DMA goes through */
    g_assert_cmpint(rpcit(s, fh, IOVA + 0x1000, 0x1000, &st), ==, 0);
    dma_to(s, fh, IOVA + 0x1000, 0, 8);
    g_assert_cmphex(qtest_readq(s, FRAME + 0x1000), ==,
                    0x0011223344556677ull); /* big endian guest */
    qtest_quit(s);
}

/* RPCIT faults: a malformed entry, a range outside the aperture. */
static void test_rpcit_faults(void)
{
    uint32_t fh;
    QTestState *s = setup(&fh);
    unsigned st = 0;

    /* invalid entries are no fault: the range just stays unmapped */
    g_assert_cmpint(rpcit(s, fh, IOVA + 0x2000, 0x1000, &st), ==, 0);
    /* a segment entry of the wrong table type */
    qtest_writeq(s, STT, PGT | 0x4);
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x1000, &st), ==, 1);
    g_assert_cmpuint(st, ==, 8);
    /* ... puts the function in the error state; reset error leaves it */
    g_assert_cmpint(mpcifc(s, fh, 7, &st), ==, 0);
    qtest_writeq(s, STT, PGT);
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x1000, &st), ==, 0);
    /* below the registered aperture */
    g_assert_cmpint(rpcit(s, fh, IOVA - 0x1000, 0x1000, &st), ==, 1);
    g_assert_cmpuint(st, ==, 8);
    qtest_quit(s);
}

static void test_rpcit_handle(void)
{
    uint32_t fh;
    QTestState *s = setup(&fh);
    unsigned st = 0;

    g_assert_cmpint(rpcit(s, fh ^ 0x1, IOVA, 0x1000, &st), ==, 3);
    g_assert_cmpint(rpcit(s, fh & ~FH_ENABLED, IOVA, 0x1000, &st), ==, 3);
    /* deregistered: nothing to refresh */
    g_assert_cmpint(mpcifc(s, fh, 5, &st), ==, 0);
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x1000, &st), ==, 1);
    g_assert_cmpuint(st, ==, 4);
    qtest_quit(s);
}

/* MPCIFC register: the designation type and aperture checks. */
static void test_register_checks(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = enable(s);
    unsigned st = 0;

    build_tables(s);
    /* segment-table designation: not in the group's dtsm */
    write_ioat_fib(s, FIB, STT | IOTA_T);
    g_assert_cmpint(mpcifc(s, fh, 4, &st), ==, -0x15);
    /* pba below the function's sdma */
    write_ioat_fib(s, FIB, IOTA_RT);
    qtest_writeq(s, FIB + 16, 0x1000);
    g_assert_cmpint(mpcifc(s, fh, 4, &st), ==, -0x15);
    /* pba above pal */
    write_ioat_fib(s, FIB, IOTA_RT);
    qtest_writeq(s, FIB + 24, IOVA - 1);
    g_assert_cmpint(mpcifc(s, fh, 4, &st), ==, -0x15);
    /* re-register without a registration: sequence error */
    write_ioat_fib(s, FIB, IOTA_RT);
    g_assert_cmpint(mpcifc(s, fh, 6, &st), ==, 1);
    g_assert_cmpuint(st, ==, 24);
    /* a DMA address space other than 0 */
    g_assert_cmpint(insn_reg(cmd(s, "s390_mpcifc 0x%" PRIx64 " 0x%x",
                                 (uint64_t)fh << 32 | 1u << 16 | 4, FIB),
                             &(uint64_t){ 0 }),
                    ==, 1);
    g_assert_cmpint(mpcifc(s, fh, 4, &st), ==, 0);
    /* re-register: the new tables take over */
    g_assert_cmpint(mpcifc(s, fh, 6, &st), ==, 0);
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x1000, &st), ==, 0);
    qtest_quit(s);
}

/*
 * Unplug with a registered translation and loaded mappings: the DMA
 * space goes with the function; a new function at the same slot starts
 * with none (its DMA faults until it registers and refreshes).
 */
static void test_unplug_registered(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0,id=tf,addr=0x3");
    uint32_t fh = enable(s);
    unsigned st = 0;

    build_tables(s);
    write_ioat_fib(s, FIB, IOTA_RT);
    g_assert_cmpint(mpcifc(s, fh, 4, &st), ==, 0);
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x2000, &st), ==, 0);
    qtest_qmp_assert_success(
        s, "{'execute': 'device_del', 'arguments': {'id': 'tf'}}");
    /* the guest completes the unplug: SCLP deconfigure */
    g_assert_cmpstr(sclp_zpci(s, 0, false), ==, "OK 0x0020");
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x1000, &st), ==, 3);
    qtest_qmp_assert_success(
        s, "{'execute': 'device_add', 'arguments': {'driver': 'pci-testfn', "
           "'id': 'tf2', 'bus': 'pci.0', 'addr': '0x3'}}");
    fh = enable(s);
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x1000, &st), ==, 1);
    g_assert_cmpuint(st, ==, 4);
    g_assert_cmpint(pcistg(s, fh, 2, 8, 0, 0x0011223344556677ull), ==, 0);
    dma_to(s, fh, IOVA, 0, 8);
    g_assert_cmphex(reg_read(s, fh, 0x28) & 3, ==, 3);
    g_assert_cmphex(qtest_readq(s, FRAME), ==, 0);
    qtest_quit(s);
}

/* cc and status of a Query PCI Function Group for @pfgid. */
static uint16_t clp_group(QTestState *s, uint8_t pfgid)
{
    uint8_t body[16] = { 0, 0, 0, pfgid };

    clp_request(s, CLP_GROUP, body, 64);
    return clp_run(s, NULL);
}

/*
 * Relaxed translation: a function with relaxed-translation=on is in a
 * group advertising it; MPCIFC register with the T bit off makes guest
 * memory appear at pba; deregistration ends it.  Without the property
 * the same registration is an operand exception.
 */
static void test_relaxed(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0,id=tf "
                          "-device zpci,target=tf,relaxed-translation=on");
    uint32_t fh = enable(s);
    unsigned st = 0;
    uint8_t pfgid;

    g_assert_cmphex(clp_query(s, fh), ==, 0x0010);
    pfgid = qtest_readb(s, LPCB_RSP + 19);
    g_assert_cmphex(pfgid, ==, 0xfe);
    g_assert_cmphex(clp_group(s, pfgid), ==, 0x0010);
    g_assert_cmphex(qtest_readb(s, LPCB_RSP + 19) & 0x20, ==, 0x20);
    g_assert_cmphex(clp_group(s, 0xff), ==, 0x0010);
    g_assert_cmphex(qtest_readb(s, LPCB_RSP + 19) & 0x20, ==, 0);

    write_ioat_fib(s, FIB, 0); /* T off */
    g_assert_cmpint(mpcifc(s, fh, 4, &st), ==, 0);
    g_assert_cmpint(pcistg(s, fh, 2, 8, 0, 0x0011223344556677ull), ==, 0);
    qtest_writeq(s, 0x7000, 0);
    dma_to(s, fh, IOVA + 0x7000, 0, 8);
    g_assert_cmphex(reg_read(s, fh, 0x28) & 3, ==, 1);
    g_assert_cmphex(qtest_readq(s, 0x7000), ==, 0x0011223344556677ull);
    /* RPCIT has nothing to do */
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x1000, &st), ==, 0);

    /* deregistered: the same DMA faults */
    g_assert_cmpint(mpcifc(s, fh, 5, &st), ==, 0);
    qtest_writeq(s, 0x7000, 0);
    dma_to(s, fh, IOVA + 0x7000, 0, 8);
    g_assert_cmphex(reg_read(s, fh, 0x28) & 2, ==, 2);
    g_assert_cmphex(qtest_readq(s, 0x7000), ==, 0);
    qtest_quit(s);
}

static void test_relaxed_refused(void)
{
    uint32_t fh;
    QTestState *s = setup(&fh);
    unsigned st = 0;

    g_assert_cmphex(clp_query(s, fh), ==, 0x0010);
    g_assert_cmphex(qtest_readb(s, LPCB_RSP + 19), ==, 0xff);
    g_assert_cmpint(mpcifc(s, fh, 5, &st), ==, 0);
    write_ioat_fib(s, FIB, 0);
    g_assert_cmpint(mpcifc(s, fh, 4, &st), ==, -0x15);
    qtest_quit(s);
}

/*
 * A refused re-registration keeps the translation in place: its
 * mappings still serve the device.  A regression guard: every refusal
 * (operand exception) is decided from the FIB before the old translation
 * is touched, and fc_ioat_install() cannot fail after the old one is
 * dropped for a FIB that passed fc_ioat_config(); the test fails if a
 * change drops the old translation before the checks.
 */
static void test_reregister_refused_keeps(void)
{
    uint32_t fh;
    QTestState *s = setup(&fh);
    unsigned st = 0;

    g_assert_cmpint(rpcit(s, fh, IOVA, 0x1000, &st), ==, 0);
    write_ioat_fib(s, FIB, 0); /* relaxed, not allowed */
    g_assert_cmpint(mpcifc(s, fh, 6, &st), ==, -0x15);
    write_ioat_fib(s, FIB, STT | IOTA_T); /* a type outside dtsm */
    g_assert_cmpint(mpcifc(s, fh, 6, &st), ==, -0x15);
    dma_to(s, fh, IOVA, 0, 8);
    g_assert_cmphex(reg_read(s, fh, 0x28) & 3, ==, 1);
    g_assert_cmphex(qtest_readq(s, FRAME), ==, 0x0011223344556677ull);
    g_assert_cmpint(insn_reg(cmd(s, "s390_stpcifc 0x%" PRIx64 " 0x%x",
                                 (uint64_t)fh << 32, FIB),
                             &(uint64_t){ 0 }),
                    ==, 0);
    g_assert_cmphex(qtest_readq(s, FIB + 32), ==, IOTA_RT);
    qtest_quit(s);
}

/* dma-budget and rpcit-walk-limit: RPCIT beyond them is status 16. */
static void test_budget_properties(void)
{
    const char *lines[] = { "dma-budget=1", "rpcit-walk-limit=1" };

    for (unsigned i = 0; i < G_N_ELEMENTS(lines); i++) {
        g_autofree char *args = g_strdup_printf(
            "-device pci-testfn,bus=pci.0,id=tf -device zpci,target=tf,%s",
            lines[i]);
        QTestState *s = start(args);
        uint32_t fh = enable(s);
        unsigned st = 0;

        build_tables(s);
        write_ioat_fib(s, FIB, IOTA_RT);
        g_assert_cmpint(mpcifc(s, fh, 4, &st), ==, 0);
        /* two valid pages: the second is one too many */
        g_assert_cmpint(rpcit(s, fh, IOVA, 0x2000, &st), ==, 1);
        g_assert_cmpuint(st, ==, 16);
        /* the first one was made and works */
        g_assert_cmpint(pcistg(s, fh, 2, 8, 0, 0x0011223344556677ull), ==, 0);
        dma_to(s, fh, IOVA, 0, 8);
        g_assert_cmphex(qtest_readq(s, FRAME), ==, 0x0011223344556677ull);
        qtest_quit(s);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/zpci-dma/through-tables", test_dma_through_tables);
    g_test_add_func("/zpci-dma/fault", test_dma_fault);
    g_test_add_func("/zpci-dma/rpcit-faults", test_rpcit_faults);
    g_test_add_func("/zpci-dma/rpcit-handle", test_rpcit_handle);
    g_test_add_func("/zpci-dma/register-checks", test_register_checks);
    g_test_add_func("/zpci-dma/unplug-registered", test_unplug_registered);
    g_test_add_func("/zpci-dma/relaxed", test_relaxed);
    g_test_add_func("/zpci-dma/relaxed-refused", test_relaxed_refused);
    g_test_add_func("/zpci-dma/reregister-refused-keeps",
                    test_reregister_refused_keeps);
    g_test_add_func("/zpci-dma/budget-properties", test_budget_properties);
    return g_test_run();
}
