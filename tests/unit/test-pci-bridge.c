/*
 * Unit tests of pci-bridge: chassis_nr, the type-1 header, the secondary
 * bus (named after the id, reached with bus=), bus numbers, requests
 * forwarded upstream as the bridge, secondary bus reset, and libvirt's
 * command line for it.
 */
#include "test-pci-fixture.h"
#include "hw/pci/pci-bridge.h"
#include "monitor/qdev.h"

static PCIBridge *bridge_new(const char *addr, const char *id, int chassis,
                             Error **errp)
{
    DeviceState *dev = qdev_new(TYPE_PCI_BRIDGE);

    object_property_parse(OBJECT(dev), "addr", addr, &error_abort);
    qdev_prop_set_uint8(dev, "chassis_nr", chassis);
    if (id) {
        qdev_set_id(dev, g_strdup(id), &error_abort);
    }
    if (!qdev_realize(dev, &host.bus->qbus, errp)) {
        object_unparent(OBJECT(dev));
        object_unref(OBJECT(dev));
        return NULL;
    }
    object_unref(OBJECT(dev));
    return PCI_BRIDGE(dev);
}

static DeviceState *add_json(const char *json, Error **errp)
{
    g_autoptr(JsonParser) parser = json_parser_new();
    JsonObject *opts;
    DeviceState *dev;

    g_assert_true(json_parser_load_from_data(parser, json, -1, NULL));
    opts = json_node_get_object(json_parser_get_root(parser));
    dev = qdev_device_add_from_qdict(opts, true, errp);
    if (dev) {
        object_unref(OBJECT(dev));
    }
    return dev;
}

static void test_chassis_required(void)
{
    Error *err = NULL;

    g_assert_null(bridge_new("1", "br0", 0, &err));
    g_assert_cmpstr(
        error_get_pretty(err), ==,
        "Bridge chassis not specified. Each bridge is required to be assigned a unique chassis id > 0.");
    error_free(err);
    g_assert_null(pci_bus_get_device(host.bus, PCI_DEVFN(1, 0)));
    g_assert_null(object_resolve_path("/machine/peripheral/br0", NULL));
}

static void test_header(void)
{
    PCIBridge *br = bridge_new("2", "br1", 7, &error_abort);
    PCIDevice *d = PCI_DEVICE(br);
    uint8_t sid = pci_find_capability(d, PCI_CAP_ID_SLOTID);

    g_assert_cmphex(cfg_rd(d, PCI_VENDOR_ID, 4), ==, 0x00011b36);
    g_assert_cmphex(cfg_rd(d, PCI_CLASS_DEVICE, 2), ==, PCI_CLASS_BRIDGE_PCI);
    g_assert_cmphex(cfg_rd(d, PCI_HEADER_TYPE, 1), ==, 0x01);
    g_assert_cmphex(sid, !=, 0);
    g_assert_cmphex(cfg_rd(d, sid + PCI_SID_CHASSIS_NR, 1), ==, 7);
    g_assert_cmphex(cfg_rd(d, sid + PCI_SID_ESR, 1), ==, PCI_SID_ESR_FIC);
    /* bus numbers and windows are writable, their type nibbles not */
    cfg_wr(d, PCI_PRIMARY_BUS, 0x00050100, 4);
    g_assert_cmphex(cfg_rd(d, PCI_PRIMARY_BUS, 4), ==, 0x00050100);
    g_assert_cmpint(pci_bus_num(br->sec_bus), ==, 1);
    cfg_wr(d, PCI_IO_BASE, 0xffff, 2);
    g_assert_cmphex(cfg_rd(d, PCI_IO_BASE, 2), ==, 0xf1f1);
    cfg_wr(d, PCI_PREF_MEMORY_BASE, 0xffffffff, 4);
    g_assert_cmphex(cfg_rd(d, PCI_PREF_MEMORY_BASE, 4), ==, 0xfff1fff1);
    cfg_wr(d, PCI_MEMORY_BASE, 0xffffffff, 4);
    g_assert_cmphex(cfg_rd(d, PCI_MEMORY_BASE, 4), ==, 0xfff0fff0);
    /* no subsystem ids and no BAR 2 in a type-1 header */
    g_assert_cmphex(cfg_rd(d, PCI_SUBSYSTEM_VENDOR_ID, 4), ==, 0);
    /* secondary status error bits are write-1-to-clear */
    pci_set(d, PCI_SEC_STATUS, 2, PCI_STATUS_REC_MASTER_ABORT);
    cfg_wr(d, PCI_SEC_STATUS, PCI_STATUS_REC_MASTER_ABORT, 2);
    g_assert_cmphex(cfg_rd(d, PCI_SEC_STATUS, 2), ==, 0);
    fn_del(d);
}

static void test_secondary_bus(void)
{
    PCIBridge *br = bridge_new("3", "pci.1", 1, &error_abort);
    PCIBridge *anon = bridge_new("4", NULL, 2, &error_abort);
    PCIDevice *d;
    Error *err = NULL;
    BusState *found;
    g_autofree char *path = NULL;

    g_assert_cmpstr(br->sec_bus->qbus.name, ==, "pci.1");
    /* QEMU's per-type counter: the root took pci.0, so this is pci.1 too */
    g_assert_cmpstr(anon->sec_bus->qbus.name, ==, "pci.1");
    found = qbus_find("pci.1", &err);
    g_assert_null(err);
    g_assert_true(found == &br->sec_bus->qbus);
    g_assert_false(pci_bus_is_root(br->sec_bus));
    /* a function behind the bridge */
    d = fn_new_on(br->sec_bus, TYPE_TEST_PCIFN, "1f", false, NULL,
                  &error_abort);
    path = qdev_get_dev_path(DEVICE(d));
    g_assert_cmpstr(path, ==, "0000:00:03.0:1f.0");
    /* bus numbers as firmware sets them; lookup by number */
    pci_bridge_set_bus_numbers(br, 0, 1, 1);
    pci_bridge_set_bus_numbers(anon, 0, 2, 2);
    g_assert_true(pci_find_bus_nr(host.bus, 1) == br->sec_bus);
    g_assert_true(pci_find_bus_nr(host.bus, 2) == anon->sec_bus);
    g_assert_true(pci_find_bus_nr(host.bus, 0) == host.bus);
    g_assert_null(pci_find_bus_nr(host.bus, 3));
    fn_del(PCI_DEVICE(anon));
    /* unplugging the bridge takes what is behind it */
    object_ref(OBJECT(d));
    fn_del(PCI_DEVICE(br));
    g_assert_false(DEVICE(d)->realized);
    object_unref(OBJECT(d));
    g_assert_null(qbus_find("pci.1", &err));
    error_free(err);
}

static void test_forwarding(void)
{
    PCIBridge *br = bridge_new("5", "pci.2", 1, &error_abort);
    PCIDevice *d;
    int asked;

    g_array_set_size(host.dma_devfns, 0);
    g_array_set_size(host.msgs, 0);
    d = fn_new_on(br->sec_bus, TYPE_TEST_PCIFN, "2", false, NULL, &error_abort);
    /* no ops on the secondary bus: the owner is asked as the bridge */
    g_assert_true(pci_get_dma_as(d) == &host.as);
    asked = g_array_index(host.dma_devfns, int, host.dma_devfns->len - 1);
    g_assert_cmpint(asked, ==, PCI_DEVFN(5, 0));
    cfg_wr(d, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    pci_msi_send(d, 0x1234, 0x99);
    g_assert_cmpuint(host.msgs->len, ==, 1);
    g_assert_cmpint(g_array_index(host.msgs, TestMsg, 0).devfn, ==,
                    PCI_DEVFN(5, 0));
    fn_del(d);
    /* with ops of its own (as the zPCI bridge sets them): per function */
    pci_bus_set_ops(br->sec_bus, &test_bus_ops, &host);
    d = fn_new_on(br->sec_bus, TYPE_TEST_PCIFN, "2", false, NULL, &error_abort);
    asked = g_array_index(host.dma_devfns, int, host.dma_devfns->len - 1);
    g_assert_cmpint(asked, ==, PCI_DEVFN(2, 0));
    fn_del(PCI_DEVICE(br));
}

static void test_secondary_reset(void)
{
    PCIBridge *br = bridge_new("6", "pci.3", 1, &error_abort);
    PCIDevice *d = fn_new_on(br->sec_bus, TYPE_TEST_PCIFN, "0", false, NULL,
                             &error_abort);

    cfg_wr(d, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    cfg_wr(PCI_DEVICE(br), PCI_BRIDGE_CONTROL, PCI_BRIDGE_CTL_SERR, 2);
    g_assert_cmpuint(((TestPciFn *)d)->reset_count, ==, 0);
    cfg_wr(PCI_DEVICE(br), PCI_BRIDGE_CONTROL,
           PCI_BRIDGE_CTL_SERR | PCI_BRIDGE_CTL_BUS_RESET, 2);
    g_assert_cmpuint(((TestPciFn *)d)->reset_count, ==, 1);
    g_assert_cmphex(cfg_rd(d, PCI_COMMAND, 2), ==, 0);
    /* holding the bit does not reset again */
    cfg_wr(PCI_DEVICE(br), PCI_BRIDGE_CONTROL, PCI_BRIDGE_CTL_BUS_RESET, 2);
    g_assert_cmpuint(((TestPciFn *)d)->reset_count, ==, 1);
    fn_del(PCI_DEVICE(br));
}

static void test_libvirt_command_line(void)
{
    Error *err = NULL;
    DeviceState *br, *fn;

    br = add_json(
        "{\"driver\":\"pci-bridge\",\"chassis_nr\":1,\"id\":\"pci.1\",\"bus\":\"pci.0\",\"addr\":\"0x1\"}",
        &error_abort);
    g_assert_cmpint(PCI_DEVICE(br)->devfn, ==, PCI_DEVFN(1, 0));
    fn = add_json(
        "{\"driver\":\"test-pcifn\",\"id\":\"hostdev0\",\"bus\":\"pci.1\",\"addr\":\"0x1f\"}",
        &error_abort);
    g_assert_true(pci_get_bus(PCI_DEVICE(fn)) ==
                  pci_bridge_get_sec_bus(PCI_BRIDGE(br)));
    g_assert_cmpint(PCI_DEVICE(fn)->devfn, ==, PCI_DEVFN(0x1f, 0));
    g_assert_null(add_json(
        "{\"driver\":\"test-pcifn\",\"bus\":\"pci.1\",\"addr\":\"0x1f\"}",
        &err));
    g_assert_cmpstr(
        error_get_pretty(err), ==,
        "PCI: slot 31 function 0 not available for test-pcifn, in use by test-pcifn,id=hostdev0");
    error_free(err);
    object_unparent(OBJECT(br));
    g_assert_null(object_resolve_path("/machine/peripheral/hostdev0", NULL));
    g_assert_null(pci_bus_get_device(host.bus, PCI_DEVFN(1, 0)));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    fixture_setup();
    g_test_add_func("/pci/bridge/chassis-required", test_chassis_required);
    g_test_add_func("/pci/bridge/header", test_header);
    g_test_add_func("/pci/bridge/secondary-bus", test_secondary_bus);
    g_test_add_func("/pci/bridge/forwarding", test_forwarding);
    g_test_add_func("/pci/bridge/secondary-reset", test_secondary_reset);
    g_test_add_func("/pci/bridge/libvirt-command-line",
                    test_libvirt_command_line);
    return g_test_run();
}
