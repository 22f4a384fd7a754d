/*
 * vfio-ccw end to end on the simulated host, normal paths: a
 * sim-dasd-3390 object (a 3390 on a CKD image in a temporary directory)
 * passed through with -device vfio-ccw. The test plays the guest CPU:
 * STSCH/MSCH, channel programs started with SSCH, the I/O interruption,
 * TSCH, and checks what a guest would see (IRB, storage) and what reached
 * the image file. Error paths: vfio-ccw-err-test.c.
 * Rules: docs/system/s390x/css.rst, docs/devel/ccw-translation.rst,
 * docs/system/s390x/sim-dasd.rst.
 */
#include "vfio-ccw-test.h"

static void test_enumerate(void)
{
    Fx f = { 0 };
    g_autofree char *dev_id = NULL, *subch_id = NULL;

    fx_start_std(&f, 0);
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    0);
    g_assert_cmphex(qtest_readw(f.s, SCHIB_ADDR + 6), ==, 0x1234);
    g_assert_cmphex(qtest_readw(f.s, SCHIB_ADDR + 4), ==, 0x0001); /* DNV */
    g_assert_cmphex(qtest_readb(f.s, SCHIB_ADDR + 11), ==, 0x80);  /* PIM */
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(1), SCHIB_ADDR), ==,
                    3);
    /* disabled: not operational */
    orb(f.s, ORB_FMT1, CCW_ADDR);
    g_assert_cmpint(inst(f.s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 3);
    sch_enable(f.s, SID(0));
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    0);
    g_assert_cmphex(qtest_readl(f.s, SCHIB_ADDR), ==, 0xcafe0000u);
    g_assert_cmphex(qtest_readw(f.s, SCHIB_ADDR + 4), ==, (ISC << 11) | 0x0081);
    g_assert_cmphex(qtest_readl(f.s, SCHIB_ADDR + 24) & 1, ==, 1);
    dev_id = qom_str(f.s, "/machine/peripheral/v0", "dev_id");
    subch_id = qom_str(f.s, "/machine/peripheral/v0", "subch_id");
    g_assert_cmpstr(dev_id, ==, "fe.0.1234");
    g_assert_cmpstr(subch_id, ==, "fe.0.0000");
    fx_end(&f);
}

/* ---- 2: SENSE ID ---- */

static void test_sense_id(void)
{
    static const uint8_t want[12] = { 0xff, 0x39, 0x90, 0xc2, 0x33, 0x90,
                                      0x02, 0x00, 0x40, 0xfa, 0x01, 0x00 };
    Fx f = { 0 };
    uint8_t id[13];

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));
    qtest_memset(f.s, DATA_ADDR, 0xaa, 256);
    ccw1(f.s, CCW_ADDR, 0xe4, F_SLI, 256, DATA_ADDR);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    g_assert_cmphex(qtest_readl(f.s, 0xb8), ==, SID(0));
    g_assert_cmphex(qtest_readl(f.s, 0xbc), ==, INTPARM);
    assert_ok(f.s, CCW_ADDR + 8, 256 - 12);
    qtest_memread(f.s, DATA_ADDR, id, sizeof(id));
    g_assert_cmpmem(id, 12, want, 12);
    g_assert_cmphex(id[12], ==, 0xaa); /* nothing stored beyond */
    /* no status left */
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 1);
    fx_end(&f);
}

/*
 * The classic search loop, Seek; Search ID Equal (CC); TIC *-8; Read
 * Data: the matching search presents status modifier, the channel skips
 * the TIC and reads the VOL1 label (track 0, R3).
 */
static void test_search_loop(void)
{
    static const uint8_t vol1[4] = { 0xe5, 0xd6, 0xd3, 0xf1 };
    static const uint8_t seek_id[16] = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3
    };
    Fx f = { 0 };
    uint8_t lab[4];

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));
    qtest_memwrite(f.s, PARM_ADDR, seek_id, sizeof(seek_id));
    ccw1(f.s, CCW_ADDR, 0x07, F_CC, 6, PARM_ADDR);
    ccw1(f.s, CCW_ADDR + 8, 0x31, F_CC, 5, PARM_ADDR + 8);
    ccw1(f.s, CCW_ADDR + 16, 0x08, 0, 0, CCW_ADDR + 8);
    ccw1(f.s, CCW_ADDR + 24, 0x06, 0, 80, DATA_ADDR);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    assert_ok(f.s, CCW_ADDR + 32, 0);
    qtest_memread(f.s, DATA_ADDR, lab, sizeof(lab));
    g_assert_cmpmem(lab, 4, vol1, 4);
    fx_end(&f);
}

/* ---- 3: Define Extent + Locate Record + Write/Read Data ---- */

static void test_write_read(void)
{
    Fx f = { 0 };
    g_autofree uint8_t *in = g_malloc(REC_LEN);
    g_autofree uint8_t *out = g_malloc(REC_LEN);
    g_autofree uint8_t *file = g_malloc(REC_LEN + 8);
    uint8_t count[8];
    static const uint8_t want_count[8] = { 0, 2, 0, 3, 1, 0, 0x10, 0 };
    /* format-2 IDALs that scatter the record over pages far apart */
    const uint64_t widal[2] = { 0x50800, 0x53000 };
    const uint64_t ridal[2] = { 0x60400, 0x66000 };

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));

    /* direct: R1 on cylinder 2, head 3 */
    format_r1(&f, 2, 3);
    pattern(in, REC_LEN, 1);
    write_read_r1(&f, 2, 3, in);
    image_r1(&f, 2, 3, file, REC_LEN + 8, count);
    g_assert_cmpmem(count, 8, want_count, 8);
    g_assert_cmpmem(file, REC_LEN, in, REC_LEN);
    g_assert_cmpmem(file + REC_LEN, 8, "\xff\xff\xff\xff\xff\xff\xff\xff", 8);

    /* IDAL: R1 on cylinder 2, head 4; 2 KiB + 2 KiB, then 3 KiB + 1 KiB */
    format_r1(&f, 2, 4);
    pattern(in, REC_LEN, 77);
    qtest_memwrite(f.s, widal[0], in, 2048);
    qtest_memwrite(f.s, widal[1], in + 2048, 2048);
    qtest_memset(f.s, 0x51000, 0x55, 2048); /* the gap is not data */
    rw_r1(&f, 0x05, 2, 4, 0, widal, 2);
    assert_ok(f.s, CCW_ADDR + 24, 0);
    qtest_memset(f.s, 0x60000, 0, 0x7000);
    rw_r1(&f, 0x06, 2, 4, 0, ridal, 2);
    assert_ok(f.s, CCW_ADDR + 24, 0);
    qtest_memread(f.s, ridal[0], out, 3072);
    qtest_memread(f.s, ridal[1], out + 3072, 1024);
    g_assert_cmpmem(out, REC_LEN, in, REC_LEN);
    g_assert_cmphex(qtest_readb(f.s, 0x61000), ==, 0);
    g_assert_cmphex(qtest_readb(f.s, ridal[1] + 1024), ==, 0);
    image_r1(&f, 2, 4, file, REC_LEN, NULL);
    g_assert_cmpmem(file, REC_LEN, in, REC_LEN);
    /* read back directly what went in through the IDAL */
    qtest_memset(f.s, RBUF_ADDR, 0, REC_LEN);
    rw_r1(&f, 0x06, 2, 4, RBUF_ADDR, NULL, 0);
    assert_ok(f.s, CCW_ADDR + 24, 0);
    qtest_memread(f.s, RBUF_ADDR, out, REC_LEN);
    g_assert_cmpmem(out, REC_LEN, in, REC_LEN);
    /* the first record is untouched */
    image_r1(&f, 2, 3, file, REC_LEN, NULL);
    pattern(in, REC_LEN, 1);
    g_assert_cmpmem(file, REC_LEN, in, REC_LEN);
    fx_end(&f);
}

/*
 * Format-1 IDAWs (31-bit, 2 KiB blocks); a short Read Data (incorrect
 * length, then SLI); the record read again by a new emulator on the
 * same image.
 */
static void test_idaw1_restart(void)
{
    Fx f = { 0 };
    g_autofree uint8_t *in = g_malloc(REC_LEN);
    g_autofree uint8_t *out = g_malloc(REC_LEN);
    g_autofree char *extra = NULL;
    static const uint32_t idal[3] = { 0x50400, 0x58000, 0x5a800 };

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));
    format_r1(&f, 9, 14);
    pattern(in, REC_LEN, 33);
    qtest_memwrite(f.s, idal[0], in, 1024);
    qtest_memwrite(f.s, idal[1], in + 1024, 2048);
    qtest_memwrite(f.s, idal[2], in + 3072, 1024);
    for (int i = 0; i < 3; i++) {
        qtest_writel(f.s, IDAL_ADDR + 4 * i, idal[i]);
    }
    de_lr(f.s, 0x00, 9, 0x01, 1, 14, 1);
    ccw1(f.s, CCW_ADDR + 16, 0x05, F_IDA, REC_LEN, IDAL_ADDR);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    assert_ok(f.s, CCW_ADDR + 24, 0);
    image_r1(&f, 9, 14, out, REC_LEN, NULL);
    g_assert_cmpmem(out, REC_LEN, in, REC_LEN);

    /* 100 bytes more than the record: incorrect length, residual 100 */
    de_lr(f.s, 0x40, 9, 0x06, 1, 14, 1);
    ccw1(f.s, CCW_ADDR + 16, 0x06, 0, REC_LEN + 100, RBUF_ADDR);
    run_prog(&f, SID(0));
    g_assert_cmphex(irb_ctrl(f.s), ==, CTRL_START_ALERT);
    g_assert_cmphex(irb_dstat(f.s), ==, DSTAT_CE_DE);
    g_assert_cmphex(irb_cstat(f.s), ==, 0x40);
    g_assert_cmpuint(irb_count(f.s), ==, 100);
    g_assert_cmphex(irb_cpa(f.s), ==, CCW_ADDR + 24);
    ccw1(f.s, CCW_ADDR + 16, 0x06, F_SLI, REC_LEN + 100, RBUF_ADDR);
    run_prog(&f, SID(0));
    assert_ok(f.s, CCW_ADDR + 24, 100);
    qtest_quit(f.s);

    /* a new emulator on the same file reads the record back */
    extra = g_strdup_printf(
        "-object sim-dasd-3390,id=d0,busid=0.0.1234,file=%s -device vfio-ccw,id=v0,hostid=0.0.1234",
        f.img);
    fx_start(&f, ",s390-map-css=on", extra);
    sch_enable(f.s, SID(0));
    read_r1_expect(&f, 9, 14, in);
    fx_end(&f);
}

/* ---- 4: s390-map-css and guest ids ---- */

static void test_map_css(void)
{
    Fx f = { 0 };
    g_autofree char *extra = NULL, *id = NULL;

    f.dir = g_dir_make_tmp("vfio-ccw-test-XXXXXX", NULL);
    f.img = g_build_filename(f.dir, "d.img", NULL);

    /* off: host css 1 is kept; visible once MCSS-E is enabled */
    extra = g_strdup_printf(
        "-object sim-dasd-3390,id=d1,busid=1.0.1234,file=%s,model=3390-1,cache=unsafe "
        "-device vfio-ccw,id=v0,hostid=1.0.1234",
        f.img);
    fx_start(&f, ",s390-map-css=off", extra);
    id = qom_str(f.s, "/machine/peripheral/v0", "dev_id");
    g_assert_cmpstr(id, ==, "1.0.1234");
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    3);
    sda(f.s, 0x0000);
    g_assert_cmpint(inst(f.s, "s390_stsch 0x01090000 0x%x", SCHIB_ADDR), ==, 0);
    g_assert_cmphex(qtest_readw(f.s, SCHIB_ADDR + 6), ==, 0x1234);
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    3); /* css 0 is image fe: empty */
    /* and it works there: SENSE ID with the M bit */
    sch_enable(f.s, 0x01090000);
    ccw1(f.s, CCW_ADDR, 0xe4, F_SLI, 12, DATA_ADDR);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, 0x01090000);
    assert_ok(f.s, CCW_ADDR + 8, 0);
    g_assert_cmphex(qtest_readl(f.s, DATA_ADDR), ==, 0xff3990c2);
    qtest_quit(f.s);

    /* a Linux bus id (always 0.ssid.devno) with the host css in cssid= */
    g_free(extra);
    extra = g_strdup_printf(
        "-object sim-dasd-3390,id=d1,busid=0.0.1234,cssid=2,file=%s,model=3390-1,cache=unsafe "
        "-device vfio-ccw,id=v0,hostid=0.0.1234",
        f.img);
    fx_start(&f, ",s390-map-css=off", extra);
    g_free(id);
    id = qom_str(f.s, "/machine/peripheral/v0", "dev_id");
    g_assert_cmpstr(id, ==, "2.0.1234");
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    3);
    qtest_quit(f.s);

    /* on, with a guest id: devno 4321 in the default css */
    g_free(extra);
    extra = g_strdup_printf(
        "-object sim-dasd-3390,id=d0,busid=0.0.1234,file=%s,model=3390-1,cache=unsafe "
        "-device vfio-ccw,id=v0,hostid=0.0.1234,guestid=fe.0.4321",
        f.img);
    fx_start(&f, ",s390-map-css=on", extra);
    g_free(id);
    id = qom_str(f.s, "/machine/peripheral/v0", "dev_id");
    g_assert_cmpstr(id, ==, "fe.0.4321");
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    0);
    g_assert_cmphex(qtest_readw(f.s, SCHIB_ADDR + 6), ==, 0x4321);
    qtest_quit(f.s);
    f.s = NULL;

    /* guest ids in the wrong css */
    expect_start_error(
        &f,
        "-machine s390-map-css=on -device vfio-ccw,hostid=0.0.1234,guestid=0.0.4321",
        "qemu-system-s390x: -device vfio-ccw,hostid=0.0.1234,"
        "guestid=0.0.4321: with s390-map-css=on the guest id "
        "must be in css fe, not 0");
    expect_start_error(
        &f, "-device vfio-ccw,hostid=1.0.1234,guestid=2.0.1234",
        "with s390-map-css=off the guest id must be in the host's css 1, not 2");
    fx_end(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vfio-ccw/enumerate", test_enumerate);
    g_test_add_func("/vfio-ccw/sense-id", test_sense_id);
    g_test_add_func("/vfio-ccw/search-loop", test_search_loop);
    g_test_add_func("/vfio-ccw/write-read", test_write_read);
    g_test_add_func("/vfio-ccw/idaw1-restart", test_idaw1_restart);
    g_test_add_func("/vfio-ccw/map-css", test_map_css);
    return g_test_run();
}
