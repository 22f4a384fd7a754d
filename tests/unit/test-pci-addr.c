/*
 * Unit tests of PCI addressing: addr=SLOT[.FUNC], automatic slots,
 * multifunction rules and hot-plug restrictions with QEMU's error
 * texts, freeing on unplug, device paths.
 */
#include "test-pci-fixture.h"

static void expect_error(const char *addr, bool mf, const char *id,
                         const char *msg)
{
    Error *err = NULL;

    g_assert_null(fn_new_on(host.bus, TYPE_TEST_PCIFN, addr, mf, id, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void clear_bus(void)
{
    int devfn;

    for (devfn = 0; devfn < PCI_DEVFN_MAX; devfn++) {
        if (host.bus->devices[devfn]) {
            fn_del(host.bus->devices[devfn]);
        }
    }
    g_assert_cmpint(host.bus->qbus.num_children, ==, 0);
}

static void test_automatic(void)
{
    PCIDevice *a = fn_new("1", &error_abort);
    PCIDevice *b = fn_new(NULL, &error_abort);
    PCIDevice *c = fn_new(NULL, &error_abort);

    g_assert_cmpint(a->devfn, ==, PCI_DEVFN(1, 0));
    g_assert_cmpint(b->devfn, ==, PCI_DEVFN(0, 0));
    g_assert_cmpint(c->devfn, ==, PCI_DEVFN(2, 0));
    g_assert_true(pci_bus_get_device(host.bus, PCI_DEVFN(2, 0)) == c);
    /* the property shows where the function went */
    g_assert_cmpint(object_property_get_int(OBJECT(c), "addr", &error_abort),
                    ==, PCI_DEVFN(2, 0));
    fn_del(b);
    b = fn_new(NULL, &error_abort);
    g_assert_cmpint(b->devfn, ==, 0);
    clear_bus();
}

static void test_occupied(void)
{
    fn_new_on(host.bus, TYPE_TEST_PCIFN, "3", false, "a", &error_abort);
    fn_new("4.0", &error_abort);
    expect_error(
        "3", false, NULL,
        "PCI: slot 3 function 0 not available for test-pcifn, in use by test-pcifn,id=a");
    expect_error(
        "04.0", false, "b",
        "PCI: slot 4 function 0 not available for test-pcifn, in use by test-pcifn,id=(null)");
    /* the failed device left nothing behind */
    g_assert_null(object_resolve_path("/machine/peripheral/b", NULL));
    g_assert_cmpint(host.bus->qbus.num_children, ==, 2);
    clear_bus();
}

static void test_multifunction(void)
{
    PCIDevice *f0, *f1;

    fn_new("3", &error_abort);
    expect_error(
        "3.1", false, NULL,
        "PCI: single function device can't be populated in function 3.1");
    /* a function > 0 first, then a single-function function 0 */
    f1 = fn_new("0a.1", &error_abort);
    g_assert_cmpint(f1->devfn, ==, PCI_DEVFN(10, 1));
    expect_error(
        "0xa", false, NULL,
        "PCI: a.0 indicates single function, but a.1 is already populated.");
    f0 = fn_new_on(host.bus, TYPE_TEST_PCIFN, "a.0", true, NULL, &error_abort);
    g_assert_cmphex(cfg_rd(f0, PCI_HEADER_TYPE, 1), ==, 0x80);
    g_assert_cmphex(cfg_rd(f1, PCI_HEADER_TYPE, 1), ==, 0x00);
    fn_new("a.7", &error_abort);
    /* automatic placement skips to the next slot with function 0 free */
    g_assert_cmpint(fn_new(NULL, &error_abort)->devfn, ==, 0);
    g_assert_cmpint(fn_new(NULL, &error_abort)->devfn, ==, PCI_DEVFN(1, 0));
    clear_bus();
}

static void test_full(void)
{
    int slot;

    for (slot = 0; slot < PCI_SLOT_MAX; slot++) {
        g_assert_cmpint(fn_new(NULL, &error_abort)->devfn, ==,
                        PCI_DEVFN(slot, 0));
    }
    expect_error(
        NULL, false, NULL,
        "PCI: no slot/function available for test-pcifn, all in use or reserved");
    fn_del(host.bus->devices[PCI_DEVFN(17, 0)]);
    g_assert_cmpint(fn_new(NULL, &error_abort)->devfn, ==, PCI_DEVFN(17, 0));
    clear_bus();
}

static void test_hotplug(void)
{
    fn_new_on(host.bus, TYPE_TEST_PCIFN, "6", true, NULL, &error_abort);
    fn_new("6.1", &error_abort);
    qdev_hotplug = true;
    expect_error("6.2", false, NULL,
                 "PCI: slot 6 function 0 already occupied by test-pcifn, new "
                 "func test-pcifn cannot be exposed to guest.");
    /* an empty slot takes a hot-plugged function, any function */
    g_assert_nonnull(fn_new("7.3", &error_abort));
    g_assert_nonnull(fn_new("8", &error_abort));
    qdev_hotplug = false;
    clear_bus();
}

static void test_realize_failure_frees_slot(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_PCIFN);
    Error *err = NULL;

    object_property_parse(OBJECT(dev), "addr", "5", &error_abort);
    qdev_prop_set_bit(dev, "fail", true);
    g_assert_false(qdev_realize(dev, &host.bus->qbus, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "test-pcifn: refused");
    error_free(err);
    g_assert_null(pci_bus_get_device(host.bus, PCI_DEVFN(5, 0)));
    g_assert_cmpint(PCI_DEVICE(dev)->devfn, ==, PCI_DEVFN(5, 0));
    object_unref(OBJECT(dev));
    g_assert_nonnull(fn_new("5", &error_abort));
    clear_bus();
}

static void test_addr_syntax(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_PCIFN);
    Error *err = NULL;

    g_assert_false(object_property_parse(OBJECT(dev), "addr", "20", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Property 'test-pcifn.addr' doesn't take value '20'");
    g_clear_pointer(&err, error_free);
    g_assert_false(object_property_parse(OBJECT(dev), "addr", "1.8", &err));
    g_clear_pointer(&err, error_free);
    object_unref(OBJECT(dev));
}

static void test_dev_path(void)
{
    PCIDevice *d = fn_new("1f.7", &error_abort);
    g_autofree char *path = qdev_get_dev_path(DEVICE(d));

    g_assert_cmpstr(path, ==, "0000:00:1f.7");
    g_assert_cmpstr(host.bus->qbus.name, ==, "pci.0");
    clear_bus();
}

static void collect_devfn(PCIBus *bus, PCIDevice *d, void *opaque)
{
    GArray *seen = opaque;
    int devfn = d->devfn;

    g_assert_true(bus == host.bus);
    g_array_append_val(seen, devfn);
}

/* pci_bus_foreach visits every function on the bus once, by devfn */
static void test_foreach(void)
{
    g_autoptr(GArray) seen = g_array_new(false, false, sizeof(int));

    g_assert_nonnull(fn_new("0x7", &error_abort));
    g_assert_nonnull(fn_new("0x2", &error_abort));
    g_assert_nonnull(fn_new_on(host.bus, TYPE_TEST_PCIFN, "0x1f.0", true, NULL,
                               &error_abort));
    g_assert_nonnull(fn_new_on(host.bus, TYPE_TEST_PCIFN, "0x1f.3", true, NULL,
                               &error_abort));
    pci_bus_foreach(host.bus, collect_devfn, seen);
    g_assert_cmpuint(seen->len, ==, 4);
    g_assert_cmpint(g_array_index(seen, int, 0), ==, PCI_DEVFN(2, 0));
    g_assert_cmpint(g_array_index(seen, int, 1), ==, PCI_DEVFN(7, 0));
    g_assert_cmpint(g_array_index(seen, int, 2), ==, PCI_DEVFN(0x1f, 0));
    g_assert_cmpint(g_array_index(seen, int, 3), ==, PCI_DEVFN(0x1f, 3));
    clear_bus();
    g_array_set_size(seen, 0);
    pci_bus_foreach(host.bus, collect_devfn, seen);
    g_assert_cmpuint(seen->len, ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    fixture_setup();
    g_test_add_func("/pci/addr/automatic", test_automatic);
    g_test_add_func("/pci/addr/occupied", test_occupied);
    g_test_add_func("/pci/addr/multifunction", test_multifunction);
    g_test_add_func("/pci/addr/full", test_full);
    g_test_add_func("/pci/addr/hotplug", test_hotplug);
    g_test_add_func("/pci/addr/realize-failure",
                    test_realize_failure_frees_slot);
    g_test_add_func("/pci/addr/syntax", test_addr_syntax);
    g_test_add_func("/pci/addr/dev-path", test_dev_path);
    g_test_add_func("/pci/addr/foreach", test_foreach);
    return g_test_run();
}
