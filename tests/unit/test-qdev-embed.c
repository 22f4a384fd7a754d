/*
 * Unit tests: a bus embedded in its device (qbus_init), devices realized
 * on the main system bus (sysbus_realize), and the system reset handler
 * list (qemu_register_reset / qemu_unregister_reset).
 */
#include "qemu/osdep.h"
#include "hw/qdev-properties.h"
#include "hw/boards.h"
#include "sysemu/runstate.h"
#include "qapi/error.h"

#define TYPE_EMB_BUS     "emb-bus"
#define TYPE_EMB_LEAF    "emb-leaf"
#define TYPE_EMB_BRIDGE  "emb-bridge"
#define TYPE_EMB_SYS     "emb-sys"
#define TYPE_EMB_MACHINE "emb-test"

static GString *trace;
static unsigned bus_finalized;

static void note(const char *word)
{
    g_string_append(trace, word);
    g_string_append_c(trace, ' ');
}

/* The bridge carries two buses inside its own instance. */
typedef struct EmbBridge {
    DeviceState parent_obj;
    BusState named;
    BusState unnamed;
} EmbBridge;

typedef struct EmbSys {
    DeviceState parent_obj;
    bool fail;
} EmbSys;

static void emb_bridge_init(Object *obj)
{
    EmbBridge *b = (EmbBridge *)obj;

    qbus_init(&b->named, sizeof(b->named), TYPE_EMB_BUS, DEVICE(obj), "inner");
    qbus_init(&b->unnamed, sizeof(b->unnamed), TYPE_EMB_BUS, DEVICE(obj), NULL);
}

static void emb_bus_finalize(Object *obj)
{
    bus_finalized++;
}

static void emb_leaf_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->bus_type = TYPE_EMB_BUS;
}

static bool emb_sys_realize(DeviceState *dev, Error **errp)
{
    if (((EmbSys *)dev)->fail) {
        error_setg(errp, "emb-sys refuses");
        return false;
    }
    note("sys-realize");
    return true;
}

static Property emb_sys_props[] = {
    DEFINE_PROP_BOOL("fail", EmbSys, fail, false),
    DEFINE_PROP_END_OF_LIST(),
};

static void emb_sys_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->realize = emb_sys_realize;
    device_class_set_props(dc, emb_sys_props);
}

static void emb_machine_class_init(ObjectClass *oc, void *data)
{
    MACHINE_CLASS(oc)->desc = "embedded bus test machine";
}

static const TypeInfo emb_types[] = {
    {
        .name = TYPE_EMB_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(BusState),
        .class_size = sizeof(BusClass),
        .instance_finalize = emb_bus_finalize,
    },
    {
        .name = TYPE_EMB_LEAF,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(DeviceState),
        .class_init = emb_leaf_class_init,
    },
    {
        .name = TYPE_EMB_BRIDGE,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(EmbBridge),
        .instance_init = emb_bridge_init,
    },
    {
        .name = TYPE_EMB_SYS,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(EmbSys),
        .class_init = emb_sys_class_init,
    },
    {
        .name = TYPE_EMB_MACHINE TYPE_MACHINE_SUFFIX,
        .parent = TYPE_MACHINE,
        .class_init = emb_machine_class_init,
    },
};

DEFINE_TYPES(emb_types)

static int count_child(DeviceState *dev, void *opaque)
{
    DeviceState *want = opaque;

    return dev == want;
}

static void test_embedded_bus(void)
{
    DeviceState *dev = qdev_new(TYPE_EMB_BRIDGE);
    EmbBridge *b = (EmbBridge *)dev;
    DeviceState *leaf = qdev_new(TYPE_EMB_LEAF);
    DeviceState *wrong = qdev_new(TYPE_EMB_SYS);
    g_autofree char *path = NULL;
    Error *err = NULL;

    /* both buses are in place, in the device's memory, under the device */
    g_assert_cmpint(dev->num_child_bus, ==, 2);
    g_assert_true(qdev_get_child_bus(dev, "inner") == &b->named);
    g_assert_cmpstr(b->named.name, ==, "inner");
    g_assert_true(b->named.parent == dev);
    g_assert_cmpstr(object_get_typename(OBJECT(&b->named)), ==, TYPE_EMB_BUS);
    g_assert_true(g_str_has_prefix(b->unnamed.name, "emb-bus."));
    g_assert_true(qdev_get_child_bus(dev, b->unnamed.name) == &b->unnamed);

    object_property_add_child(qdev_get_machine(), "emb", OBJECT(dev));
    g_assert_true(sysbus_realize(dev, &error_abort));
    path = object_get_canonical_path(OBJECT(&b->named));
    g_assert_cmpstr(path, ==, "/machine/emb/inner");
    g_assert_true(b->named.realized);
    g_assert_true(qbus_find("inner", &error_abort) == &b->named);

    /* a device plugs into it */
    g_assert_true(qdev_realize(leaf, &b->named, &error_abort));
    g_assert_true(qdev_get_parent_bus(leaf) == &b->named);
    g_assert_cmpint(b->named.num_children, ==, 1);
    g_assert_cmpint(qbus_walk_children(&b->named, count_child, leaf), ==, 1);
    g_assert_cmpint(b->unnamed.num_children, ==, 0);
    /* and a device of the wrong kind does not */
    g_assert_false(qdev_realize(wrong, &b->named, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Device 'emb-sys' can't go on emb-bus bus");
    error_free(err);
    g_assert_cmpint(b->named.num_children, ==, 1);
    object_unref(OBJECT(wrong));

    /* going away, the device takes the buses along without freeing them */
    bus_finalized = 0;
    object_unparent(OBJECT(leaf));
    object_unref(OBJECT(leaf));
    object_unparent(OBJECT(dev));
    object_unref(OBJECT(dev));
    g_assert_cmpuint(bus_finalized, ==, 2);
    g_assert_null(object_resolve_path("/machine/emb", NULL));
}

static void test_sysbus_realize(void)
{
    DeviceState *dev = qdev_new(TYPE_EMB_SYS);
    DeviceState *bad = qdev_new(TYPE_EMB_SYS);
    DeviceState *leaf = qdev_new(TYPE_EMB_LEAF);
    BusState *sysbus = sysbus_get_default();
    int before = sysbus->num_children;
    g_autofree char *path = NULL;
    Error *err = NULL;

    g_string_truncate(trace, 0);
    g_assert_true(sysbus_realize(dev, &err));
    g_assert_null(err);
    g_assert_cmpstr(trace->str, ==, "sys-realize ");
    g_assert_true(dev->realized);
    g_assert_true(qdev_get_parent_bus(dev) == sysbus);
    g_assert_cmpstr(sysbus->name, ==, "main-system-bus");
    g_assert_cmpint(sysbus->num_children, ==, before + 1);
    g_assert_cmpint(qbus_walk_children(sysbus, count_child, dev), ==, 1);
    path = object_get_canonical_path(OBJECT(dev));
    g_assert_true(g_str_has_prefix(path, "/machine/unattached/device["));

    /* failures leave the device unrealized and off the bus */
    qdev_prop_set_bit(bad, "fail", true);
    g_assert_false(sysbus_realize(bad, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "emb-sys refuses");
    error_free(err);
    err = NULL;
    g_assert_false(bad->realized);
    g_assert_null(bad->parent_bus);
    g_assert_false(sysbus_realize(leaf, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Device 'emb-leaf' can't go on System bus");
    error_free(err);
    g_assert_null(leaf->parent_bus);
    g_assert_cmpint(sysbus->num_children, ==, before + 1);

    object_unparent(OBJECT(dev));
    object_unref(OBJECT(dev));
    g_assert_cmpint(sysbus->num_children, ==, before);
    object_unref(OBJECT(bad));
    object_unref(OBJECT(leaf));
}

static void reset_note(void *opaque)
{
    note(opaque);
}

static void reset_other(void *opaque)
{
    note("other");
}

static void test_reset_handlers(void)
{
    static char a[] = "a", b[] = "b", c[] = "c";

    qemu_register_reset(reset_note, a);
    qemu_register_reset(reset_note, b);
    qemu_register_reset(reset_other, b);
    qemu_register_reset(reset_note, c);
    g_string_truncate(trace, 0);
    qemu_system_reset();
    g_assert_cmpstr(trace->str, ==, "a b other c ");

    /* the (function, opaque) pair is what gets removed, nothing else */
    qemu_unregister_reset(reset_note, b);
    g_string_truncate(trace, 0);
    qemu_system_reset();
    g_assert_cmpstr(trace->str, ==, "a other c ");

    /* unknown pairs are ignored; a twice-registered pair goes once */
    qemu_unregister_reset(reset_note, b);
    qemu_unregister_reset(reset_other, a);
    qemu_register_reset(reset_note, a);
    qemu_unregister_reset(reset_note, a);
    g_string_truncate(trace, 0);
    qemu_system_reset();
    g_assert_cmpstr(trace->str, ==, "other c a ");

    qemu_unregister_reset(reset_note, a);
    qemu_unregister_reset(reset_other, b);
    qemu_unregister_reset(reset_note, c);
    g_string_truncate(trace, 0);
    qemu_system_reset();
    g_assert_cmpstr(trace->str, ==, "");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    trace = g_string_new(NULL);
    machine_new(find_machine(TYPE_EMB_MACHINE), &error_abort);
    g_test_add_func("/qdev-embed/embedded-bus", test_embedded_bus);
    g_test_add_func("/qdev-embed/sysbus-realize", test_sysbus_realize);
    g_test_add_func("/qdev-embed/reset-handlers", test_reset_handlers);
    return g_test_run();
}
