/*
 * vfio-ccw's Linux back end (sysfsdev=), its error paths on a host that
 * has no vfio_ccw device: a missing mdev, a directory that is not a VFIO
 * device, an iommu_group link that names no group or a group that has no
 * /dev/vfio node, a path that is not a directory. Each is the real code's
 * path through sysfs and /dev/vfio; a temporary directory plays the mdev.
 * The paths that need a real vfio_ccw device run under make check-kernel
 * (docs/devel/testing-kernel.rst).
 */
#include "qemu/osdep.h"
#include "libqtest.h"
#include <sys/stat.h>

#define MACHINE "-machine s390-ccw-virtio -nodefaults -display none "

/* The emulator exits with status 1 and @text on stderr */
static void expect_start_error(const char *args, const char *text)
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
    expect_start_error(
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
    expect_start_error(args, text);
    unlink(path);
}

static void test_no_iommu_group(void)
{
    char *mdev = fake_mdev(NULL);
    g_autofree char *args = g_strdup_printf("-device vfio-ccw,sysfsdev=%s",
                                            mdev);
    g_autofree char *text = g_strdup_printf(
        "vfio: %s: no iommu_group found: No such file or directory", mdev);

    expect_start_error(args, text);
    expect_start_error(args, "is not a VFIO device (is it an mdev of "
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

    expect_start_error(args, text);
    rm_fake_mdev(mdev);
}

static void test_group_missing(void)
{
    char *mdev = fake_mdev("../../../kernel/iommu_groups/98765");
    g_autofree char *args = g_strdup_printf("-device vfio-ccw,sysfsdev=%s",
                                            mdev);

    expect_start_error(args, "vfio: failed to open /dev/vfio/98765: "
                             "No such file or directory");
    if (!g_file_test("/dev/vfio/vfio", G_FILE_TEST_EXISTS)) {
        /* this host has no VFIO at all: the hint says so */
        expect_start_error(args, "/dev/vfio/vfio is missing too: the host "
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

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vfio-ccw-linux/missing-mdev", test_missing_mdev);
    g_test_add_func("/vfio-ccw-linux/not-a-directory", test_not_a_directory);
    g_test_add_func("/vfio-ccw-linux/no-iommu-group", test_no_iommu_group);
    g_test_add_func("/vfio-ccw-linux/bad-group-link", test_bad_group_link);
    g_test_add_func("/vfio-ccw-linux/group-missing", test_group_missing);
    g_test_add_func("/vfio-ccw-linux/hotplug-error", test_hotplug_error);
    return g_test_run();
}
