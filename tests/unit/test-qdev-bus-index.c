/*
 * Unit tests of the bus index behind qbus_find_recursive(): the answers
 * are the tree walk's (the first match in pre-order below the start,
 * a full bus skipped when only the type is asked), and a bus's children
 * keep their order through removals.
 *
 *   main-system-bus
 *     idx-bridge A   bus "dup" (wide)
 *     idx-bridge B   bus "dup" (wide), bus "b.narrow" (narrow, 1 slot)
 *   idx-bridge C (never plugged)   bus "lonely" (lonely type)
 */
#include "qemu/osdep.h"
#include "hw/boards.h"
#include "qapi/error.h"

#define TYPE_IDX_BUS     "idx-bus"
#define TYPE_WIDE        "idx-wide-bus"
#define TYPE_NARROW      "idx-narrow-bus"
#define TYPE_LONELY      "idx-lonely-bus"
#define TYPE_BRIDGE      "idx-bridge"
#define TYPE_LEAF        "idx-leaf"
#define TYPE_IDX_MACHINE "idx-test"

static void narrow_class_init(ObjectClass *oc, void *data)
{
    BUS_CLASS(oc)->max_dev = 1;
}

static void leaf_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->bus_type = TYPE_IDX_BUS;
}

static void machine_class_init(ObjectClass *oc, void *data)
{
    MACHINE_CLASS(oc)->desc = "bus index test machine";
    MACHINE_CLASS(oc)->is_default = true;
}

static const TypeInfo idx_types[] = {
    {
        .name = TYPE_IDX_BUS,
        .parent = TYPE_BUS,
        .abstract = true,
        .instance_size = sizeof(BusState),
        .class_size = sizeof(BusClass),
    },
    { .name = TYPE_WIDE, .parent = TYPE_IDX_BUS },
    { .name = TYPE_LONELY, .parent = TYPE_IDX_BUS },
    {
        .name = TYPE_NARROW,
        .parent = TYPE_IDX_BUS,
        .class_init = narrow_class_init,
    },
    {
        .name = TYPE_BRIDGE,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(DeviceState),
    },
    {
        .name = TYPE_LEAF,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(DeviceState),
        .class_init = leaf_class_init,
    },
    {
        .name = TYPE_IDX_MACHINE TYPE_MACHINE_SUFFIX,
        .parent = TYPE_MACHINE,
        .class_init = machine_class_init,
    },
};

DEFINE_TYPES(idx_types)

static DeviceState *bridge_a, *bridge_b, *bridge_c;
static BusState *dup_a, *dup_b, *narrow_b, *lonely;

static DeviceState *plug_bridge(const char *name)
{
    DeviceState *dev = qdev_new(TYPE_BRIDGE);

    object_property_add_child(qdev_get_machine(), name, OBJECT(dev));
    sysbus_realize_and_unref(dev, &error_abort);
    return dev;
}

static DeviceState *plug_leaf(BusState *bus)
{
    DeviceState *dev = qdev_new(TYPE_LEAF);

    qdev_realize_and_unref(dev, bus, &error_abort);
    return dev;
}

static BusState *find(const char *name, const char *type)
{
    return qbus_find_recursive(sysbus_get_default(), name, type);
}

static void setup(void)
{
    machine_new(find_machine(TYPE_IDX_MACHINE), &error_abort);
    bridge_a = plug_bridge("a");
    dup_a = qbus_new(TYPE_WIDE, bridge_a, "dup");
    bridge_b = plug_bridge("b");
    dup_b = qbus_new(TYPE_WIDE, bridge_b, "dup");
    narrow_b = qbus_new(TYPE_NARROW, bridge_b, "b.narrow");
    bridge_c = qdev_new(TYPE_BRIDGE);
    lonely = qbus_new(TYPE_LONELY, bridge_c, "lonely");
}

static void test_by_name(void)
{
    g_assert_true(find("dup", NULL) == dup_a);
    g_assert_true(find("dup", TYPE_WIDE) == dup_a);
    g_assert_null(find("dup", TYPE_NARROW));
    g_assert_true(find("b.narrow", NULL) == narrow_b);
    g_assert_null(find("b.narrow", TYPE_WIDE));
    g_assert_null(find("nothing", NULL));
    /* a bus whose device is on no bus is not in the tree */
    g_assert_null(find("lonely", NULL));
    g_assert_null(find(NULL, TYPE_LONELY));
    /* from a start below the root: only what is below it */
    g_assert_true(qbus_find_recursive(dup_b, "dup", NULL) == dup_b);
    g_assert_null(qbus_find_recursive(dup_b, "b.narrow", NULL));
}

static void test_by_type(void)
{
    DeviceState *leaf;
    BusState *second;

    g_assert_true(find(NULL, TYPE_NARROW) == narrow_b);
    g_assert_true(find(NULL, TYPE_IDX_BUS) == dup_a);
    leaf = plug_leaf(narrow_b);
    /* the only narrow bus is full: none */
    g_assert_null(find(NULL, TYPE_NARROW));
    g_assert_true(find("b.narrow", NULL) == narrow_b);
    /* a second one after it in pre-order is the answer */
    second = qbus_new(TYPE_NARROW, bridge_b, "b.narrow2");
    g_assert_true(find(NULL, TYPE_NARROW) == second);
    object_unparent(OBJECT(leaf));
    g_assert_true(find(NULL, TYPE_NARROW) == narrow_b);
}

static void check_order(BusState *bus, DeviceState **want, int n)
{
    GList *link = bus->children;

    g_assert_cmpint(bus->num_children, ==, n);
    for (int i = 0; i < n; i++, link = link->next) {
        g_assert_true(((BusChild *)link->data)->child == want[i]);
    }
    g_assert_null(link);
    g_assert_true(n ? bus->children_tail->data ==
                          g_list_last(bus->children)->data
                    : bus->children_tail == NULL);
}

static void test_children_order(void)
{
    DeviceState *d[5];

    for (int i = 0; i < 3; i++) {
        d[i] = plug_leaf(dup_b);
    }
    check_order(dup_b, d, 3);
    object_unparent(OBJECT(d[2]));
    d[2] = plug_leaf(dup_b);
    check_order(dup_b, d, 3);
    object_unparent(OBJECT(d[0]));
    check_order(dup_b, d + 1, 2);
    object_unparent(OBJECT(d[1]));
    object_unparent(OBJECT(d[2]));
    check_order(dup_b, d, 0);
    d[3] = plug_leaf(dup_b);
    check_order(dup_b, d + 3, 1);
    object_unparent(OBJECT(d[3]));
}

/* Last: the first "dup" goes, and the second is found. */
static void test_removed(void)
{
    object_unparent(OBJECT(bridge_a));
    g_assert_true(find("dup", NULL) == dup_b);
    object_unparent(OBJECT(bridge_b));
    g_assert_null(find("dup", NULL));
    g_assert_null(find(NULL, TYPE_NARROW));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    setup();
    g_test_add_func("/qdev/bus-index/by-name", test_by_name);
    g_test_add_func("/qdev/bus-index/by-type", test_by_type);
    g_test_add_func("/qdev/bus-index/children-order", test_children_order);
    g_test_add_func("/qdev/bus-index/removed", test_removed);
    return g_test_run();
}
