/*
 * MODIFY and STORE PCI FUNCTION CONTROLS through the qtest s390x
 * extension: adapter-interruption registration stored and read back,
 * sequence errors, reset error / reset block, handle and FIB checks.
 */
#include "zpci-test.h"

#define FIB 0x30000u

static void write_int_fib(QTestState *s)
{
    qtest_memset(s, FIB, 0, 80);
    /* isc 3, noi 4, aibvo 5, sum, aisbo 9 */
    qtest_writel(s, FIB + 40, 3u << 28 | 4u << 16 | 5u << 8 | 1u << 7 | 9);
    qtest_writeq(s, FIB + 48, 0x40000);
    qtest_writeq(s, FIB + 56, 0x41000);
}

static void test_register_int(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = zpci_enable(s, fh_of_fid(s, 0));
    unsigned st = 0;

    write_int_fib(s);
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 2, FIB, &st), ==, 0);
    /* again: sequence error */
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 2, FIB, &st), ==, 1);
    g_assert_cmpuint(st, ==, 24);

    qtest_memset(s, FIB, 0xee, 80);
    g_assert_cmpint(zpci_fc(s, "s390_stpcifc", fh, 0, FIB, &st), ==, 0);
    g_assert_cmphex(qtest_readb(s, FIB + 8), ==, 0x80); /* enabled */
    g_assert_cmphex(qtest_readl(s, FIB + 40), ==,
                    3u << 28 | 4u << 16 | 5u << 8 | 1u << 7 | 9);
    g_assert_cmphex(qtest_readq(s, FIB + 48), ==, 0x40000);
    g_assert_cmphex(qtest_readq(s, FIB + 56), ==, 0x41000);
    g_assert_cmphex(qtest_readq(s, FIB + 16), ==, 0); /* no IOAT */
    g_assert_cmphex(qtest_readb(s, FIB + 0), ==, 0);

    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 3, FIB, &st), ==, 0);
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 3, FIB, &st), ==, 1);
    g_assert_cmpuint(st, ==, 24);
    g_assert_cmpint(zpci_fc(s, "s390_stpcifc", fh, 0, FIB, &st), ==, 0);
    g_assert_cmphex(qtest_readq(s, FIB + 48), ==, 0);

    /* disabling the function forgets the registration */
    write_int_fib(s);
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 2, FIB, &st), ==, 0);
    g_assert_cmphex(clp_set(s, fh, 1), ==, 0x0010);
    fh = zpci_enable(s, fh_of_fid(s, 0));
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 3, FIB, &st), ==, 1);
    g_assert_cmpuint(st, ==, 24);
    qtest_quit(s);
}

/* PCI STORE with the request in register 2; its condition code. */
static int store(QTestState *s, uint32_t fh, unsigned space, unsigned len,
                 uint64_t off, uint64_t data)
{
    uint64_t rq = (uint64_t)fh << 32 | space << 16 | len;

    return inst(s, "s390_pcistg 0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64, data,
                rq, off);
}

/*
 * The test function signals MSI-X vector 1 aimed at the MSI address:
 * AIBV bit aibvo + 1 and the AISB bit aisbo get set, once registered.
 */
static void test_airq(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = zpci_enable(s, fh_of_fid(s, 0));
    unsigned st = 0;

    qtest_memset(s, 0x40000, 0, 16);
    qtest_memset(s, 0x41000, 0, 16);
    /* bus master; MSI-X enable (Message Control at 0x42, bit 15) */
    g_assert_cmpint(store(s, fh, 15, 2, 4, 0x0400), ==, 0);
    g_assert_cmpint(store(s, fh, 15, 2, 0x42, 0x0080), ==, 0);
    /* vector 1: address = MSI address, data = 1, unmasked */
    g_assert_cmpint(store(s, fh, 4, 8, 16, 0xfe), ==, 0);
    g_assert_cmpint(store(s, fh, 4, 4, 24, 0x01000000), ==, 0);
    g_assert_cmpint(store(s, fh, 4, 4, 28, 0), ==, 0);

    /* not registered yet: nothing is set */
    g_assert_cmpint(store(s, fh, 0, 4, 0x38, 0x01000000), ==, 0);
    g_assert_cmphex(qtest_readb(s, 0x40000), ==, 0);
    g_assert_cmphex(qtest_readb(s, 0x41001), ==, 0);

    write_int_fib(s);
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 2, FIB, &st), ==, 0);
    g_assert_cmpint(store(s, fh, 0, 4, 0x38, 0x01000000), ==, 0);
    g_assert_cmphex(qtest_readb(s, 0x40000), ==, 0x80 >> 6);
    g_assert_cmphex(qtest_readb(s, 0x41001), ==, 0x80 >> 1);
    g_assert_cmphex(qtest_readb(s, 0x41000), ==, 0);

    /* deregistered: the bits stay as the guest leaves them */
    qtest_writeb(s, 0x40000, 0);
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 3, FIB, &st), ==, 0);
    g_assert_cmpint(store(s, fh, 0, 4, 0x38, 0x01000000), ==, 0);
    g_assert_cmphex(qtest_readb(s, 0x40000), ==, 0);
    qtest_quit(s);
}

static void test_reset_error(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = zpci_enable(s, fh_of_fid(s, 0));
    g_autofree gchar *r = NULL;
    unsigned st = 0;

    qtest_memset(s, FIB, 0, 80);
    /* not in error: both resets are sequence errors */
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 7, FIB, &st), ==, 1);
    g_assert_cmpuint(st, ==, 24);
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 9, FIB, &st), ==, 1);
    g_assert_cmpuint(st, ==, 24);

    r = cmd(s, "s390_zpci_error 0x%x", fh);
    g_assert_cmpstr(r, ==, "OK error");
    /* the error state: loads end with cc 1 status 8, STPCIFC shows it */
    g_assert_cmpint(inst(s, "s390_pcilg 0x%" PRIx64 " 0",
                         (uint64_t)fh << 32 | 4),
                    ==, 1);
    g_assert_cmpint(zpci_fc(s, "s390_stpcifc", fh, 0, FIB, &st), ==, 0);
    g_assert_cmphex(qtest_readb(s, FIB + 8), ==, 0xe0);
    /* reset block: error -> blocked */
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 9, FIB, &st), ==, 0);
    g_assert_cmpint(zpci_fc(s, "s390_stpcifc", fh, 0, FIB, &st), ==, 0);
    g_assert_cmphex(qtest_readb(s, FIB + 8), ==, 0xa0);
    /* reset error: blocked -> enabled, loads work again */
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 7, FIB, &st), ==, 0);
    g_assert_cmpint(zpci_fc(s, "s390_stpcifc", fh, 0, FIB, &st), ==, 0);
    g_assert_cmphex(qtest_readb(s, FIB + 8), ==, 0x80);
    g_assert_cmpint(inst(s, "s390_pcilg 0x%" PRIx64 " 0",
                         (uint64_t)fh << 32 | 4),
                    ==, 0);
    qtest_quit(s);
}

static void test_checks(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t dfh = fh_of_fid(s, 0), fh;
    unsigned st = 0;

    qtest_memset(s, FIB, 0, 80);
    /* disabled: MPCIFC cc 3; STPCIFC stores the controls (not enabled) */
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", dfh, 2, FIB, &st), ==, 3);
    g_assert_cmpint(zpci_fc(s, "s390_stpcifc", dfh, 0, FIB, &st), ==, 0);
    g_assert_cmphex(qtest_readb(s, FIB + 8), ==, 0);
    g_assert_cmpint(zpci_fc(s, "s390_stpcifc", 0x1234, 0, FIB, &st), ==, 3);
    fh = zpci_enable(s, fh_of_fid(s, 0));
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", dfh, 2, FIB, &st), ==, 3);
    /* FIB alignment, location, format; unknown operation control */
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 2, FIB + 4, &st), ==,
                    -PGM_SPECIFICATION);
    g_assert_cmpint(zpci_fc(s, "s390_stpcifc", fh, 0, FIB + 4, &st), ==,
                    -PGM_SPECIFICATION);
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 2, 0x8000000, &st), ==,
                    -PGM_ADDRESSING);
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 1, FIB, &st), ==,
                    -PGM_OPERAND);
    qtest_writeb(s, FIB, 1);
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 2, FIB, &st), ==,
                    -PGM_OPERAND);
    /* STPCIFC for a DMA address space other than 0 */
    g_assert_cmpint(zpci_fc(s, "s390_stpcifc", fh, 1u << 16, FIB, &st), ==, 1);
    g_assert_cmpuint(st, ==, 28);
    qtest_quit(s);
}

/*
 * The FIB's interruption fields checked against the function: more
 * interruptions than MSI-X vectors (pci-testfn has 4), an AIBV or AISB
 * outside guest storage.
 */
static void test_register_int_checks(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0");
    uint32_t fh = zpci_enable(s, fh_of_fid(s, 0));
    unsigned st = 0;

    write_int_fib(s);
    qtest_writel(s, FIB + 40, 3u << 28 | 5u << 16 | 5u << 8 | 1u << 7 | 9);
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 2, FIB, &st), ==,
                    -PGM_OPERAND);
    /* nothing registered */
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 3, FIB, &st), ==, 1);
    g_assert_cmpuint(st, ==, 24);

    write_int_fib(s);
    qtest_writeq(s, FIB + 48, 0x40000000000ull); /* AIBV: no storage */
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 2, FIB, &st), ==, 1);
    g_assert_cmpuint(st, ==, 4);
    write_int_fib(s);
    qtest_writeq(s, FIB + 56, 0x8000000); /* AISB: just past the RAM */
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 2, FIB, &st), ==, 1);
    g_assert_cmpuint(st, ==, 4);

    write_int_fib(s);
    qtest_writeq(s, FIB + 56, UINT64_MAX); /* AISB byte wraps at 2^64 */
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 2, FIB, &st), ==, 1);
    g_assert_cmpuint(st, ==, 4);

    /* all four vectors: fine */
    write_int_fib(s);
    g_assert_cmpint(zpci_fc(s, "s390_mpcifc", fh, 2, FIB, &st), ==, 0);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/zpci-fc/register-int", test_register_int);
    g_test_add_func("/zpci-fc/airq", test_airq);
    g_test_add_func("/zpci-fc/reset-error", test_reset_error);
    g_test_add_func("/zpci-fc/checks", test_checks);
    g_test_add_func("/zpci-fc/register-int-checks", test_register_int_checks);
    return g_test_run();
}
