/*
 * vfio-pci's Linux back end (hw/vfio/pci-linux.c), its error paths on a
 * host without VFIO devices: a temporary directory plays /sys and
 * /dev/vfio (QEMU_VFIO_SYSFS_ROOT, QEMU_VFIO_DEV_ROOT), so each run is
 * the real code's way through sysfs and the group node: a missing
 * function, no iommu_group link (no vfio-pci driver, another driver, no
 * driver), a link that names no group, a missing group node (no VFIO at
 * all), a node that is a directory, a file or not a VFIO group, no
 * permission; on the command line and with device_add (an error reply,
 * the emulator goes on).  Also: the simulated host still wins for an
 * address a sim-pci-function has, and a host without zPCI capabilities
 * (any non-s390x host) gets the documented defaults.  And the success
 * path end to end over a fake VFIO kernel (vfio-fake-kernel.c, loaded
 * into the emulator with LD_PRELOAD): realize, CLP, config space, a BAR,
 * RPCIT into host DMA mappings and a DMA through them into guest memory,
 * unplug.  The paths that need a real vfio-pci function run in a guest
 * (docs/devel/testing-kernel.rst).
 */
#include "qemu/osdep.h"
#include <sys/stat.h>

#include "cmdline-test.h"
#include "vfio-pci-test.h"
#include "zpci-dma-tables.h"

#define MACHINE "-machine s390-ccw-virtio -nodefaults -display none "
#define DEVS    "bus/pci/devices/"

static char *tmp; /* the fake tree */
static char *sys; /* TMP/sys: QEMU_VFIO_SYSFS_ROOT */
static char *dev; /* TMP/dev: QEMU_VFIO_DEV_ROOT */

static char *in_sys(const char *rel)
{
    return g_build_filename(sys, rel, NULL);
}

static char *in_dev(const char *rel)
{
    return g_build_filename(dev, rel, NULL);
}

/* sys/bus/pci/devices/@name, its iommu_group link to @group (or none) */
static void add_fn(const char *name, const char *group)
{
    g_autofree char *d = g_strdup_printf("%s/" DEVS "%s", sys, name);

    g_assert_cmpint(g_mkdir_with_parents(d, 0755), ==, 0);
    if (group) {
        g_autofree char *link = g_build_filename(d, "iommu_group", NULL);
        g_autofree char *target =
            g_strdup_printf("../../../../kernel/iommu_groups/%s", group);

        g_assert_cmpint(symlink(target, link), ==, 0);
    }
}

static void set_driver(const char *name, const char *driver)
{
    g_autofree char *link = g_strdup_printf("%s/" DEVS "%s/driver", sys, name);
    g_autofree char *target = g_strdup_printf("../../../bus/pci/drivers/%s",
                                              driver);

    unlink(link);
    if (driver) {
        g_assert_cmpint(symlink(target, link), ==, 0);
    }
}

static void rm_tree(const char *path)
{
    g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", path);

    g_assert_cmpint(system(cmd), ==, 0);
}

/* A fresh tree: functions 00:04.0 (no group), 00:05.0 (group 7), 00:05.2
 * (group 8), 00:06.0 (a link naming no group); no /dev/vfio nodes */
static void fresh_tree(void)
{
    rm_tree(sys);
    rm_tree(dev);
    g_assert_cmpint(g_mkdir_with_parents(dev, 0755), ==, 0);
    add_fn("0000:00:04.0", NULL);
    add_fn("0000:00:05.0", "7");
    add_fn("0000:00:05.2", "8");
    add_fn("0000:00:06.0", "not-a-number");
}

static void expect_error(const char *device, const char *text)
{
    g_autofree char *args = g_strdup_printf("-device vfio-pci,%s,bus=pci.0",
                                            device);

    expect_start_error(args, text);
}

static void test_missing_function(void)
{
    g_autofree char *path = in_sys(DEVS "0000:00:01.0");
    g_autofree char *text = NULL;

    fresh_tree();
    text = g_strdup_printf("-device vfio-pci,host=00:01.0,bus=pci.0: vfio "
                           "0000:00:01.0: no such host device: %s: No such "
                           "file or directory",
                           path);
    expect_error("host=00:01.0", text);
    expect_error("sysfsdev=/nonexistent/0000:00:09.0",
                 "vfio 0000:00:09.0: no such host device: "
                 "/nonexistent/0000:00:09.0: No such file or directory");
    /* a slot with no function: the extended notation says so */
    expect_error("host=0000:00:03.*", "vfio-pci: host '0000:00:03.*': host "
                                      "device 0000:00:03 has no functions");
}

static void test_not_a_directory(void)
{
    g_autofree char *file = in_sys("plain-file");
    g_autofree char *args = g_strdup_printf("sysfsdev=%s", file);
    g_autofree char *text =
        g_strdup_printf("vfio plain-file: %s: not a device directory in sysfs",
                        file);

    fresh_tree();
    g_assert_true(g_file_set_contents(file, "", 0, NULL));
    expect_error(args, text);
}

static void test_no_iommu_group(void)
{
    g_autofree char *fn = in_sys(DEVS "0000:00:04.0");
    g_autofree char *drv = in_sys("bus/pci/drivers/vfio-pci");
    g_autofree char *text = g_strdup_printf(
        "vfio 0000:00:04.0: %s: no iommu_group found: No such file or "
        "directory",
        fn);
    g_autofree char *hint = NULL;

    fresh_tree();
    /* no vfio-pci in the host kernel: its driver directory is missing */
    expect_error("host=00:04.0", text);
    hint = g_strdup_printf("\n%s is missing: the host kernel has no "
                           "vfio-pci driver (modprobe vfio-pci)",
                           drv);
    expect_error("host=00:04.0", hint);
    /* the same by sysfsdev= */
    {
        g_autofree char *args = g_strdup_printf("sysfsdev=%s", fn);

        expect_error(args, text);
    }
    /* vfio-pci there, the function bound to another driver or none */
    g_assert_cmpint(g_mkdir_with_parents(drv, 0755), ==, 0);
    set_driver("0000:00:04.0", "e1000e");
    g_free(hint);
    hint = g_strdup_printf("\n0000:00:04.0 is bound to e1000e, not vfio-pci "
                           "(%s/driver)",
                           fn);
    expect_error("host=00:04.0", hint);
    set_driver("0000:00:04.0", NULL);
    g_free(hint);
    hint = g_strdup_printf("\n0000:00:04.0 is bound to no driver: bind it "
                           "to vfio-pci (%s)",
                           drv);
    expect_error("host=00:04.0", hint);
    /* bound to vfio-pci, still no group: the host has no IOMMU */
    set_driver("0000:00:04.0", "vfio-pci");
    expect_error("host=00:04.0", "\nThe host has no IOMMU for it");
}

static void test_bad_group_link(void)
{
    g_autofree char *fn = in_sys(DEVS "0000:00:06.0");
    g_autofree char *text = g_strdup_printf(
        "vfio 0000:00:06.0: %s: iommu_group link "
        "'../../../../kernel/iommu_groups/not-a-number' does not name a group",
        fn);

    fresh_tree();
    expect_error("host=00:06.0", text);
}

static void test_group_node(void)
{
    g_autofree char *node = in_dev("7");
    g_autofree char *container = in_dev("vfio");
    g_autofree char *text = g_strdup_printf(
        "vfio 0000:00:05.0: failed to open %s: No such file or directory",
        node);
    g_autofree char *hint = g_strdup_printf(
        "\n%s is missing too: the host kernel has no VFIO (modules vfio, "
        "vfio_iommu_type1, vfio_pci)",
        container);
    g_autofree char *msg = NULL;

    fresh_tree();
    expect_error("host=00:05.0", text);
    expect_error("host=00:05.0", hint);
    /* a no-IOMMU group (the kernel's unsafe mode): not usable */
    {
        g_autofree char *noiommu = in_dev("noiommu-7");
        g_autofree char *why =
            g_strdup_printf("\n%s exists: the group is a no-IOMMU one",
                            noiommu);

        g_assert_true(g_file_set_contents(noiommu, "", 0, NULL));
        expect_error("host=00:05.0", why);
        unlink(noiommu);
    }
    /* a directory */
    g_assert_cmpint(mkdir(node, 0755), ==, 0);
    msg = g_strdup_printf("vfio 0000:00:05.0: failed to open %s: Is a "
                          "directory",
                          node);
    expect_error("host=00:05.0", msg);
    rmdir(node);
    /* a plain file */
    g_assert_true(g_file_set_contents(node, "", 0, NULL));
    g_free(msg);
    msg = g_strdup_printf("vfio 0000:00:05.0: %s is not a character device",
                          node);
    expect_error("host=00:05.0", msg);
    unlink(node);
    /* a character device that is not a VFIO group */
    g_assert_cmpint(symlink("/dev/null", node), ==, 0);
    expect_error("host=00:05.0", "vfio 0000:00:05.0: error getting group 7 "
                                 "status: Inappropriate ioctl for device");
    unlink(node);
}

static void test_permission(void)
{
    g_autofree char *node = in_dev("7");
    g_autofree char *text = NULL;

    if (geteuid() == 0) {
        g_test_skip("root opens a mode 000 file anyway");
        return;
    }
    fresh_tree();
    g_assert_true(g_file_set_contents(node, "", 0, NULL));
    g_assert_cmpint(chmod(node, 0), ==, 0);
    text = g_strdup_printf("vfio 0000:00:05.0: failed to open %s: "
                           "Permission denied",
                           node);
    expect_error("host=00:05.0", text);
    g_free(text);
    text = g_strdup_printf("\nThe user running the emulator needs read and "
                           "write access to %s",
                           node);
    expect_error("host=00:05.0", text);
    unlink(node);
}

/* device_add: the same words in the error reply; the emulator goes on */
static void test_hotplug_error(void)
{
    g_autofree char *node = in_dev("8");
    g_autofree char *text = NULL;
    QTestState *s;

    fresh_tree();
    s = qtest_init(MACHINE);
    text = g_strdup_printf("vfio 0000:00:05.2: failed to open %s: No such "
                           "file or directory",
                           node);
    expect_qmp_error(s,
                     "{'execute': 'device_add', 'arguments': {'driver': "
                     "'vfio-pci', 'id': 'p0', 'host': '0000:00:05.2'}}",
                     text);
    /* the extended notation: the functions sysfs has, the first fails */
    expect_qmp_error(s,
                     "{'execute': 'device_add', 'arguments': {'driver': "
                     "'vfio-pci', 'id': 'p1', 'host': '0000:00:05.*'}}",
                     "vfio 0000:00:05.");
    expect_qmp_error(s,
                     "{'execute': 'device_add', 'arguments': {'driver': "
                     "'vfio-pci', 'id': 'p2', 'host': '0000:00:05.1'}}",
                     "vfio 0000:00:05.1: no such host device");
    g_assert_true(qtest_query_status(s) != NULL);
    {
        JsonObject *rsp = qtest_qmp(s, "{'execute': 'qom-list', 'arguments': "
                                       "{'path': '/machine/peripheral/p0'}}");

        g_assert_true(json_object_has_member(rsp, "error"));
        json_object_unref(rsp);
    }
    qtest_quit(s);
}

/* The simulated host keeps the addresses its functions have */
static void test_sim_wins(void)
{
    QTestState *s;

    fresh_tree();
    s = qtest_init(MACHINE
                   "-object sim-pci-function,id=h0,host=0000:00:05.0 "
                   "-device vfio-pci,host=0000:00:05.0,id=p0,bus=pci.0");
    g_assert_cmphex(clp_query(s, fh_of_fid(s, 0)), ==, 0x0010);
    qtest_quit(s);
}

/*
 * A host without zPCI capabilities (what a Linux host that is not s390x
 * gives) and with a narrower IOVA range: the default DMA range clamped
 * to it, the default function group.
 */
static void test_no_zpci_caps(void)
{
    QTestState *s = qtest_init(
        MACHINE "-object sim-pci-function,id=h0,host=0000:00:02.0,"
                "zpci-base=off,zpci-group=off,iova-start=0x100000,"
                "iova-end=0x7fffffffff "
                "-device vfio-pci,host=0000:00:02.0,id=p0,bus=pci.0");
    uint32_t fh = fh_of_fid(s, 0);

    g_assert_cmphex(clp_query(s, fh), ==, 0x0010);
    g_assert_cmphex(qtest_readq(s, LPCB_RSP + 64), ==, 0x100000000ull);
    g_assert_cmphex(qtest_readq(s, LPCB_RSP + 72), ==, 0x7fffffffffull);
    g_assert_cmphex(qtest_readb(s, LPCB_RSP + 19), ==, 0xff); /* pfgid */
    qtest_quit(s);
}

/* The emulator over the fake VFIO kernel, or NULL (skipped) */
static QTestState *start_fake_kernel(const char *args)
{
    const char *shim = g_getenv("VFIO_FAKE_KERNEL");
    g_autofree char *node = in_dev("7");
    g_autofree char *container = in_dev("vfio");
    QTestState *s;

    if (!shim || !g_file_test(shim, G_FILE_TEST_EXISTS)) {
        g_test_skip("no fake VFIO kernel (VFIO_FAKE_KERNEL)");
        return NULL;
    }
    if (!g_strcmp0(g_getenv("QTEST_ASAN"), "1")) {
        g_test_skip("LD_PRELOAD under AddressSanitizer");
        return NULL;
    }
    fresh_tree();
    g_assert_cmpint(symlink("/dev/null", node), ==, 0);
    g_assert_cmpint(symlink("/dev/full", container), ==, 0);
    g_setenv("LD_PRELOAD", shim, true);
    s = qtest_init(args);
    g_unsetenv("LD_PRELOAD");
    return s;
}

static void test_fake_kernel(void)
{
    QTestState *s = start_fake_kernel(
        MACHINE "-device vfio-pci,host=0000:00:05.0,id=p0,bus=pci.0");
    uint32_t fh;
    JsonObject *ev;

    if (!s) {
        return;
    }
    /* no zPCI capabilities: the defaults, clamped to the IOVA range */
    fh = fh_of_fid(s, 0);
    g_assert_cmphex(clp_query(s, fh), ==, 0x0010);
    g_assert_cmphex(qtest_readq(s, LPCB_RSP + 64), ==, 0x100000000ull);
    g_assert_cmphex(qtest_readq(s, LPCB_RSP + 72), ==, 0x7fffffffffull);
    g_assert_cmphex(qtest_readb(s, LPCB_RSP + 19), ==, 0xff);
    fh = enable(s);
    /* the host's configuration space and BAR 0 */
    g_assert_cmphex(cfg_read(s, fh, 0), ==, 0x10d38086);
    g_assert_cmpint(store(s, fh, 0, 8, 0, 0x0123456789abcdefull), ==, 0);
    g_assert_cmphex(load(s, fh, 0, 8, 0), ==, 0x0123456789abcdefull);
    /* RPCIT: two pages, two host mappings */
    build_tables(s);
    write_ioat_fib(s, FIB, IOTA_RT);
    g_assert_cmpint(mpcifc(s, fh, 4), ==, 0);
    g_assert_cmpint(rpcit(s, fh, IOVA, 0x2000, NULL), ==, 0);
    g_assert_cmpuint(reg_read(s, fh, 0x28), ==, 2);
    /* the host function's DMA lands in guest memory through them */
    g_assert_cmpint(store(s, fh, 0, 8, 0x100, 0x1122334455667788ull), ==, 0);
    qtest_memset(s, FRAME + 0x1010, 0, 8);
    reg_write(s, fh, 0x10, (uint32_t)(IOVA + 0x1010));
    reg_write(s, fh, 0x14, (IOVA + 0x1010) >> 32);
    reg_write(s, fh, 0x18, 8);
    reg_write(s, fh, 0x1c, 1);
    g_assert_cmpuint(reg_read(s, fh, 0x20) & 0xff, ==, 1);
    g_assert_cmphex(qtest_readq(s, FRAME + 0x1010), ==, 0x1122334455667788ull);
    /* MSI-X vector 2 (table in BAR 0 at 0x800) as an adapter interruption */
    qtest_memset(s, AIBV, 0, 16);
    qtest_memset(s, AISB, 0, 16);
    g_assert_cmpint(store(s, fh, 15, 2, 0x42, 0x0080), ==, 0);
    g_assert_cmpint(store(s, fh, 0, 8, 0x820, 0xfe), ==, 0);
    g_assert_cmpint(store(s, fh, 0, 4, 0x828, 0x02000000), ==, 0);
    g_assert_cmpint(store(s, fh, 0, 4, 0x82c, 0), ==, 0);
    qtest_memset(s, FIB + 40, 0, 40);
    qtest_writel(s, FIB + 40, 3u << 28 | 4u << 16 | 5u << 8 | 1u << 7 | 9);
    qtest_writeq(s, FIB + 48, AIBV);
    qtest_writeq(s, FIB + 56, AISB);
    g_assert_cmpint(mpcifc(s, fh, 2), ==, 0);
    reg_write(s, fh, 0x2c, 2);
    g_assert_cmphex(qtest_readb(s, AIBV), ==, 0x01);
    g_assert_cmphex(qtest_readb(s, AISB + 1), ==, 0x40);
    /* deregistration unmaps them */
    g_assert_cmpint(mpcifc(s, fh, 5), ==, 0);
    g_assert_cmpuint(reg_read(s, fh, 0x28), ==, 0);
    /* the guest lets it go (disable: a host reset; deconfigure), unplug */
    g_assert_cmphex(clp_set(s, fh, 1), ==, 0x0010);
    g_assert_cmpstr(sclp_zpci(s, 0, false), ==, "OK 0x0020");
    qtest_qmp_assert_success(s, "{'execute': 'device_del', 'arguments': "
                                "{'id': 'p0'}}");
    ev = qtest_qmp_eventwait_ref(s, "DEVICE_DELETED");
    json_object_unref(ev);
    g_assert_nonnull(qtest_query_status(s));
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    tmp = g_dir_make_tmp("vfio-pci-linux-XXXXXX", NULL);
    g_assert_nonnull(tmp);
    sys = g_build_filename(tmp, "sys", NULL);
    dev = g_build_filename(tmp, "dev", NULL);
    g_setenv("QEMU_VFIO_SYSFS_ROOT", sys, true);
    g_setenv("QEMU_VFIO_DEV_ROOT", dev, true);
    g_test_add_func("/vfio-pci-linux/missing-function", test_missing_function);
    g_test_add_func("/vfio-pci-linux/not-a-directory", test_not_a_directory);
    g_test_add_func("/vfio-pci-linux/no-iommu-group", test_no_iommu_group);
    g_test_add_func("/vfio-pci-linux/bad-group-link", test_bad_group_link);
    g_test_add_func("/vfio-pci-linux/group-node", test_group_node);
    g_test_add_func("/vfio-pci-linux/permission", test_permission);
    g_test_add_func("/vfio-pci-linux/hotplug-error", test_hotplug_error);
    g_test_add_func("/vfio-pci-linux/sim-wins", test_sim_wins);
    g_test_add_func("/vfio-pci-linux/no-zpci-caps", test_no_zpci_caps);
    g_test_add_func("/vfio-pci-linux/fake-kernel", test_fake_kernel);
    ret = g_test_run();
    rm_tree(tmp);
    return ret;
}
