/*
 * The pure side of vfio-pci's Linux back end over a fake sysfs tree
 * (QEMU_VFIO_SYSFS_ROOT/QEMU_VFIO_DEV_ROOT, set before the first use):
 * host= to the function's directory, which functions a slot has (the
 * extended host= notation's '*'), a directory name to the address, which
 * back end serves a host=/sysfsdev=, and open's first refusals.  The
 * real kernel paths run in a guest (docs/devel/testing-kernel.rst).
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "qapi/error.h"
#include "qom/object_interfaces.h"
#include "qemu/pci-bdf.h"
#include "hw/vfio/pci-host.h"
#include "hw/vfio/linux-group.h"
#include "hw/sim/sim-pci.h"
#include <json-glib/json-glib.h>

static char *tmp, *sys, *dev;

static void add_dir(const char *name)
{
    g_autofree char *d = g_strdup_printf("%s/bus/pci/devices/%s", sys, name);

    g_assert_cmpint(g_mkdir_with_parents(d, 0755), ==, 0);
}

static void test_roots(void)
{
    g_autofree char *container = vfio_linux_container_path();
    g_autofree char *expect = g_build_filename(dev, "vfio", NULL);

    g_assert_cmpstr(vfio_linux_sysfs_root(), ==, sys);
    g_assert_cmpstr(vfio_linux_dev_root(), ==, dev);
    g_assert_cmpstr(container, ==, expect);
}

static void expect_path(const char *host, const char *rel)
{
    g_autofree char *p = vfio_pci_linux_sysfs_path(host, &error_abort);
    g_autofree char *want = g_strdup_printf("%s/bus/pci/devices/%s", sys, rel);

    g_assert_cmpstr(p, ==, want);
}

static void expect_path_error(const char *host, const char *msg)
{
    Error *err = NULL;

    g_assert_null(vfio_pci_linux_sysfs_path(host, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void test_sysfs_path(void)
{
    expect_path("0000:00:02.0", "0000:00:02.0");
    expect_path("00:02.0", "0000:00:02.0");
    expect_path("1:2:3.4", "0001:02:03.4");
    expect_path("ffff:ff:1f.7", "ffff:ff:1f.7");
    expect_path_error("0000:00:02.0-1",
                      "host '0000:00:02.0-1' is not one function "
                      "(DDDD:BB:DD.F)");
    expect_path_error("0000:00:02.*", "host '0000:00:02.*' is not one function "
                                      "(DDDD:BB:DD.F)");
    expect_path_error("0000:00:20.0",
                      "PCI address '0000:00:20.0': slot 0x20 is out of range "
                      "0..1f at character 9");
}

static void test_slot_present(void)
{
    uint8_t present = 0xaa;

    add_dir("0000:00:05.0");
    add_dir("0000:00:05.3");
    add_dir("0000:00:05.7");
    add_dir("0001:00:05.1"); /* another domain */
    add_dir("0000:01:05.2"); /* another bus */
    g_assert_true(
        vfio_pci_linux_slot_present(NULL, 0, 0, 5, &present, &error_abort));
    g_assert_cmphex(present, ==, 0x89);
    g_assert_true(
        vfio_pci_linux_slot_present(NULL, 0, 0, 6, &present, &error_abort));
    g_assert_cmphex(present, ==, 0);
    g_assert_true(
        vfio_pci_linux_slot_present(NULL, 1, 0, 5, &present, &error_abort));
    g_assert_cmphex(present, ==, 0x02);
}

/* The '*' of the extended notation asks sysfs through the back end */
static void test_expand_star(void)
{
    PciBdfSpec spec;
    PciBdfExpansion x;

    add_dir("0000:00:09.1");
    add_dir("0000:00:09.4");
    g_assert_true(
        pci_bdf_parse("0000:00:09.*", PCI_BDF_PLUG, &spec, &error_abort));
    g_assert_true(pci_bdf_expand(&spec, PCI_BDF_MAP_IDENTITY,
                                 vfio_pci_linux_ops.slot_present, NULL, &x,
                                 &error_abort));
    g_assert_cmpuint(x.n, ==, 2);
    pci_bdf_spec_clear(&spec);
}

static void test_parse_name(void)
{
    VFIOPCIHostId id = { 0 };

    g_assert_true(vfio_pci_linux_parse_name("0001:02:1f.7", &id));
    g_assert_cmpuint(id.domain, ==, 1);
    g_assert_cmpuint(id.bus, ==, 2);
    g_assert_cmpuint(id.slot, ==, 0x1f);
    g_assert_cmpuint(id.func, ==, 7);
    g_assert_false(vfio_pci_linux_parse_name("0000:00:20.0", &id));
    g_assert_false(vfio_pci_linux_parse_name("0000:00:02.8", &id));
    g_assert_false(vfio_pci_linux_parse_name("00:02.0", &id));
    g_assert_false(vfio_pci_linux_parse_name("0000:00:02.0x", &id));
    g_assert_false(vfio_pci_linux_parse_name("a2b5a4e1-4d0e", &id));
}

static Object *add_sim(const char *id, const char *host)
{
    g_autofree char *json = g_strdup_printf("{\"host\": \"%s\"}", host);
    JsonNode *node = json_from_string(json, NULL);
    Object *obj = user_creatable_add_type(TYPE_SIM_PCI_FUNCTION, id,
                                          json_node_get_object(node), true,
                                          &error_abort);

    json_node_unref(node);
    return obj;
}

static void test_chooser(void)
{
    const VFIOPCIHostOps *sim = &vfio_pci_sim_ops;
    const VFIOPCIHostOps *lnx = &vfio_pci_linux_ops;

    g_assert_true(vfio_pci_host_backend_for("0000:00:0c.0", NULL) == lnx);
    g_assert_true(vfio_pci_host_backend_for(NULL, "/sys/x") == lnx);
    add_sim("s0", "0000:00:0c.1");
    g_assert_true(vfio_pci_host_backend_for("0000:00:0c.1", NULL) == sim);
    g_assert_true(vfio_pci_host_backend_for("00:0c.1", NULL) == sim);
    /* another function of that slot: not the simulated host's */
    g_assert_true(vfio_pci_host_backend_for("0000:00:0c.0", NULL) == lnx);
    /* the extended notation: any function of the slot */
    g_assert_true(vfio_pci_host_backend_for("0000:00:0c.*", NULL) == sim);
    g_assert_true(vfio_pci_host_backend_for("0000:00:0d.*", NULL) == lnx);
    /* sysfsdev= wins, as in QEMU */
    g_assert_true(vfio_pci_host_backend_for("0000:00:0c.1", "/sys/x") == lnx);
    g_assert_true(user_creatable_del("s0", &error_abort));
    g_assert_true(vfio_pci_host_backend_for("0000:00:0c.1", NULL) == lnx);
}

static void expect_open_error(const char *host, const char *sysfsdev,
                              const char *msg)
{
    Error *err = NULL;

    g_assert_null(vfio_pci_linux_ops.open(host, sysfsdev, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void test_open_errors(void)
{
    g_autofree char *fn = g_strdup_printf("%s/bus/pci/devices/0000:00:0e.0",
                                          sys);
    g_autofree char *msg = NULL;
    g_autofree char *link = g_build_filename(fn, "iommu_group", NULL);

    msg = g_strdup_printf("no such host device: %s: No such file or "
                          "directory",
                          fn);
    expect_open_error("0000:00:0e.0", NULL, msg);
    add_dir("0000:00:0e.0");
    g_free(msg);
    msg = g_strdup_printf("%s: no iommu_group found: No such file or "
                          "directory",
                          fn);
    expect_open_error("0000:00:0e.0", NULL, msg);
    expect_open_error(NULL, fn, msg);
    g_assert_cmpint(symlink("../../../../kernel/iommu_groups/77", link), ==, 0);
    g_free(msg);
    msg = g_strdup_printf("failed to open %s/77: No such file or directory",
                          dev);
    expect_open_error("0000:00:0e.0", NULL, msg);
    expect_open_error("0000:00:0e.0-1", NULL,
                      "host '0000:00:0e.0-1' is not one function "
                      "(DDDD:BB:DD.F)");
    expect_open_error(NULL, NULL,
                      "the Linux VFIO back end needs host= or sysfsdev=");
    g_assert_cmpuint(vfio_linux_group_count(), ==, 0);
}

int main(int argc, char **argv)
{
    g_autofree char *cmd = NULL;
    int ret;

    g_test_init(&argc, &argv, NULL);
    tmp = g_dir_make_tmp("test-vfio-pci-linux-XXXXXX", NULL);
    g_assert_nonnull(tmp);
    sys = g_build_filename(tmp, "sys", NULL);
    dev = g_build_filename(tmp, "dev", NULL);
    g_assert_cmpint(g_mkdir_with_parents(dev, 0755), ==, 0);
    g_setenv("QEMU_VFIO_SYSFS_ROOT", sys, true);
    g_setenv("QEMU_VFIO_DEV_ROOT", dev, true);
    g_test_add_func("/vfio-pci-linux/roots", test_roots);
    g_test_add_func("/vfio-pci-linux/sysfs-path", test_sysfs_path);
    g_test_add_func("/vfio-pci-linux/slot-present", test_slot_present);
    g_test_add_func("/vfio-pci-linux/expand-star", test_expand_star);
    g_test_add_func("/vfio-pci-linux/parse-name", test_parse_name);
    g_test_add_func("/vfio-pci-linux/chooser", test_chooser);
    g_test_add_func("/vfio-pci-linux/open-errors", test_open_errors);
    ret = g_test_run();
    cmd = g_strdup_printf("rm -rf '%s'", tmp);
    g_assert_cmpint(system(cmd), ==, 0);
    return ret;
}
