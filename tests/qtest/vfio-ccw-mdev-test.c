/*
 * A sim-dasd-3390 standing for a vfio_ccw mediated device (mdev=UUID):
 * vfio-ccw,sysfsdev=/sys/bus/mdev/devices/UUID,devno=... -- what libvirt
 * writes for a <hostdev type='mdev' model='vfio-ccw'> -- selects the
 * simulated host, on the command line and with device_add; a sysfsdev=
 * of another UUID still goes to the Linux back end and its error. And
 * the property's own errors.
 */
#include "vfio-ccw-test.h"

#define UUID  "90c6c135-ad44-41d0-b1b7-bae47de48627"
#define OTHER "90c6c135-ad44-41d0-b1b7-bae47de48628"
#define MDEV  "/sys/bus/mdev/devices/"

/* The reply is an error whose desc holds @text */
static void expect_qmp_error(JsonObject *rsp, const char *text)
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

/* The device at guest devno 0009 answers SENSE ID as the simulated 3390 */
static void expect_sim_at_0009(Fx *f, const char *id)
{
    g_autofree char *dev_id = qom_str(f->s, id, "dev_id");

    g_assert_cmpstr(dev_id, ==, "fe.0.0009");
    g_assert_cmpint(inst(f->s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    0);
    g_assert_cmphex(qtest_readw(f->s, SCHIB_ADDR + 6), ==, 0x0009);
    sch_enable(f->s, SID(0));
    ccw1(f->s, CCW_ADDR, 0xe4, F_SLI, 12, DATA_ADDR);
    orb(f->s, ORB_FMT1, CCW_ADDR);
    run_prog(f, SID(0));
    assert_ok(f->s, CCW_ADDR + 8, 0);
    g_assert_cmphex(qtest_readl(f->s, DATA_ADDR), ==, 0xff3990c2);
    g_assert_cmphex(qtest_readl(f->s, DATA_ADDR + 4), ==, 0x33900200);
}

static void test_cmdline(void)
{
    Fx f = { 0 };
    g_autofree char *extra = NULL, *got = NULL;

    f.dir = g_dir_make_tmp("vfio-ccw-test-XXXXXX", NULL);
    f.img = g_build_filename(f.dir, "d.img", NULL);
    /* upper case in mdev=, a trailing slash in sysfsdev=: the same mdev */
    extra = g_strdup_printf(
        "-object sim-dasd-3390,id=d0,busid=0.0.1234,file=%s,model=3390-1,"
        "cache=unsafe,mdev=90C6C135-AD44-41D0-B1B7-BAE47DE48627 "
        "-device vfio-ccw,id=hostdev0,sysfsdev=" MDEV UUID "/,devno=fe.0.0009",
        f.img);
    fx_start(&f, ",s390-map-css=on", extra);
    got = qom_str(f.s, "/objects/d0", "mdev");
    g_assert_cmpstr(got, ==, UUID);
    expect_sim_at_0009(&f, "/machine/peripheral/hostdev0");
    fx_end(&f);
}

static void test_hotplug(void)
{
    Fx f = { 0 };
    g_autofree char *extra = NULL;

    f.dir = g_dir_make_tmp("vfio-ccw-test-XXXXXX", NULL);
    f.img = g_build_filename(f.dir, "d.img", NULL);
    extra = g_strdup_printf(
        "-object sim-dasd-3390,id=d0,busid=0.0.1234,file=%s,model=3390-1,"
        "cache=unsafe,mdev=" UUID,
        f.img);
    fx_start(&f, ",s390-map-css=on", extra);
    /* libvirt's device_add: JSON, sysfsdev= and devno= */
    qtest_qmp_assert_success(
        f.s, "{'execute': 'device_add', 'arguments': {'driver': 'vfio-ccw', "
             "'id': 'hostdev0', 'sysfsdev': '" MDEV UUID "', "
             "'devno': 'fe.0.0009'}}");
    expect_sim_at_0009(&f, "/machine/peripheral/hostdev0");
    /* in use: a second device on the same mdev is refused */
    expect_qmp_error(
        qtest_qmp(f.s, "{'execute': 'device_add', 'arguments': {'driver': "
                       "'vfio-ccw', 'id': 'hostdev1', 'sysfsdev': '" MDEV UUID
                       "', 'devno': 'fe.0.000a'}}"),
        "Host device '" MDEV UUID "' is already in use");
    /* an mdev no sim-dasd-3390 stands for: the Linux back end, as before */
    expect_qmp_error(
        qtest_qmp(f.s, "{'execute': 'device_add', 'arguments': {'driver': "
                       "'vfio-ccw', 'id': 'hostdev1', 'sysfsdev': '" MDEV OTHER
                       "', 'devno': 'fe.0.000a'}}"),
        "Host device '" MDEV OTHER "' not found: No such file or directory");
    qtest_qmp_assert_success(
        f.s, "{'execute': 'device_del', 'arguments': {'id': 'hostdev0'}}");
    g_assert_cmpint(inst(f.s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    3);
    /* free again */
    qtest_qmp_assert_success(
        f.s, "{'execute': 'device_add', 'arguments': {'driver': 'vfio-ccw', "
             "'id': 'hostdev2', 'sysfsdev': '" MDEV UUID "', "
             "'devno': 'fe.0.0009'}}");
    expect_sim_at_0009(&f, "/machine/peripheral/hostdev2");
    fx_end(&f);
}

static void test_errors(void)
{
    Fx f = { 0 };
    g_autofree char *two = NULL;

    f.dir = g_dir_make_tmp("vfio-ccw-test-XXXXXX", NULL);
    f.img = g_build_filename(f.dir, "d.img", NULL);
    /* without a sim-dasd-3390 for it: the Linux back end's error */
    expect_start_error(&f,
                       "-device vfio-ccw,sysfsdev=" MDEV UUID
                       ",devno=fe.0.0009",
                       "-device vfio-ccw,sysfsdev=" MDEV UUID
                       ",devno=fe.0.0009: Host device '" MDEV UUID
                       "' not found: No such file or directory");
    expect_start_error(
        &f,
        "-object sim-dasd-3390,id=d2,busid=0.0.2222,file=x.img,mdev=" UUID "x",
        "sim-dasd-3390: mdev '" UUID "x' is not a UUID");
    two = g_strdup_printf("-object sim-dasd-3390,id=d2,busid=0.0.2222,"
                          "file=%s.2,mdev=" UUID " -object sim-dasd-3390,"
                          "id=d3,busid=0.0.3333,file=%s.3,mdev=" UUID,
                          f.img, f.img);
    expect_start_error(&f, two,
                       "sim-dasd-3390: mdev " UUID " is already in use");
    fx_end(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vfio-ccw-mdev/cmdline", test_cmdline);
    g_test_add_func("/vfio-ccw-mdev/hotplug", test_hotplug);
    g_test_add_func("/vfio-ccw-mdev/errors", test_errors);
    return g_test_run();
}
