/*
 * virtio-blk-ccw on -drive / -blockdev raw images, driven as Linux's
 * virtio_blk does: config space, read of a known sector, write through
 * to the image, flush, get-id, errors (range, read-only, unknown type,
 * missing header), and QEMU's image locking between two processes.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "virtio-ccw-test.h"

#define IMG_SECTORS 2048
#define HDR_ADDR    0x31000
#define STAT_ADDR   0x31100
#define F_BLK_BITS  (1u << 2 | 1u << 6 | 1u << 9 | 1u << 10 | 1u << 11)
#define F_RO        (1u << 5)

static char *img_path;

/* Sector n: "SECT" + n as 4 bytes, then bytes of value n & 0xff. */
static void make_image(void)
{
    int fd;
    uint8_t sec[512];

    img_path = g_strdup_printf("%s/virtio-blk-test-%d.img", g_get_tmp_dir(),
                               getpid());
    fd = open(img_path, O_CREAT | O_TRUNC | O_WRONLY, 0600);
    g_assert_cmpint(fd, >=, 0);
    for (uint32_t n = 0; n < IMG_SECTORS; n++) {
        memset(sec, n & 0xff, sizeof(sec));
        memcpy(sec, "SECT", 4);
        memcpy(sec + 4, &n, 4);
        g_assert_cmpint(write(fd, sec, sizeof(sec)), ==, sizeof(sec));
    }
    close(fd);
}

static QTestState *blk_start(const char *drive_opts, const char *dev_opts)
{
    g_autofree char *args =
        g_strdup_printf("-drive file=%s,if=none,id=d0,format=raw%s "
                        "-device virtio-blk-ccw,drive=d0,devno=fe.0.0000%s",
                        img_path, drive_opts, dev_opts);
    QTestState *s = start(args);

    vccw_enable(s);
    return s;
}

/*
 * One request: header (type, sector), then @len data bytes (writable for
 * reads and get-id), then the status byte. Returns the status; *@used the
 * used length.
 */
static int blk_req(QTestState *s, uint16_t slot, uint32_t type, uint64_t sector,
                   uint32_t len, bool dev_writes, uint32_t *used)
{
    unsigned d = slot * 3 % 256;

    wle32(s, HDR_ADDR, type);
    wle32(s, HDR_ADDR + 4, 0);
    wle64(s, HDR_ADDR + 8, sector);
    qtest_writeb(s, STAT_ADDR, 0xff);
    vring_desc(s, DESC_ADDR, d, HDR_ADDR, 16, 1, d + 1);
    vring_desc(s, DESC_ADDR, d + 1, BUF_ADDR, len, 1 | (dev_writes ? 2 : 0),
               d + 2);
    vring_desc(s, DESC_ADDR, d + 2, STAT_ADDR, 1, 2, 0);
    vring_avail(s, 256, slot, d, slot + 1);
    g_assert_cmphex(vccw_kick(s, VSID, 0), ==, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, slot + 1);
    g_assert_cmpint(rle32(s, USED_ADDR + 4 + 8 * slot), ==, d);
    *used = rle32(s, USED_ADDR + 8 + 8 * slot);
    return qtest_readb(s, STAT_ADDR);
}

static void test_config(void)
{
    QTestState *s = blk_start("", "");
    CcwResult r;

    g_assert_true(ccw_ok(ccw_run(s, CMD_SENSE_ID, F_SLI, 8, DATA_ADDR)));
    g_assert_cmphex(qtest_readb(s, DATA_ADDR + 3), ==, 0x02);
    g_assert_true(ccw_ok(vccw_set_rev(s, 2)));
    g_assert_cmphex(vccw_read_feat(s, 0), ==, 0x39000000u | F_BLK_BITS);
    g_assert_cmpint(vccw_vq_max(s, 0), ==, 256);
    g_assert_cmpint(vccw_vq_max(s, 1), ==, 0);
    r = ccw_run(s, CMD_READ_CONF, F_SLI, 64, DATA_ADDR);
    g_assert_true(ccw_ok(r));
    g_assert_cmpint(r.count, ==, 64 - 36);
    g_assert_cmphex(rle32(s, DATA_ADDR), ==, IMG_SECTORS); /* capacity */
    g_assert_cmphex(rle32(s, DATA_ADDR + 4), ==, 0);
    g_assert_cmphex(rle32(s, DATA_ADDR + 12), ==, 254);     /* seg_max */
    g_assert_cmphex(rle32(s, DATA_ADDR + 20), ==, 512);     /* blk_size */
    g_assert_cmphex(qtest_readb(s, DATA_ADDR + 32), ==, 1); /* writeback */
    g_assert_cmphex(rle16(s, DATA_ADDR + 34), ==, 1);       /* num_queues */
    qtest_quit(s);
}

/*
 * write-cache=, which libvirt writes for every <driver cache=...>: off
 * starts the device in write-through mode (the config's writeback byte
 * 0), on and auto in write-back mode; the guest may still switch
 * (config-wce).
 */
static void test_write_cache(void)
{
    static const struct {
        const char *opt;
        uint8_t writeback;
    } cases[] = {
        { ",write-cache=off", 0 },
        { ",write-cache=on", 1 },
        { ",write-cache=auto", 1 },
        { ",write-cache=off,config-wce=off", 0 },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        QTestState *s = blk_start("", cases[i].opt);

        g_assert_true(ccw_ok(vccw_set_rev(s, 2)));
        g_assert_true(ccw_ok(ccw_run(s, CMD_READ_CONF, F_SLI, 64, DATA_ADDR)));
        g_assert_cmphex(qtest_readb(s, DATA_ADDR + 32), ==, cases[i].writeback);
        qtest_quit(s);
    }
}

/*
 * <blockio logical_block_size='4096' physical_block_size='4096'/> as
 * libvirt writes it (a 4 KiB-sector DASD's image): the config's blk_size
 * and topology, requests of whole logical blocks only; QEMU's errors.
 */
static void test_block_sizes(void)
{
    static const char *const bad[][2] = {
        { ",logical_block_size=4096",
          "logical_block_size > physical_block_size not supported" },
        { ",logical_block_size=1000",
          "Property .logical_block_size doesn't take value '1000', it's not "
          "a power of 2" },
        { ",physical_block_size=256",
          "Property .physical_block_size doesn't take value 256 (minimum: "
          "512, maximum: 2097152)" },
        { ",min_io_size=8", "min_io_size must be a multiple of "
                            "logical_block_size" },
    };
    QTestState *s = blk_start("", ",logical_block_size=4096,"
                                  "physical_block_size=4096,min_io_size=8192,"
                                  "opt_io_size=65536");
    uint32_t used;

    vccw_bringup(s, 0, 0, 256);
    g_assert_true(ccw_ok(ccw_run(s, CMD_READ_CONF, F_SLI, 36, DATA_ADDR)));
    g_assert_cmphex(rle32(s, DATA_ADDR), ==, IMG_SECTORS);  /* 512-byte units */
    g_assert_cmphex(rle32(s, DATA_ADDR + 20), ==, 4096);    /* blk_size */
    g_assert_cmphex(qtest_readb(s, DATA_ADDR + 24), ==, 0); /* phys exp */
    g_assert_cmphex(rle16(s, DATA_ADDR + 26), ==, 2);       /* min_io */
    g_assert_cmphex(rle32(s, DATA_ADDR + 28), ==, 16);      /* opt_io */
    /* one logical block at sector 8; not a half, not at sector 4 */
    g_assert_cmpint(blk_req(s, 0, 0, 8, 4096, true, &used), ==, 0);
    g_assert_cmphex(qtest_readb(s, BUF_ADDR + 4), ==, 8);
    g_assert_cmphex(qtest_readb(s, BUF_ADDR + 512 + 4), ==, 9);
    g_assert_cmpint(blk_req(s, 1, 0, 8, 512, true, &used), ==, 1);
    g_assert_cmpint(blk_req(s, 2, 0, 4, 4096, true, &used), ==, 1);
    qtest_quit(s);

    s = blk_start("", ",physical_block_size=4096");
    g_assert_true(ccw_ok(vccw_set_rev(s, 2)));
    g_assert_true(ccw_ok(ccw_run(s, CMD_READ_CONF, F_SLI, 36, DATA_ADDR)));
    g_assert_cmphex(rle32(s, DATA_ADDR + 20), ==, 512);
    g_assert_cmphex(qtest_readb(s, DATA_ADDR + 24), ==, 3); /* 8 per block */
    qtest_quit(s);

    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree char *args = g_strdup_printf(
            "-machine s390-ccw-virtio -nodefaults -drive file=%s,if=none,"
            "id=d0,format=raw -device virtio-blk-ccw,drive=d0%s",
            img_path, bad[i][0]);
        g_autofree gchar *err = NULL;
        g_autofree gchar *out = NULL;
        int status = 0;

        out = qtest_run_cmdline(args, &status, &err);
        g_assert_cmpint(status, ==, 1);
        if (!strstr(err, bad[i][1])) {
            g_test_message("stderr: %s", err);
        }
        g_assert_nonnull(strstr(err, bad[i][1]));
    }
}

/* What test_read_write's requests leave in query-blockstats */
static void check_blockstats(QTestState *s)
{
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-blockstats'}");
    JsonArray *arr = json_object_get_array_member(rsp, "return");
    JsonObject *e = json_array_get_object_element(arr, 0);
    JsonObject *st = json_object_get_object_member(e, "stats");
    JsonObject *parent = json_object_get_object_member(e, "parent");

    g_assert_cmpstr(json_object_get_string_member(e, "device"), ==, "d0");
    g_assert_cmpint(json_object_get_int_member(st, "rd_operations"), ==, 1);
    g_assert_cmpint(json_object_get_int_member(st, "rd_bytes"), ==, 512);
    g_assert_cmpint(json_object_get_int_member(st, "wr_operations"), ==, 1);
    g_assert_cmpint(json_object_get_int_member(st, "wr_bytes"), ==, 512);
    g_assert_cmpint(json_object_get_int_member(st, "flush_operations"), ==, 1);
    /* past the end and a partial sector: refused as invalid */
    g_assert_cmpint(json_object_get_int_member(st, "invalid_rd_operations"), ==,
                    2);
    g_assert_cmpint(json_object_get_int_member(st, "failed_rd_operations"), ==,
                    0);
    g_assert_cmpint(json_object_get_int_member(st, "wr_highest_offset"), ==,
                    8 * 512);
    /* the file node below saw the same write */
    st = json_object_get_object_member(parent, "stats");
    g_assert_cmpint(json_object_get_int_member(st, "rd_operations"), ==, 0);
    g_assert_cmpint(json_object_get_int_member(st, "wr_highest_offset"), ==,
                    8 * 512);
    json_object_unref(rsp);
}

static void test_read_write(void)
{
    QTestState *s = blk_start("", ",serial=SERIAL42");
    uint8_t sec[512], want[512];
    uint32_t used, n = 5;
    int fd;

    vccw_bringup(s, 0, 0, 256);
    /* read sector 5 */
    g_assert_cmpint(blk_req(s, 0, 0, 5, 512, true, &used), ==, 0);
    g_assert_cmpint(used, ==, 513);
    qtest_memread(s, BUF_ADDR, sec, 512);
    memset(want, 5, sizeof(want));
    memcpy(want, "SECT", 4);
    memcpy(want + 4, &n, 4);
    g_assert_cmpmem(sec, 512, want, 512);
    g_assert_cmphex(qtest_readq(s, IND_ADDR), ==, 1);
    /* write sector 7: it is in the image file */
    qtest_memset(s, BUF_ADDR, 0x77, 512);
    g_assert_cmpint(blk_req(s, 1, 1, 7, 512, false, &used), ==, 0);
    g_assert_cmpint(used, ==, 1);
    g_assert_cmpint(blk_req(s, 2, 4, 0, 0, false, &used), ==, 0); /* flush */
    fd = open(img_path, O_RDONLY);
    g_assert_cmpint(pread(fd, sec, 512, 7 * 512), ==, 512);
    close(fd);
    memset(want, 0x77, sizeof(want));
    g_assert_cmpmem(sec, 512, want, 512);
    /* get id */
    qtest_memset(s, BUF_ADDR, 0xaa, 32);
    g_assert_cmpint(blk_req(s, 3, 8, 0, 20, true, &used), ==, 0);
    g_assert_cmpint(used, ==, 21);
    qtest_memread(s, BUF_ADDR, sec, 20);
    g_assert_cmpmem(sec, 9, "SERIAL42", 9);
    /* past the end, a partial sector, an unknown type */
    g_assert_cmpint(blk_req(s, 4, 0, IMG_SECTORS, 512, true, &used), ==, 1);
    g_assert_cmpint(blk_req(s, 5, 0, 1, 100, true, &used), ==, 1);
    g_assert_cmpint(blk_req(s, 6, 0x63, 0, 512, true, &used), ==, 2);
    check_blockstats(s);
    qtest_quit(s);
}

static void test_read_only(void)
{
    QTestState *s = blk_start(",readonly=on", "");
    JsonObject *rsp, *st;
    uint8_t sec[8];
    uint32_t used;
    int fd;

    vccw_bringup(s, F_RO, 0, 256);
    g_assert_cmphex(vccw_read_feat(s, 0) & F_RO, ==, F_RO);
    qtest_memset(s, BUF_ADDR, 0x55, 512);
    g_assert_cmpint(blk_req(s, 0, 1, 9, 512, false, &used), ==, 1);
    fd = open(img_path, O_RDONLY);
    g_assert_cmpint(pread(fd, sec, 4, 9 * 512), ==, 4);
    close(fd);
    g_assert_cmpmem(sec, 4, "SECT", 4);
    g_assert_cmpint(blk_req(s, 1, 0, 9, 512, true, &used), ==, 0);
    /* the refused write is a failed one, as in QEMU */
    rsp = qtest_qmp(s, "{'execute': 'query-blockstats'}");
    st = json_object_get_object_member(
        json_array_get_object_element(json_object_get_array_member(rsp,
                                                                   "return"),
                                      0),
        "stats");
    g_assert_cmpint(json_object_get_int_member(st, "failed_wr_operations"), ==,
                    1);
    g_assert_cmpint(json_object_get_int_member(st, "wr_operations"), ==, 0);
    g_assert_cmpint(json_object_get_int_member(st, "rd_operations"), ==, 1);
    json_object_unref(rsp);
    qtest_quit(s);
}

static void test_missing_header(void)
{
    QTestState *s = blk_start("", "");

    vccw_bringup(s, 0, 0, 256);
    vring_desc(s, DESC_ADDR, 0, HDR_ADDR, 8, 1, 1);
    vring_desc(s, DESC_ADDR, 1, STAT_ADDR, 1, 2, 0);
    vring_avail(s, 256, 0, 0, 1);
    vccw_kick(s, VSID, 0);
    g_assert_cmpint(rle16(s, USED_ADDR + 2), ==, 0);
    g_assert_cmphex(qtest_readq(s, CIND_ADDR), ==, 1);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", VSID, IRB_ADDR), ==, 0);
    g_assert_cmphex(vccw_read_status(s) & ST_NEEDS_RESET, ==, ST_NEEDS_RESET);
    qtest_quit(s);
}

/* libvirt's form: a -blockdev node, and raw over a file node */
static void test_blockdev(void)
{
    g_autofree char *args = g_strdup_printf(
        "-blockdev '{\"driver\":\"file\",\"filename\":\"%s\","
        "\"node-name\":\"libvirt-1-storage\",\"read-only\":false}' "
        "-blockdev '{\"node-name\":\"libvirt-1-format\",\"read-only\":true,"
        "\"driver\":\"raw\",\"file\":\"libvirt-1-storage\"}' "
        "-device '{\"driver\":\"virtio-blk-ccw\",\"drive\":\"libvirt-1-format\","
        "\"id\":\"virtio-disk0\",\"bootindex\":1,\"devno\":\"fe.0.0000\"}'",
        img_path);
    QTestState *s = start(args);
    uint32_t used;

    vccw_enable(s);
    g_assert_true(ccw_ok(vccw_set_rev(s, 2)));
    g_assert_cmphex(vccw_read_feat(s, 0) & F_RO, ==, F_RO);
    qtest_quit(s);
    s = start(args);
    vccw_enable(s);
    vccw_bringup(s, F_RO, 0, 256);
    g_assert_cmpint(blk_req(s, 0, 0, 3, 512, true, &used), ==, 0);
    g_assert_cmphex(qtest_readb(s, BUF_ADDR + 4), ==, 3);
    qtest_quit(s);
}

/* A second user of the image, as QEMU's locking sees it. */
static void test_locking(void)
{
    QTestState *s = blk_start("", "");
    g_autofree char *rw = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -drive file=%s,if=none,id=d0,"
        "format=raw -device virtio-blk-ccw,drive=d0",
        img_path);
    g_autofree char *ro = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -drive file=%s,if=none,id=d0,"
        "format=raw,readonly=on -device virtio-blk-ccw,drive=d0",
        img_path);
    g_autofree char *err1 = NULL, *err2 = NULL, *hint = NULL;
    g_autofree char *out1 = NULL, *out2 = NULL;
    int status = 0;

    out1 = qtest_run_cmdline(rw, &status, &err1);
    g_assert_cmpint(status, ==, 1);
    g_assert_nonnull(strstr(err1, "Failed to get \"write\" lock"));
    hint = g_strdup_printf("Is another process using the image [%s]?",
                           img_path);
    g_assert_nonnull(strstr(err1, hint));
    out2 = qtest_run_cmdline(ro, &status, &err2);
    g_assert_cmpint(status, ==, 1);
    g_assert_nonnull(strstr(err2, "Failed to get shared \"write\" lock"));
    qtest_quit(s);
    /* both with share-rw=on */
    s = blk_start("", ",share-rw=on");
    {
        g_autofree char *ok = g_strdup_printf(
            "-machine s390-ccw-virtio -nodefaults -drive file=%s,if=none,"
            "id=d0,format=raw -device virtio-blk-ccw,drive=d0,share-rw=on "
            "-device virtio-blk-ccw,drive=nope",
            img_path);
        g_autofree char *err3 = NULL;
        g_autofree char *out3 = qtest_run_cmdline(ok, &status, &err3);

        /* the first device attached; the second names no drive */
        g_assert_cmpint(status, ==, 1);
        g_assert_nonnull(strstr(err3, "Property 'virtio-blk-ccw.drive' "
                                      "can't find value 'nope'"));
    }
    qtest_quit(s);
}

/* One device per back end; unplug releases it (and its locks). */
static void test_hotplug(void)
{
    g_autofree char *args =
        g_strdup_printf("-drive file=%s,if=none,id=d0,format=raw", img_path);
    QTestState *s = start(args);
    JsonObject *rsp;

    qtest_qmp_assert_success(s, "{'execute': 'device_add', 'arguments': "
                                "{'driver': 'virtio-blk-ccw', 'id': 'v1', "
                                "'drive': 'd0'}}");
    rsp = qtest_qmp(s, "{'execute': 'device_add', 'arguments': "
                       "{'driver': 'virtio-blk-ccw', 'id': 'v2', "
                       "'drive': 'd0'}}");
    g_assert_true(qmp_rsp_is_err(rsp));
    json_object_unref(rsp);
    qtest_qmp_assert_success(
        s, "{'execute': 'device_del', 'arguments': {'id': 'v1'}}");
    qtest_qmp_assert_success(s, "{'execute': 'device_add', 'arguments': "
                                "{'driver': 'virtio-blk-ccw', 'id': 'v2', "
                                "'drive': 'd0'}}");
    qtest_quit(s);
}

/* @cmd with ' for " (no quotes in its strings) */
static JsonObject *qmp_sq(QTestState *s, const char *cmd)
{
    g_autofree char *text = g_strdup(cmd);

    g_strdelimit(text, "'", '"');
    return qtest_qmp_raw(s, text);
}

static void expect_error(QTestState *s, const char *cmd, const char *desc)
{
    JsonObject *rsp = qmp_sq(s, cmd);
    JsonObject *err = json_object_get_object_member(rsp, "error");

    g_assert_nonnull(err);
    g_assert_cmpstr(json_object_get_string_member(err, "desc"), ==, desc);
    json_object_unref(rsp);
}

/* How many nodes query-named-block-nodes lists */
static guint node_count(QTestState *s)
{
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-named-block-nodes'}");
    guint n = json_array_get_length(
        json_object_get_array_member(rsp, "return"));

    json_object_unref(rsp);
    return n;
}

/*
 * libvirt's disk hot-plug (virsh attach-device / detach-device): a file
 * node and a raw node over it with blockdev-add, device_add on the raw
 * node; device_del, then blockdev-del of the raw node and the file node.
 * The guest reads the image through the new device. Errors as QEMU 7.2.
 */
static void test_blockdev_hotplug(void)
{
    QTestState *s = start(NULL);
    g_autofree char *add = g_strdup_printf(
        "{'execute': 'blockdev-add', 'arguments': {'driver': 'file', "
        "'filename': '%s', 'node-name': 'libvirt-3-storage', "
        "'auto-read-only': true, 'discard': 'unmap'}}",
        img_path);
    uint32_t used = 0;
    JsonObject *rsp = qmp_sq(s, add);

    g_assert_true(json_object_has_member(rsp, "return"));
    json_object_unref(rsp);
    expect_error(s, add, "Duplicate nodes with node-name='libvirt-3-storage'");
    expect_error(s,
                 "{'execute': 'blockdev-add', 'arguments': {'driver': 'file', "
                 "'filename': '/nonexistent.img', 'node-name': 'n2'}}",
                 "Could not open '/nonexistent.img': No such file or "
                 "directory");
    expect_error(s,
                 "{'execute': 'blockdev-add', 'arguments': {'driver': 'raw', "
                 "'node-name': 'n3', 'file': 'libvirt-3-storage', "
                 "'read-only': 'x'}}",
                 "Invalid parameter type for 'read-only', expected: boolean");
    expect_error(s, "{'execute': 'blockdev-add', 'arguments': {}}",
                 "Parameter 'driver' is missing");
    qtest_qmp_assert_success(
        s, "{'execute': 'blockdev-add', 'arguments': {'node-name': "
           "'libvirt-3-format', 'read-only': false, 'driver': 'raw', "
           "'file': 'libvirt-3-storage'}}");
    g_assert_cmpuint(node_count(s), ==, 2);
    qtest_qmp_assert_success(
        s, "{'execute': 'device_add', 'arguments': {'driver': "
           "'virtio-blk-ccw', 'drive': 'libvirt-3-format', 'id': "
           "'virtio-disk2', 'devno': 'fe.0.0000'}}");
    vccw_enable(s);
    vccw_bringup(s, 0, 0, 256);
    g_assert_cmpint(blk_req(s, 0, 0, 9, 512, true, &used), ==, 0);
    g_assert_cmphex(qtest_readb(s, BUF_ADDR + 100), ==, 9);
    expect_error(s,
                 "{'execute': 'blockdev-del', 'arguments': {'node-name': "
                 "'libvirt-3-format'}}",
                 "Node libvirt-3-format is in use");
    expect_error(s,
                 "{'execute': 'blockdev-del', 'arguments': {'node-name': "
                 "'libvirt-3-storage'}}",
                 "Block device libvirt-3-storage is in use");
    expect_error(s,
                 "{'execute': 'blockdev-del', 'arguments': {'node-name': "
                 "'zz'}}",
                 "Failed to find node with node-name='zz'");
    expect_error(s, "{'execute': 'blockdev-del'}",
                 "Parameter 'node-name' is missing");
    qtest_qmp_assert_success(
        s, "{'execute': 'device_del', 'arguments': {'id': 'virtio-disk2'}}");
    qtest_qmp_eventwait(s, "DEVICE_DELETED");
    qtest_qmp_assert_success(
        s, "{'execute': 'blockdev-del', 'arguments': {'node-name': "
           "'libvirt-3-format'}}");
    qtest_qmp_assert_success(
        s, "{'execute': 'blockdev-del', 'arguments': {'node-name': "
           "'libvirt-3-storage'}}");
    g_assert_cmpuint(node_count(s), ==, 0);
    /* the name is free again */
    rsp = qmp_sq(s, add);
    g_assert_true(json_object_has_member(rsp, "return"));
    json_object_unref(rsp);
    qtest_quit(s);
}

/* query-named-block-nodes' virtual-size of node @name */
static int64_t node_size(QTestState *s, const char *name)
{
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-named-block-nodes'}");
    JsonArray *arr = json_object_get_array_member(rsp, "return");
    int64_t size = -1;

    for (guint i = 0; i < json_array_get_length(arr); i++) {
        JsonObject *n = json_array_get_object_element(arr, i);

        if (!strcmp(json_object_get_string_member(n, "node-name"), name)) {
            size = json_object_get_int_member(
                json_object_get_object_member(n, "image"), "virtual-size");
        }
    }
    json_object_unref(rsp);
    return size;
}

/*
 * virsh blockresize: QMP block_resize grows the image under a running
 * driver, which gets a config-change indication and sees the new
 * capacity; sectors past the old end can be read. Errors as QEMU 7.2.
 */
static void test_resize(void)
{
    g_autofree char *path = g_strdup_printf("%s/virtio-blk-resize-%d.img",
                                            g_get_tmp_dir(), getpid());
    g_autofree char *args = NULL;
    g_autofree char *ro_args = NULL;
    uint32_t used;
    QTestState *s;
    struct stat st;
    int fd;

    fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0600);
    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(ftruncate(fd, 8 * 512), ==, 0);
    close(fd);
    args = g_strdup_printf("-blockdev driver=file,filename=%s,node-name=s1 "
                           "-blockdev driver=raw,file=s1,node-name=f1 "
                           "-device virtio-blk-ccw,drive=f1,devno=fe.0.0000",
                           path);
    s = start(args);
    vccw_enable(s);
    vccw_bringup(s, 0, 0, 256);
    g_assert_true(ccw_ok(ccw_run(s, CMD_READ_CONF, F_SLI, 8, DATA_ADDR)));
    g_assert_cmphex(rle32(s, DATA_ADDR), ==, 8);
    g_assert_cmpint(blk_req(s, 0, 0, 10, 512, true, &used), ==, 1);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", VSID, IRB_ADDR), ==, 0);
    qtest_writeq(s, CIND_ADDR, 0);
    qtest_qmp_assert_success(s, "{'execute': 'block_resize', 'arguments': "
                                "{'node-name': 'f1', 'size': 8192}}");
    g_assert_cmphex(qtest_readq(s, CIND_ADDR), ==, 1);
    g_assert_cmpint(inst(s, "s390_tsch 0x%x 0x%x", VSID, IRB_ADDR), ==, 0);
    g_assert_true(ccw_ok(ccw_run(s, CMD_READ_CONF, F_SLI, 8, DATA_ADDR)));
    g_assert_cmphex(rle32(s, DATA_ADDR), ==, 16);
    g_assert_cmpint(blk_req(s, 1, 0, 10, 512, true, &used), ==, 0);
    g_assert_cmpint(stat(path, &st), ==, 0);
    g_assert_cmpint(st.st_size, ==, 8192);
    g_assert_cmpint(node_size(s, "f1"), ==, 8192);
    g_assert_cmpint(node_size(s, "s1"), ==, 8192);
    expect_error(s,
                 "{'execute': 'block_resize', 'arguments': {'node-name': "
                 "'zz', 'size': 4096}}",
                 "Cannot find device='' nor node-name='zz'");
    expect_error(s,
                 "{'execute': 'block_resize', 'arguments': {'device': 'f1', "
                 "'size': 4096}}",
                 "Cannot find device='f1' nor node-name=''");
    expect_error(s,
                 "{'execute': 'block_resize', 'arguments': {'node-name': "
                 "'f1', 'size': -1}}",
                 "Parameter 'size' expects a >0 size");
    expect_error(s,
                 "{'execute': 'block_resize', 'arguments': {'node-name': "
                 "'f1'}}",
                 "Parameter 'size' is missing");
    qtest_quit(s);

    ro_args = g_strdup_printf(
        "-blockdev driver=file,filename=%s,node-name=s1,read-only=on", path);
    s = start(ro_args);
    expect_error(s,
                 "{'execute': 'block_resize', 'arguments': {'node-name': "
                 "'s1', 'size': 4096}}",
                 "Image is read-only");
    qtest_quit(s);
    unlink(path);
}

static void test_option_errors(void)
{
    static const char *const bad[][2] = {
        { "-drive file=/nonexistent.img,if=none,id=d0,format=raw",
          "Could not open '/nonexistent.img': No such file or directory" },
        { "-drive file=x.img,if=none,id=d0,format=qcow2",
          "'qcow2' invalid format" },
        { "-drive file=x.img,if=virtio,id=d0", "if=virtio is not supported" },
        { "-drive file=x.img,if=none,id=d0,bogus=1",
          "Invalid parameter 'bogus'" },
        { "-device virtio-blk-ccw", "drive property not set" },
        { "-blockdev driver=qcow2,node-name=n,filename=x", "driver" },
        { "-blockdev driver=host_device,node-name=n,filename=/proc/version",
          "'host_device' driver requires '/proc/version' to be either a "
          "character or block device" },
    };
    int status;

    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree char *args =
            g_strdup_printf("-machine s390-ccw-virtio -nodefaults %s",
                            bad[i][0]);
        g_autofree char *err = NULL;
        g_autofree char *out = qtest_run_cmdline(args, &status, &err);

        g_assert_cmpint(status, ==, 1);
        g_assert_nonnull(strstr(err, bad[i][1]));
    }
}

int main(int argc, char **argv)
{
    int r;

    g_test_init(&argc, &argv, NULL);
    make_image();
    g_test_add_func("/virtio-blk/config", test_config);
    g_test_add_func("/virtio-blk/read-write", test_read_write);
    g_test_add_func("/virtio-blk/read-only", test_read_only);
    g_test_add_func("/virtio-blk/missing-header", test_missing_header);
    g_test_add_func("/virtio-blk/blockdev", test_blockdev);
    g_test_add_func("/virtio-blk/locking", test_locking);
    g_test_add_func("/virtio-blk/hotplug", test_hotplug);
    g_test_add_func("/virtio-blk/blockdev-hotplug", test_blockdev_hotplug);
    g_test_add_func("/virtio-blk/resize", test_resize);
    g_test_add_func("/virtio-blk/write-cache", test_write_cache);
    g_test_add_func("/virtio-blk/block-sizes", test_block_sizes);
    g_test_add_func("/virtio-blk/option-errors", test_option_errors);
    r = g_test_run();
    unlink(img_path);
    g_free(img_path);
    return r;
}
