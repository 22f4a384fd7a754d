/*
 * virtio-balloon-ccw as libvirt adds it and as Linux's virtio_balloon
 * drives it: features, config space (little-endian in every revision),
 * the inflate / deflate / statistics queues, free-page reporting.
 */
#include "virtio-ccw-test.h"

#define F_STATS_VQ  (1u << 1)
#define F_DEFLATE   (1u << 2)
#define F_POISON    (1u << 4)
#define F_REPORTING (1u << 5)
#define F_RING_BITS 0x39000000u
#define PFN_ADDR    0x31000
#define STATS_ADDR  0x32000

static void test_libvirt_line(void)
{
    /* the line libvirt writes for every s390 domain */
    QTestState *s = start("-device '{\"driver\":\"virtio-balloon-ccw\","
                          "\"id\":\"balloon0\",\"devno\":\"fe.0.0000\"}'");
    JsonNode *n = qtest_qom_get(s, "/machine/peripheral/balloon0", "dev_id");

    g_assert_nonnull(n);
    g_assert_cmpstr(json_node_get_string(n), ==, "fe.0.0000");
    json_node_unref(n);
    vccw_enable(s);
    g_assert_true(ccw_ok(ccw_run(s, CMD_SENSE_ID, F_SLI, 8, DATA_ADDR)));
    g_assert_cmphex(qtest_readb(s, DATA_ADDR + 3), ==, 0x05);
    qtest_quit(s);
}

static void test_features(void)
{
    QTestState *s = vccw_start("virtio-balloon-ccw");

    g_assert_true(ccw_ok(vccw_set_rev(s, 2)));
    g_assert_cmphex(vccw_read_feat(s, 0), ==,
                    F_RING_BITS | F_STATS_VQ | F_POISON);
    g_assert_cmpint(vccw_vq_max(s, 0), ==, 128);
    g_assert_cmpint(vccw_vq_max(s, 1), ==, 128);
    g_assert_cmpint(vccw_vq_max(s, 2), ==, 128);
    g_assert_cmpint(vccw_vq_max(s, 3), ==, 0);
    qtest_quit(s);

    s = vccw_start("virtio-balloon-ccw,deflate-on-oom=on,page-poison=off,"
                   "free-page-reporting=on");
    g_assert_true(ccw_ok(vccw_set_rev(s, 2)));
    g_assert_cmphex(vccw_read_feat(s, 0), ==,
                    F_RING_BITS | F_STATS_VQ | F_DEFLATE | F_REPORTING);
    g_assert_cmpint(vccw_vq_max(s, 3), ==, 32);
    qtest_quit(s);
}

static void test_free_page_hint_refused(void)
{
    int status = 0;
    g_autofree gchar *err = NULL;
    g_autofree gchar *out =
        qtest_run_cmdline("-machine s390-ccw-virtio -nodefaults -device "
                          "virtio-balloon-ccw,free-page-hint=on",
                          &status, &err);

    g_assert_cmpint(status, !=, 0);
    g_assert_nonnull(strstr(err, "free-page-hint is not supported"));
}

static void test_config(void)
{
    QTestState *s = vccw_start("virtio-balloon-ccw");
    uint8_t cfg[16] = { 0 };
    CcwResult r;

    g_assert_true(ccw_ok(vccw_set_rev(s, 2)));
    qtest_memset(s, DATA_ADDR, 0xaa, 32);
    r = ccw_run(s, CMD_READ_CONF, F_SLI, 32, DATA_ADDR);
    g_assert_true(ccw_ok(r));
    g_assert_cmpint(r.count, ==, 16);                /* page poison: 16 bytes */
    g_assert_cmphex(rle32(s, DATA_ADDR), ==, 0);     /* num_pages */
    g_assert_cmphex(rle32(s, DATA_ADDR + 4), ==, 0); /* actual */
    g_assert_cmphex(qtest_readb(s, DATA_ADDR + 16), ==, 0xaa);
    /* the guest reports actual and its poison value */
    vccw_write_feat(s, 0, F_POISON);
    vccw_write_feat(s, 1, 1);
    cfg[4] = 100;
    cfg[12] = 0x5a;
    cfg[13] = 0x5a;
    qtest_memwrite(s, DATA_ADDR, cfg, 16);
    g_assert_true(ccw_ok(ccw_run(s, CMD_WRITE_CONF, 0, 16, DATA_ADDR)));
    qtest_memset(s, DATA_ADDR, 0, 16);
    g_assert_true(ccw_ok(ccw_run(s, CMD_READ_CONF, 0, 16, DATA_ADDR)));
    g_assert_cmphex(rle32(s, DATA_ADDR + 4), ==, 100);
    g_assert_cmphex(rle32(s, DATA_ADDR + 12), ==, 0x5a5a);
    qtest_quit(s);

    /* without page poisoning: 8 bytes, and little-endian in legacy too */
    s = vccw_start("virtio-balloon-ccw,page-poison=off");
    g_assert_true(ccw_ok(vccw_set_rev(s, 0)));
    memset(cfg, 0, sizeof(cfg));
    cfg[4] = 7;
    qtest_memwrite(s, DATA_ADDR, cfg, 8);
    g_assert_true(ccw_ok(ccw_run(s, CMD_WRITE_CONF, 0, 8, DATA_ADDR)));
    r = ccw_run(s, CMD_READ_CONF, F_SLI, 16, DATA_ADDR);
    g_assert_true(ccw_ok(r));
    g_assert_cmpint(r.count, ==, 8);
    g_assert_cmphex(rle32(s, DATA_ADDR + 4), ==, 7);
    qtest_quit(s);
}

/*
 * The host's target (QMP balloon, in bytes of guest size) is num_pages in
 * the config, with a config-change indication once the driver runs; the
 * guest's actual comes back as query-balloon's size and a BALLOON_CHANGE
 * event.
 */
static void test_target(void)
{
    QTestState *s = start("-m 256M -device virtio-balloon-ccw,devno=fe.0.0000");
    JsonObject *ev, *rsp;
    uint8_t cfg[8] = { 0 };

    vccw_enable(s);
    vccw_bringup(s, F_STATS_VQ, 0, 128);
    g_assert_cmphex(qtest_readq(s, CIND_ADDR), ==, 0);
    qtest_qmp_assert_success(
        s, "{'execute':'balloon','arguments':{'value':201326592}}");
    g_assert_cmphex(qtest_readq(s, CIND_ADDR), ==, 1);
    /* the indication's interruption: status pending */
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", VSID, IRB_ADDR), ==, 0);
    g_assert_true(ccw_ok(ccw_run(s, CMD_READ_CONF, F_SLI, 8, DATA_ADDR)));
    g_assert_cmphex(rle32(s, DATA_ADDR), ==, (64 << 20) >> 12);
    g_assert_cmphex(rle32(s, DATA_ADDR + 4), ==, 0);
    /* the guest gave the pages */
    cfg[1] = 0x40; /* num_pages as read: 0x4000 */
    cfg[4] = 0x40; /* actual 0x40 pages */
    qtest_memwrite(s, DATA_ADDR, cfg, 8);
    g_assert_true(ccw_ok(ccw_run(s, CMD_WRITE_CONF, 0, 8, DATA_ADDR)));
    ev = qtest_qmp_eventwait_ref(s, "BALLOON_CHANGE");
    g_assert_cmpint(json_object_get_int_member(
                        json_object_get_object_member(ev, "data"), "actual"),
                    ==, (256 << 20) - (0x40 << 12));
    json_object_unref(ev);
    cfg[4] = 0x00;
    cfg[5] = 0x40; /* actual 0x4000 pages: 64 MiB */
    qtest_memwrite(s, DATA_ADDR, cfg, 8);
    g_assert_true(ccw_ok(ccw_run(s, CMD_WRITE_CONF, 0, 8, DATA_ADDR)));
    ev = qtest_qmp_eventwait_ref(s, "BALLOON_CHANGE");
    g_assert_cmpint(json_object_get_int_member(
                        json_object_get_object_member(ev, "data"), "actual"),
                    ==, 192 << 20);
    json_object_unref(ev);
    rsp = qtest_qmp(s, "{'execute':'query-balloon'}");
    g_assert_cmpint(json_object_get_int_member(
                        json_object_get_object_member(rsp, "return"), "actual"),
                    ==, 192 << 20);
    json_object_unref(rsp);
    /* a target above the RAM: no pages */
    qtest_qmp_assert_success(
        s, "{'execute':'balloon','arguments':{'value':999999999999}}");
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", VSID, IRB_ADDR), ==, 0);
    g_assert_true(ccw_ok(ccw_run(s, CMD_READ_CONF, F_SLI, 8, DATA_ADDR)));
    g_assert_cmphex(rle32(s, DATA_ADDR), ==, 0);
    qtest_quit(s);
}

/* QEMU serves one balloon */
static void test_second_refused(void)
{
    int status = 0;
    g_autofree gchar *err = NULL;
    g_autofree gchar *out = qtest_run_cmdline(
        "-machine s390-ccw-virtio -nodefaults -device virtio-balloon-ccw "
        "-device virtio-balloon-ccw,id=b1",
        &status, &err);

    g_assert_cmpint(status, ==, 1);
    g_assert_nonnull(strstr(err, "-device virtio-balloon-ccw,id=b1: Only one "
                                 "balloon device is supported"));
}

/* Inflate two requests and deflate one; all come back used, notified. */
static void test_inflate_deflate(void)
{
    QTestState *s = vccw_start("virtio-balloon-ccw");
    const uint64_t dused = USED_ADDR + 0x4000;

    vccw_bringup(s, F_STATS_VQ, 0, 128);
    qtest_memset(s, dused - 0x2000, 0, 0x3000);
    g_assert_true(ccw_ok(
        vccw_set_vq(s, 1, 128, DESC_ADDR + 0x4000, AVAIL_ADR + 0x4000, dused)));
    /* 4 page frames, one of them beyond guest RAM: all given back */
    wle32(s, PFN_ADDR, 0x100);
    wle32(s, PFN_ADDR + 4, 0x101);
    wle32(s, PFN_ADDR + 8, 0x102);
    wle32(s, PFN_ADDR + 12, 0x7fffffff);
    vring_desc(s, DESC_ADDR, 0, PFN_ADDR, 16, 0, 0);
    vring_avail(s, 128, 0, 0, 1);
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 1);
    g_assert_cmpint(rle32(s, USED_ADDR + 4), ==, 0);
    g_assert_cmpint(rle32(s, USED_ADDR + 8), ==, 0);
    g_assert_cmphex(qtest_readq(s, IND_ADDR), ==, 1ull << 0);
    /* deflate on queue 1 */
    vring_desc(s, DESC_ADDR + 0x4000, 5, PFN_ADDR, 8, 0, 0);
    wle16(s, AVAIL_ADR + 0x4000 + 4, 5);
    wle16(s, AVAIL_ADR + 0x4000 + 2, 1);
    g_assert_cmphex(vccw_kick(s, VSID, 1), ==, 0);
    g_assert_cmpint(rle16(s, dused + 2), ==, 1);
    g_assert_cmpint(rle32(s, dused + 4), ==, 5);
    g_assert_cmphex(qtest_readq(s, IND_ADDR), ==, 1ull << 0 | 1ull << 1);
    qtest_quit(s);
}

/* 128 chained buffers of 127 MiB over the same guest memory at @table. */
static void long_chain(QTestState *s, uint64_t table)
{
    for (unsigned int i = 0; i < 128; i++) {
        vring_desc(s, table, i, 0x100000, 0x7f00000, i < 127, i + 1);
    }
}

/*
 * Requests of 16 GiB (buffers aliasing guest memory): the kicks return,
 * the inflate request is given back, the statistics buffer kept.
 */
static void test_large_requests(void)
{
    QTestState *s = vccw_start("virtio-balloon-ccw");
    const uint64_t sq = 0x8000;

    vccw_bringup(s, F_STATS_VQ, 0, 128);
    qtest_memset(s, DESC_ADDR + sq, 0, 0x3000);
    g_assert_true(ccw_ok(vccw_set_vq(s, 2, 128, DESC_ADDR + sq, AVAIL_ADR + sq,
                                     USED_ADDR + sq)));
    long_chain(s, DESC_ADDR);
    vring_avail(s, 128, 0, 0, 1);
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 1);
    long_chain(s, DESC_ADDR + sq);
    wle16(s, AVAIL_ADR + sq + 4, 0);
    wle16(s, AVAIL_ADR + sq + 2, 1);
    g_assert_cmphex(vccw_kick(s, VSID, 2), ==, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + sq + 2), ==, 0);
    g_assert_cmphex(qtest_readq(s, IND_ADDR), ==, 1ull << 0);
    qtest_quit(s);
}

/* The statistics buffer is kept by the device (not returned). */
static void test_stats(void)
{
    QTestState *s = vccw_start("virtio-balloon-ccw");

    vccw_bringup(s, F_STATS_VQ, 2, 128);
    wle16(s, STATS_ADDR, 4); /* free memory */
    wle64(s, STATS_ADDR + 2, 0x123456789ull);
    vring_desc(s, DESC_ADDR, 0, STATS_ADDR, 10, 0, 0);
    vring_avail(s, 128, 0, 0, 1);
    g_assert_cmphex(vccw_kick(s, VSID, 2), ==, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 0);
    g_assert_cmphex(qtest_readq(s, IND_ADDR), ==, 0);
    qtest_quit(s);
}

/* qom-get of the balloon's @prop */
static JsonObject *balloon_get(QTestState *s, const char *prop)
{
    g_autofree char *cmd =
        g_strdup_printf("{\"execute\": \"qom-get\", \"arguments\": {\"path\": "
                        "\"/machine/peripheral/b0\", \"property\": \"%s\"}}",
                        prop);
    JsonObject *rsp = qtest_qmp_raw(s, cmd);
    JsonObject *o = json_object_ref(
        json_object_get_object_member(rsp, "return"));

    json_object_unref(rsp);
    return o;
}

/*
 * libvirt's <stats period=...> / virsh dommemstat: guest-stats shows what
 * the guest sent; with guest-stats-polling-interval the buffer goes back
 * to the guest after that many seconds (virtual clock) for new figures.
 */
static void test_stats_polling(void)
{
    QTestState *s = start("-device virtio-balloon-ccw,id=b0,devno=fe.0.0000");
    g_autoptr(JsonObject) before = NULL;
    g_autoptr(JsonObject) after = NULL;
    JsonObject *st, *rsp;

    vccw_enable(s);
    before = balloon_get(s, "guest-stats");
    st = json_object_get_object_member(before, "stats");
    g_assert_cmpint(json_object_get_int_member(st, "stat-free-memory"), ==, -1);
    g_assert_cmpint(json_object_get_int_member(before, "last-update"), ==, 0);
    qtest_qmp_assert_success(s, "{'execute': 'qom-set', 'arguments': {'path': "
                                "'/machine/peripheral/b0', 'property': "
                                "'guest-stats-polling-interval', 'value': 2}}");
    vccw_bringup(s, F_STATS_VQ, 2, 128);
    wle16(s, STATS_ADDR, 4); /* free memory */
    wle64(s, STATS_ADDR + 2, 0x123456789ull);
    vring_desc(s, DESC_ADDR, 0, STATS_ADDR, 10, 0, 0);
    vring_avail(s, 128, 0, 0, 1);
    g_assert_cmphex(vccw_kick(s, VSID, 2), ==, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 0); /* kept */
    after = balloon_get(s, "guest-stats");
    st = json_object_get_object_member(after, "stats");
    g_assert_cmpint(json_object_get_int_member(st, "stat-free-memory"), ==,
                    0x123456789ll);
    g_assert_cmpint(json_object_get_int_member(st, "stat-swap-in"), ==, -1);
    g_assert_cmpint(json_object_get_int_member(after, "last-update"), >, 0);
    /* 2 s later the guest gets the buffer back */
    qtest_clock_step(s, 1000 * 1000 * 1000);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 0);
    qtest_clock_step(s, 1000 * 1000 * 1000);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 1);
    g_assert_cmphex(qtest_readq(s, IND_ADDR), ==, 1ull << 2);
    rsp = qtest_qmp(s, "{'execute': 'qom-set', 'arguments': {'path': "
                       "'/machine/peripheral/b0', 'property': "
                       "'guest-stats-polling-interval', 'value': -1}}");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(rsp, "error"), "desc"),
                    ==, "timer value must be greater than zero");
    json_object_unref(rsp);
    qtest_quit(s);
}

static void test_reporting(void)
{
    QTestState *s = vccw_start("virtio-balloon-ccw,free-page-reporting=on");

    vccw_bringup(s, F_STATS_VQ | F_REPORTING, 3, 32);
    vring_desc(s, DESC_ADDR, 0, 0x100000, 0x4000, 2, 0);
    vring_avail(s, 32, 0, 0, 1);
    g_assert_cmphex(vccw_kick(s, VSID, 3), ==, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 1);
    g_assert_cmpint(rle32(s, USED_ADDR + 8), ==, 0);
    g_assert_cmphex(qtest_readq(s, IND_ADDR), ==, 1ull << 3);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/virtio-balloon/libvirt-line", test_libvirt_line);
    g_test_add_func("/virtio-balloon/features", test_features);
    g_test_add_func("/virtio-balloon/free-page-hint-refused",
                    test_free_page_hint_refused);
    g_test_add_func("/virtio-balloon/config", test_config);
    g_test_add_func("/virtio-balloon/target", test_target);
    g_test_add_func("/virtio-balloon/second-refused", test_second_refused);
    g_test_add_func("/virtio-balloon/inflate-deflate", test_inflate_deflate);
    g_test_add_func("/virtio-balloon/large-requests", test_large_requests);
    g_test_add_func("/virtio-balloon/stats", test_stats);
    g_test_add_func("/virtio-balloon/stats-polling", test_stats_polling);
    g_test_add_func("/virtio-balloon/reporting", test_reporting);
    return g_test_run();
}
