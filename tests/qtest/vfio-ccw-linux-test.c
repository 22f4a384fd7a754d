/*
 * vfio-ccw's Linux back end (sysfsdev=), its error paths on a host that
 * has no vfio_ccw device: a missing mdev, a directory that is not a VFIO
 * device, an iommu_group link that names no group or a group that has no
 * /dev/vfio node, a path that is not a directory. Each is the real code's
 * path through sysfs and /dev/vfio; a temporary directory plays the mdev.
 * And, over a fake vfio_ccw kernel (vfio-ccw-fake-kernel.c, loaded into
 * the emulator with LD_PRELOAD), HSCH and CSCH going to the host
 * subchannel through the async command region: the host's interruption
 * ends them, the guest keeps its own CPA, the kernel's refusals become
 * condition codes, and STSCH taking the host's current path masks from
 * its SCHIB region.  The paths that need a real vfio_ccw device run under
 * make check-kernel (docs/devel/testing-kernel.rst).
 */
#include "qemu/osdep.h"
#include "libqtest.h"
#include "vfio-ccw-test.h"
#include <sys/stat.h>

#define MACHINE "-machine s390-ccw-virtio -nodefaults -display none "

/* The emulator exits with status 1 and @text on stderr */
static void expect_exit_error(const char *args, const char *text)
{
    g_autofree char *full = g_strdup_printf(MACHINE "%s", args);
    g_autofree char *err = NULL;
    g_autofree char *out = NULL;
    int status = 0;

    out = qtest_run_cmdline(full, &status, &err);
    if (!strstr(err, text)) {
        g_test_message("stderr: %s", err);
    }
    g_assert_cmpint(status, ==, 1);
    g_assert_nonnull(strstr(err, text));
}

/* A directory that looks like /sys/bus/mdev/devices/UUID */
static char *fake_mdev(const char *group_target)
{
    g_autofree char *dir = g_dir_make_tmp("vfio-ccw-mdev-XXXXXX", NULL);
    char *mdev;

    g_assert_nonnull(dir);
    mdev = g_build_filename(dir, "a2b5a4e1-4d0e-4c5d-9b3e-0123456789ab", NULL);
    g_assert_cmpint(mkdir(mdev, 0700), ==, 0);
    if (group_target) {
        g_autofree char *link = g_build_filename(mdev, "iommu_group", NULL);

        g_assert_cmpint(symlink(group_target, link), ==, 0);
    }
    return mdev;
}

static void rm_fake_mdev(char *mdev)
{
    g_autofree char *link = g_build_filename(mdev, "iommu_group", NULL);
    g_autofree char *parent = g_path_get_dirname(mdev);

    unlink(link);
    rmdir(mdev);
    rmdir(parent);
    g_free(mdev);
}

static void test_missing_mdev(void)
{
    expect_exit_error(
        "-device vfio-ccw,sysfsdev=/sys/bus/mdev/devices/no-such-mdev",
        "-device vfio-ccw,sysfsdev=/sys/bus/mdev/devices/no-such-mdev: "
        "Host device '/sys/bus/mdev/devices/no-such-mdev' not found: "
        "No such file or directory");
}

static void test_not_a_directory(void)
{
    g_autofree char *path = NULL;
    g_autofree char *args = NULL;
    g_autofree char *text = NULL;
    int fd = g_file_open_tmp("vfio-ccw-file-XXXXXX", &path, NULL);

    g_assert_cmpint(fd, >=, 0);
    close(fd);
    args = g_strdup_printf("-device vfio-ccw,sysfsdev=%s", path);
    text = g_strdup_printf("vfio: %s: not a device directory in sysfs", path);
    expect_exit_error(args, text);
    unlink(path);
}

static void test_no_iommu_group(void)
{
    char *mdev = fake_mdev(NULL);
    g_autofree char *args = g_strdup_printf("-device vfio-ccw,sysfsdev=%s",
                                            mdev);
    g_autofree char *text = g_strdup_printf(
        "vfio: %s: no iommu_group found: No such file or directory", mdev);

    expect_exit_error(args, text);
    expect_exit_error(args, "is not a VFIO device (is it an mdev of "
                            "vfio_ccw?)");
    rm_fake_mdev(mdev);
}

static void test_bad_group_link(void)
{
    char *mdev = fake_mdev("../../../kernel/iommu_groups/not-a-number");
    g_autofree char *args = g_strdup_printf("-device vfio-ccw,sysfsdev=%s",
                                            mdev);
    g_autofree char *text = g_strdup_printf(
        "vfio: %s: iommu_group link '../../../kernel/iommu_groups/not-a-number' "
        "does not name a group",
        mdev);

    expect_exit_error(args, text);
    rm_fake_mdev(mdev);
}

static void test_group_missing(void)
{
    char *mdev = fake_mdev("../../../kernel/iommu_groups/98765");
    g_autofree char *args = g_strdup_printf("-device vfio-ccw,sysfsdev=%s",
                                            mdev);

    expect_exit_error(args, "vfio: failed to open /dev/vfio/98765: "
                            "No such file or directory");
    if (!g_file_test("/dev/vfio/vfio", G_FILE_TEST_EXISTS)) {
        /* this host has no VFIO at all: the hint says so */
        expect_exit_error(args, "/dev/vfio/vfio is missing too: the host "
                                "kernel has no VFIO");
    }
    rm_fake_mdev(mdev);
}

/* At run time, device_add reports the same error; the guest sees nothing */
static void test_hotplug_error(void)
{
    char *mdev = fake_mdev("../../../kernel/iommu_groups/98765");
    QTestState *s = qtest_init(MACHINE);
    JsonObject *rsp = qtest_qmp(
        s,
        "{'execute': 'device_add', 'arguments': {'driver': 'vfio-ccw', "
        "'id': 'p0', 'sysfsdev': %s}}",
        mdev);
    JsonObject *err;

    g_assert_nonnull(rsp);
    g_assert_true(json_object_has_member(rsp, "error"));
    err = json_object_get_object_member(rsp, "error");
    g_assert_nonnull(strstr(json_object_get_string_member(err, "desc"),
                            "vfio: failed to open /dev/vfio/98765"));
    json_object_unref(rsp);
    /* no device p0 */
    rsp = qtest_qmp(s, "{'execute': 'qom-list', 'arguments': "
                       "{'path': '/machine/peripheral/p0'}}");
    g_assert_true(json_object_has_member(rsp, "error"));
    json_object_unref(rsp);
    qtest_quit(s);
    rm_fake_mdev(mdev);
}

/* ---- over the fake vfio_ccw kernel ---- */

typedef struct FakeCcw {
    char *tmp;   /* the fake tree: dev/ (QEMU_VFIO_DEV_ROOT), the mdev */
    char *log;   /* the functions the fake host performed */
    char *paths; /* the host's path state, when the test changes it */
    QTestState *s;
} FakeCcw;

/*
 * The emulator with the fake's mdev (host subchannel 0.0.0000, so guest
 * subchannel 0 with s390-map-css=on), the subchannel enabled; false
 * (skipped) without the fake. @env: NAME=VALUE for the fake, or NULL.
 */
static bool fake_start(FakeCcw *f, const char *env)
{
    const char *shim = g_getenv("VFIO_CCW_FAKE_KERNEL");
    g_autofree char *dev = NULL, *node = NULL, *container = NULL;
    g_autofree char *sch = NULL, *mdev = NULL, *link = NULL, *args = NULL;
    g_auto(GStrv) kv = env ? g_strsplit(env, "=", 2) : NULL;

    if (!shim || !g_file_test(shim, G_FILE_TEST_EXISTS)) {
        g_test_skip("no fake vfio_ccw kernel (VFIO_CCW_FAKE_KERNEL)");
        return false;
    }
    if (!g_strcmp0(g_getenv("QTEST_ASAN"), "1")) {
        g_test_skip("LD_PRELOAD under AddressSanitizer");
        return false;
    }
    f->tmp = g_dir_make_tmp("vfio-ccw-fake-XXXXXX", NULL);
    g_assert_nonnull(f->tmp);
    dev = g_build_filename(f->tmp, "dev", NULL);
    node = g_build_filename(dev, "7", NULL);
    container = g_build_filename(dev, "vfio", NULL);
    sch = g_build_filename(f->tmp, "0.0.0000", NULL);
    mdev = g_build_filename(sch, "a2b5a4e1-4d0e-4c5d-9b3e-0123456789ab", NULL);
    link = g_build_filename(mdev, "iommu_group", NULL);
    f->log = g_build_filename(f->tmp, "log", NULL);
    f->paths = g_build_filename(f->tmp, "paths", NULL);
    g_assert_cmpint(g_mkdir_with_parents(dev, 0700), ==, 0);
    g_assert_cmpint(g_mkdir_with_parents(mdev, 0700), ==, 0);
    g_assert_cmpint(symlink("/dev/null", node), ==, 0);
    g_assert_cmpint(symlink("/dev/full", container), ==, 0);
    g_assert_cmpint(symlink("../../iommu_groups/7", link), ==, 0);
    g_assert_true(g_file_set_contents(f->log, "", 0, NULL));
    g_setenv("QEMU_VFIO_DEV_ROOT", dev, true);
    g_setenv("VFIO_FAKE_CCW_LOG", f->log, true);
    g_setenv("VFIO_FAKE_CCW_PATHS", f->paths, true);
    if (kv) {
        g_setenv(kv[0], kv[1], true);
    }
    g_setenv("LD_PRELOAD", shim, true);
    args = g_strdup_printf("-machine s390-ccw-virtio,s390-map-css=on "
                           "-nodefaults -display none "
                           "-device vfio-ccw,id=v0,sysfsdev=%s",
                           mdev);
    f->s = qtest_init(args);
    g_unsetenv("LD_PRELOAD");
    if (kv) {
        g_unsetenv(kv[0]);
    }
    g_unsetenv("VFIO_FAKE_CCW_PATHS");
    g_unsetenv("VFIO_FAKE_CCW_LOG");
    g_unsetenv("QEMU_VFIO_DEV_ROOT");
    g_free(cmd(f->s, "s390_cr6 0x%x", 0x80000000u >> ISC));
    sch_enable(f->s, SID(0));
    return true;
}

/* What the fake host performed, one function a line */
static char *fake_log(FakeCcw *f)
{
    char *text = NULL;

    g_assert_true(g_file_get_contents(f->log, &text, NULL, NULL));
    return text;
}

static void rm_tree(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name(d))) {
        g_autofree char *p = g_build_filename(dir, name, NULL);

        if (g_file_test(p, G_FILE_TEST_IS_DIR) &&
            !g_file_test(p, G_FILE_TEST_IS_SYMLINK)) {
            rm_tree(p);
        } else {
            unlink(p);
        }
    }
    rmdir(dir);
}

static void fake_end(FakeCcw *f)
{
    qtest_quit(f->s);
    rm_tree(f->tmp);
    g_free(f->tmp);
    g_free(f->log);
    g_free(f->paths);
}

/* A NOOP through the host: the guest's CPA is then 0x3008 */
static void fake_noop(FakeCcw *f)
{
    ccw1(f->s, CCW_ADDR, 0x03, F_SLI, 1, 0);
    orb(f->s, ORB_FMT1, CCW_ADDR);
    qtest_memset(f->s, IRB_ADDR, 0xee, 96);
    g_assert_cmpint(inst(f->s, "s390_ssch 0x%x 0x%x", SID(0), ORB_ADDR), ==, 0);
    expect_intr(f->s, SID(0));
    g_assert_cmpint(inst(f->s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(f->s), ==, CTRL_START_DONE);
    g_assert_cmphex(irb_cpa(f->s), ==, CCW_ADDR + 8);
}

/*
 * HSCH and CSCH of the idle subchannel: performed by the host (the fake
 * logs them), its interruption ends each; TSCH shows the host's status
 * (halt: device end, secondary status) and the guest's own CPA, not the
 * host's 0x0bad0008
 */
static void test_fake_halt_clear(void)
{
    FakeCcw f = { 0 };
    g_autofree char *log = NULL;

    if (!fake_start(&f, NULL)) {
        return;
    }
    fake_noop(&f);
    g_assert_cmpint(inst(f.s, "s390_hsch 0x%x", SID(0)), ==, 0);
    expect_intr(f.s, SID(0));
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(f.s), ==, 0x2003);
    g_assert_cmphex(irb_dstat(f.s), ==, 0x04);
    g_assert_cmphex(irb_cstat(f.s), ==, 0);
    g_assert_cmphex(irb_cpa(f.s), ==, CCW_ADDR + 8);
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 1);

    g_assert_cmpint(inst(f.s, "s390_csch 0x%x", SID(0)), ==, 0);
    expect_intr(f.s, SID(0));
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(f.s), ==, 0x1001);
    g_assert_cmphex(irb_dstat(f.s), ==, 0);
    g_assert_cmphex(irb_cpa(f.s), ==, CCW_ADDR + 8);
    log = fake_log(&f);
    g_assert_cmpstr(log, ==, "start\nhsch\ncsch\n");
    fake_end(&f);
}

/* The kernel refuses HSCH: EBUSY is cc 2, ENODEV cc 3; no interruption */
static void test_fake_halt_refused(void)
{
    static const struct {
        const char *env;
        int cc;
    } cases[] = {
        { "VFIO_FAKE_CCW_HSCH_ERRNO=16", 2 }, /* EBUSY */
        { "VFIO_FAKE_CCW_HSCH_ERRNO=19", 3 }, /* ENODEV */
        { "VFIO_FAKE_CCW_HSCH_ERRNO=13", 3 }, /* EACCES */
    };

    for (unsigned i = 0; i < G_N_ELEMENTS(cases); i++) {
        FakeCcw f = { 0 };
        g_autofree char *log = NULL;

        if (!fake_start(&f, cases[i].env)) {
            return;
        }
        g_assert_cmpint(inst(f.s, "s390_hsch 0x%x", SID(0)), ==, cases[i].cc);
        expect_no_intr(f.s);
        /* the function was taken back: the subchannel is idle */
        g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==,
                        1);
        g_assert_cmphex(irb_ctrl(f.s), ==, 0);
        log = fake_log(&f);
        g_assert_cmpstr(log, ==, "");
        fake_end(&f);
    }
}

/* The kernel refuses CSCH (CSCH has no cc 2): the css clears by itself */
static void test_fake_clear_refused(void)
{
    FakeCcw f = { 0 };
    g_autofree char *log = NULL;

    if (!fake_start(&f, "VFIO_FAKE_CCW_CSCH_ERRNO=19")) {
        return;
    }
    g_assert_cmpint(inst(f.s, "s390_csch 0x%x", SID(0)), ==, 0);
    g_assert_cmpint(inst(f.s, "s390_tsch 0x%x 0x%x", SID(0), IRB_ADDR), ==, 0);
    g_assert_cmphex(irb_ctrl(f.s), ==, 0x1001);
    log = fake_log(&f);
    g_assert_cmpstr(log, ==, "");
    fake_end(&f);
}

/* The guest's SCHIB by STSCH: byte @at */
static uint8_t stsch_byte(FakeCcw *f, unsigned at)
{
    g_assert_cmpint(inst(f->s, "s390_stsch 0x%x 0x%x", SID(0), SCHIB_ADDR), ==,
                    0);
    return qtest_readb(f->s, SCHIB_ADDR + at);
}

/* The host's path state changes: "PNOM LPUM PAM POM N" or "EIO" */
static void set_host_paths(FakeCcw *f, const char *state)
{
    g_assert_true(g_file_set_contents(f->paths, state, -1, NULL));
}

/*
 * Each STSCH takes the host's current path state from the SCHIB region,
 * as QEMU does: the path-not-operational, last-path-used, path-available
 * and path-operational masks, the SCSW's N flag when the host sets it;
 * the installed paths and the CHPIDs stay the plug-time ones. A host
 * SCHIB that cannot be read leaves them as they were (STSCH cc 0).
 */
static void test_fake_stsch_paths(void)
{
    FakeCcw f = { 0 };

    if (!fake_start(&f, NULL)) {
        return;
    }
    /* plug time: the fake's 0x80 installed and available, all operational */
    g_assert_cmphex(stsch_byte(&f, 11), ==, 0x80);  /* PIM */
    g_assert_cmphex(stsch_byte(&f, 15), ==, 0x80);  /* PAM */
    g_assert_cmphex(stsch_byte(&f, 14), ==, 0xff);  /* POM */
    g_assert_cmphex(stsch_byte(&f, 9), ==, 0);      /* PNOM */
    g_assert_cmphex(stsch_byte(&f, 29) & 1, ==, 0); /* SCSW N */

    /* the host's path 0x80 went away and was found not operational */
    set_host_paths(&f, "80 40 00 7f 1");
    g_assert_cmphex(stsch_byte(&f, 15), ==, 0x00);
    g_assert_cmphex(stsch_byte(&f, 14), ==, 0x7f);
    g_assert_cmphex(stsch_byte(&f, 9), ==, 0x80);
    g_assert_cmphex(stsch_byte(&f, 10), ==, 0x40); /* LPUM */
    g_assert_cmphex(stsch_byte(&f, 29) & 1, ==, 1);
    g_assert_cmphex(stsch_byte(&f, 11), ==, 0x80); /* PIM stays */
    g_assert_cmphex(stsch_byte(&f, 16), ==, 0x42); /* CHPID 0 stays */

    /* the host cannot be read: the last state stays */
    set_host_paths(&f, "EIO");
    g_assert_cmphex(stsch_byte(&f, 15), ==, 0x00);
    g_assert_cmphex(stsch_byte(&f, 14), ==, 0x7f);
    g_assert_cmphex(stsch_byte(&f, 9), ==, 0x80);

    /* and the path back */
    set_host_paths(&f, "00 80 80 ff 0");
    g_assert_cmphex(stsch_byte(&f, 15), ==, 0x80);
    g_assert_cmphex(stsch_byte(&f, 14), ==, 0xff);
    g_assert_cmphex(stsch_byte(&f, 9), ==, 0);
    g_assert_cmphex(stsch_byte(&f, 10), ==, 0x80);
    fake_end(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vfio-ccw-linux/missing-mdev", test_missing_mdev);
    g_test_add_func("/vfio-ccw-linux/not-a-directory", test_not_a_directory);
    g_test_add_func("/vfio-ccw-linux/no-iommu-group", test_no_iommu_group);
    g_test_add_func("/vfio-ccw-linux/bad-group-link", test_bad_group_link);
    g_test_add_func("/vfio-ccw-linux/group-missing", test_group_missing);
    g_test_add_func("/vfio-ccw-linux/hotplug-error", test_hotplug_error);
    g_test_add_func("/vfio-ccw-linux/fake-kernel/halt-clear",
                    test_fake_halt_clear);
    g_test_add_func("/vfio-ccw-linux/fake-kernel/halt-refused",
                    test_fake_halt_refused);
    g_test_add_func("/vfio-ccw-linux/fake-kernel/clear-refused",
                    test_fake_clear_refused);
    g_test_add_func("/vfio-ccw-linux/fake-kernel/stsch-paths",
                    test_fake_stsch_paths);
    return g_test_run();
}
