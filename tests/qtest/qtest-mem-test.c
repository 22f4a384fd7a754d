/*
 * qtest protocol against guest RAM: every access width, big-endian
 * layout, hex and base64 buffers, memset, the virtual clock, error
 * replies, and accesses outside RAM that must not hurt the emulator.
 *
 * QTEST_REAL_QEMU=1 runs it against a QEMU without the qtest accelerator
 * (Debian's: -accel tcg -S) to cross-check replies; the tests of what only
 * the qtest accelerator or our hardening provides are then skipped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libqtest.h"

#define RAM_SIZE (128 * 1024 * 1024) /* the machine's default */

static bool real_qemu;

static QTestState *start(void)
{
    QTestInitOptions opts = { .no_accel_qtest = real_qemu };

    return qtest_init_opts(
        &opts, real_qemu ? "-machine s390-ccw-virtio -accel tcg -S -nodefaults"
                         : "-machine s390-ccw-virtio -nodefaults");
}

/* Send a raw line and return the reply (g_free it). */
static gchar *raw(QTestState *s, const char *line)
{
    qtest_sendf(s, "%s\n", line);
    return qtest_recv_reply(s);
}

static void assert_raw(QTestState *s, const char *line, const char *expect)
{
    g_autofree gchar *rsp = raw(s, line);

    g_assert_cmpstr(rsp, ==, expect);
}

static void test_widths(void)
{
    QTestState *s = start();

    qtest_writeq(s, 0x1000, 0x1122334455667788ULL);
    g_assert_cmphex(qtest_readq(s, 0x1000), ==, 0x1122334455667788ULL);
    g_assert_cmphex(qtest_readl(s, 0x1000), ==, 0x11223344);
    g_assert_cmphex(qtest_readl(s, 0x1004), ==, 0x55667788);
    g_assert_cmphex(qtest_readw(s, 0x1002), ==, 0x3344);
    g_assert_cmphex(qtest_readb(s, 0x1007), ==, 0x88);

    qtest_writel(s, 0x1000, 0xa1b2c3d4);
    qtest_writew(s, 0x1004, 0xe5f6);
    qtest_writeb(s, 0x1006, 0x07);
    g_assert_cmphex(qtest_readq(s, 0x1000), ==, 0xa1b2c3d4e5f60788ULL);
    g_assert_true(qtest_big_endian(s));

    /* bad hex digits: 0xf0|low for a bad high digit, 0xff for a bad low
     * one (QEMU's arithmetic, without its undefined shift of -1) */
    assert_raw(s, "write 0x3000 4 0xz1a23y", "OK");
    g_assert_cmphex(qtest_readl(s, 0x3000), ==, 0xf1a2ff00);

    /* a value wider than the access is cut to its low-order bytes */
    assert_raw(s, "writeb 0x1000 0x1ff", "OK");
    assert_raw(s, "writew 0x1002 0x12345", "OK");
    assert_raw(s, "readl 0x1000", "OK 0x00000000ffb22345");
    /* decimal addresses, -1 wraps */
    assert_raw(s, "writeq 4096 -1", "OK");
    assert_raw(s, "readq 0x1000", "OK 0xffffffffffffffff");
    qtest_quit(s);
}

static void test_buffers(void)
{
    QTestState *s = start();
    uint8_t out[4096], in[4096];
    size_t i;

    for (i = 0; i < sizeof(out); i++) {
        out[i] = i * 7 + 3;
    }
    qtest_memwrite(s, 0x10000, out, sizeof(out));
    qtest_bufread(s, 0x10000, in, sizeof(in));
    g_assert_cmpmem(in, sizeof(in), out, sizeof(out));
    g_assert_cmphex(qtest_readb(s, 0x10001), ==, out[1]);

    qtest_bufwrite(s, 0x20000, out, 1000);
    memset(in, 0, sizeof(in));
    qtest_memread(s, 0x20000, in, 1000);
    g_assert_cmpmem(in, 1000, out, 1000);

    qtest_memset(s, 0x20000, 0x5a, 16);
    g_assert_cmphex(qtest_readq(s, 0x20008), ==, 0x5a5a5a5a5a5a5a5aULL);
    g_assert_cmphex(qtest_readb(s, 0x20010), ==, out[16]);

    assert_raw(s, "write 0x3000 4 0xaabb", "OK");
    assert_raw(s, "read 0x3000 4", "OK 0xaabb0000");
    assert_raw(s, "b64write 0x3000 4 AQIDBA==", "OK");
    assert_raw(s, "read 0x3000 4", "OK 0x01020304");
    assert_raw(s, "b64read 0x3000 4", "OK AQIDBA==");
    assert_raw(s, "memset 0x3000 2 0x123", "OK");
    assert_raw(s, "read 0x3000 4", "OK 0x23230304");
    assert_raw(s, "write 0x3000 2 0x", "ERR invalid argument size");
    qtest_quit(s);
}

static void test_errors(void)
{
    QTestState *s = start();

    assert_raw(s, "foo bar", "FAIL Unknown command 'foo'");
    assert_raw(s, "READL 0x1000", "FAIL Unknown command 'READL'");
    assert_raw(s, " readl 0x1000", "FAIL Unknown command ''");
    assert_raw(s, "endianness", "OK big");
    if (!real_qemu) {
        /* QEMU aborts on these; we answer ERR and carry on */
        g_autofree gchar *r1 = raw(s, "readl");
        g_autofree gchar *r2 = raw(s, "readl 0xzz");
        g_autofree gchar *r3 = raw(s, "read 0x1000 0x100000000000");
        g_autofree gchar *r4 = raw(s, "");

        g_assert_true(g_str_has_prefix(r1, "ERR "));
        g_assert_true(g_str_has_prefix(r2, "ERR "));
        g_assert_true(g_str_has_prefix(r3, "ERR "));
        g_assert_cmpstr(r4, ==, "FAIL Unknown command ''");
        assert_raw(s, "read 0x1000 0", "OK 0x");
    }
    g_assert_true(qtest_probe_child(s));
    qtest_writel(s, 0x1000, 0xcafe);
    g_assert_cmphex(qtest_readl(s, 0x1000), ==, 0xcafe);
    qtest_quit(s);
}

static void test_outside_ram(void)
{
    QTestState *s = start();

    assert_raw(s, "readl 0x100000000000", "OK 0x0000000000000000");
    assert_raw(s, "writel 0x100000000000 0x1", "OK");
    assert_raw(s, "readq 0xfffffffffffffff8", "OK 0x0000000000000000");
    assert_raw(s, "read 0xfffffffffffffffe 2", "OK 0x0000");
    qtest_memset(s, 0x100000000000, 0xff, 4096);

    /* straddling the end of RAM: the RAM part is accessed, the rest not */
    assert_raw(s, "writel 0x7fffffe 0xffffffff", "OK");
    assert_raw(s, "read 0x7fffffc 8", "OK 0x0000ffff00000000");
    assert_raw(s, "readl 0x7fffffe", "OK 0x00000000ffff0000");

    g_assert_true(qtest_probe_child(s));
    g_assert_cmphex(qtest_readb(s, RAM_SIZE - 1), ==, 0xff);
    qtest_quit(s);
}

static void test_clock(void)
{
    QTestState *s;
    int64_t t0, t1;
    g_autofree gchar *r = NULL;

    if (real_qemu) {
        g_test_skip("clock_step needs the qtest accelerator");
        return;
    }
    s = start();
    t0 = qtest_clock_step(s, 0);
    t1 = qtest_clock_step(s, 1000);
    g_assert_cmpint(t1, ==, t0 + 1000);
    g_assert_cmpint(qtest_clock_set(s, t1 + 5000000), ==, t1 + 5000000);
    /* going back is not possible */
    g_assert_cmpint(qtest_clock_set(s, 10), ==, t1 + 5000000);
    /* with no timer pending, stepping to the next deadline is a no-op */
    g_assert_cmpint(qtest_clock_step_next(s), >=, t1 + 5000000);
    r = raw(s, "clock_step 100");
    g_assert_true(g_str_has_prefix(r, "OK "));
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    real_qemu = getenv("QTEST_REAL_QEMU") != NULL;
    g_test_add_func("/qtest-mem/widths", test_widths);
    g_test_add_func("/qtest-mem/buffers", test_buffers);
    g_test_add_func("/qtest-mem/errors", test_errors);
    g_test_add_func("/qtest-mem/outside-ram", test_outside_ram);
    g_test_add_func("/qtest-mem/clock", test_clock);
    return g_test_run();
}
