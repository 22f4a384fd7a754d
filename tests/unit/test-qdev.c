/*
 * Unit tests: qdev lifecycle, buses, hotplug, device creation from
 * -device options.
 */
#include "qemu/osdep.h"
#include "hw/qdev-properties.h"
#include "hw/hotplug.h"
#include "hw/boards.h"
#include "monitor/qdev.h"
#include "qapi/error.h"

#define TYPE_TEST_BUS     "test-bus"
#define TYPE_TEST_DEV     "test-dev"
#define TYPE_TEST_BRIDGE  "test-bridge"
#define TYPE_TEST_MACHINE "test-machine"

static GString *trace;

typedef struct TestDev {
    DeviceState parent_obj;
    uint32_t addr;
    bool fail;
} TestDev;

static TestDev *TEST_DEV(void *obj)
{
    return OBJECT_CHECK(TestDev, obj, TYPE_TEST_DEV);
}

static bool test_dev_realize(DeviceState *dev, Error **errp)
{
    if (TEST_DEV(dev)->fail) {
        g_string_append(trace, "realize-fail ");
        error_setg(errp, "realize refused");
        return false;
    }
    g_string_append(trace, "realize ");
    return true;
}

static void test_dev_unrealize(DeviceState *dev)
{
    g_string_append(trace, "unrealize ");
}

static Property test_dev_props[] = {
    DEFINE_PROP_UINT32("addr", TestDev, addr, 0),
    DEFINE_PROP_BOOL("fail", TestDev, fail, false),
    DEFINE_PROP_END_OF_LIST(),
};

static void test_dev_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->bus_type = TYPE_TEST_BUS;
    dc->realize = test_dev_realize;
    dc->unrealize = test_dev_unrealize;
    dc->desc = "test device";
    dc->categories = 1UL << DEVICE_CATEGORY_MISC;
    device_class_set_props(dc, test_dev_props);
}

static bool test_bus_check_address(BusState *bus, DeviceState *dev,
                                   Error **errp)
{
    if (TEST_DEV(dev)->addr == 99) {
        error_setg(errp, "address 99 is reserved");
        return false;
    }
    return true;
}

static void test_bus_class_init(ObjectClass *oc, void *data)
{
    BusClass *bc = BUS_CLASS(oc);

    bc->max_dev = 2;
    bc->check_address = test_bus_check_address;
}

/* The bridge owns a test bus and is its hotplug handler. */
static bool bridge_pre_plug(HotplugHandler *h, DeviceState *dev, Error **errp)
{
    g_string_append(trace, "pre_plug ");
    return true;
}

static bool bridge_plug(HotplugHandler *h, DeviceState *dev, Error **errp)
{
    g_string_append(trace, "plug ");
    return true;
}

static bool bridge_unplug(HotplugHandler *h, DeviceState *dev, Error **errp)
{
    g_string_append(trace, "unplug ");
    return true;
}

static void bridge_realize_bus(DeviceState *dev)
{
    BusState *bus = qbus_new(TYPE_TEST_BUS, dev, "tbus");

    qbus_set_hotplug_handler(bus, OBJECT(dev));
}

static void bridge_init(Object *obj)
{
    bridge_realize_bus(DEVICE(obj));
}

static void bridge_class_init(ObjectClass *oc, void *data)
{
    HotplugHandlerClass *hc = HOTPLUG_HANDLER_CLASS(oc);

    hc->pre_plug = bridge_pre_plug;
    hc->plug = bridge_plug;
    hc->unplug = bridge_unplug;
}

static void machine_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->desc = "test machine";
    mc->is_default = true;
    mc->default_ram_size = 128 * MiB;
}

static InterfaceInfo bridge_ifaces[] = { { TYPE_HOTPLUG_HANDLER }, { NULL } };

static const TypeInfo test_types[] = {
    {
        .name = TYPE_TEST_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(BusState),
        .class_size = sizeof(BusClass),
        .class_init = test_bus_class_init,
    },
    {
        .name = TYPE_TEST_DEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(TestDev),
        .class_init = test_dev_class_init,
    },
    {
        .name = TYPE_TEST_BRIDGE,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(DeviceState),
        .instance_init = bridge_init,
        .class_init = bridge_class_init,
        .interfaces = bridge_ifaces,
    },
    {
        .name = TYPE_TEST_MACHINE TYPE_MACHINE_SUFFIX,
        .parent = TYPE_MACHINE,
        .class_init = machine_class_init,
    },
};

DEFINE_TYPES(test_types)

static BusState *tbus;

static void setup_machine(void)
{
    MachineClass *mc = find_machine(TYPE_TEST_MACHINE);
    DeviceState *bridge;

    g_assert_nonnull(mc);
    g_assert_true(find_default_machine() == mc);
    machine_new(mc, &error_abort);
    bridge = qdev_new(TYPE_TEST_BRIDGE);
    object_property_add_child(qdev_get_machine(), "bridge", OBJECT(bridge));
    sysbus_realize_and_unref(bridge, &error_abort);
    tbus = qdev_get_child_bus(bridge, "tbus");
    g_assert_nonnull(tbus);
}

static void test_containers(void)
{
    MachineState *ms = current_machine_get();

    g_assert_nonnull(ms);
    g_assert_cmpuint(ms->ram_size, ==, 128 * MiB);
    g_assert_nonnull(object_resolve_path("/machine/peripheral", NULL));
    g_assert_nonnull(object_resolve_path("/machine/peripheral-anon", NULL));
    g_assert_nonnull(object_resolve_path("/machine/unattached/sysbus", NULL));
}

static void test_realize_order(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);

    g_string_truncate(trace, 0);
    qdev_set_id(dev, g_strdup("d0"), &error_abort);
    g_assert_true(qdev_realize(dev, tbus, &error_abort));
    g_assert_cmpstr(trace->str, ==, "pre_plug realize plug ");
    g_assert_true(dev->realized);
    g_assert_true(qdev_get_parent_bus(dev) == tbus);
    g_assert_cmpint(tbus->num_children, ==, 1);
    g_assert_true(object_resolve_path("/machine/peripheral/d0", NULL) ==
                  OBJECT(dev));
    qdev_unrealize(dev);
    g_assert_cmpstr(trace->str, ==, "pre_plug realize plug unrealize ");
    object_unparent(OBJECT(dev));
    object_unref(OBJECT(dev));
    g_assert_cmpint(tbus->num_children, ==, 0);
}

static void test_realize_failure(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    Error *err = NULL;

    g_string_truncate(trace, 0);
    qdev_prop_set_bit(dev, "fail", true);
    g_assert_false(qdev_realize(dev, tbus, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "realize refused");
    error_free(err);
    g_assert_false(dev->realized);
    g_assert_null(dev->parent_bus);
    g_assert_cmpint(tbus->num_children, ==, 0);
    g_assert_null(OBJECT(dev)->parent);
    object_unref(OBJECT(dev));
}

static void test_check_address_and_max_dev(void)
{
    DeviceState *a = qdev_new(TYPE_TEST_DEV);
    DeviceState *b = qdev_new(TYPE_TEST_DEV);
    DeviceState *c = qdev_new(TYPE_TEST_DEV);
    Error *err = NULL;

    qdev_prop_set_uint32(a, "addr", 99);
    g_assert_false(qdev_realize(a, tbus, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "address 99 is reserved");
    error_free(err);
    err = NULL;
    qdev_prop_set_uint32(a, "addr", 1);
    g_assert_true(qdev_realize(a, tbus, &error_abort));
    g_assert_true(qdev_realize(b, tbus, &error_abort));
    g_assert_true(qbus_is_full(tbus));
    g_assert_false(qdev_realize(c, tbus, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Bus 'tbus' is full");
    error_free(err);
    object_unref(OBJECT(c));
    object_unparent(OBJECT(a));
    object_unparent(OBJECT(b));
    object_unref(OBJECT(a));
    object_unref(OBJECT(b));
    g_assert_cmpint(tbus->num_children, ==, 0);
}

static char *last_deleted;

static void deleted_sink(const char *id, const char *path)
{
    g_free(last_deleted);
    last_deleted = g_strdup_printf("%s %s", id ? id : "-", path);
}

static JsonObject *opts_new(const char *k1, const char *v1, const char *k2,
                            const char *v2)
{
    JsonObject *o = json_object_new();

    json_object_set_string_member(o, "driver", TYPE_TEST_DEV);
    if (k1) {
        json_object_set_string_member(o, k1, v1);
    }
    if (k2) {
        json_object_set_string_member(o, k2, v2);
    }
    return o;
}

static void add_fails(JsonObject *o, bool json, const char *msg)
{
    Error *err = NULL;
    int children = tbus->num_children;

    g_assert_null(qdev_device_add_from_qdict(o, json, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
    json_object_unref(o);
    g_assert_cmpint(tbus->num_children, ==, children);
}

static void test_device_add(void)
{
    JsonObject *o = opts_new("id", "n1", "addr", "5");
    DeviceState *dev;

    g_string_truncate(trace, 0);
    dev = qdev_device_add_from_qdict(o, false, &error_abort);
    json_object_unref(o);
    g_assert_cmpuint(TEST_DEV(dev)->addr, ==, 5);
    g_assert_true(object_resolve_path("/machine/peripheral/n1", NULL) ==
                  OBJECT(dev));
    object_unref(OBJECT(dev));

    add_fails(opts_new("id", "n1", NULL, NULL), false,
              "Duplicate device ID 'n1'");
    g_assert_cmpint(tbus->num_children, ==, 1);

    qdev_set_deleted_sink(deleted_sink);
    g_assert_true(qdev_device_del("n1", &error_abort));
    g_assert_cmpstr(trace->str, ==, "pre_plug realize plug unplug unrealize ");
    g_assert_cmpstr(last_deleted, ==, "n1 /machine/peripheral/n1");
    g_assert_null(object_resolve_path("/machine/peripheral/n1", NULL));

    /* anonymous device, JSON form */
    o = json_object_new();
    json_object_set_string_member(o, "driver", TYPE_TEST_DEV);
    json_object_set_int_member(o, "addr", 7);
    json_object_set_string_member(o, "bus", "tbus");
    dev = qdev_device_add_from_qdict(o, true, &error_abort);
    json_object_unref(o);
    g_assert_cmpstr(object_get_canonical_path_component(OBJECT(dev)), ==,
                    "device[0]");
    object_unref(OBJECT(dev));
    g_assert_true(
        qdev_device_del("/machine/peripheral-anon/device[0]", &error_abort));
    g_assert_cmpstr(last_deleted, ==, "- /machine/peripheral-anon/device[0]");
    qdev_set_deleted_sink(NULL);
}

static void test_device_add_errors(void)
{
    JsonObject *o = json_object_new();
    Error *err = NULL;

    add_fails(o, false, "Parameter 'driver' is missing");
    o = opts_new(NULL, NULL, NULL, NULL);
    json_object_set_string_member(o, "driver", "foo");
    add_fails(o, false, "'foo' is not a valid device model name");
    o = opts_new(NULL, NULL, NULL, NULL);
    json_object_set_string_member(o, "driver", TYPE_DEVICE);
    add_fails(o, false,
              "Parameter 'driver' expects a non-abstract device type");
    o = opts_new(NULL, NULL, NULL, NULL);
    json_object_set_string_member(o, "driver", TYPE_TEST_BRIDGE);
    add_fails(o, false, "Parameter 'driver' expects a pluggable device type");
    add_fails(opts_new("id", "1a", NULL, NULL), false,
              "Parameter 'id' expects an identifier");
    add_fails(opts_new("bus", "nope", NULL, NULL), false,
              "Bus 'nope' not found");
    add_fails(opts_new("bus", "main-system-bus", NULL, NULL), false,
              "Device 'test-dev' can't go on System bus");
    add_fails(opts_new("bus", "/test-bridge/nope", NULL, NULL), false,
              "Bus 'nope' not found");
    add_fails(opts_new("foo", "1", NULL, NULL), false,
              "Property 'test-dev.foo' not found");
    add_fails(opts_new("addr", "x", "id", "e1"), false,
              "Parameter 'addr' expects integer");
    add_fails(opts_new("fail", "on", "id", "e2"), false, "realize refused");
    o = opts_new(NULL, NULL, NULL, NULL);
    json_object_set_string_member(o, "fail", "on");
    add_fails(o, true, "Invalid parameter type for 'fail', expected: boolean");
    g_assert_null(object_resolve_path("/machine/peripheral/e1", NULL));
    g_assert_null(object_resolve_path("/machine/peripheral/e2", NULL));

    g_assert_false(qdev_device_del("nope", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Device 'nope' not found");
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_DEVICE_NOT_FOUND);
    error_free(err);
    err = NULL;
    g_assert_false(qdev_device_del("/machine", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "/machine is not a hotpluggable device");
    error_free(err);
}

static void test_list_properties(void)
{
    JsonArray *list = qdev_list_properties(TYPE_TEST_DEV, &error_abort);
    Error *err = NULL;
    guint i;
    bool seen_addr = false;

    for (i = 0; i < json_array_get_length(list); i++) {
        JsonObject *p = json_array_get_object_element(list, i);
        const char *name = json_object_get_string_member(p, "name");

        g_assert_cmpstr(name, !=, "realized");
        if (!strcmp(name, "addr")) {
            seen_addr = true;
            g_assert_cmpstr(json_object_get_string_member(p, "type"), ==,
                            "uint32");
            g_assert_cmpint(json_object_get_int_member(p, "default-value"), ==,
                            0);
        }
    }
    g_assert_true(seen_addr);
    json_array_unref(list);
    g_assert_null(qdev_list_properties(TYPE_DEVICE, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'typename' expects a non-abstract device type");
    error_free(err);
    err = NULL;
    /* an existing type that is no device: QEMU 7.2's GenericError, not
     * DeviceNotFound */
    g_assert_null(qdev_list_properties(TYPE_CONTAINER, &err));
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_GENERIC_ERROR);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'typename' expects a non-abstract device type");
    error_free(err);
    err = NULL;
    g_assert_null(qdev_list_properties("no-such-type", &err));
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_DEVICE_NOT_FOUND);
    error_free(err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    trace = g_string_new(NULL);
    setup_machine();
    g_test_add_func("/qdev/containers", test_containers);
    g_test_add_func("/qdev/realize-order", test_realize_order);
    g_test_add_func("/qdev/realize-failure", test_realize_failure);
    g_test_add_func("/qdev/check-address-max-dev",
                    test_check_address_and_max_dev);
    g_test_add_func("/qdev/device-add", test_device_add);
    g_test_add_func("/qdev/device-add-errors", test_device_add_errors);
    g_test_add_func("/qdev/list-properties", test_list_properties);
    return g_test_run();
}
