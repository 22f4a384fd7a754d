/*
 * virtio-ccw transport and virtio-rng-ccw, driven as Linux's virtio_ccw
 * driver does: SENSE ID, SET_VIRTIO_REV, feature negotiation, status,
 * queue set-up, DIAGNOSE 0x500 kicks, classic and adapter indicators,
 * the legacy (revision 0) layout, and the channel-program errors.
 */
#include "virtio-ccw-test.h"

static void test_sense_id(void)
{
    static const uint8_t rng[8] = { 0xff, 0x38, 0x32, 0x04, 0, 0, 0, 0 };
    static const uint8_t bal[8] = { 0xff, 0x38, 0x32, 0x05, 0, 0, 0, 0 };
    QTestState *s = vccw_start("virtio-rng-ccw");
    uint8_t id[8];
    CcwResult r;

    qtest_memset(s, DATA_ADDR, 0xaa, 64);
    r = ccw_run(s, CMD_SENSE_ID, F_SLI, 64, DATA_ADDR);
    g_assert_true(ccw_ok(r));
    g_assert_cmphex(r.ctrl, ==, 0x4007);
    g_assert_cmpint(r.count, ==, 64 - 8);
    qtest_memread(s, DATA_ADDR, id, 8);
    g_assert_cmpmem(id, 8, rng, 8);
    qtest_quit(s);

    s = vccw_start("virtio-balloon-ccw");
    r = ccw_run(s, CMD_SENSE_ID, 0, 8, DATA_ADDR);
    g_assert_true(ccw_ok(r));
    qtest_memread(s, DATA_ADDR, id, 8);
    g_assert_cmpmem(id, 8, bal, 8);
    qtest_quit(s);
}

static void test_revision(void)
{
    QTestState *s = vccw_start("virtio-rng-ccw");

    g_assert_true(ccw_rejected(s, vccw_set_rev(s, 3)));
    g_assert_true(ccw_ok(vccw_set_rev(s, 2)));
    /* only once */
    g_assert_true(ccw_rejected(s, vccw_set_rev(s, 1)));
    qtest_quit(s);

    s = vccw_start("virtio-rng-ccw,max_revision=0");
    g_assert_true(ccw_rejected(s, vccw_set_rev(s, 1)));
    g_assert_true(ccw_ok(vccw_set_rev(s, 0)));
    /* revision 0: no high feature word, no READ_STATUS */
    g_assert_cmphex(vccw_read_feat(s, 1), ==, 0);
    g_assert_true(
        ccw_rejected(s, ccw_run(s, CMD_READ_STATUS, 0, 1, DATA_ADDR)));
    qtest_quit(s);

    /* a driver that never sets the revision gets legacy */
    s = vccw_start("virtio-rng-ccw");
    g_assert_cmphex(vccw_read_feat(s, 1), ==, 0);
    g_assert_true(ccw_rejected(s, vccw_set_rev(s, 1)));
    qtest_quit(s);
}

static void test_features_status(void)
{
    QTestState *s = vccw_start("virtio-rng-ccw,event_idx=off");
    CcwResult r;

    g_assert_true(ccw_ok(vccw_set_rev(s, 2)));
    /* notify_on_empty, any_layout, indirect_desc; event_idx off */
    g_assert_cmphex(vccw_read_feat(s, 0), ==, 0x19000000);
    g_assert_cmphex(vccw_read_feat(s, 1), ==, 0x00000001);
    g_assert_cmphex(vccw_read_feat(s, 7), ==, 0);
    g_assert_true(ccw_ok(vccw_write_status(s, ST_ACK | ST_DRIVER)));
    g_assert_cmphex(vccw_read_status(s), ==, ST_ACK | ST_DRIVER);
    /* FEATURES_OK without VERSION_1 on a modern transport: refused */
    vccw_write_feat(s, 0, 0x10000000);
    r = vccw_write_status(s, ST_ACK | ST_DRIVER | ST_FEATURES_OK);
    g_assert_true(ccw_rejected(s, r));
    g_assert_cmphex(vccw_read_status(s), ==, ST_ACK | ST_DRIVER);
    vccw_write_feat(s, 1, 1);
    g_assert_true(
        ccw_ok(vccw_write_status(s, ST_ACK | ST_DRIVER | ST_FEATURES_OK)));
    g_assert_cmphex(vccw_read_status(s), ==,
                    ST_ACK | ST_DRIVER | ST_FEATURES_OK);
    /* status 0 resets */
    g_assert_true(ccw_ok(vccw_write_status(s, 0)));
    g_assert_cmphex(vccw_read_status(s), ==, 0);
    qtest_quit(s);
}

static void test_vq_conf_and_errors(void)
{
    QTestState *s = vccw_start("virtio-rng-ccw");
    CcwResult r;

    g_assert_true(ccw_ok(vccw_set_rev(s, 1)));
    g_assert_cmpint(vccw_vq_max(s, 0), ==, 8);
    g_assert_cmpint(vccw_vq_max(s, 1), ==, 0);
    g_assert_cmpint(vccw_vq_max(s, 1024), ==, -1);
    /* a queue the device does not have; a size not a power of two */
    r = vccw_set_vq(s, 1, 8, DESC_ADDR, AVAIL_ADR, USED_ADDR);
    g_assert_cmphex(r.cstat, ==, 0x20);
    r = vccw_set_vq(s, 0, 6, DESC_ADDR, AVAIL_ADR, USED_ADDR);
    g_assert_cmphex(r.cstat, ==, 0x20);
    r = vccw_set_vq(s, 0, 16, DESC_ADDR, AVAIL_ADR, USED_ADDR);
    g_assert_cmphex(r.cstat, ==, 0x20);
    /* unknown command: command reject */
    g_assert_true(ccw_rejected(s, ccw_run(s, 0x63, 0, 1, DATA_ADDR)));
    /* wrong length without SLI: program check; with SLI too short too */
    r = ccw_run(s, CMD_WRITE_STATUS, 0, 2, DATA_ADDR);
    g_assert_cmphex(r.cstat, ==, 0x20);
    g_assert_cmphex(r.ctrl, ==, 0x4017);
    r = ccw_run(s, CMD_READ_FEAT, F_SLI, 4, DATA_ADDR);
    g_assert_cmphex(r.cstat, ==, 0x20);
    r = ccw_run(s, CMD_READ_FEAT, F_SLI, 16, DATA_ADDR);
    g_assert_true(ccw_ok(r));
    g_assert_cmpint(r.count, ==, 11);
    /* data outside guest memory: channel data check */
    r = ccw_run(s, CMD_READ_FEAT, 0, 5, 0x7ffffff0);
    g_assert_cmphex(r.cstat, ==, 0x08);
    /* data chaining is not provided: program check */
    r = ccw_run(s, CMD_READ_FEAT, 0x80, 5, DATA_ADDR);
    g_assert_cmphex(r.cstat, ==, 0x20);
    qtest_quit(s);
}

/*
 * Run @n chained NOOPs at BUF_ADDR, then a TIC to one more NOOP (without
 * chaining): @n + 2 CCWs in all, the TIC one of them.
 */
static CcwResult run_noops_tic(QTestState *s, unsigned int n)
{
    uint64_t end = BUF_ADDR + 8 * (n + 1);
    CcwResult r;

    for (unsigned int i = 0; i < n; i++) {
        qtest_writeq(s, BUF_ADDR + 8 * i,
                     0x03ull << 56 | (uint64_t)F_CC << 48 | 1ull << 32 |
                         DATA_ADDR);
    }
    qtest_writeq(s, BUF_ADDR + 8 * n, 0x08ull << 56 | end);
    qtest_writeq(s, end, 0x03ull << 56 | 1ull << 32 | DATA_ADDR);
    qtest_writel(s, ORB_ADDR, 0x1234);
    qtest_writel(s, ORB_ADDR + 4, 0x0080ff00);
    qtest_writel(s, ORB_ADDR + 8, BUF_ADDR);
    g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", VSID, ORB_ADDR), ==, 0);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", VSID, IRB_ADDR), ==, 0);
    r.ctrl = qtest_readw(s, IRB_ADDR + 2);
    r.dstat = qtest_readb(s, IRB_ADDR + 8);
    r.cstat = qtest_readb(s, IRB_ADDR + 9);
    r.count = qtest_readw(s, IRB_ADDR + 10);
    return r;
}

/* At most 256 CCWs, a TIC counted like any other, end a program. */
static void test_program_limit(void)
{
    QTestState *s = vccw_start("virtio-rng-ccw");

    g_assert_true(ccw_ok(run_noops_tic(s, 254)));
    /* the 256th CCW is the TIC: the program goes on past the limit */
    g_assert_cmphex(run_noops_tic(s, 255).cstat, ==, 0x20);
    g_assert_cmphex(run_noops_tic(s, 300).cstat, ==, 0x20);
    qtest_quit(s);
}

static void test_diag500(void)
{
    QTestState *s = vccw_start("virtio-rng-ccw");
    g_autofree gchar *r = NULL;

    r = cmd(s, "s390_diag500 0 0x%x 0 0", VSID);
    g_assert_cmpstr(r, ==, "OK pgm 0x0006");
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, 0);
    g_assert_cmphex(vccw_kick(s, SID(5), 0), ==, (uint64_t)-22);
    g_assert_cmphex(vccw_kick(s, 5, 0), ==, (uint64_t)-22);
    g_assert_cmphex(vccw_kick(s, VSID, 1024), ==, (uint64_t)-22);
    /* a queue the device lacks, or not set up: nothing happens */
    g_assert_cmphex(vccw_kick(s, VSID, 3), ==, 0);
    qtest_quit(s);
}

static bool all_zero(const uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (b[i]) {
            return false;
        }
    }
    return true;
}

static void test_rng_classic(void)
{
    QTestState *s = vccw_start("virtio-rng-ccw");
    g_autofree gchar *intr = NULL, *none = NULL;
    uint8_t buf[96];

    vccw_bringup(s, 0, 0, 8);
    qtest_memset(s, BUF_ADDR, 0, 256);
    /* one request of two writable buffers, 64 + 32 bytes */
    vring_desc(s, DESC_ADDR, 0, BUF_ADDR, 64, 1 | 2, 1);
    vring_desc(s, DESC_ADDR, 1, BUF_ADDR + 64, 32, 2, 0);
    vring_avail(s, 8, 0, 0, 1);
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 1);
    g_assert_cmpint(rle32(s, USED_ADDR + 4), ==, 0);
    g_assert_cmpint(rle32(s, USED_ADDR + 8), ==, 96);
    qtest_memread(s, BUF_ADDR, buf, sizeof(buf));
    g_assert_false(all_zero(buf, 32));
    g_assert_false(all_zero(buf + 64, 32));
    g_assert_cmphex(qtest_readb(s, BUF_ADDR + 96), ==, 0);
    /* the queue's indicator bit and the subchannel's alert status */
    g_assert_cmphex(qtest_readq(s, IND_ADDR), ==, 1);
    g_free(cmd(s, "s390_cr6 0x10000000"));
    intr = cmd(s, "s390_io_intr");
    g_assert_cmpstr(intr, ==, "OK 0x00010000 0x00001234 3");
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", VSID, IRB_ADDR), ==, 0);
    g_assert_cmphex(qtest_readw(s, IRB_ADDR + 2), ==, 0x0011);
    /* no new request: the kick does nothing */
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, 0);
    none = cmd(s, "s390_io_intr");
    g_assert_cmpstr(none, ==, "OK none");
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 1);
    qtest_quit(s);
}

/*
 * rng= back ends, libvirt's <rng> <backend model='random'|'builtin'>: the
 * guest's buffer gets the bytes of rng-random's file; at its end the
 * request is filled with what there was.
 */
static void test_rng_backends(void)
{
    g_autofree char *path = g_strdup_printf("%s/rng-backend-%d.bin",
                                            g_get_tmp_dir(), getpid());
    g_autofree char *args = NULL;
    uint8_t pattern[40], buf[64];
    QTestState *s;

    for (size_t i = 0; i < sizeof(pattern); i++) {
        pattern[i] = 0xa0 + i;
    }
    g_assert_true(
        g_file_set_contents(path, (char *)pattern, sizeof(pattern), NULL));
    args = g_strdup_printf("-object '{\"qom-type\":\"rng-random\",\"id\":"
                           "\"objrng0\",\"filename\":\"%s\"}' "
                           "-device virtio-rng-ccw,rng=objrng0,devno=fe.0.0000",
                           path);
    s = start(args);
    vccw_enable(s);
    vccw_bringup(s, 0, 0, 8);
    qtest_memset(s, BUF_ADDR, 0, 128);
    vring_desc(s, DESC_ADDR, 0, BUF_ADDR, 32, 2, 0);
    vring_desc(s, DESC_ADDR, 1, BUF_ADDR + 32, 32, 2, 0);
    vring_avail(s, 8, 0, 0, 1);
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, 0);
    g_assert_cmpint(rle32(s, USED_ADDR + 8), ==, 32);
    vring_avail(s, 8, 1, 1, 2);
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 2);
    g_assert_cmpint(rle32(s, USED_ADDR + 16), ==, 8); /* the file's rest */
    qtest_memread(s, BUF_ADDR, buf, sizeof(buf));
    g_assert_cmpmem(buf, 40, pattern, 40);
    g_assert_true(all_zero(buf + 40, 24));
    qtest_quit(s);
    unlink(path);

    s = start("-object rng-builtin,id=r0 "
              "-device virtio-rng-ccw,rng=r0,devno=fe.0.0000");
    vccw_enable(s);
    vccw_bringup(s, 0, 0, 8);
    qtest_memset(s, BUF_ADDR, 0, 64);
    vring_desc(s, DESC_ADDR, 0, BUF_ADDR, 64, 2, 0);
    vring_avail(s, 8, 0, 0, 1);
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, 0);
    g_assert_cmpint(rle32(s, USED_ADDR + 8), ==, 64);
    qtest_memread(s, BUF_ADDR, buf, sizeof(buf));
    g_assert_false(all_zero(buf, 64));
    qtest_quit(s);
}

static void test_rng_backend_errors(void)
{
    static const char *const bad[][2] = {
        { "-object rng-random,id=r0,filename=/nonexistent",
          "Could not open '/nonexistent': No such file or directory" },
        { "-device virtio-rng-ccw,rng=nope", "Device 'nope' not found" },
        { "-object secret,id=s0,data=x -device virtio-rng-ccw,rng=s0",
          "Invalid parameter type for 'rng', expected: rng-backend" },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree char *full =
            g_strdup_printf("-machine s390-ccw-virtio -nodefaults %s",
                            bad[i][0]);
        g_autofree gchar *err = NULL;
        g_autofree gchar *out = NULL;
        int status = 0;

        out = qtest_run_cmdline(full, &status, &err);
        g_assert_cmpint(status, ==, 1);
        if (!strstr(err, bad[i][1])) {
            g_test_message("stderr: %s", err);
        }
        g_assert_nonnull(strstr(err, bad[i][1]));
    }
}

static void test_rng_indirect_adapter(void)
{
    QTestState *s = vccw_start("virtio-rng-ccw");
    g_autofree gchar *intr = NULL, *none = NULL;
    uint8_t ta[25] = { 0 };
    uint8_t buf[48];

    vccw_bringup(s, 1u << 28, 0, 8);
    /* adapter indicators: summary byte, bits from 5, ISC 2 */
    qtest_memset(s, SUM_ADDR, 0, 32);
    for (int i = 0; i < 8; i++) {
        ta[7 - i] = (uint64_t)SUM_ADDR >> (8 * i);
        ta[15 - i] = (uint64_t)AIND_ADDR >> (8 * i);
    }
    ta[23] = 5;
    ta[24] = 2;
    /* classic indicators are set: adapter ones are refused */
    g_assert_true(ccw_rejected(s, ccw_write(s, CMD_SET_IND_AD, ta, 25)));
    g_assert_true(ccw_ok(ccw_run(s, CMD_VDEV_RESET, 0, 0, 0)));
    g_assert_true(ccw_ok(vccw_write_status(s, ST_ACK | ST_DRIVER)));
    vccw_write_feat(s, 0, 1u << 28);
    vccw_write_feat(s, 1, 1);
    g_assert_true(
        ccw_ok(vccw_write_status(s, ST_ACK | ST_DRIVER | ST_FEATURES_OK)));
    g_assert_true(ccw_ok(ccw_write(s, CMD_SET_IND_AD, ta, 25)));
    g_assert_true(ccw_rejected(s, vccw_set_ind(s, CMD_SET_IND, IND_ADDR)));
    g_assert_true(
        ccw_ok(vccw_set_vq(s, 0, 8, DESC_ADDR, AVAIL_ADR, USED_ADDR)));
    g_assert_true(
        ccw_ok(vccw_write_status(s, ST_ACK | ST_DRIVER | ST_FEATURES_OK |
                                        ST_DRIVER_OK)));
    /* one indirect descriptor: a table of two writable buffers */
    qtest_memset(s, BUF_ADDR, 0, 64);
    vring_desc(s, IDESC_ADR, 0, BUF_ADDR, 16, 1 | 2, 1);
    vring_desc(s, IDESC_ADR, 1, BUF_ADDR + 16, 32, 2, 0);
    vring_desc(s, DESC_ADDR, 3, IDESC_ADR, 32, 4, 0);
    vring_avail(s, 8, 0, 3, 1);
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 1);
    g_assert_cmpint(rle32(s, USED_ADDR + 4), ==, 3);
    g_assert_cmpint(rle32(s, USED_ADDR + 8), ==, 48);
    qtest_memread(s, BUF_ADDR, buf, sizeof(buf));
    g_assert_false(all_zero(buf, 16));
    g_assert_false(all_zero(buf + 16, 32));
    /* bit 5 of the indicators (from the left), summary 1, ISC 2 */
    g_assert_cmphex(qtest_readb(s, AIND_ADDR), ==, 0x04);
    g_assert_cmphex(qtest_readb(s, SUM_ADDR), ==, 0x01);
    g_free(cmd(s, "s390_cr6 0x20000000"));
    intr = cmd(s, "s390_io_intr");
    g_assert_cmpstr(intr, ==, "OK 0x00000000 0x00000000 2 adapter");
    /* the driver has not cleared the bit: no second interruption */
    vring_avail(s, 8, 1, 3, 2);
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 2);
    none = cmd(s, "s390_io_intr");
    g_assert_cmpstr(none, ==, "OK none");
    qtest_quit(s);
}

/* Revision 0: the legacy SET_VQ layout and big-endian rings. */
/*
 * A request is filled up to 64 KiB: also one of more than 4 GiB (40
 * indirect buffers of 127 MiB, all over the same guest memory).
 */
static void test_rng_large_request(void)
{
    QTestState *s = vccw_start("virtio-rng-ccw");

    vccw_bringup(s, 1u << 28, 0, 8);
    qtest_memset(s, 0x100000, 0, 0x30000);
    vring_desc(s, DESC_ADDR, 0, 0x100000, 0x20000, 2, 0);
    vring_avail(s, 8, 0, 0, 1);
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 1);
    g_assert_cmpint(rle32(s, USED_ADDR + 8), ==, 0x10000);
    g_assert_cmphex(qtest_readq(s, 0x100000 + 0x10000), ==, 0);
    for (unsigned int i = 0; i < 40; i++) {
        vring_desc(s, IDESC_ADR, i, 0x100000, 0x7f00000, 1 | 2, i + 1);
    }
    wle16(s, IDESC_ADR + 16 * 39 + 12, 2); /* the last: no NEXT */
    vring_desc(s, DESC_ADDR, 1, IDESC_ADR, 16 * 40, 4, 0);
    vring_avail(s, 8, 1, 1, 2);
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 2);
    g_assert_cmpint(rle32(s, USED_ADDR + 12), ==, 1);
    g_assert_cmpint(rle32(s, USED_ADDR + 16), ==, 0x10000);
    qtest_quit(s);
}

static void test_rng_legacy(void)
{
    QTestState *s = vccw_start("virtio-rng-ccw");
    const uint64_t used = DESC_ADDR + 0x1000; /* 8 entries: one page */
    CcwResult r;
    uint8_t buf[32];

    g_assert_true(ccw_ok(vccw_set_rev(s, 0)));
    g_assert_true(ccw_ok(vccw_write_status(s, ST_ACK | ST_DRIVER)));
    vccw_write_feat(s, 0, 0);
    qtest_writeq(s, IND_ADDR, 0);
    g_assert_true(ccw_ok(vccw_set_ind(s, CMD_SET_IND, IND_ADDR)));
    qtest_memset(s, DESC_ADDR, 0, 0x2000);
    qtest_writeq(s, DATA_ADDR, DESC_ADDR);
    qtest_writel(s, DATA_ADDR + 8, 4096);
    qtest_writew(s, DATA_ADDR + 12, 0);
    qtest_writew(s, DATA_ADDR + 14, 8);
    r = ccw_run(s, CMD_SET_VQ, 0, 16, DATA_ADDR);
    g_assert_true(ccw_ok(r));
    g_assert_true(
        ccw_ok(vccw_write_status(s, ST_ACK | ST_DRIVER | ST_DRIVER_OK)));
    /* big-endian descriptor, avail ring right after the table */
    qtest_memset(s, BUF_ADDR, 0, 64);
    qtest_writeq(s, DESC_ADDR, BUF_ADDR);
    qtest_writel(s, DESC_ADDR + 8, 32);
    qtest_writew(s, DESC_ADDR + 12, 2);
    qtest_writew(s, DESC_ADDR + 16 * 8 + 4, 0);
    qtest_writew(s, DESC_ADDR + 16 * 8 + 2, 1);
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, 0);
    g_assert_cmpint(qtest_readw(s, used + 2), ==, 1);
    g_assert_cmpint(qtest_readl(s, used + 4), ==, 0);
    g_assert_cmpint(qtest_readl(s, used + 8), ==, 32);
    qtest_memread(s, BUF_ADDR, buf, sizeof(buf));
    g_assert_false(all_zero(buf, sizeof(buf)));
    g_assert_cmphex(qtest_readq(s, IND_ADDR), ==, 1);
    qtest_quit(s);
}

/* max-bytes per period: the rest waits for the next period. */
static void test_rng_rate_limit(void)
{
    QTestState *s = vccw_start("virtio-rng-ccw,max-bytes=16,period=1000");

    vccw_bringup(s, 0, 0, 8);
    vring_desc(s, DESC_ADDR, 0, BUF_ADDR, 64, 2, 0);
    vring_desc(s, DESC_ADDR, 1, BUF_ADDR + 64, 64, 2, 0);
    vring_avail(s, 8, 0, 0, 1);
    vring_avail(s, 8, 1, 1, 2);
    vccw_kick(s, VSID, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 1);
    g_assert_cmpint(rle32(s, USED_ADDR + 8), ==, 16);
    qtest_clock_step(s, 1000 * 1000 * 1000LL);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 2);
    g_assert_cmpint(rle32(s, USED_ADDR + 12), ==, 1);
    g_assert_cmpint(rle32(s, USED_ADDR + 16), ==, 16);
    qtest_quit(s);
}

/* EVENT_IDX: notifications only when used passes the driver's event */
static void test_rng_event_idx(void)
{
    QTestState *s = vccw_start("virtio-rng-ccw");

    vccw_bringup(s, 1u << 29, 0, 8);
    wle16(s, AVAIL_ADR + 4 + 2 * 8, 5); /* used_event */
    vring_desc(s, DESC_ADDR, 0, BUF_ADDR, 16, 2, 0);
    vring_avail(s, 8, 0, 0, 1);
    vccw_kick(s, VSID, 0);
    /* the first notification always goes; avail_event follows us */
    g_assert_cmphex(qtest_readq(s, IND_ADDR), ==, 1);
    g_assert_cmpint(rle16(s, USED_ADDR + 4 + 8 * 8), ==, 1);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", VSID, IRB_ADDR), ==, 0);
    qtest_writeq(s, IND_ADDR, 0);
    /* used 1 -> 2 does not pass event 5: no notification */
    vring_avail(s, 8, 1, 0, 2);
    vccw_kick(s, VSID, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 2);
    g_assert_cmphex(qtest_readq(s, IND_ADDR), ==, 0);
    /* the driver asks for the next one */
    wle16(s, AVAIL_ADR + 4 + 2 * 8, 2);
    vring_avail(s, 8, 2, 0, 3);
    vccw_kick(s, VSID, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 3);
    g_assert_cmphex(qtest_readq(s, IND_ADDR), ==, 1);
    qtest_quit(s);
}

/* device_add / device_del of virtio-ccw devices while the guest runs */
static void test_hotplug(void)
{
    QTestState *s = start("");

    qtest_qmp_assert_success(s, "{'execute': 'device_add', 'arguments': "
                                "{'driver': 'virtio-rng-ccw', 'id': 'r1', "
                                "'devno': 'fe.0.0000'}}");
    vccw_enable(s);
    vccw_bringup(s, 0, 0, 8);
    vring_desc(s, DESC_ADDR, 0, BUF_ADDR, 16, 2, 0);
    vring_avail(s, 8, 0, 0, 1);
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, 0);
    qtest_qmp_assert_success(
        s, "{'execute': 'device_del', 'arguments': {'id': 'r1'}}");
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, (uint64_t)-22);
    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", VSID, SCHIB_ADDR), ==, 3);
    qtest_qmp_assert_success(s, "{'execute': 'device_add', 'arguments': "
                                "{'driver': 'virtio-balloon-ccw', "
                                "'id': 'b1'}}");
    g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", VSID, SCHIB_ADDR), ==, 0);
    qtest_quit(s);
}

static void test_props(void)
{
    int status = 0;
    g_autofree gchar *err = NULL, *err2 = NULL;
    g_autofree gchar *out = qtest_run_cmdline(
        "-machine s390-ccw-virtio -nodefaults -device virtio-rng-ccw,"
        "max_revision=3",
        &status, &err);
    g_autofree gchar *out2 = NULL;

    g_assert_cmpint(status, !=, 0);
    g_assert_nonnull(strstr(err, "Invalid value of property max_rev (is 3 "
                                 "expected >= 0 and <= 2)"));
    out2 = qtest_run_cmdline("-machine s390-ccw-virtio -nodefaults -device "
                             "virtio-rng-ccw,packed=on",
                             &status, &err2);
    g_assert_cmpint(status, !=, 0);
    g_assert_nonnull(strstr(err2, "packed virtqueues are not supported"));
}

/* system_reset: the revision and the device state start over */
static void test_reset(void)
{
    QTestState *s = vccw_start("virtio-rng-ccw");

    vccw_bringup(s, 0, 0, 8);
    qtest_qmp_assert_success(s, "{'execute': 'system_reset'}");
    vccw_enable(s);
    g_assert_true(ccw_ok(vccw_set_rev(s, 2)));
    g_assert_cmphex(vccw_read_status(s), ==, 0);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/virtio-ccw/sense-id", test_sense_id);
    g_test_add_func("/virtio-ccw/revision", test_revision);
    g_test_add_func("/virtio-ccw/features-status", test_features_status);
    g_test_add_func("/virtio-ccw/vq-conf-errors", test_vq_conf_and_errors);
    g_test_add_func("/virtio-ccw/diag500", test_diag500);
    g_test_add_func("/virtio-ccw/program-limit", test_program_limit);
    g_test_add_func("/virtio-ccw/rng-classic", test_rng_classic);
    g_test_add_func("/virtio-ccw/rng-indirect-adapter",
                    test_rng_indirect_adapter);
    g_test_add_func("/virtio-ccw/rng-large-request", test_rng_large_request);
    g_test_add_func("/virtio-ccw/rng-legacy", test_rng_legacy);
    g_test_add_func("/virtio-ccw/rng-rate-limit", test_rng_rate_limit);
    g_test_add_func("/virtio-ccw/rng-event-idx", test_rng_event_idx);
    g_test_add_func("/virtio-ccw/hotplug", test_hotplug);
    g_test_add_func("/virtio-ccw/rng-backends", test_rng_backends);
    g_test_add_func("/virtio-ccw/rng-backend-errors", test_rng_backend_errors);
    g_test_add_func("/virtio-ccw/props", test_props);
    g_test_add_func("/virtio-ccw/reset", test_reset);
    return g_test_run();
}
