/*
 * qdev buses: naming, children, hotplug handler, reset walk.
 */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "hw/hotplug.h"
#include "qapi/error.h"
#include "qemu/module.h"

/* ---- creation ---- */

/* "<parent id>.N", else "<lower-case bus type>.N" (a per-class count). */
static char *qbus_default_name(BusState *bus, DeviceState *parent)
{
    BusClass *bc = BUS_GET_CLASS(bus);
    g_autofree char *base = NULL;

    if (parent && parent->id) {
        return g_strdup_printf("%s.%d", parent->id, parent->num_child_bus);
    }
    base = g_ascii_strdown(object_get_typename(OBJECT(bus)), -1);
    return g_strdup_printf("%s.%d", base, bc->automatic_ids++);
}

static void qbus_init_internal(BusState *bus, DeviceState *parent,
                               const char *name)
{
    bus->name = name ? g_strdup(name) : qbus_default_name(bus, parent);
    bus->parent = parent;
    if (parent) {
        parent->child_bus = g_slist_append(parent->child_bus, bus);
        parent->num_child_bus++;
        object_property_add_child(OBJECT(parent), bus->name, OBJECT(bus));
        object_unref(OBJECT(bus));
    }
}

BusState *qbus_new(const char *typename, DeviceState *parent, const char *name)
{
    BusState *bus = BUS(object_new(typename));

    qbus_init_internal(bus, parent, name);
    return bus;
}

void qbus_init(void *bus, size_t size, const char *typename,
               DeviceState *parent, const char *name)
{
    object_initialize(bus, size, typename);
    qbus_init_internal(BUS(bus), parent, name);
}

/* ---- children ---- */

bool qbus_is_full(BusState *bus)
{
    BusClass *bc = BUS_GET_CLASS(bus);

    return bc->max_dev && bus->num_children >= bc->max_dev;
}

bool qdev_set_parent_bus(DeviceState *dev, BusState *bus, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    BusClass *bc = BUS_GET_CLASS(bus);
    BusChild *kid;

    g_assert(!dev->parent_bus);
    if (!dc->bus_type || !object_dynamic_cast(OBJECT(bus), dc->bus_type)) {
        error_setg(errp, "Device '%s' can't go on %s bus",
                   object_get_typename(OBJECT(dev)),
                   object_get_typename(OBJECT(bus)));
        return false;
    }
    if (qbus_is_full(bus)) {
        error_setg(errp, "Bus '%s' is full", bus->name);
        return false;
    }
    if (bc->check_address && !bc->check_address(bus, dev, errp)) {
        return false;
    }
    kid = g_new0(BusChild, 1);
    kid->child = dev;
    kid->index = bus->max_index++;
    bus->children = g_list_append(bus->children, kid);
    bus->num_children++;
    dev->parent_bus = BUS(object_ref(OBJECT(bus)));
    object_ref(OBJECT(dev));
    return true;
}

void qdev_unset_parent_bus(DeviceState *dev)
{
    BusState *bus = dev->parent_bus;
    GList *l;

    if (!bus) {
        return;
    }
    for (l = bus->children; l; l = l->next) {
        BusChild *kid = l->data;

        if (kid->child == dev) {
            bus->children = g_list_delete_link(bus->children, l);
            bus->num_children--;
            g_free(kid);
            break;
        }
    }
    dev->parent_bus = NULL;
    object_unref(OBJECT(bus));
    object_unref(OBJECT(dev));
}

int qbus_walk_children(BusState *bus, int (*fn)(DeviceState *, void *),
                       void *opaque)
{
    GList *l;

    for (l = bus->children; l; l = l->next) {
        BusChild *kid = l->data;
        int ret = fn(kid->child, opaque);

        if (ret) {
            return ret;
        }
    }
    return 0;
}

/* ---- realize, hotplug, reset ---- */

bool qbus_realize(BusState *bus, Error **errp)
{
    bus->realized = true;
    return true;
}

void qbus_unrealize(BusState *bus)
{
    GList *l;

    for (l = g_list_last(bus->children); l; l = l->prev) {
        BusChild *kid = l->data;

        if (kid->child->realized) {
            qdev_unrealize(kid->child);
        }
    }
    bus->realized = false;
}

void qbus_set_hotplug_handler(BusState *bus, Object *handler)
{
    bus->hotplug_handler = handler ? HOTPLUG_HANDLER(handler) : NULL;
}

bool qbus_is_hotpluggable(BusState *bus)
{
    HotplugHandler *handler = bus->hotplug_handler;
    HotplugHandlerClass *hc;

    if (!handler) {
        return false;
    }
    hc = HOTPLUG_HANDLER_GET_CLASS(handler);
    return !hc->is_hotpluggable_bus || hc->is_hotpluggable_bus(handler, bus);
}

void qbus_reset_all(BusState *bus)
{
    BusClass *bc = BUS_GET_CLASS(bus);
    GList *l;

    for (l = bus->children; l; l = l->next) {
        BusChild *kid = l->data;

        device_reset(kid->child);
    }
    if (bc->reset) {
        bc->reset(bus);
    }
}

/* ---- type ---- */

static void bus_unparent(Object *obj)
{
    BusState *bus = BUS(obj);
    DeviceState *parent = bus->parent;

    while (bus->children) {
        BusChild *kid = bus->children->data;
        DeviceState *dev = kid->child;

        object_ref(OBJECT(dev));
        object_unparent(OBJECT(dev));
        qdev_unset_parent_bus(dev); /* when it had no QOM parent */
        object_unref(OBJECT(dev));
    }
    if (parent) {
        parent->child_bus = g_slist_remove(parent->child_bus, bus);
        parent->num_child_bus--;
        bus->parent = NULL;
    }
}

static void bus_finalize(Object *obj)
{
    BusState *bus = BUS(obj);

    g_free(bus->name);
}

static char *bus_get_name(Object *obj, Error **errp)
{
    return g_strdup(BUS(obj)->name);
}

static bool bus_get_realized(Object *obj, Error **errp)
{
    return BUS(obj)->realized;
}

static void bus_class_init(ObjectClass *oc, void *data)
{
    oc->unparent = bus_unparent;
    object_class_property_add_str(oc, "name", bus_get_name, NULL);
    object_class_property_add_bool(oc, "realized", bus_get_realized, NULL);
}

static const TypeInfo bus_type_info = {
    .name = TYPE_BUS,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(BusState),
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
