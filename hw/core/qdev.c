/*
 * qdev: the device base type, realize/unrealize, ids and tree placement.
 */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/hotplug.h"
#include "qapi/error.h"
#include "qemu/module.h"

bool qdev_hotplug;
static QdevDeletedFunc *deleted_sink;

void qdev_machine_creation_done(void)
{
    qdev_hotplug = true;
}

void qdev_set_deleted_sink(QdevDeletedFunc *fn)
{
    deleted_sink = fn;
}

/* ---- tree places ---- */

Object *qdev_get_machine(void)
{
    Object *root = object_get_root();
    Object *machine = object_resolve_path_component(root, "machine");

    return machine ? machine : container_get(root, "/machine");
}

Object *qdev_get_peripheral(void)
{
    return container_get(qdev_get_machine(), "/peripheral");
}

Object *qdev_get_peripheral_anon(void)
{
    return container_get(qdev_get_machine(), "/peripheral-anon");
}

const char *qdev_set_id(DeviceState *dev, char *id, Error **errp)
{
    static unsigned int anon_count;
    ObjectProperty *prop;

    g_assert(!dev->id && !dev->realized);
    if (id) {
        prop = object_property_try_add_child(qdev_get_peripheral(), id,
                                             OBJECT(dev), NULL);
        if (!prop) {
            error_setg(errp, "Duplicate device ID '%s'", id);
            g_free(id);
            return NULL;
        }
        dev->id = id;
    } else {
        g_autofree char *name = g_strdup_printf("device[%u]", anon_count++);

        prop = object_property_add_child(qdev_get_peripheral_anon(), name,
                                         OBJECT(dev));
    }
    return prop->name;
}

static void qdev_place_unattached(DeviceState *dev)
{
    static unsigned int unattached_count;
    g_autofree char *name = g_strdup_printf("device[%u]", unattached_count++);
    Object *unattached = container_get(qdev_get_machine(), "/unattached");

    object_property_add_child(unattached, name, OBJECT(dev));
}

/* ---- creation ---- */

DeviceState *qdev_try_new(const char *name)
{
    ObjectClass *oc = object_class_by_name(name);

    if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE) ||
        object_class_is_abstract(oc)) {
        return NULL;
    }
    return DEVICE(object_new(name));
}

DeviceState *qdev_new(const char *name)
{
    DeviceState *dev = qdev_try_new(name);

    if (!dev) {
        g_error("unknown or abstract device type '%s'", name);
    }
    return dev;
}

BusState *qdev_get_parent_bus(DeviceState *dev)
{
    return dev->parent_bus;
}

BusState *qdev_get_child_bus(DeviceState *dev, const char *name)
{
    GSList *l;

    for (l = dev->child_bus; l; l = l->next) {
        BusState *bus = l->data;

        if (!strcmp(bus->name, name)) {
            return bus;
        }
    }
    return NULL;
}

char *qdev_get_dev_path(DeviceState *dev)
{
    BusClass *bc;

    if (!dev || !dev->parent_bus) {
        return NULL;
    }
    bc = BUS_GET_CLASS(dev->parent_bus);
    return bc->get_dev_path ? bc->get_dev_path(dev) : NULL;
}

/* ---- realize / unrealize ---- */

static void qdev_unrealize_child_buses(DeviceState *dev)
{
    GSList *rev = g_slist_reverse(g_slist_copy(dev->child_bus));
    GSList *l;

    for (l = rev; l; l = l->next) {
        qbus_unrealize(l->data);
    }
    g_slist_free(rev);
}

static bool qdev_realize_child_buses(DeviceState *dev, Error **errp)
{
    GSList *l;

    for (l = dev->child_bus; l; l = l->next) {
        if (!qbus_realize(l->data, errp)) {
            qdev_unrealize_child_buses(dev);
            return false;
        }
    }
    return true;
}

static void device_undo_realize(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    qdev_unrealize_child_buses(dev);
    if (dc->unrealize) {
        dc->unrealize(dev);
    }
}

static bool device_do_realize(DeviceState *dev, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    HotplugHandler *handler = qdev_get_hotplug_handler(dev);

    if (handler && !hotplug_handler_pre_plug(handler, dev, errp)) {
        return false;
    }
    if (dc->realize && !dc->realize(dev, errp)) {
        return false;
    }
    if (!qdev_realize_child_buses(dev, errp)) {
        goto undo_realize;
    }
    g_free(dev->canonical_path);
    dev->canonical_path = object_get_canonical_path(OBJECT(dev));
    if (dev->hotplugged) {
        device_reset(dev);
    }
    dev->pending_deleted_event = false;
    if (handler && !hotplug_handler_plug(handler, dev, errp)) {
        goto undo_buses;
    }
    dev->realized = true;
    return true;

undo_buses:
    qdev_unrealize_child_buses(dev);
undo_realize:
    if (dc->unrealize) {
        dc->unrealize(dev);
    }
    return false;
}

static bool device_realize(DeviceState *dev, Error **errp)
{
    bool placed = false;

    if (dev->realized) {
        return true;
    }
    if (dev->globals_err) {
        error_propagate(errp, error_copy(dev->globals_err));
        return false;
    }
    if (!OBJECT(dev)->parent) {
        qdev_place_unattached(dev);
        placed = true;
    }
    if (!device_do_realize(dev, errp)) {
        if (placed) {
            object_ref(OBJECT(dev));
            object_unparent(OBJECT(dev));
            object_unref(OBJECT(dev));
        }
        return false;
    }
    return true;
}

static void device_unrealize(DeviceState *dev)
{
    if (!dev->realized) {
        return;
    }
    device_undo_realize(dev);
    dev->realized = false;
    dev->pending_deleted_event = true;
}

static bool device_get_realized(Object *obj, Error **errp)
{
    return DEVICE(obj)->realized;
}

static void device_set_realized(Object *obj, bool value, Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    if (value) {
        device_realize(dev, errp);
    } else {
        device_unrealize(dev);
    }
}

bool qdev_realize(DeviceState *dev, BusState *bus, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    g_assert(!dev->realized && !dev->parent_bus);
    if (!bus && dc->bus_type) {
        error_setg(errp, "Device '%s' needs a %s bus",
                   object_get_typename(OBJECT(dev)), dc->bus_type);
        return false;
    }
    if (bus && !qdev_set_parent_bus(dev, bus, errp)) {
        return false;
    }
    if (!object_property_set_bool(OBJECT(dev), "realized", true, errp)) {
        if (bus) {
            qdev_unset_parent_bus(dev);
        }
        return false;
    }
    return true;
}

bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, Error **errp)
{
    bool ok = qdev_realize(dev, bus, errp);

    object_unref(OBJECT(dev));
    return ok;
}

void qdev_unrealize(DeviceState *dev)
{
    object_property_set_bool(OBJECT(dev), "realized", false, &error_abort);
}

/* ---- reset ---- */

void device_reset(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    GSList *l;

    for (l = dev->child_bus; l; l = l->next) {
        qbus_reset_all(l->data);
    }
    if (dc->reset) {
        dc->reset(dev);
    }
}

/* ---- type ---- */

static void device_initfn(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    dev->hotplugged = qdev_hotplug;
    dev->instance_id_alias = -1;
}

static void device_post_init(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    qdev_prop_set_globals(dev, &dev->globals_err);
}

static void device_unparent(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    if (dev->realized) {
        qdev_unrealize(dev);
    }
    while (dev->child_bus) {
        BusState *bus = dev->child_bus->data;

        object_unparent(OBJECT(bus));
    }
    if (dev->parent_bus) {
        qdev_unset_parent_bus(dev);
    }
}

static void device_finalize(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    if (dev->pending_deleted_event && dev->canonical_path && deleted_sink) {
        deleted_sink(dev->id, dev->canonical_path);
    }
    error_free(dev->globals_err);
    g_free(dev->canonical_path);
    g_free(dev->id);
}

static bool device_get_hotpluggable(Object *obj, Error **errp)
{
    DeviceState *dev = DEVICE(obj);
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    return dc->hotpluggable &&
           (!dev->parent_bus || qbus_is_hotpluggable(dev->parent_bus));
}

static bool device_get_hotplugged(Object *obj, Error **errp)
{
    return DEVICE(obj)->hotplugged;
}

static void device_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    oc->unparent = device_unparent;
    dc->user_creatable = true;
    dc->hotpluggable = true;
    object_class_property_add_bool(oc, "realized", device_get_realized,
                                   device_set_realized);
    object_class_property_add_bool(oc, "hotpluggable", device_get_hotpluggable,
                                   NULL);
    object_class_property_add_bool(oc, "hotplugged", device_get_hotplugged,
                                   NULL);
}

static const TypeInfo device_type_info = {
    .name = TYPE_DEVICE,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(DeviceState),
    .instance_init = device_initfn,
    .instance_post_init = device_post_init,
    .instance_finalize = device_finalize,
    .abstract = true,
    .class_size = sizeof(DeviceClass),
    .class_init = device_class_init,
};

static void qdev_register_types(void)
{
    type_register_static(&device_type_info);
}

type_init(qdev_register_types)
