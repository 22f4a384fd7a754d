/*
 * Unit tests: finding the bus for -device bus= (absolute and partial
 * paths, the hints that list what is there, full buses), choosing a bus
 * when none is given, and the refusals once the machine is running.
 *
 * The tree built by setup_tree():
 *
 *   main-system-bus
 *     twin-bridge              two buses: "left" (narrow, 1 slot), "right"
 *     single-bridge            one bus, named after its type ("wide-bus.N")
 *     single-bridge  id "single-bridge"  (an id equal to a type name)
 */
#include "qemu/osdep.h"
#include "hw/qdev-properties.h"
#include "hw/hotplug.h"
#include "hw/boards.h"
#include "monitor/qdev.h"
#include "qapi/error.h"

#define TYPE_ANY_BUS       "any-test-bus"
#define TYPE_NARROW_BUS    "narrow-bus"
#define TYPE_WIDE_BUS      "wide-bus"
#define TYPE_LEAF          "leaf-dev"
#define TYPE_FIXED_LEAF    "fixed-leaf"
#define TYPE_LEAF_SYS      "leaf-sys"
#define TYPE_NARROW_LEAF   "narrow-leaf"
#define TYPE_ORPHAN_LEAF   "orphan-leaf"
#define TYPE_TWIN_BRIDGE   "twin-bridge"
#define TYPE_SINGLE_BRIDGE "single-bridge"
#define TYPE_BUS_MACHINE   "bus-test"

static void narrow_bus_class_init(ObjectClass *oc, void *data)
{
    BUS_CLASS(oc)->max_dev = 1;
}

static void leaf_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->bus_type = TYPE_ANY_BUS;
    dc->user_creatable = true;
    dc->hotpluggable = true;
}

static void fixed_leaf_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->hotpluggable = false;
}

static void narrow_leaf_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->bus_type = TYPE_NARROW_BUS;
}

static void orphan_leaf_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->bus_type = "no-such-bus";
}

static void leaf_sys_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->bus_type = NULL;
    dc->user_creatable = true;
    dc->hotpluggable = true;
}

/* The twin bridge is the hotplug handler of its left bus only. */
static void twin_bridge_init(Object *obj)
{
    DeviceState *dev = DEVICE(obj);
    BusState *left = qbus_new(TYPE_NARROW_BUS, dev, "left");

    qbus_new(TYPE_WIDE_BUS, dev, "right");
    qbus_set_hotplug_handler(left, obj);
}

static void single_bridge_init(Object *obj)
{
    qbus_new(TYPE_WIDE_BUS, DEVICE(obj), NULL);
}

static void bus_machine_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->desc = "bus test machine";
    mc->is_default = true;
}

static InterfaceInfo handler_ifaces[] = { { TYPE_HOTPLUG_HANDLER }, { NULL } };

static const TypeInfo bus_test_types[] = {
    {
        .name = TYPE_ANY_BUS,
        .parent = TYPE_BUS,
        .abstract = true,
        .instance_size = sizeof(BusState),
        .class_size = sizeof(BusClass),
    },
    {
        .name = TYPE_NARROW_BUS,
        .parent = TYPE_ANY_BUS,
        .class_init = narrow_bus_class_init,
    },
    {
        .name = TYPE_WIDE_BUS,
        .parent = TYPE_ANY_BUS,
    },
    {
        .name = TYPE_LEAF,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(DeviceState),
        .class_init = leaf_class_init,
    },
    {
        .name = TYPE_FIXED_LEAF,
        .parent = TYPE_LEAF,
        .class_init = fixed_leaf_class_init,
    },
    {
        .name = TYPE_NARROW_LEAF,
        .parent = TYPE_LEAF,
        .class_init = narrow_leaf_class_init,
    },
    {
        .name = TYPE_ORPHAN_LEAF,
        .parent = TYPE_LEAF,
        .class_init = orphan_leaf_class_init,
    },
    {
        .name = TYPE_LEAF_SYS,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(DeviceState),
        .class_init = leaf_sys_class_init,
    },
    {
        .name = TYPE_TWIN_BRIDGE,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(DeviceState),
        .instance_init = twin_bridge_init,
        .interfaces = handler_ifaces,
    },
    {
        .name = TYPE_SINGLE_BRIDGE,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(DeviceState),
        .instance_init = single_bridge_init,
    },
    {
        .name = TYPE_BUS_MACHINE TYPE_MACHINE_SUFFIX,
        .parent = TYPE_MACHINE,
        .class_init = bus_machine_class_init,
    },
};

DEFINE_TYPES(bus_test_types)

static DeviceState *twin, *single_anon, *single_named;

static DeviceState *add_sysbus_dev(const char *type, const char *id)
{
    DeviceState *dev = qdev_new(type);

    if (id) {
        qdev_set_id(dev, g_strdup(id), &error_abort);
    } else {
        object_property_add_child(qdev_get_machine(), type, OBJECT(dev));
    }
    sysbus_realize_and_unref(dev, &error_abort);
    return dev;
}

static void setup_tree(void)
{
    machine_new(find_machine(TYPE_BUS_MACHINE), &error_abort);
    twin = add_sysbus_dev(TYPE_TWIN_BRIDGE, NULL);
    single_anon = add_sysbus_dev(TYPE_SINGLE_BRIDGE, NULL);
    single_named = add_sysbus_dev(TYPE_SINGLE_BRIDGE, TYPE_SINGLE_BRIDGE);
}

static BusState *child_bus(DeviceState *dev, int n)
{
    return g_slist_nth_data(dev->child_bus, n);
}

static void find_fails(const char *path, ErrorClass cls, const char *msg,
                       const char *hint)
{
    Error *err = NULL;

    g_assert_null(qbus_find(path, &err));
    g_assert_nonnull(err);
    g_assert_cmpint(error_get_class(err), ==, cls);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    g_assert_cmpstr(error_get_hint(err), ==, hint);
    error_free(err);
}

static void test_names(void)
{
    g_assert_cmpstr(child_bus(twin, 0)->name, ==, "left");
    g_assert_cmpstr(child_bus(twin, 1)->name, ==, "right");
    /* created before the id was set: named after the bus type */
    g_assert_cmpstr(child_bus(single_anon, 0)->name, ==, "wide-bus.0");
    g_assert_cmpstr(child_bus(single_named, 0)->name, ==, "wide-bus.1");
}

static void test_absolute(void)
{
    g_assert_true(qbus_find("/", &error_abort) == sysbus_get_default());
    g_assert_true(qbus_find("/twin-bridge/left", &error_abort) ==
                  child_bus(twin, 0));
    g_assert_true(qbus_find("/twin-bridge/right", &error_abort) ==
                  child_bus(twin, 1));
    /* repeated and trailing slashes are ignored */
    g_assert_true(qbus_find("//twin-bridge//right/", &error_abort) ==
                  child_bus(twin, 1));
    /* a device alone stands for its only child bus; an id beats a type */
    g_assert_true(qbus_find("/single-bridge", &error_abort) ==
                  child_bus(single_named, 0));
    g_assert_true(qbus_find("/single-bridge/wide-bus.1", &error_abort) ==
                  child_bus(single_named, 0));
}

static void test_partial(void)
{
    g_assert_true(qbus_find("left", &error_abort) == child_bus(twin, 0));
    g_assert_true(qbus_find("wide-bus.0", &error_abort) ==
                  child_bus(single_anon, 0));
    g_assert_true(qbus_find("main-system-bus", &error_abort) ==
                  sysbus_get_default());
    g_assert_true(qbus_find("main-system-bus/twin-bridge/right",
                            &error_abort) == child_bus(twin, 1));
    g_assert_true(qbus_find("main-system-bus/single-bridge/", &error_abort) ==
                  child_bus(single_named, 0));
}

static void test_not_found(void)
{
    find_fails("nope", ERROR_CLASS_GENERIC_ERROR, "Bus 'nope' not found", NULL);
    find_fails("", ERROR_CLASS_GENERIC_ERROR, "Bus '' not found", NULL);
    find_fails("/nope", ERROR_CLASS_DEVICE_NOT_FOUND, "Device 'nope' not found",
               "devices at \"main-system-bus\": \"twin-bridge\", "
               "\"single-bridge\", \"single-bridge\"/\"single-bridge\"\n");
    find_fails("left/x", ERROR_CLASS_DEVICE_NOT_FOUND, "Device 'x' not found",
               "devices at \"left\":\n");
    find_fails("/twin-bridge", ERROR_CLASS_GENERIC_ERROR,
               "Device 'twin-bridge' has multiple child buses",
               "child buses at \"twin-bridge\": \"left\", \"right\"\n");
    find_fails("/twin-bridge/middle", ERROR_CLASS_GENERIC_ERROR,
               "Bus 'middle' not found",
               "child buses at \"twin-bridge\": \"left\", \"right\"\n");
    /* the hint names a device by its id when it has one */
    find_fails("/single-bridge/wide-bus.0", ERROR_CLASS_GENERIC_ERROR,
               "Bus 'wide-bus.0' not found",
               "child buses at \"single-bridge\": \"wide-bus.1\"\n");
}

static void test_no_child_bus(void)
{
    DeviceState *leaf = qdev_new(TYPE_LEAF);

    qdev_set_id(leaf, g_strdup("lf"), &error_abort);
    qdev_realize(leaf, child_bus(twin, 1), &error_abort);
    find_fails("right/lf", ERROR_CLASS_GENERIC_ERROR,
               "Device 'lf' has no child bus", NULL);
    find_fails("right/leaf-dev/x", ERROR_CLASS_GENERIC_ERROR,
               "Bus 'x' not found", "child buses at \"lf\":\n");
    find_fails("right/zz", ERROR_CLASS_DEVICE_NOT_FOUND,
               "Device 'zz' not found",
               "devices at \"right\": \"leaf-dev\"/\"lf\"\n");
    object_unparent(OBJECT(leaf));
    object_unref(OBJECT(leaf));
}

/* A device found by its -device alias */
static void test_alias(void)
{
    qdev_register_alias(TYPE_TWIN_BRIDGE, "twin");
    g_assert_true(qbus_find("/twin/right", &error_abort) == child_bus(twin, 1));
}

static JsonObject *leaf_opts(const char *driver, const char *bus)
{
    JsonObject *o = json_object_new();

    json_object_set_string_member(o, "driver", driver);
    if (bus) {
        json_object_set_string_member(o, "bus", bus);
    }
    return o;
}

static DeviceState *add_ok(const char *driver, const char *bus)
{
    JsonObject *o = leaf_opts(driver, bus);
    DeviceState *dev = qdev_device_add_from_qdict(o, false, &error_abort);

    json_object_unref(o);
    object_unref(OBJECT(dev));
    return dev;
}

static void add_fails(const char *driver, const char *bus, const char *msg)
{
    JsonObject *o = leaf_opts(driver, bus);
    Error *err = NULL;

    g_assert_null(qdev_device_add_from_qdict(o, false, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
    json_object_unref(o);
}

/*
 * Without bus= a device goes to the first bus of its type that has
 * room, in tree order; a full bus named by path is refused.
 */
static void test_full_and_choice(void)
{
    BusState *left = child_bus(twin, 0);
    BusState *right = child_bus(twin, 1);
    DeviceState *a, *b;

    a = add_ok(TYPE_LEAF, NULL);
    g_assert_true(a->parent_bus == left);
    g_assert_true(qbus_is_full(left));
    find_fails("left", ERROR_CLASS_GENERIC_ERROR, "Bus 'left' is full", NULL);
    find_fails("/twin-bridge/left", ERROR_CLASS_GENERIC_ERROR,
               "Bus '/twin-bridge/left' is full", NULL);
    add_fails(TYPE_LEAF, "left", "Bus 'left' is full");
    b = add_ok(TYPE_LEAF, NULL);
    g_assert_true(b->parent_bus == right);
    g_assert_true(qbus_find_recursive(sysbus_get_default(), NULL,
                                      TYPE_NARROW_BUS) == NULL);
    g_assert_true(qbus_find_recursive(sysbus_get_default(), "left", NULL) ==
                  left);
    add_fails(TYPE_LEAF, "main-system-bus",
              "Device 'leaf-dev' can't go on System bus");
    add_fails(TYPE_LEAF, "/nope", "Device 'nope' not found");
    add_fails(TYPE_LEAF, "nope", "Bus 'nope' not found");
    object_unparent(OBJECT(a));
    object_unparent(OBJECT(b));
}

/* Every bus of the device's type is full, or there is none. */
static void test_no_bus_found(void)
{
    DeviceState *a = add_ok(TYPE_LEAF, "left");
    DeviceState *b;

    add_fails(TYPE_NARROW_LEAF, NULL,
              "No 'narrow-bus' bus found for device 'narrow-leaf'");
    add_fails(TYPE_ORPHAN_LEAF, NULL,
              "No 'no-such-bus' bus found for device 'orphan-leaf'");
    object_unparent(OBJECT(a));
    b = add_ok(TYPE_NARROW_LEAF, NULL);
    g_assert_true(b->parent_bus == child_bus(twin, 0));
    object_unparent(OBJECT(b));
}

/* After machine init: non-hotpluggable devices and buses are refused. */
static void test_hotplug_refusals(void)
{
    DeviceState *dev;
    Error *err = NULL;

    qdev_machine_creation_done();
    g_assert_true(qdev_hotplug);
    add_fails(TYPE_FIXED_LEAF, "left",
              "Parameter 'driver' expects a pluggable device type");
    add_fails(TYPE_LEAF, "right", "Bus 'right' does not support hotplugging");
    add_fails(TYPE_LEAF, "wide-bus.0",
              "Bus 'wide-bus.0' does not support hotplugging");
    /* the bus-test machine has no hotplug handler for bus-less devices */
    add_fails(TYPE_LEAF_SYS, NULL,
              "Device 'leaf-sys' can not be hotplugged on this machine");
    /* the left bus has a handler: hot-plug works there */
    dev = add_ok(TYPE_LEAF, "left");
    g_assert_true(dev->hotplugged);
    g_assert_true(dev->parent_bus == child_bus(twin, 0));
    /* hot-plug into a full bus */
    add_fails(TYPE_LEAF, "left", "Bus 'left' is full");
    g_assert_true(qdev_unplug(dev, &error_abort));
    g_assert_cmpint(child_bus(twin, 0)->num_children, ==, 0);

    /* a device on a bus without handler cannot be unplugged */
    qdev_hotplug = false;
    dev = add_ok(TYPE_LEAF, "right");
    qdev_hotplug = true;
    g_assert_false(qdev_unplug(dev, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Bus 'right' does not support hotplugging");
    error_free(err);
    object_unparent(OBJECT(dev));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    setup_tree();
    g_test_add_func("/qdev/bus/names", test_names);
    g_test_add_func("/qdev/bus/absolute", test_absolute);
    g_test_add_func("/qdev/bus/partial", test_partial);
    g_test_add_func("/qdev/bus/not-found", test_not_found);
    g_test_add_func("/qdev/bus/no-child-bus", test_no_child_bus);
    g_test_add_func("/qdev/bus/alias", test_alias);
    g_test_add_func("/qdev/bus/full-and-choice", test_full_and_choice);
    g_test_add_func("/qdev/bus/no-bus-found", test_no_bus_found);
    /* last: it switches the process into hot-plug mode */
    g_test_add_func("/qdev/bus/hotplug-refusals", test_hotplug_refusals);
    return g_test_run();
}
