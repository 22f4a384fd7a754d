/*
 * Malformed split rings through virtio-rng-ccw: every one puts the
 * device in the DEVICE_NEEDS_RESET state (READ_STATUS bit 0x40, the
 * config-change indicator and an I/O interruption), nothing is put in
 * the used ring, and the process goes on; after a reset the device
 * works again.
 */
#include "virtio-ccw-test.h"

#define F_INDIRECT (1u << 28)
#define D_NEXT     1
#define D_WRITE    2
#define D_INDIRECT 4

typedef void RingSetup(QTestState *s);

static void bad_head(QTestState *s)
{
    vring_avail(s, 8, 0, 8, 1);
}

static void bad_avail_idx(QTestState *s)
{
    vring_desc(s, DESC_ADDR, 0, BUF_ADDR, 16, D_WRITE, 0);
    vring_avail(s, 8, 0, 0, 9);
}

static void loop(QTestState *s)
{
    vring_desc(s, DESC_ADDR, 0, BUF_ADDR, 16, D_WRITE | D_NEXT, 1);
    vring_desc(s, DESC_ADDR, 1, BUF_ADDR, 16, D_WRITE | D_NEXT, 0);
    vring_avail(s, 8, 0, 0, 1);
}

static void bad_next(QTestState *s)
{
    vring_desc(s, DESC_ADDR, 0, BUF_ADDR, 16, D_WRITE | D_NEXT, 200);
    vring_avail(s, 8, 0, 0, 1);
}

static void outside_ram(QTestState *s)
{
    vring_desc(s, DESC_ADDR, 0, 0x100000000000ull, 16, D_WRITE, 0);
    vring_avail(s, 8, 0, 0, 1);
}

static void wrapping_buffer(QTestState *s)
{
    vring_desc(s, DESC_ADDR, 0, UINT64_MAX - 4, 16, D_WRITE, 0);
    vring_avail(s, 8, 0, 0, 1);
}

static void read_after_write(QTestState *s)
{
    vring_desc(s, DESC_ADDR, 0, BUF_ADDR, 16, D_WRITE | D_NEXT, 1);
    vring_desc(s, DESC_ADDR, 1, BUF_ADDR + 16, 16, 0, 0);
    vring_avail(s, 8, 0, 0, 1);
}

static void nested_indirect(QTestState *s)
{
    vring_desc(s, IDESC_ADR, 0, IDESC_ADR + 0x100, 16, D_INDIRECT, 0);
    vring_desc(s, DESC_ADDR, 0, IDESC_ADR, 16, D_INDIRECT, 0);
    vring_avail(s, 8, 0, 0, 1);
}

static void indirect_odd_len(QTestState *s)
{
    vring_desc(s, IDESC_ADR, 0, BUF_ADDR, 16, D_WRITE, 0);
    vring_desc(s, DESC_ADDR, 0, IDESC_ADR, 24, D_INDIRECT, 0);
    vring_avail(s, 8, 0, 0, 1);
}

static void indirect_with_next(QTestState *s)
{
    vring_desc(s, IDESC_ADR, 0, BUF_ADDR, 16, D_WRITE, 0);
    vring_desc(s, DESC_ADDR, 0, IDESC_ADR, 16, D_INDIRECT | D_NEXT, 1);
    vring_avail(s, 8, 0, 0, 1);
}

static void indirect_loop(QTestState *s)
{
    vring_desc(s, IDESC_ADR, 0, BUF_ADDR, 16, D_WRITE | D_NEXT, 1);
    vring_desc(s, IDESC_ADR, 1, BUF_ADDR, 16, D_WRITE | D_NEXT, 0);
    vring_desc(s, DESC_ADDR, 0, IDESC_ADR, 32, D_INDIRECT, 0);
    vring_avail(s, 8, 0, 0, 1);
}

static void indirect_outside_ram(QTestState *s)
{
    vring_desc(s, DESC_ADDR, 0, 0x7ffff0000000ull, 64, D_INDIRECT, 0);
    vring_avail(s, 8, 0, 0, 1);
}

/* Queue areas outside guest RAM: the device reads the avail index. */
static void rings_outside_ram(QTestState *s)
{
    g_assert_true(ccw_ok(vccw_set_vq(s, 0, 8, 0x7fff00000000ull,
                                     0x7fff00001000ull, 0x7fff00002000ull)));
}

/* A used ring it cannot write: broken when it returns the request. */
static void used_outside_ram(QTestState *s)
{
    g_assert_true(
        ccw_ok(vccw_set_vq(s, 0, 8, DESC_ADDR, AVAIL_ADR, 0x7fff00002000ull)));
    vring_desc(s, DESC_ADDR, 0, BUF_ADDR, 16, D_WRITE, 0);
    vring_avail(s, 8, 0, 0, 1);
}

static void check_broken(QTestState *s)
{
    g_autofree gchar *intr = NULL;

    /* the config-change notification: indicator bit 0, alert status */
    g_assert_cmphex(qtest_readq(s, CIND_ADDR), ==, 1);
    g_assert_cmphex(qtest_readq(s, IND_ADDR), ==, 0);
    g_free(cmd(s, "s390_cr6 0x10000000"));
    intr = cmd(s, "s390_io_intr");
    g_assert_cmpstr(intr, ==, "OK 0x00010000 0x00001234 3");
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", VSID, IRB_ADDR), ==, 0);
    g_assert_cmphex(qtest_readw(s, IRB_ADDR + 2), ==, 0x0011);
    g_assert_cmphex(vccw_read_status(s) & ST_NEEDS_RESET, ==, ST_NEEDS_RESET);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 0);
    /* kicks do nothing now */
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 0);
}

/* After a reset the same device serves a good request. */
static void check_recovers(QTestState *s)
{
    g_assert_true(ccw_ok(vccw_write_status(s, 0)));
    g_assert_cmphex(vccw_read_status(s), ==, 0);
    g_assert_true(ccw_ok(vccw_write_status(s, ST_ACK | ST_DRIVER)));
    vccw_write_feat(s, 0, F_INDIRECT);
    vccw_write_feat(s, 1, 1);
    g_assert_true(
        ccw_ok(vccw_write_status(s, ST_ACK | ST_DRIVER | ST_FEATURES_OK)));
    g_assert_true(ccw_ok(vccw_set_ind(s, CMD_SET_IND, IND_ADDR)));
    qtest_memset(s, DESC_ADDR, 0, 0x3000);
    g_assert_true(
        ccw_ok(vccw_set_vq(s, 0, 8, DESC_ADDR, AVAIL_ADR, USED_ADDR)));
    g_assert_true(
        ccw_ok(vccw_write_status(s, ST_ACK | ST_DRIVER | ST_FEATURES_OK |
                                        ST_DRIVER_OK)));
    vring_desc(s, DESC_ADDR, 0, BUF_ADDR, 16, D_WRITE, 0);
    vring_avail(s, 8, 0, 0, 1);
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 1);
    g_assert_cmpint(rle32(s, USED_ADDR + 8), ==, 16);
}

static void run_case(const void *data)
{
    RingSetup *setup = (RingSetup *)data;
    QTestState *s = vccw_start("virtio-rng-ccw");

    vccw_bringup(s, F_INDIRECT, 0, 8);
    setup(s);
    vccw_kick(s, VSID, 0);
    check_broken(s);
    check_recovers(s);
    qtest_quit(s);
}

/* Indirect descriptors the driver did not negotiate. */
static void test_indirect_not_negotiated(void)
{
    QTestState *s = vccw_start("virtio-rng-ccw");

    vccw_bringup(s, 0, 0, 8);
    vring_desc(s, IDESC_ADR, 0, BUF_ADDR, 16, D_WRITE, 0);
    vring_desc(s, DESC_ADDR, 0, IDESC_ADR, 16, D_INDIRECT, 0);
    vring_avail(s, 8, 0, 0, 1);
    vccw_kick(s, VSID, 0);
    check_broken(s);
    qtest_quit(s);
}

/* A chain of more buffers than the queue has entries via indirection. */
static void test_long_indirect(void)
{
    QTestState *s = vccw_start("virtio-rng-ccw");
    const unsigned n = 1025;

    vccw_bringup(s, F_INDIRECT, 0, 8);
    vring_desc(s, DESC_ADDR, 0, 0x40000, n * 16, D_INDIRECT, 0);
    vring_avail(s, 8, 0, 0, 1);
    vccw_kick(s, VSID, 0);
    check_broken(s);
    qtest_quit(s);
}

static const struct {
    const char *name;
    RingSetup *setup;
} cases[] = {
    { "bad-head", bad_head },
    { "bad-avail-idx", bad_avail_idx },
    { "loop", loop },
    { "bad-next", bad_next },
    { "outside-ram", outside_ram },
    { "wrapping-buffer", wrapping_buffer },
    { "read-after-write", read_after_write },
    { "nested-indirect", nested_indirect },
    { "indirect-odd-len", indirect_odd_len },
    { "indirect-with-next", indirect_with_next },
    { "indirect-loop", indirect_loop },
    { "indirect-outside-ram", indirect_outside_ram },
    { "rings-outside-ram", rings_outside_ram },
    { "used-outside-ram", used_outside_ram },
};

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = g_strdup_printf("/virtio-ring/%s",
                                                cases[i].name);

        g_test_add_data_func(path, (const void *)cases[i].setup, run_case);
    }
    g_test_add_func("/virtio-ring/indirect-not-negotiated",
                    test_indirect_not_negotiated);
    g_test_add_func("/virtio-ring/long-indirect", test_long_indirect);
    return g_test_run();
}
