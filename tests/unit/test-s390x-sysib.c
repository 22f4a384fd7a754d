/*
 * The STSI system-information blocks (target/s390x/sysib.c) on their
 * own: the virtual machine's name in 3.2.2 (none: "TCGguest"; longer
 * than 8: cut in the EBCDIC field, whole in the extended name; other
 * characters through the EBCDIC code page), the counts with reserved
 * CPUs, every block zeroing the rest of the page, and the selectors
 * without a block leaving the buffer alone.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "target/s390x/sysib.h"

static const uint8_t uuid[16] = { 1, 2,  3,  4,  5,  6,  7,  8,
                                  9, 10, 11, 12, 13, 14, 15, 16 };

static S390SysInfo info(const char *name)
{
    S390SysInfo i = {
        .machine_type = 0x2827,
        .cpu_addr = 5,
        .total_cpus = 8,
        .conf_cpus = 3,
        .name = name,
        .uuid = uuid,
    };

    return i;
}

static void test_vm_names(void)
{
    g_autofree uint8_t *b = g_malloc(S390_SYSIB_SIZE);
    S390SysInfo in = info(NULL);
    /* "TCGguest" in EBCDIC */
    static const uint8_t tcg[8] = { 0xe3, 0xc3, 0xc7, 0x87,
                                    0xa4, 0x85, 0xa2, 0xa3 };
    static const uint8_t longname[8] = { 0x81, 0x82, 0x83, 0x84,
                                         0x85, 0x86, 0x87, 0x88 };
    g_autofree char *big = g_strnfill(300, 'x');

    g_assert_true(s390_sysib_build(b, 3, 2, 2, &in));
    g_assert_cmpmem(b + 44, 8, tcg, 8);
    g_assert_cmpstr((char *)b + 2048, ==, "TCGguest");
    g_assert_cmpmem(b + 80, 16, uuid, 16);
    g_assert_cmpuint(lduw_be_p(b + 36), ==, 8);
    g_assert_cmpuint(lduw_be_p(b + 38), ==, 3);
    g_assert_cmpuint(lduw_be_p(b + 42), ==, 5);

    in = info("abcdefghij");
    g_assert_true(s390_sysib_build(b, 3, 2, 2, &in));
    g_assert_cmpmem(b + 44, 8, longname, 8);
    g_assert_cmpstr((char *)b + 2048, ==, "abcdefghij");
    g_assert_cmpuint(b[2048 + 255], ==, 0);

    /* a short name is blank padded; '-' is 0x60 in EBCDIC */
    in = info("a-1");
    g_assert_true(s390_sysib_build(b, 3, 2, 2, &in));
    g_assert_cmphex(b[44], ==, 0x81);
    g_assert_cmphex(b[45], ==, 0x60);
    g_assert_cmphex(b[46], ==, 0xf1);
    g_assert_cmphex(b[47], ==, 0x40);
    g_assert_cmphex(b[51], ==, 0x40);

    /* the extended name is cut at 256 bytes, without a NUL then */
    in = info(big);
    g_assert_true(s390_sysib_build(b, 3, 2, 2, &in));
    g_assert_cmphex(b[2048 + 255], ==, 'x');
    g_assert_cmphex(b[2048 + 256], ==, 0);
}

static void test_blocks_zeroed(void)
{
    static const uint8_t blocks[][3] = {
        { 1, 1, 1 }, { 1, 2, 1 }, { 1, 2, 2 },
        { 2, 2, 1 }, { 2, 2, 2 }, { 3, 2, 2 }
    };
    g_autofree uint8_t *b = g_malloc(S390_SYSIB_SIZE);
    S390SysInfo in = info(NULL);

    for (unsigned i = 0; i < G_N_ELEMENTS(blocks); i++) {
        memset(b, 0xee, S390_SYSIB_SIZE);
        g_assert_true(
            s390_sysib_build(b, blocks[i][0], blocks[i][1], blocks[i][2], &in));
        g_assert_cmpuint(b[0], ==, 0);
        g_assert_cmpuint(b[1500], ==, 0);
        g_assert_cmpuint(b[S390_SYSIB_SIZE - 1], ==, 0);
    }
    /* the CPU address in 1.2.1 and 2.2.1 */
    g_assert_cmpuint(lduw_be_p(b + 102), ==, 0); /* 3.2.2: not there */
    g_assert_true(s390_sysib_build(b, 2, 2, 1, &in));
    g_assert_cmpuint(lduw_be_p(b + 102), ==, 5);
}

static void test_no_block(void)
{
    static const uint16_t sel[][3] = { { 0, 0, 0 }, { 1, 1, 0 },
                                       { 1, 1, 2 }, { 2, 1, 1 },
                                       { 3, 2, 1 }, { 3, 2, 258 },
                                       { 4, 2, 2 }, { 1, 0x101, 1 } };
    g_autofree uint8_t *b = g_malloc(S390_SYSIB_SIZE);
    S390SysInfo in = info(NULL);

    for (unsigned i = 0; i < G_N_ELEMENTS(sel); i++) {
        memset(b, 0xee, S390_SYSIB_SIZE);
        g_assert_false(
            s390_sysib_build(b, sel[i][0], sel[i][1], sel[i][2], &in));
        g_assert_cmpuint(b[0], ==, 0xee);
        g_assert_cmpuint(b[S390_SYSIB_SIZE - 1], ==, 0xee);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/sysib/vm-names", test_vm_names);
    g_test_add_func("/s390x/sysib/blocks-zeroed", test_blocks_zeroed);
    g_test_add_func("/s390x/sysib/no-block", test_no_block);
    return g_test_run();
}
