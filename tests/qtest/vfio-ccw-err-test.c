/*
 * vfio-ccw end to end on the simulated host, the paths that do not end
 * well: HSCH and CSCH while a program is in flight, suspend and resume,
 * program checks at every stage, unit checks with concurrent sense, host
 * errors, unplug (with a program in flight) and re-plug. Normal paths:
 * vfio-ccw-test.c.
 */
#include "vfio-ccw-test.h"

/* ---- 5: HSCH and CSCH while the program is in flight ---- */

#define LATENCY 1000000

static void start_write_in_flight(Fx *f, const uint8_t *data)
{
    qtest_memwrite(f->s, WBUF_ADDR, data, REC_LEN);
    de_lr(f->s, 0x00, 2, 0x01, 1, 3, 1);
    ccw1(f->s, CCW_ADDR + 16, 0x05, 0, REC_LEN, WBUF_ADDR);
    orb(f->s, ORB_FMT1, CCW_ADDR);
    g_assert_cmpint(inst(f->s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 0);
    /* in flight: SSCH busy, TSCH shows start function, active */
    g_assert_cmpint(inst(f->s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 2);
    g_assert_cmpint(inst(f->s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 1);
    g_assert_cmphex(irb_ctrl(f->s), ==, 0x40c0);
    expect_no_intr(f->s);
}

/* After the function ended: nothing else arrives, the image has zeros */
static void assert_never_completed(Fx *f)
{
    g_autofree uint8_t *file = g_malloc(REC_LEN);
    g_autofree uint8_t *zero = g_malloc0(REC_LEN);

    qtest_clock_step(f->s, 4 * LATENCY);
    expect_no_intr(f->s);
    g_assert_cmpint(inst(f->s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 1);
    image_r1(f, 2, 3, file, REC_LEN, NULL);
    g_assert_cmpmem(file, REC_LEN, zero, REC_LEN);
}

static void test_halt_clear(void)
{
    Fx f = { 0 };
    g_autofree uint8_t *in = g_malloc(REC_LEN);

    fx_start_std(&f, LATENCY);
    sch_enable(f.s, SID(0));
    format_r1(&f, 2, 3);
    pattern(in, REC_LEN, 9);

    /* halt */
    start_write_in_flight(&f, in);
    g_assert_cmpint(inst(f.s, "s390_hsch 0x%x", SID(0)), ==, 0);
    g_assert_cmpint(inst(f.s, "s390_hsch 0x%x", SID(0)), ==, 1);
    expect_intr(f.s, SID(0));
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(f.s), ==, 0x6007); /* start + halt */
    g_assert_cmphex(irb_dstat(f.s), ==, 0);
    g_assert_cmphex(irb_cstat(f.s), ==, 0);
    assert_never_completed(&f);

    /* clear */
    start_write_in_flight(&f, in);
    g_assert_cmpint(inst(f.s, "s390_csch 0x%x", SID(0)), ==, 0);
    expect_intr(f.s, SID(0));
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(f.s), ==, 0x1001); /* clear, pending alone */
    g_assert_cmphex(irb_dstat(f.s), ==, 0);
    g_assert_cmphex(irb_cstat(f.s), ==, 0);
    assert_never_completed(&f);

    /* the device works afterwards: write and read back */
    write_read_r1(&f, 2, 3, in);
    fx_end(&f);
}

/*
 * System reset while a program is in flight: the program is dropped (no
 * interrupt, nothing written), the subchannel is back to its initial
 * state, and the device works after the guest sets it up again.
 */
static void test_reset_in_flight(void)
{
    Fx f = { 0 };
    g_autofree uint8_t *in = g_malloc(REC_LEN);

    fx_start_std(&f, LATENCY);
    sch_enable(f.s, SID(0));
    format_r1(&f, 2, 3);
    pattern(in, REC_LEN, 5);
    start_write_in_flight(&f, in);
    qtest_qmp_assert_success(f.s, "{'execute': 'system_reset'}");
    qtest_qmp_eventwait(f.s, "RESET");
    /* initial state: enabled bit off, no function in progress */
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    0);
    g_assert_cmphex(qtest_readw(f.s, SCHIB_ADDR + 4) & 0x0080, ==, 0);
    g_assert_cmphex(qtest_readw(f.s, SCHIB_ADDR + 16 + 2), ==, 0);
    g_free(cmd(f.s, "s390_cr6 0x%x", 0x80000000u >> ISC));
    assert_never_completed(&f);

    sch_enable(f.s, SID(0));
    write_read_r1(&f, 2, 3, in);
    fx_end(&f);
}

/*
 * Suspend: SENSE ID, then a NOOP with the suspend flag (ORB suspend
 * control); the guest clears the flag and resumes with RSCH.
 */
static void test_suspend_resume(void)
{
    Fx f = { 0 };

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));
    qtest_memset(f.s, DATA_ADDR, 0, 16);
    ccw1(f.s, CCW_ADDR, 0xe4, F_CC | F_SLI, 12, DATA_ADDR);
    ccw1(f.s, CCW_ADDR + 8, 0x03, 0x02, 0, 0);
    orb(f.s, ORB_FMT1 | 0x0800, CCW_ADDR);
    run_prog(&f, SID(0));
    g_assert_cmphex(irb_ctrl(f.s), ==, 0x4029); /* suspended, intermediate */
    g_assert_cmphex(irb_flags(f.s) & 0x0800, ==, 0x0800);
    g_assert_cmphex(irb_cpa(f.s), ==, CCW_ADDR + 16);
    g_assert_cmphex(qtest_readl(f.s, DATA_ADDR), ==, 0xff3990c2);
    g_assert_cmpint(inst(f.s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 2);
    /* resumed with the flag still set: suspends again at the same CCW */
    qtest_writel(f.s, DATA_ADDR, 0);
    g_assert_cmpint(inst(f.s, "s390_rsch 0x%x", SID(0)), ==, 0);
    expect_intr(f.s, SID(0));
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(f.s), ==, 0x4029);
    g_assert_cmphex(irb_cpa(f.s), ==, CCW_ADDR + 16);
    g_assert_cmphex(qtest_readl(f.s, DATA_ADDR), ==, 0); /* not run again */
    qtest_writeb(f.s, CCW_ADDR + 9, 0);
    g_assert_cmpint(inst(f.s, "s390_rsch 0x%x", SID(0)), ==, 0);
    expect_intr(f.s, SID(0));
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(f.s), ==, CTRL_START_DONE);
    g_assert_cmphex(irb_dstat(f.s), ==, DSTAT_CE_DE);
    g_assert_cmphex(irb_cpa(f.s), ==, CCW_ADDR + 16);
    fx_end(&f);
}

/* ---- 6: error paths ---- */

static void test_program_checks(void)
{
    Fx f = { 0 };
    g_autofree uint8_t *in = g_malloc(REC_LEN);
    g_autofree uint8_t *file = g_malloc(REC_LEN);

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));

    /* CCW outside guest RAM */
    orb(f.s, ORB_FMT1, RAM_END);
    run_prog(&f, SID(0));
    assert_prog_check(f.s, RAM_END, CTRL_PCHK_AT_START, 0);

    /* CCW address not on a doubleword */
    orb(f.s, ORB_FMT1, CCW_ADDR + 4);
    run_prog(&f, SID(0));
    assert_prog_check(f.s, CCW_ADDR + 4, CTRL_PCHK_AT_START, 0);

    /* TIC to TIC: the check is at the second TIC */
    ccw1(f.s, CCW_ADDR, 0x08, 0, 0, CCW_ADDR + 8);
    ccw1(f.s, CCW_ADDR + 8, 0x08, 0, 0, CCW_ADDR);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    assert_prog_check(f.s, CCW_ADDR + 8, CTRL_PCHK_AT_START, 0);

    /*
     * Write Data of R1, then a CCW whose data is outside RAM: the write
     * is done (it is in the image), the channel stops at the bad CCW.
     */
    format_r1(&f, 2, 3);
    pattern(in, REC_LEN, 5);
    qtest_memwrite(f.s, WBUF_ADDR, in, REC_LEN);
    de_lr(f.s, 0x00, 2, 0x01, 1, 3, 1);
    ccw1(f.s, CCW_ADDR + 16, 0x05, F_CC, REC_LEN, WBUF_ADDR);
    ccw1(f.s, CCW_ADDR + 24, 0xe4, 0, 12, RAM_END - 4);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    assert_prog_check(f.s, CCW_ADDR + 24, 0x4017, DSTAT_CE_DE);
    image_r1(&f, 2, 3, file, REC_LEN, NULL);
    g_assert_cmpmem(file, REC_LEN, in, REC_LEN);
    fx_end(&f);
}

static void test_unit_checks(void)
{
    Fx f = { 0 };

    fx_start_std(&f, 0);
    sch_enable(f.s, SID(0));

    /* no record found: R1 on a track that has only R0 */
    de_lr(f.s, 0x40, 5, 0x06, 1, 0, 1);
    ccw1(f.s, CCW_ADDR + 16, 0x06, 0, REC_LEN, RBUF_ADDR);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    assert_uc(f.s, CCW_ADDR + 16, 0x00, 0x08);

    /* file protected: Locate Record outside the Define Extent */
    de_lr(f.s, 0x00, 2, 0x01, 1, 3, 1);
    qtest_writew(f.s, PARM_ADDR + 16 + 4, 7); /* seek to cylinder 7 */
    qtest_writew(f.s, PARM_ADDR + 16 + 8, 7);
    ccw1(f.s, CCW_ADDR + 16, 0x05, 0, REC_LEN, WBUF_ADDR);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    assert_uc(f.s, CCW_ADDR + 16, 0x00, 0x04);

    /* command reject: an unknown command */
    ccw1(f.s, CCW_ADDR, 0xf4, 0, 8, DATA_ADDR);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    assert_uc(f.s, CCW_ADDR + 8, 0x80, 0x00);
    g_assert_cmphex(qtest_readb(f.s, IRB_ADDR + 32 + 7), ==, 0x01);

    /* without concurrent sense: no sense in the IRB, Sense gets it */
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    0);
    qtest_writel(f.s, SCHIB_ADDR + 24, 0);
    g_assert_cmpint(inst(f.s, "s390_msch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    0);
    run_prog(&f, SID(0));
    g_assert_cmphex(irb_dstat(f.s), ==, DSTAT_CE_DE | DSTAT_UC);
    g_assert_cmphex(irb_flags(f.s) & 0x0402, ==, 0);
    qtest_memset(f.s, DATA_ADDR, 0xee, 32);
    ccw1(f.s, CCW_ADDR, 0x04, 0, 32, DATA_ADDR);
    run_prog(&f, SID(0));
    assert_ok(f.s, CCW_ADDR + 8, 0);
    g_assert_cmphex(qtest_readb(f.s, DATA_ADDR), ==, 0x80);
    g_assert_cmphex(qtest_readb(f.s, DATA_ADDR + 7), ==, 0x01);
    fx_end(&f);
}

static void expect_qmp_error(QTestState *s, JsonObject *rsp, const char *text)
{
    JsonObject *err;
    const char *desc;

    g_assert_true(qmp_rsp_is_err(rsp));
    err = json_object_get_object_member(rsp, "error");
    desc = json_object_get_string_member(err, "desc");
    if (!strstr(desc, text)) {
        g_test_message("desc: %s", desc);
    }
    g_assert_nonnull(strstr(desc, text));
    json_object_unref(rsp);
}

static uint32_t stcrw(QTestState *s, int expect_cc)
{
    g_assert_cmpint(inst(s, "s390_stcrw 0x%x", CRW_ADDR), ==, expect_cc);
    return qtest_readl(s, CRW_ADDR);
}

static void test_host_errors(void)
{
    Fx f = { 0 };

    fx_start_std(&f, 0);
    /* the host device is taken */
    expect_qmp_error(
        f.s,
        qtest_qmp(
            f.s,
            "{'execute': 'device_add', 'arguments': {'driver': 'vfio-ccw', 'id': 'v1', "
            "'hostid': '0.0.1234', 'guestid': 'fe.0.5555'}}"),
        "Host device '0.0.1234' is already in use");
    /* no such host device */
    expect_qmp_error(
        f.s,
        qtest_qmp(
            f.s,
            "{'execute': 'device_add', 'arguments': {'driver': 'vfio-ccw', 'id': 'v1', 'hostid': '0.0.9999'}}"),
        "Host device '0.0.9999' not found");
    g_assert_cmphex(stcrw(f.s, 1), ==, 0);
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(1), SCHIB_ADDR), ==,
                    3);
    fx_end(&f);

    f = (Fx){ 0 };
    f.dir = g_dir_make_tmp("vfio-ccw-test-XXXXXX", NULL);
    f.img = g_build_filename(f.dir, "d.img", NULL);
    expect_start_error(
        &f,
        "-device vfio-ccw,hostid=0.0.1234 -device vfio-ccw,hostid=0.0.1234,guestid=0.0.5555",
        "-device vfio-ccw,hostid=0.0.1234,guestid=0.0.5555: Host device '0.0.1234' is already in use");
    expect_start_error(
        &f, "-device vfio-ccw,hostid=0.0.4444",
        "-device vfio-ccw,hostid=0.0.4444: Host device '0.0.4444' not found");
    fx_end(&f);
}

static void test_unplug_replug(void)
{
    Fx f = { 0 };

    fx_start_std(&f, 0);
    g_assert_cmphex(stcrw(f.s, 1), ==, 0);
    qtest_qmp_assert_success(
        f.s, "{'execute': 'device_del', 'arguments': {'id': 'v0'}}");
    g_assert_cmphex(stcrw(f.s, 0), ==, 0x03040000);
    g_assert_cmphex(stcrw(f.s, 1), ==, 0);
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    3);
    /* the host device is free again */
    qtest_qmp_assert_success(
        f.s,
        "{'execute': 'device_add', 'arguments': {'driver': 'vfio-ccw', 'id': 'v2', 'hostid': '0.0.1234'}}");
    g_assert_cmphex(stcrw(f.s, 0), ==, 0x03040000);
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    0);
    g_assert_cmphex(qtest_readw(f.s, SCHIB_ADDR + 6), ==, 0x1234);
    sch_enable(f.s, SID(0));
    ccw1(f.s, CCW_ADDR, 0xe4, F_SLI, 12, DATA_ADDR);
    orb(f.s, ORB_FMT1, CCW_ADDR);
    run_prog(&f, SID(0));
    assert_ok(f.s, CCW_ADDR + 8, 0);
    g_assert_cmphex(qtest_readl(f.s, DATA_ADDR + 4), ==, 0x33900200);
    fx_end(&f);
}

/*
 * The host object cannot go while a device uses it; a device unplugged
 * with a program in flight: the program never completes, nothing is
 * delivered, the host device is free for the next one.
 */
static void test_unplug_in_flight(void)
{
    Fx f = { 0 };
    g_autofree uint8_t *in = g_malloc(REC_LEN);

    fx_start_std(&f, LATENCY);
    expect_qmp_error(
        f.s,
        qtest_qmp(f.s, "{'execute': 'object-del', 'arguments': {'id': 'd0'}}"),
        "object 'd0' is in use, can not be deleted");
    sch_enable(f.s, SID(0));
    format_r1(&f, 2, 3);
    pattern(in, REC_LEN, 21);
    start_write_in_flight(&f, in);
    qtest_qmp_assert_success(
        f.s, "{'execute': 'device_del', 'arguments': {'id': 'v0'}}");
    g_assert_cmphex(stcrw(f.s, 0), ==, 0x03040000);
    qtest_clock_step(f.s, 4 * LATENCY);
    expect_no_intr(f.s);
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 3);
    qtest_qmp_assert_success(
        f.s,
        "{'execute': 'device_add', 'arguments': {'driver': 'vfio-ccw', 'id': 'v0', 'hostid': '0.0.1234'}}");
    g_assert_cmphex(stcrw(f.s, 0), ==, 0x03040000);
    assert_never_completed(&f);
    /* unused now: the object may go, and then the device cannot come */
    qtest_qmp_assert_success(
        f.s, "{'execute': 'device_del', 'arguments': {'id': 'v0'}}");
    qtest_qmp_assert_success(
        f.s, "{'execute': 'object-del', 'arguments': {'id': 'd0'}}");
    expect_qmp_error(
        f.s,
        qtest_qmp(
            f.s,
            "{'execute': 'device_add', 'arguments': {'driver': 'vfio-ccw', 'id': 'v0', 'hostid': '0.0.1234'}}"),
        "Host device '0.0.1234' not found");
    fx_end(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vfio-ccw/halt-clear", test_halt_clear);
    g_test_add_func("/vfio-ccw/reset-in-flight", test_reset_in_flight);
    g_test_add_func("/vfio-ccw/suspend-resume", test_suspend_resume);
    g_test_add_func("/vfio-ccw/program-checks", test_program_checks);
    g_test_add_func("/vfio-ccw/unit-checks", test_unit_checks);
    g_test_add_func("/vfio-ccw/host-errors", test_host_errors);
    g_test_add_func("/vfio-ccw/unplug-replug", test_unplug_replug);
    g_test_add_func("/vfio-ccw/unplug-in-flight", test_unplug_in_flight);
    return g_test_run();
}
