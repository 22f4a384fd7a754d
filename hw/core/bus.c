/*
 * qdev buses: naming, children, hotplug handler, reset walk.
 */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "hw/hotplug.h"
#include "qapi/error.h"
#include "qemu/module.h"
#include "bus-internal.h"

/* ---- creation ---- */

/*
 * The name a bus gets when its creator gives none: "<parent id>.<index
 * among the parent's buses>" when the parent has an id, else the bus type
 * in lower case with a number counted per bus class.
 */
static char *bus_invent_name(BusState *bus, DeviceState *parent)
{
    g_autofree char *stem = NULL;
    int number;

    if (parent && parent->id) {
        return g_strdup_printf("%s.%d", parent->id, parent->num_child_bus);
    }
    stem = g_ascii_strdown(object_get_typename(OBJECT(bus)), -1);
    number = BUS_GET_CLASS(bus)->automatic_ids++;
    return g_strdup_printf("%s.%d", stem, number);
}

/* The parent owns the bus from now on, as its QOM child @bus->name. */
static void bus_hang_below(BusState *bus, DeviceState *parent)
{
    parent->child_bus = g_slist_append(parent->child_bus, bus);
    parent->num_child_bus++;
    object_property_add_child(OBJECT(parent), bus->name, OBJECT(bus));
    object_unref(OBJECT(bus));
}

static void bus_setup(BusState *bus, DeviceState *parent, const char *name)
{
    bus->name = name ? g_strdup(name) : bus_invent_name(bus, parent);
    qbus_index_add_name(bus);
    bus->parent = parent;
    if (parent) {
        bus_hang_below(bus, parent);
    }
}

BusState *qbus_new(const char *typename, DeviceState *parent, const char *name)
{
    Object *obj = object_new(typename);

    bus_setup(BUS(obj), parent, name);
    return BUS(obj);
}

void qbus_init(void *bus, size_t size, const char *typename,
               DeviceState *parent, const char *name)
{
    object_initialize(bus, size, typename);
    bus_setup(BUS(bus), parent, name);
}

/* ---- children ---- */

bool qbus_is_full(BusState *bus)
{
    int limit = BUS_GET_CLASS(bus)->max_dev;

    return limit > 0 && bus->num_children >= limit;
}

/* Why @bus cannot take @dev, or true when it can. */
static bool bus_accepts(BusState *bus, DeviceState *dev, Error **errp)
{
    const char *wanted = DEVICE_GET_CLASS(dev)->bus_type;
    BusClass *bc = BUS_GET_CLASS(bus);

    if (!wanted || !object_dynamic_cast(OBJECT(bus), wanted)) {
        error_setg(errp, "Device '%s' can't go on %s bus",
                   object_get_typename(OBJECT(dev)),
                   object_get_typename(OBJECT(bus)));
        return false;
    }
    if (qbus_is_full(bus)) {
        error_setg(errp, "Bus '%s' is full", bus->name);
        return false;
    }
    return !bc->check_address || bc->check_address(bus, dev, errp);
}

/* Append in O(1): the bus keeps its last link, the device its own. */
static void bus_append_child(BusState *bus, DeviceState *dev, BusChild *entry)
{
    GList *link = g_list_alloc();

    link->data = entry;
    link->prev = bus->children_tail;
    if (bus->children_tail) {
        bus->children_tail->next = link;
    } else {
        bus->children = link;
    }
    bus->children_tail = link;
    dev->bus_link = link;
}

bool qdev_set_parent_bus(DeviceState *dev, BusState *bus, Error **errp)
{
    BusChild *entry;

    g_assert(!dev->parent_bus);
    if (!bus_accepts(bus, dev, errp)) {
        return false;
    }
    entry = g_new0(BusChild, 1);
    entry->child = dev;
    entry->index = bus->max_index++;
    bus_append_child(bus, dev, entry);
    bus->num_children++;
    /* the bus and the device keep each other alive while attached */
    object_ref(OBJECT(dev));
    dev->parent_bus = bus;
    object_ref(OBJECT(bus));
    return true;
}

void qdev_unset_parent_bus(DeviceState *dev)
{
    BusState *bus = dev->parent_bus;
    GList *link = dev->bus_link;

    if (!bus) {
        return;
    }
    g_assert(link && ((BusChild *)link->data)->child == dev);
    if (bus->children_tail == link) {
        bus->children_tail = link->prev;
    }
    g_free(link->data);
    bus->children = g_list_delete_link(bus->children, link);
    bus->num_children--;
    dev->bus_link = NULL;
    dev->parent_bus = NULL;
    object_unref(OBJECT(bus));
    object_unref(OBJECT(dev));
}

int qbus_walk_children(BusState *bus, int (*fn)(DeviceState *, void *),
                       void *opaque)
{
    GList *link;
    int ret = 0;

    for (link = bus->children; link && !ret; link = link->next) {
        ret = fn(((BusChild *)link->data)->child, opaque);
    }
    return ret;
}

/* ---- realize, hotplug, reset ---- */

bool qbus_realize(BusState *bus, Error **errp)
{
    bus->realized = true;
    return true;
}

/* Children go down in the reverse of the order they came up. */
void qbus_unrealize(BusState *bus)
{
    GList *link = bus->children_tail;

    for (; link; link = link->prev) {
        DeviceState *dev = ((BusChild *)link->data)->child;

        if (dev->realized) {
            qdev_unrealize(dev);
        }
    }
    bus->realized = false;
}

void qbus_set_hotplug_handler(BusState *bus, Object *handler)
{
    bus->hotplug_handler = NULL;
    if (handler) {
        bus->hotplug_handler = HOTPLUG_HANDLER(handler);
    }
}

/* A handler may refuse particular buses through is_hotpluggable_bus. */
bool qbus_is_hotpluggable(BusState *bus)
{
    HotplugHandlerClass *hc;

    if (!bus->hotplug_handler) {
        return false;
    }
    hc = HOTPLUG_HANDLER_GET_CLASS(bus->hotplug_handler);
    if (!hc->is_hotpluggable_bus) {
        return true;
    }
    return hc->is_hotpluggable_bus(bus->hotplug_handler, bus);
}

static int bus_reset_one(DeviceState *dev, void *opaque)
{
    device_reset(dev);
    return 0;
}

void qbus_reset_all(BusState *bus)
{
    void (*bus_reset)(BusState *) = BUS_GET_CLASS(bus)->reset;

    qbus_walk_children(bus, bus_reset_one, NULL);
    if (bus_reset) {
        bus_reset(bus);
    }
}

/* ---- type ---- */

/*
 * Unparenting a bus takes its devices with it (a device that has no QOM
 * parent is at least detached), then leaves the parent device.
 */
static void bus_unparent(Object *obj)
{
    BusState *bus = BUS(obj);
    DeviceState *owner = bus->parent;

    while (bus->children) {
        Object *dev = OBJECT(((BusChild *)bus->children->data)->child);

        object_ref(dev);
        object_unparent(dev);
        qdev_unset_parent_bus(DEVICE(dev));
        object_unref(dev);
    }
    if (!owner) {
        return;
    }
    owner->child_bus = g_slist_remove(owner->child_bus, bus);
    owner->num_child_bus--;
    bus->parent = NULL;
}

static void bus_instance_init(Object *obj)
{
    qbus_index_add(BUS(obj));
}

static void bus_finalize(Object *obj)
{
    qbus_index_remove(BUS(obj));
    g_free(BUS(obj)->name);
}

static char *bus_prop_name(Object *obj, Error **errp)
{
    return g_strdup(BUS(obj)->name);
}

static bool bus_prop_realized(Object *obj, Error **errp)
{
    return BUS(obj)->realized;
}

static void bus_class_init(ObjectClass *oc, void *data)
{
    oc->unparent = bus_unparent;
    object_class_property_add_str(oc, "name", bus_prop_name, NULL);
    object_class_property_add_bool(oc, "realized", bus_prop_realized, NULL);
}

static const TypeInfo bus_type_info = {
    .name = TYPE_BUS,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(BusState),
    .instance_init = bus_instance_init,
    .instance_finalize = bus_finalize,
    .abstract = true,
    .class_size = sizeof(BusClass),
    .class_init = bus_class_init,
};

static void bus_register_types(void)
{
    type_register_static(&bus_type_info);
}

type_init(bus_register_types)
